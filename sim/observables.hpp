#pragma once
// The per-region monthly outputs, declared once: the engine fills them, the HDF5 writer and
// reader, the summary table and docs/OUTPUT.md all follow this table.
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "agents/region_graph.hpp"

namespace laborsim {

enum class Variable : std::size_t {
  kLaborForce,
  kEmployed,
  kUnemployed,
  kInactive,
  kVacancies,
  kHires,
  kSeparations,
  kMeanWage,
  kValueAdded,
  kBenefitsPaid,
  kMigrantsOut,
  kDemandIndex,
  kCount
};

inline constexpr std::size_t kVariableCount = static_cast<std::size_t>(Variable::kCount);

struct VariableInfo {
  Variable variable;
  std::string_view name;       //!< HDF5 dataset name
  std::string_view units;      //!< CF-style units attribute
  std::string_view long_name;  //!< one-line meaning
  bool weighted;               //!< a count of agents scaled by 1/population.scale
};

inline constexpr std::array<VariableInfo, kVariableCount> kVariables{{
    {Variable::kLaborForce, "labor_force", "persons",
     "labour force living in the region at the end of the month", true},
    {Variable::kEmployed, "employed", "persons",
     "employed people living in the region at the end of the month", true},
    {Variable::kUnemployed, "unemployed", "persons",
     "unemployed people living in the region at the end of the month", true},
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
}};

constexpr const VariableInfo& info(Variable v) { return kVariables[static_cast<std::size_t>(v)]; }

//! One month of outputs: value(variable, region).
class Observation {
 public:
  explicit Observation(std::size_t regions = 0)
      : regions_(regions), values_(kVariableCount * regions, 0.0) {}

  double& at(Variable v, RegionId r) { return values_[index(v) * regions_ + r]; }
  double at(Variable v, RegionId r) const { return values_[index(v) * regions_ + r]; }
  //! The regions' values of one variable, contiguous.
  const double* row(Variable v) const { return values_.data() + index(v) * regions_; }
  double* row(Variable v) { return values_.data() + index(v) * regions_; }
  std::size_t regions() const { return regions_; }
  //! Sum over all regions.
  double total(Variable v) const {
    double sum = 0;
    for (std::size_t r = 0; r < regions_; ++r) sum += values_[index(v) * regions_ + r];
    return sum;
  }

  friend bool operator==(const Observation&, const Observation&) = default;

 private:
  static std::size_t index(Variable v) { return static_cast<std::size_t>(v); }
  std::size_t regions_;
  std::vector<double> values_;
};

}  // namespace laborsim
