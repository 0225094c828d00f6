#include <gtest/gtest.h>

#include "sim/phases/phases.hpp"
#include "sim/synthesis/person.hpp"
#include "unit/hand_world.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

TEST(LaborFlows, ResidentsReaching60AreReplacedBy16YearOlds) {
  const Scenario s = test::toy_scenario(
      {"employers.separation_rate_monthly=0", "population.labor_force_exit_rate_monthly=0"});
  World world = test::hand_world(s,
                                 {{1, 2.0f, 3000, 0, WorkerStatus::kEmployed, 60 * 12 - 1},
                                  {0, 1.5f, 3000, 0, WorkerStatus::kEmployed, 60 * 12 - 2}},
                                 {{0, 3000, 0}, {1, 5000, 0}});
  WorkerStore& w = world.workers;
  EmployerStore& e = world.employers;
  w.employer = {1, 0};
  w.wage = {10000, 4500};
  e.workforce = {1, 1};
  world.atypical_separation.reset(2);
  world.month = 3;
  run_labor_flows(world);
  // Worker 0 turned 60 this month: its agent now is a 16-year-old at home, without a job.
  EXPECT_EQ(w.age_months[0], kWorkingAgeStartMonths);
  EXPECT_EQ(w.location[0], 0);
  EXPECT_EQ(w.employer[0], kNoEmployer);
  EXPECT_EQ(w.wage[0], 0);
  EXPECT_NE(w.status[0], WorkerStatus::kEmployed);
  EXPECT_NE(w.skill[0], 2.0f);
  EXPECT_EQ(e.workforce[1], 0u);
  EXPECT_EQ(e.separations[1], 1u);
  // Worker 1 just grew a month older.
  EXPECT_EQ(w.age_months[1], 60 * 12 - 1);
  EXPECT_EQ(w.status[1], WorkerStatus::kEmployed);
  EXPECT_EQ(e.workforce[0], 1u);
}

TEST(LaborFlows, UnemployedMigrantsGiveUpAndGoHomeAndTheMoveIsLogged) {
  const auto flows = [](double return_home) {
    const Scenario s =
        test::toy_scenario({"population.labor_force_exit_rate_monthly=0",
                            "search.return_home_monthly=" + std::to_string(return_home)});
    World world = test::hand_world(s, {{1}, {1}, {0}}, {{0, 3000, 0}});
    world.month = 5;
    run_labor_flows(world);
    return world;
  };
  const World stay = flows(0);
  EXPECT_EQ(stay.workers.location[0], 1);
  EXPECT_EQ(stay.moves[1 * 2 + 0], 0u);
  const World go = flows(1);
  EXPECT_EQ(go.workers.location[0], 0);  // home_region is 0 in hand worlds
  EXPECT_EQ(go.workers.location[1], 0);
  EXPECT_EQ(go.workers.status[0], WorkerStatus::kUnemployed);
  EXPECT_EQ(go.moves[1 * 2 + 0], 2u);  // Base -> Home, twice
  EXPECT_EQ(go.moves[0 * 2 + 1], 0u);
}

TEST(LaborFlows, ReplacementKeepsThePopulationAndParticipationSteady) {
  const Scenario s = test::small_dingxi(0.01, 1);
  World world = synthesize_world(s);
  const std::size_t people = world.workers.size();
  double participation = 0;
  for (int month = 0; month < 120; ++month) {
    world.month = month;
    plan_workforce(world);
    run_labor_flows(world);
    // The labour force would drift without the matching phases; count participation only.
  }
  for (std::size_t i = 0; i < people; ++i) {
    participation += world.workers.status[i] != WorkerStatus::kInactive;
  }
  EXPECT_EQ(world.workers.size(), people);
  EXPECT_NEAR(participation / static_cast<double>(people), 0.8, 0.01);
  double mean_age = 0;
  for (std::uint16_t age : world.workers.age_months) mean_age += age;
  EXPECT_NEAR(mean_age / static_cast<double>(people) / 12, 38, 0.5);  // still uniform over 16-59
}

}  // namespace
}  // namespace laborsim
