#pragma once
// The frozen scenario: typed, validated, immutable once built. Field meanings and sources are in
// configs/schema/scenario.schema.json; units are in the names. Defaults live in the schema only:
// a Scenario is always frozen from a document the schema has filled in.
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "agents/key_groups.hpp"
#include "agents/region_graph.hpp"
#include "policies/policy_spec.hpp"
#include "sim/calendar.hpp"

namespace laborsim {

struct PopulationSpec {
  double scale{};
  double participation_rate{};
  double initial_unemployment_rate{};
  double skill_sigma{};
  double ui_coverage_share{};
  double labor_force_exit_rate_monthly{};
  std::array<double, 4> education_shares{};  //!< by Education level, normalised to sum 1
  double returns_to_schooling{};
  double ex_serviceman_share{};
  double poverty_alleviation_share{};
  double disability_share{};
  double skill_growth_monthly{};
  double skill_depreciation_monthly{};
  double initial_savings_months{};
  double saving_rate{};
};

struct RegionSpec {
  std::string name;
  RegionKind kind = RegionKind::kHome;
  double working_age_population{};  //!< [persons], home regions
  double initial_migrant_share{};
  double initial_farming_share{};  //!< of the rural-hukou labour force at home, home regions
  double migrant_jobs{};           //!< [jobs], destinations
  double mean_wage_yuan_month{};
  double living_cost_yuan_month{};
  int urban_communities{};
  double urban_hukou_share{};
  std::vector<double> sector_shares;         //!< by sector index, normalised to sum 1
  std::array<double, 12> seasonal_demand{};  //!< demand factor by calendar month, January first
};

struct SectorSpec {
  std::string name;
  double mean_firm_size{};
  double wage_multiplier{};
  double job_share_home{};
  double job_share_destination{};
  double separation_rate_monthly{};  //!< the sector's own, or employers.separation_rate_monthly
  bool open_to_startups = true;
};

struct EmployerSpec {
  std::vector<SectorSpec> sectors;
  double size_tail_exponent{};
  double max_to_min_firm_size{};
  double wage_dispersion_sigma{};
  double initial_vacancy_rate{};
  double separation_rate_monthly{};
  double layoff_speed{};
  double social_insurance_rate{};
  double ui_premium_rate{};
  double markup{};
  double labor_demand_elasticity{};
  double wage_raise_monthly{};
  double wage_cut_monthly{};
  double minimum_wage_yuan_month{};
  double firm_demand_sigma{};
  double firm_demand_persistence{};
  double fixed_cost_share{};
  double vacancy_cost_share{};
  double initial_cash_months{};
  int exit_after_loss_months{};
  double exit_arrears_months{};
  double arrears_quit_rate_monthly{};
  double entry_slots_share{};
};

struct EntrepreneurshipSpec {
  double outside_entry_rate_monthly{};
  double attempt_rate_monthly{};
  double capital_yuan{};
  double credit_multiple{};
  double mean_size_workers{};
};

struct SearchSpec {
  double applications_per_month{};
  int offer_rounds{};
  double spell_screening_per_month{};
  int spell_screening_max_months{};
  double match_quality_sigma{};
  double hiring_threshold{};
  double initial_reservation_ratio{};
  double reservation_ratio_after_job_loss{};
  double reservation_wage_decay_monthly{};
  double reservation_wage_floor_yuan_month{};
  double max_travel_cost_yuan{};
  double travel_cost_horizon_months{};
  double return_home_probability{};
  double return_home_monthly{};
  double on_the_job_search_monthly{};
  double on_the_job_applications_per_month{};
  double job_switch_premium{};
};

struct BenefitSpec {
  double ui_benefit_yuan_month{};
  int max_duration_months{};
  int min_contribution_months{};
};

struct ShockSpec {
  std::vector<RegionId> regions;  //!< empty = all regions
  int start_month{};              //!< months since the scenario start (may be negative)
  int duration_months{};
  double demand_change{};  //!< relative change of labour demand
};

struct EconomySpec {
  double persistence{};
  double common_sigma{};
  double regional_sigma{};
  std::vector<ShockSpec> shocks;
};

struct GridSpec {
  int grids{};
  int employment_professionals{};
  int grid_staff{};
  int information_staff{};
  int liaison_staff{};
  double contacts_per_staff_month{};
  double extra_applications{};
  double referral_rank_bonus{};
  std::array<double, kKeyGroupCount> priority_weights{};  //!< by KeyGroup
};

struct OddJobsSpec {
  int markets_per_county{};
  double placements_per_market_month{};
  double earnings_yuan_month{};
  std::array<double, kKeyGroupCount> priority_weights{};  //!< by KeyGroup
};

//! Farm households and circular migration (docs/MODEL.md, "Farm work and circular migration").
struct FarmingSpec {
  bool enabled = false;
  double income_yuan_month{};
  double take_up_monthly{};
  std::array<double, 12> stint_end_monthly{};  //!< by calendar month, January first
  std::array<double, 12> search_monthly{};     //!< by calendar month, January first
};

//! An arm of a comparison: a named subset of the scenario's levers.
struct ArmSpec {
  std::string name;
  std::string description;
  std::vector<std::size_t> levers;  //!< indices into Scenario::policies, in scenario order
};

struct OutputSpec {
  std::string directory;
  int compression_level{};
  int chunk_months{};
  long long panel_workers{};  //!< worker agents followed in /panel (0: none)
};

struct Scenario {
  std::string name;
  std::string description;
  std::uint64_t seed{};
  YearMonth start;
  int months{};
  int burn_in_months{};
  PopulationSpec population;
  std::vector<RegionSpec> regions;
  std::vector<RegionLink> links;
  EmployerSpec employers;
  SearchSpec search;
  BenefitSpec benefits;
  EconomySpec economy;
  EntrepreneurshipSpec entrepreneurship;
  GridSpec grids;
  OddJobsSpec odd_jobs;
  FarmingSpec farming;
  std::vector<PolicySpec> policies;  //!< the levers, in the scenario's order
  std::vector<ArmSpec> arms;         //!< as listed (empty: laborsim compare's default arms)
  OutputSpec output;
  //! The merged, defaulted, validated document this scenario was frozen from (provenance).
  nlohmann::json config;

  RegionGraph region_graph() const;
  //! Weight of one agent in output totals: people per agent.
  double agent_weight() const { return 1.0 / population.scale; }
};

}  // namespace laborsim
