#include <gtest/gtest.h>

#include "sim/phases/phases.hpp"
#include "unit/hand_world.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

TEST(Incomes, BenefitsArePaidAndReservationWagesFallTowardTheFloor) {
  const Scenario s = test::toy_scenario();  // benefit 1620, floor 1200, decay 3 %
  World world = test::hand_world(
      s,
      {{0, 1, 3000, 4}, {1, 1, 1650, 0}, {0, 1, 1100, 7}, {0, 1, 3000, 0, WorkerStatus::kEmployed}},
      {{0, 3000, 0}});
  WorkerStore& w = world.workers;
  w.benefit_months_left[0] = 2;
  w.benefit_months_left[1] = 1;
  w.tenure_months[3] = 5;
  w.employer[3] = 0;
  const std::vector<double> paid = settle_incomes(world);
  EXPECT_EQ(paid, (std::vector<double>{1620, 1620}));
  EXPECT_FLOAT_EQ(w.reservation_wage[0], 3000 * 0.97f);
  EXPECT_FLOAT_EQ(w.reservation_wage[1], 1620);  // 1650 x 0.97 is below the benefit: stop there
  EXPECT_FLOAT_EQ(w.reservation_wage[2], 1100);  // already below the floor: not pushed up
  EXPECT_EQ(w.benefit_months_left[0], 1);
  EXPECT_EQ(w.benefit_months_left[1], 0);
  EXPECT_EQ(w.spell_months[0], 5);
  EXPECT_EQ(w.spell_months[2], 8);
  EXPECT_EQ(w.tenure_months[3], 6);
  EXPECT_FLOAT_EQ(w.reservation_wage[3], 3000);  // employed workers keep theirs
  // Next month worker 1 has no benefit left: its floor drops to 1200.
  settle_incomes(world);
  EXPECT_FLOAT_EQ(w.reservation_wage[1], 1620 * 0.97f);
}

TEST(Incomes, SkillGrowsOnTheJobWithPayAndDepreciatesOutOfWork) {
  const Scenario s = test::toy_scenario();
  World world = test::hand_world(s,
                                 {{0, 1.0f, 3000, 0, WorkerStatus::kEmployed, 16 * 12},
                                  {0, 1.0f, 3000, 0, WorkerStatus::kEmployed, 59 * 12 + 11},
                                  {0, 1.0f, 1000, 0, WorkerStatus::kUnemployed},
                                  {0, 1.0f, 1000, 0, WorkerStatus::kInactive}},
                                 {{0, 3000, 0}});
  WorkerStore& w = world.workers;
  w.employer = {0, 0, kNoEmployer, kNoEmployer};
  w.wage[0] = 3000;
  w.output[0] = 5000;
  settle_incomes(world);
  const double g = s.population.skill_growth_monthly;
  EXPECT_FLOAT_EQ(w.skill[0], static_cast<float>(1 + g));  // full growth at 16
  EXPECT_FLOAT_EQ(w.wage[0], 3000 * static_cast<float>(1 + g));
  EXPECT_FLOAT_EQ(w.output[0], 5000 * static_cast<float>(1 + g));
  EXPECT_NEAR(w.skill[1], 1 + g / 528, 1e-6);  // almost none in the last month before 60
  EXPECT_FLOAT_EQ(w.skill[2], static_cast<float>(1 - s.population.skill_depreciation_monthly));
  EXPECT_FLOAT_EQ(w.skill[3], 1.0f);  // the inactive keep theirs
}

TEST(Incomes, AMonthOfOddJobsPaysKeepsSkillsAndHoldsTheSpell) {
  const Scenario s = test::toy_scenario({"odd_jobs.earnings_yuan_month=1200"});
  World world = test::hand_world(s, {{0, 1.0f, 1000, 4}, {0, 1.0f, 1000, 4}}, {{0, 3000, 0}});
  WorkerStore& w = world.workers;
  w.savings = {1000, 1000};
  world.odd_job.set(0);
  settle_incomes(world);
  // Toy's home living cost is 800; saving rate 0.3 of income above it, drawing down below it.
  EXPECT_FLOAT_EQ(w.savings[0], 1000 + 0.3f * (1200 - 800));
  EXPECT_FLOAT_EQ(w.savings[1], 1000 - 0.3f * 800);
  EXPECT_FLOAT_EQ(w.skill[0], 1.0f);
  EXPECT_LT(w.skill[1], 1.0f);
  EXPECT_EQ(w.spell_months[0], 4);
  EXPECT_EQ(w.spell_months[1], 5);
}

TEST(OddJobs, MarketsPlaceUpToTheirCapacityInHomeCountiesOnly) {
  const Scenario s = test::toy_scenario(
      {"odd_jobs.markets_per_county=2", "odd_jobs.placements_per_market_month=10"});
  std::vector<test::HandWorker> people(200, test::HandWorker{});
  for (std::size_t i = 150; i < 200; ++i) people[i].location = 1;  // away in the labour base
  World world = test::hand_world(s, people, {});
  run_odd_jobs_markets(world);
  EXPECT_EQ(world.odd_job_placements[1], 0u);
  EXPECT_NEAR(world.odd_job_placements[0], 20.0, 8.0);
  for (std::size_t i = 150; i < 200; ++i) EXPECT_FALSE(world.odd_job.test(i));
}

}  // namespace
}  // namespace laborsim
