// Whole-step properties: determinism across thread counts, accounting identities, and
// behaviour that must emerge from the agents' choices.
#include "sim/simulation.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <numeric>

#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

std::vector<Observation> run(const Scenario& s, int threads, WorkerStore* final_workers = nullptr) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  Simulation simulation(s);
  std::vector<Observation> months;
  for (int t = 0; t < s.months; ++t) months.push_back(simulation.step());
  if (final_workers != nullptr) *final_workers = simulation.world().workers;
  return months;
}

TEST(Simulation, IdenticalAtOneTwoAndFourThreads) {
  const Scenario s = test::small_dingxi(0.02, 8);
  WorkerStore one, two, four;
  const auto a = run(s, 1, &one);
  const auto b = run(s, 2, &two);
  const auto c = run(s, 4, &four);
  EXPECT_TRUE(a == b);
  EXPECT_TRUE(a == c);
  one.for_each_column([&](const char* name, auto& column) {
    two.for_each_column([&](const char* other, auto& other_column) {
      if (std::string(name) != other) return;
      if constexpr (std::is_same_v<decltype(column), decltype(other_column)>) {
        EXPECT_TRUE(column == other_column) << name;
      }
    });
  });
}

TEST(Simulation, EmploymentChangesOnlyThroughHiresAndSeparations) {
  const Scenario s = test::small_dingxi(0.01, 24);
  Simulation simulation(s);
  const double initial_employed = [&] {
    const WorkerStore& w = simulation.world().workers;
    return s.agent_weight() * static_cast<double>(std::count(w.status.begin(), w.status.end(),
                                                             WorkerStatus::kEmployed));
  }();
  double employed = initial_employed;
  for (int t = 0; t < s.months; ++t) {
    const Observation o = simulation.step();
    employed += o.total(Variable::kHires) - o.total(Variable::kSeparations);
    EXPECT_DOUBLE_EQ(o.total(Variable::kEmployed), employed) << "month " << t;
    // Everyone is somewhere: labour force plus inactive is the whole simulated population.
    EXPECT_DOUBLE_EQ(o.total(Variable::kLaborForce) + o.total(Variable::kInactive),
                     s.agent_weight() * static_cast<double>(simulation.world().workers.size()));
    EXPECT_DOUBLE_EQ(o.total(Variable::kLaborForce), o.total(Variable::kEmployed) +
                                                         o.total(Variable::kFarming) +
                                                         o.total(Variable::kUnemployed));
  }
}

TEST(Simulation, OutputsAreWeightedToFullPopulationSize) {
  const auto months = run(test::small_dingxi(0.01, 1), 2);
  // Dingxi: 1.534 M aged 16-59, participation 0.8.
  EXPECT_NEAR(months[0].total(Variable::kLaborForce), 1.534e6 * 0.8, 0.01 * 1.534e6 * 0.8);
}

// Job-finding is not imposed: it follows from how many applications workers send.
TEST(Simulation, MoreApplicationsFindJobsFaster) {
  auto job_finding = [](int applications) {
    const auto months =
        run(test::small_dingxi(0.01, 12,
                               {"search.applications_per_month=" + std::to_string(applications)}),
            2);
    double hires = 0, unemployed = 0;
    for (const Observation& o : months) {
      hires += o.total(Variable::kHires);
      unemployed += o.total(Variable::kUnemployed);
    }
    return hires / unemployed;
  };
  const double one = job_finding(1);
  const double eight = job_finding(8);
  // Measured: 0.44 and 0.58 (hires over end-of-month unemployment, monthly).
  EXPECT_GT(eight, 1.2 * one) << "one application: " << one << ", eight: " << eight;
}

// Common random numbers: a run with a local demand shock differs from the baseline only
// through the shock, so the effect shows without replicate noise.
TEST(Simulation, LocalDemandShockRaisesLocalUnemployment) {
  const std::string shock =
      R"(economy.shocks=[{"regions": ["Anding"], "start": "2024-04", "duration_months": 6,
                          "demand_change": -0.2}])";
  const auto baseline = run(test::small_dingxi(0.02, 12), 2);
  const auto shocked = run(test::small_dingxi(0.02, 12, {shock}), 2);
  const RegionId anding = 0;
  for (int t = 0; t < 3; ++t) EXPECT_TRUE(baseline[t] == shocked[t]) << "before the shock";
  const auto rate = [&](const Observation& o) {
    return o.at(Variable::kUnemployed, anding) / o.at(Variable::kLaborForce, anding);
  };
  // Over the six months of the shock (April to September). Measured: 4.8 % without the shock,
  // 7.3 % with it; the gap narrows as laid-off workers find jobs elsewhere or go back to farming.
  double baseline_rate = 0, shocked_rate = 0;
  for (int t = 3; t < 9; ++t) {
    baseline_rate += rate(baseline[t]) / 6;
    shocked_rate += rate(shocked[t]) / 6;
  }
  EXPECT_GT(shocked_rate, baseline_rate + 0.015);
  EXPECT_LT(shocked[8].at(Variable::kEmployed, anding),
            0.95 * baseline[8].at(Variable::kEmployed, anding));
}

// The synthesised state is not the model's steady state; burn-in months close the gap before
// recording starts. Dingxi has seasons, so years are compared by their mean rates.
TEST(Simulation, BurnInStartsTheRecordNearSteadyState) {
  auto rates = [](int burn_in) {
    const auto months =
        run(test::small_dingxi(0.05, 24, {"burn_in_months=" + std::to_string(burn_in)}), 2);
    std::vector<double> rate;
    for (const Observation& o : months) {
      rate.push_back(o.total(Variable::kUnemployed) / o.total(Variable::kLaborForce));
    }
    const double first = std::accumulate(rate.begin(), rate.begin() + 12, 0.0) / 12;
    const double second = std::accumulate(rate.begin() + 12, rate.end(), 0.0) / 12;
    return std::pair{first, second};
  };
  // Measured: 3.0 % then 4.9 % from a cold start; 5.2 % then 5.7 % after Dingxi's 48 months.
  const auto [cold_first, cold_second] = rates(0);
  const auto [warm_first, warm_second] = rates(48);
  EXPECT_LT(cold_first, cold_second - 0.015);
  EXPECT_NEAR(warm_first, warm_second, 0.01);
}

TEST(Simulation, MigrantsTravelToDestinationsAndSomeComeHome) {
  const auto months = run(test::small_dingxi(0.01, 24), 2);
  const Observation& last = months.back();
  // In December, with stints ending for the Spring Festival, about a sixth of the labour force
  // works in the labour bases (measured: 0.13; 0.20 at the spring peak).
  const double away = last.total(Variable::kMigrantsOut) / last.total(Variable::kLaborForce);
  EXPECT_GT(away, 0.1);
  EXPECT_LT(away, 0.3);
  double destination_hires = 0;
  for (RegionId r = 7; r < 17; ++r) destination_hires += last.at(Variable::kHires, r);
  EXPECT_GT(destination_hires, 0);
}

}  // namespace
}  // namespace laborsim
