#pragma once
// Effects of an arm against the reference arm, replicate by replicate (the two runs share the
// seed), and their summaries over replicates: the mean and a 95 % interval (Student's t).
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "agents/key_groups.hpp"
#include "sim/output/trajectory.hpp"

namespace laborsim {

enum class Effect : std::size_t {
  kEmployed,
  kUnemployed,
  kFarming,
  kPublicPosts,
  kUnemploymentRate,
  kJobYears,
  kWageIncome,
  kValueAdded,
  kBenefitsPaid,
  kSpend,
  kNetFiscalCost,
  kCostPerJobYear,
  kCount
};
inline constexpr std::size_t kEffectCount = static_cast<std::size_t>(Effect::kCount);

struct EffectInfo {
  std::string_view name;
  std::string_view units;
  std::string_view long_name;
};

inline constexpr std::array<EffectInfo, kEffectCount> kEffects{{
    {"employed", "persons",
     "mean change in people employed by employers, all regions, over the recorded months"},
    {"unemployed", "persons", "mean change in unemployed people, all regions"},
    {"farming", "persons",
     "mean change in people farming at home between non-farm jobs (in the labour force, not "
     "unemployed)"},
    {"public_posts", "persons", "mean change in people on public-welfare posts"},
    {"unemployment_rate", "percentage points",
     "mean change in the unemployment rate (unemployed / labour force, all regions)"},
    {"job_years", "job-years",
     "jobs created over the run, market jobs and public-welfare posts: the change in employed "
     "plus public_posts summed over the months, / 12"},
    {"wage_income", "yuan",
     "change in wages earned over the run (mean wage x employed, all regions and months)"},
    {"value_added", "yuan", "change in value added over the run"},
    {"benefits_paid", "yuan", "change in unemployment benefits paid over the run"},
    {"spend", "yuan", "lever spending over the run, the arm's less the reference's"},
    {"net_fiscal_cost", "yuan", "spend plus the change in benefits paid"},
    {"cost_per_job_year", "yuan/job-year",
     "spend per job-year created (NaN unless the arm created jobs); its interval follows from "
     "that of job_years"},
}};

//! One replicate's effects of an arm: the statistics above and, per key group, the mean change
//! in group employment (persons) and in the group's unemployment rate (percentage points).
struct ReplicateEffects {
  std::array<double, kEffectCount> statistic{};
  std::array<double, kKeyGroupCount> group_employed{};
  std::array<double, kKeyGroupCount> group_unemployment_rate{};
};

//! `arm` against `reference`: two runs of the same months.
ReplicateEffects effects_of(const Trajectory& arm, const Trajectory& reference);

//! Mean and 95 % interval over replicates (t with R - 1 degrees of freedom; NaN bounds for one
//! replicate).
struct Interval {
  double mean = 0;
  double low = 0;
  double high = 0;
};
Interval summarize(const std::vector<double>& values);

//! Summaries of one arm's effects over its replicates; cost per job-year is mean spend over mean
//! job-years, its interval spend over the job-years interval (unbounded above, NaN, when that
//! interval reaches zero).
struct ArmSummary {
  std::array<Interval, kEffectCount> statistic{};
  std::array<Interval, kKeyGroupCount> group_employed{};
  std::array<Interval, kKeyGroupCount> group_unemployment_rate{};
};
ArmSummary summarize_arm(const std::vector<ReplicateEffects>& replicates);

//! A whole comparison: every arm but the reference against the reference.
struct ComparisonResult {
  std::vector<std::string> arms;        //!< the compared arms (the reference excluded)
  std::vector<std::string> arm_levers;  //!< per arm: its levers, comma-separated
  std::vector<std::vector<ReplicateEffects>> effects;  //!< [arm][replicate]
  std::vector<ArmSummary> summaries;                   //!< per arm
  //! Per arm and month, means over replicates: the change in employed [persons], in the
  //! unemployment rate [percentage points], and the arm's lever spending [yuan].
  std::vector<std::vector<double>> employed_by_month;
  std::vector<std::vector<double>> unemployment_rate_by_month;
  std::vector<std::vector<double>> spend_by_month;
};

//! `runs[r][a]` is replicate r of arm a (arm 0 the reference).
ComparisonResult compare_runs(const std::vector<std::string>& arm_names,
                              const std::vector<std::string>& arm_levers,
                              const std::vector<std::vector<Trajectory>>& runs);

//! The table `laborsim compare` prints for one arm.
std::string format_effects(const std::string& arm, const std::string& levers,
                           const ArmSummary& summary, std::size_t replicates);

}  // namespace laborsim
