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

}  // namespace
}  // namespace laborsim
