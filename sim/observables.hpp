#pragma once
// The monthly outputs (per region, key group and sector), declared once: the engine fills them, the
// HDF5 writer and reader, the summary table and docs/OUTPUT.md all follow this table.
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "agents/firm_size_class.hpp"
#include "agents/key_groups.hpp"
#include "agents/region_graph.hpp"

namespace laborsim {

//! The dimension a variable has besides time.
enum class Axis : std::uint8_t {
  kRegion,     //!< the scenario's regions
  kGroup,      //!< the key groups (agents/key_groups.hpp); overlapping, not a partition
  kSector,     //!< the scenario's sectors
  kEdge,       //!< the scenario's links between regions
  kSizeClass,  //!< enterprise size classes (agents/firm_size_class.hpp)
  kPolicy,     //!< the scenario's policy levers, by name (empty without levers)
};
inline constexpr std::size_t kAxisCount = 6;
inline constexpr std::array<std::string_view, kAxisCount> kAxisNames{
    "region", "group", "sector", "edge", "size_class", "policy"};

enum class Variable : std::size_t {
  kLaborForce,
  kEmployed,
  kUnemployed,
  kJobSeekers,
  kInactive,
  kVacancies,
  kHires,
  kSeparations,
  kMeanWage,
  kValueAdded,
  kBenefitsPaid,
  kMigrantsOut,
  kDemandIndex,
  kActiveEmployers,
  kEmployerEntries,
  kEmployerExits,
  kStartupsActive,
  kWageArrears,
  kArrearsWrittenOff,
  kEmployeesInArrears,
  kGridContacts,
  kGridCoverage,
  kGridCaseload,
  kOddJobs,
  kJobFinders,
  kJobFindingRate,
  kJobToJobMoves,
  kSeparationRate,
  kDepartures,
  kArrivals,
  kMigrantLaborIncome,
  kTransferredThisYear,
  kFarming,
  kFarmersLooking,
  kFarmersHired,
  kStintEnds,
  kPublicPosts,
  kGroupLaborForce,
  kGroupEmployed,
  kGroupFarming,
  kGroupPublicPosts,
  kGroupUnemployed,
  kGroupLongTermUnemployed,
  kGroupMeanSpell,
  kSectorEmployed,
  kSectorVacancies,
  kSectorHires,
  kSectorSeparations,
  kSectorValueAdded,
  kSectorMeanWage,
  kLinkFlow,
  kSizeClassEmployers,
  kSizeClassEmployed,
  kSizeClassHires,
  kSizeClassSeparations,
  kSpend,
  kBeneficiaries,
  kNewBeneficiaries,
  kEligible,
  kTakeUp,
  kAttributedJobs,
  kCount
};

inline constexpr std::size_t kVariableCount = static_cast<std::size_t>(Variable::kCount);

struct VariableInfo {
  Variable variable;
  std::string_view name;       //!< HDF5 dataset name
  std::string_view units;      //!< CF-style units attribute
  std::string_view long_name;  //!< one-line meaning
  bool weighted;               //!< a count of agents scaled by 1/population.scale
  Axis axis = Axis::kRegion;
};

inline constexpr std::array<VariableInfo, kVariableCount> kVariables{{
    {Variable::kLaborForce, "labor_force", "persons",
     "labour force living in the region at the end of the month (employed + farming + "
     "public_posts + unemployed)",
     true},
    {Variable::kEmployed, "employed", "persons",
     "people working for an employer (or their own firm) in the region at the end of the month",
     true},
    {Variable::kUnemployed, "unemployed", "persons",
     "unemployed people living in the region at the end of the month", true},
    {Variable::kJobSeekers, "job_seekers", "persons",
     "people looking for a job in the month's matching (unemployed then), by where they lived",
     true},
    {Variable::kInactive, "inactive", "persons",
     "working-age people outside the labour force at the end of the month", true},
    {Variable::kVacancies, "vacancies", "jobs", "vacancies open to applicants during the month",
     true},
    {Variable::kHires, "hires", "persons", "hires by the region's employers during the month",
     true},
    {Variable::kSeparations, "separations", "persons",
     "jobs at the region's employers that ended during the month (all reasons)", true},
    {Variable::kMeanWage, "mean_wage", "yuan/month",
     "mean monthly wage of the people employed in the region (0 when nobody is)", false},
    {Variable::kValueAdded, "value_added", "yuan",
     "value added by the people employed in the region during the month", true},
    {Variable::kBenefitsPaid, "benefits_paid", "yuan",
     "unemployment-insurance benefits paid to people living in the region during the month", true},
    {Variable::kMigrantsOut, "migrants_out", "persons",
     "labour-force members whose home is the region and who live in a destination region", true},
    {Variable::kDemandIndex, "demand_index", "1",
     "labour-demand index of the region's employers (1 = baseline)", false},
    {Variable::kActiveEmployers, "employers", "employers",
     "employers in business in the region at the end of the month", true},
    {Variable::kEmployerEntries, "employer_entries", "employers",
     "start-ups founded in the region during the month", true},
    {Variable::kEmployerExits, "employer_exits", "employers",
     "employers that went out of business in the region during the month", true},
    {Variable::kStartupsActive, "startups_active", "employers",
     "employers founded since the start (burn-in excluded) still in business", true},
    {Variable::kWageArrears, "wage_arrears", "yuan",
     "wages owed by the region's employers in business at the end of the month", true},
    {Variable::kArrearsWrittenOff, "wage_arrears_written_off", "yuan",
     "wages owed by employers that went out of business during the month, lost to workers", true},
    {Variable::kEmployeesInArrears, "employees_in_arrears", "persons",
     "employees of employers that owe wages at the end of the month", true},
    {Variable::kGridContacts, "grid_contacts", "persons",
     "unemployed residents reached by grid staff during the month", true},
    {Variable::kGridCoverage, "grid_coverage", "1",
     "share of the unemployed living at home that grid staff reached (0 without grids)", false},
    {Variable::kGridCaseload, "grid_caseload", "persons",
     "unemployed residents at home per grid staff member (0 without grids)", false},
    {Variable::kOddJobs, "odd_jobs", "persons",
     "unemployed residents who worked odd jobs from the region's markets during the month", true},
    {Variable::kJobFinders, "job_finders", "persons",
     "unemployed people hired during the month, by the region they searched from", true},
    {Variable::kJobFindingRate, "job_finding_rate", "1/month",
     "job_finders over job_seekers (0 without seekers)", false},
    {Variable::kJobToJobMoves, "job_to_job_moves", "persons",
     "employed people (or holders of public-welfare posts) who moved straight to another employer "
     "during the month, by where they worked",
     true},
    {Variable::kSeparationRate, "separation_rate", "1/month",
     "separations over the employees the region's employers had when the month began", false},
    {Variable::kDepartures, "departures", "persons",
     "people who moved out of the region during the month", true},
    {Variable::kArrivals, "arrivals", "persons",
     "people who moved into the region during the month", true},
    {Variable::kMigrantLaborIncome, "migrant_labor_income", "yuan",
     "wages earned during the month by the region's residents working in destinations", true},
    {Variable::kTransferredThisYear, "transferred_this_year", "persons",
     "the region's residents who have lived in a destination at the end of some month this "
     "calendar year (transferred workers)",
     true},
    {Variable::kFarming, "farming", "persons",
     "people farming their household's land at home at the end of the month, between non-farm "
     "jobs (in the labour force, not unemployed)",
     true},
    {Variable::kFarmersLooking, "farmers_looking", "persons",
     "farming people looking for non-farm work in the month's matching, by home region", true},
    {Variable::kFarmersHired, "farmers_hired", "persons",
     "farming people who took a non-farm job during the month, by their home region", true},
    {Variable::kStintEnds, "stint_ends", "persons",
     "migrants whose seasonal stint at the region's employers ended during the month (they went "
     "home; part of separations)",
     true},
    {Variable::kPublicPosts, "public_posts", "persons",
     "people on public-welfare posts paid by a policy lever at the end of the month (in the "
     "labour force, employed in the ILO sense, not by an employer)",
     true},
    {Variable::kGroupLaborForce, "group_labor_force", "persons",
     "labour force in the key group at the end of the month", true, Axis::kGroup},
    {Variable::kGroupEmployed, "group_employed", "persons",
     "members of the key group working for an employer at the end of the month", true,
     Axis::kGroup},
    {Variable::kGroupFarming, "group_farming", "persons",
     "members of the key group farming at home at the end of the month", true, Axis::kGroup},
    {Variable::kGroupPublicPosts, "group_public_posts", "persons",
     "members of the key group on public-welfare posts at the end of the month", true,
     Axis::kGroup},
    {Variable::kGroupUnemployed, "group_unemployed", "persons",
     "unemployed members of the key group at the end of the month", true, Axis::kGroup},
    {Variable::kGroupLongTermUnemployed, "group_long_term_unemployed", "persons",
     "members of the key group unemployed for 12 months or more", true, Axis::kGroup},
    {Variable::kGroupMeanSpell, "group_mean_spell", "months",
     "mean elapsed unemployment spell of the group's unemployed (0 when none)", false,
     Axis::kGroup},
    {Variable::kSectorEmployed, "sector_employed", "persons",
     "people employed in the sector at the end of the month (all regions)", true, Axis::kSector},
    {Variable::kSectorVacancies, "sector_vacancies", "jobs",
     "vacancies open in the sector during the month", true, Axis::kSector},
    {Variable::kSectorHires, "sector_hires", "persons", "hires in the sector during the month",
     true, Axis::kSector},
    {Variable::kSectorSeparations, "sector_separations", "persons",
     "jobs in the sector that ended during the month", true, Axis::kSector},
    {Variable::kSectorValueAdded, "sector_value_added", "yuan",
     "value added in the sector during the month", true, Axis::kSector},
    {Variable::kSectorMeanWage, "sector_mean_wage", "yuan/month",
     "mean monthly wage in the sector (0 when nobody works in it)", false, Axis::kSector},
    {Variable::kLinkFlow, "link_flow", "persons",
     "people who travelled along the link during the month (either way), moving between regions "
     "by their cheapest route",
     true, Axis::kEdge},
    {Variable::kSizeClassEmployers, "size_class_employers", "employers",
     "employers in business in the size class at the end of the month", true, Axis::kSizeClass},
    {Variable::kSizeClassEmployed, "size_class_employed", "persons",
     "employees of the size class's employers at the end of the month", true, Axis::kSizeClass},
    {Variable::kSizeClassHires, "size_class_hires", "persons",
     "hires during the month by employers of the size class (by their size when the month "
     "began)",
     true, Axis::kSizeClass},
    {Variable::kSizeClassSeparations, "size_class_separations", "persons",
     "jobs that ended during the month at employers of the size class (by their size when the "
     "month began)",
     true, Axis::kSizeClass},
    {Variable::kSpend, "spend", "yuan",
     "what the lever paid during the month (subsidies, forgone premiums, course fees), from its "
     "ledger in exact fen",
     false, Axis::kPolicy},
    {Variable::kBeneficiaries, "beneficiaries", "1",
     "people or employers the lever paid or served during the month, new or continuing (counted "
     "once each)",
     true, Axis::kPolicy},
    {Variable::kNewBeneficiaries, "new_beneficiaries", "1",
     "beneficiaries who took the lever up during the month (a new trainee, a new subsidised "
     "hire), as opposed to those whose benefit continues",
     true, Axis::kPolicy},
    {Variable::kEligible, "eligible", "1",
     "people or employers the lever offered something to during the month (its target, where "
     "the offer was open)",
     true, Axis::kPolicy},
    {Variable::kTakeUp, "take_up", "1", "new beneficiaries over eligible (0 when none eligible)",
     false, Axis::kPolicy},
    {Variable::kAttributedJobs, "attributed_jobs", "jobs",
     "jobs the lever itself counts during the month: subsidised hires, hires of course "
     "completers (gross: the net effect needs a counterfactual, laborsim compare); 0 for levers "
     "that act through prices",
     true, Axis::kPolicy},
}};

constexpr const VariableInfo& info(Variable v) { return kVariables[static_cast<std::size_t>(v)]; }

//! Lengths of a run's axes.
struct AxisSizes {
  std::size_t regions = 0;
  std::size_t groups = kKeyGroupCount;
  std::size_t sectors = 0;
  std::size_t edges = 0;
  std::size_t size_classes = kSizeClassCount;
  std::size_t policies = 0;
  std::size_t of(Axis axis) const {
    switch (axis) {
      case Axis::kRegion:
        return regions;
      case Axis::kGroup:
        return groups;
      case Axis::kSector:
        return sectors;
      case Axis::kEdge:
        return edges;
      case Axis::kSizeClass:
        return size_classes;
      case Axis::kPolicy:
        return policies;
    }
    return 0;
  }
};

//! One month of outputs: value(variable, index along the variable's axis).
class Observation {
 public:
  Observation() : Observation(AxisSizes{}) {}
  explicit Observation(std::size_t regions) : Observation(AxisSizes{regions}) {}
  explicit Observation(AxisSizes sizes) : sizes_(sizes) {
    offsets_[0] = 0;
    for (std::size_t v = 0; v < kVariableCount; ++v) {
      offsets_[v + 1] = offsets_[v] + sizes_.of(kVariables[v].axis);
    }
    values_.assign(offsets_[kVariableCount], 0.0);
  }

  double& at(Variable v, std::size_t i) { return values_[offsets_[index(v)] + i]; }
  double at(Variable v, std::size_t i) const { return values_[offsets_[index(v)] + i]; }
  //! The values of one variable along its axis, contiguous.
  const double* row(Variable v) const { return values_.data() + offsets_[index(v)]; }
  double* row(Variable v) { return values_.data() + offsets_[index(v)]; }
  std::size_t length(Variable v) const { return sizes_.of(info(v).axis); }
  std::size_t regions() const { return sizes_.regions; }
  const AxisSizes& sizes() const { return sizes_; }
  //! Sum along the variable's axis (over regions; over groups it double-counts overlaps).
  double total(Variable v) const {
    double sum = 0;
    for (std::size_t i = 0; i < length(v); ++i) sum += at(v, i);
    return sum;
  }

  friend bool operator==(const Observation& a, const Observation& b) {
    return a.values_ == b.values_ && a.sizes_.regions == b.sizes_.regions &&
           a.sizes_.sectors == b.sizes_.sectors && a.sizes_.edges == b.sizes_.edges &&
           a.sizes_.policies == b.sizes_.policies;
  }

 private:
  static std::size_t index(Variable v) { return static_cast<std::size_t>(v); }
  AxisSizes sizes_;
  std::array<std::size_t, kVariableCount + 1> offsets_{};
  std::vector<double> values_;
};

}  // namespace laborsim
