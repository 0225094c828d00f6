#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/synthesis/synthesize.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

TEST(Synthesis, HomeRegionsGetTheirScaledWorkingAgePopulation) {
  const Scenario s = test::small_dingxi(0.01);
  const World world = synthesize_world(s);
  std::vector<std::size_t> residents(s.regions.size(), 0);
  for (std::size_t i = 0; i < world.workers.size(); ++i) ++residents[world.workers.home_region[i]];
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    EXPECT_EQ(residents[r],
              static_cast<std::size_t>(std::llround(s.regions[r].working_age_population * 0.01)))
        << s.regions[r].name;
  }
}

TEST(Synthesis, InitialStatesMatchTheScenarioShares) {
  const Scenario s = test::small_dingxi(0.05);
  const World world = synthesize_world(s);
  const WorkerStore& w = world.workers;
  double labor_force = 0, unemployed = 0, away = 0, insured = 0, farming = 0, rural_farmers = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    insured += (w.flags[i] & WorkerFlag::kInsured) != 0;
    if (w.status[i] == WorkerStatus::kInactive) continue;
    ++labor_force;
    unemployed += w.status[i] == WorkerStatus::kUnemployed;
    away += world.graph.node(w.location[i]).kind == RegionKind::kDestination;
    if (w.status[i] == WorkerStatus::kFarming) {
      ++farming;
      rural_farmers += (w.flags[i] & WorkerFlag::kRuralHukou) && w.location[i] == w.home_region[i];
    }
  }
  // Population-weighted means of the regions' shares.
  double people = 0, expected_away = 0, expected_farming = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    const RegionSpec& region = s.regions[r];
    people += region.working_age_population;
    expected_away += region.working_age_population * region.initial_migrant_share;
    expected_farming += region.working_age_population * region.initial_farming_share *
                        (1 - region.urban_hukou_share) * (1 - region.initial_migrant_share);
  }
  const double n = static_cast<double>(w.size());
  EXPECT_NEAR(labor_force / n, 0.8, 0.01);
  EXPECT_NEAR(unemployed / labor_force, 0.05, 0.005);
  EXPECT_NEAR(insured / n, 0.25, 0.01);
  EXPECT_NEAR(away / labor_force, expected_away / people, 0.01);  // Dingxi: 0.14
  EXPECT_NEAR(farming / labor_force, expected_farming / people, 0.01);  // Dingxi: 0.33
  EXPECT_GT(farming, 0.25 * labor_force);
  EXPECT_EQ(rural_farmers, farming) << "only rural-hukou people at home farm";
}

TEST(Synthesis, EveryEmployedWorkerHasASeatAtAnEmployerOfItsRegion) {
  const Scenario s = test::small_dingxi(0.02);
  const World world = synthesize_world(s);
  const WorkerStore& w = world.workers;
  const EmployerStore& e = world.employers;
  std::vector<std::uint32_t> counted(e.size(), 0);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w.status[i] != WorkerStatus::kEmployed) {
      EXPECT_EQ(w.employer[i], kNoEmployer);
      continue;
    }
    ASSERT_LT(w.employer[i], e.size());
    EXPECT_EQ(e.region[w.employer[i]], w.location[i]);
    EXPECT_FLOAT_EQ(w.wage[i], e.posted_wage[w.employer[i]] * w.skill[i]);
    ++counted[w.employer[i]];
  }
  EXPECT_EQ(counted, e.workforce);
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    for (EmployerId j = e.region_begin[r]; j < e.region_begin[r + 1]; ++j) {
      ASSERT_EQ(e.region[j], r);
    }
  }
}

TEST(Synthesis, EmployerSizesAreHeavyTailedAndWagesAverageToTheRegionMean) {
  const Scenario s = test::small_dingxi(0.2, 1);
  World world(s);
  synthesize_employers(world);
  const EmployerStore& e = world.employers;
  std::vector<float> sizes(e.base_target);
  std::sort(sizes.begin(), sizes.end(), std::greater<>());
  const double total = std::accumulate(sizes.begin(), sizes.end(), 0.0);
  const double top = std::accumulate(sizes.begin(), sizes.begin() + sizes.size() / 100, 0.0);
  EXPECT_GT(top / total, 0.2) << "the largest 1 % of employers should hold over 20 % of jobs";
  // Job-weighted posted wages average to each region's mean wage: within 10 % region by region
  // (a few large employers' own wage draws weigh heavily), within 2 % over all regions.
  double relative_sum = 0, all_jobs = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    double jobs = 0, payroll = 0;
    for (EmployerId j = e.region_begin[r]; j < e.region_begin[r + 1]; ++j) {
      jobs += e.base_target[j];
      payroll += e.base_target[j] * e.posted_wage[j];
    }
    EXPECT_NEAR(jobs, initial_jobs(s, static_cast<RegionId>(r)), 1e-3 * jobs);
    const double relative = payroll / jobs / s.regions[r].mean_wage_yuan_month;
    EXPECT_NEAR(relative, 1.0, 0.1) << s.regions[r].name;
    relative_sum += relative * jobs;
    all_jobs += jobs;
  }
  EXPECT_NEAR(relative_sum / all_jobs, 1.0, 0.02);
}

TEST(Synthesis, GridsAndStaffSpreadOverCommunities) {
  const Scenario s = test::toy_scenario();  // 5 grids, 2 communities, 6 staff, 2 professionals
  const World world = synthesize_world(s);
  const GridStore& g = world.grids;
  ASSERT_EQ(g.size(), 5u);
  EXPECT_EQ(std::count(g.community.begin(), g.community.end(), 0u), 3);
  EXPECT_EQ(std::accumulate(g.grid_staff.begin(), g.grid_staff.end(), 0), 6);
  EXPECT_EQ(std::accumulate(g.professionals.begin(), g.professionals.end(), 0), 2);
  EXPECT_EQ(g.grid_staff[0], 2);
}

TEST(Synthesis, MoveCostsAddLivingCostGapAndSpreadFare) {
  const Scenario s = test::toy_scenario();
  const World world = synthesize_world(s);
  EXPECT_FLOAT_EQ(world.move_cost_between(0, 0), 0);
  EXPECT_FLOAT_EQ(world.move_cost_between(0, 1), 1500 - 800 + 360.0 / 12);
  EXPECT_FLOAT_EQ(world.move_cost_between(1, 0), 800 - 1500 + 360.0 / 12);
  const Scenario far = test::toy_scenario({"search.max_travel_cost_yuan=100"});
  EXPECT_TRUE(std::isinf(synthesize_world(far).move_cost_between(0, 1)));
}

}  // namespace
}  // namespace laborsim
