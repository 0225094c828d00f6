#include <gtest/gtest.h>

#include <cmath>

#include "sim/phases/phases.hpp"
#include "sim/synthesis/synthesize.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

TEST(Economy, ScriptedShocksHitTheirRegionsForTheirMonthsOnly) {
  const Scenario s = test::toy_scenario({
      R"(economy.shocks=[{"regions": ["Base"], "start": "2024-03", "duration_months": 2,
                          "demand_change": -0.25}])"});
  World world = synthesize_world(s);
  std::vector<double> base, home;
  for (int month = 0; month < 6; ++month) {
    world.month = month;
    update_economy(world);
    home.push_back(world.economy.demand_index[0]);
    base.push_back(world.economy.demand_index[1]);
  }
  EXPECT_EQ(home, std::vector<double>(6, 1.0));  // no noise in the toy scenario
  EXPECT_EQ(base, (std::vector<double>{1, 1, 0.75, 0.75, 1, 1}));
}

TEST(Economy, SeasonalFactorsFollowTheCalendarAcrossYearsAndBurnIn) {
  // The toy scenario starts in January 2024; the Base's demand dips for the Spring Festival.
  const Scenario s =
      test::toy_scenario({"regions.1.seasonal_demand=[0.5, 0.75, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]"});
  World world = synthesize_world(s);
  std::vector<double> base;
  for (int month = -2; month < 14; ++month) {  // November 2023 to February 2025
    world.month = month;
    update_economy(world);
    EXPECT_EQ(world.economy.demand_index[0], 1.0);  // the Home region has no seasons
    base.push_back(world.economy.demand_index[1]);
  }
  EXPECT_EQ(base, (std::vector<double>{1, 2, 0.5, 0.75, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0.5, 0.75}));
}

TEST(Economy, DemandFollowsAStationaryAr1) {
  const Scenario s = test::toy_scenario(
      {"economy.common_sigma=0", "economy.regional_sigma=0.02", "economy.persistence=0.5"});
  World world = synthesize_world(s);
  double sum = 0, squares = 0;
  const int months = 20000;
  for (int month = 0; month < months; ++month) {
    world.month = month;
    update_economy(world);
    const double x = std::log(world.economy.demand_index[0]);
    sum += x;
    squares += x * x;
  }
  // Stationary sd of an AR(1): sigma / sqrt(1 - rho^2).
  EXPECT_NEAR(sum / months, 0.0, 0.002);
  EXPECT_NEAR(std::sqrt(squares / months), 0.02 / std::sqrt(0.75), 0.001);
}

}  // namespace
}  // namespace laborsim
