// Employers' books, exits, wage arrears and start-ups on hand-built worlds.
#include <gtest/gtest.h>

#include "sim/phases/phases.hpp"
#include "unit/hand_world.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

World accounts_world(const Scenario& s, float posted, std::uint32_t workforce, double cash) {
  World world = test::hand_world(s, {}, {{0, posted, 0}});
  world.employers.workforce[0] = workforce;
  world.employers.base_target[0] = static_cast<float>(workforce);
  world.employers.cash[0] = cash;
  world.potential_jobs.assign(2 * s.employers.sectors.size(), 0.0);
  world.active_jobs.assign(2 * s.employers.sectors.size(), 0.0);
  return world;
}

TEST(Accounts, ProfitsAccumulateCash) {
  const Scenario s = test::toy_scenario();
  World world = accounts_world(s, 3000, 10, 0);
  settle_accounts(world);
  // Revenue (1 + markup) c w n, fixed cost share x that, labour cost c w n.
  const double c = world.labor_cost_factor;
  const double revenue = (1 + s.employers.markup) * c * 3000 * 10;
  const double expected = revenue - s.employers.fixed_cost_share * revenue - c * 3000 * 10;
  EXPECT_NEAR(world.employers.cash[0], expected, 1e-6 * revenue);
  EXPECT_EQ(world.employers.arrears[0], 0);
  EXPECT_EQ(world.employers.loss_months[0], 0);
  EXPECT_TRUE(world.employers.active[0]);
}

TEST(Accounts, OpenVacanciesCostAShareOfTheirWage) {
  const Scenario s = test::toy_scenario({"employers.vacancy_cost_share=0.25"});
  World quiet = accounts_world(s, 3000, 10, 0);
  World recruiting = accounts_world(s, 3000, 10, 0);
  recruiting.employers.vacancies[0] = 4;
  settle_accounts(quiet);
  settle_accounts(recruiting);
  EXPECT_NEAR(quiet.employers.cash[0] - recruiting.employers.cash[0], 0.25 * 3000 * 4, 1e-3);
}

TEST(Accounts, AnEmployerThatOwesWagesPostsNoVacancies) {
  const Scenario s = test::toy_scenario();
  World world = accounts_world(s, 3000, 5, 0);
  world.employers.target[0] = 10;
  post_vacancies(world);
  EXPECT_EQ(world.employers.vacancies[0], 5u);
  world.in_arrears.set(0);
  post_vacancies(world);
  EXPECT_EQ(world.employers.vacancies[0], 0u);
}

TEST(Accounts, ShortOfCashAnEmployerOwesWagesAndExitsAfterSustainedLosses) {
  const Scenario s = test::toy_scenario({"employers.exit_arrears_months=100"});
  World world = accounts_world(s, 3000, 10, 0);
  world.economy.demand_index[0] = 0.5;  // sales halve: revenue no longer covers the wage bill
  for (int month = 0; month < s.employers.exit_after_loss_months - 1; ++month) {
    settle_accounts(world);
    EXPECT_TRUE(world.employers.active[0]) << month;
    EXPECT_GT(world.employers.arrears[0], 0);
    EXPECT_TRUE(world.in_arrears.test(0));
  }
  EXPECT_EQ(world.employers.loss_months[0], s.employers.exit_after_loss_months - 1);
  settle_accounts(world);
  EXPECT_FALSE(world.employers.active[0]);
  EXPECT_EQ(world.employers.event[0], EmployerEvent::kExited);
  // Next month the exited employer's workers all leave.
  plan_workforce(world);
  EXPECT_EQ(world.employers.target[0], 0u);
  EXPECT_EQ(world.employers.separation_probability[0], 1.0f);
  EXPECT_TRUE(world.atypical_separation.test(0));
}

TEST(Accounts, WorkersOfAnEmployerInArrearsQuitMore) {
  const Scenario s = test::toy_scenario();
  World world = accounts_world(s, 3000, 10, 0);
  world.employers.arrears[0] = 5000;
  world.employers.target[0] = 10;
  plan_workforce(world);
  const double turnover = s.employers.separation_rate_monthly;
  EXPECT_NEAR(world.employers.separation_probability[0],
              1 - (1 - turnover) * (1 - s.employers.arrears_quit_rate_monthly), 1e-6);
}

// A world of one county with room for new firms: potential jobs not covered by active ones.
World entry_world(const Scenario& s, float savings) {
  World world = test::hand_world(s, {{0, 1.0f, 1000, 2}}, {{0, 3000, 0}, {0, 3000, 0}});
  world.employers.active[1] = 0;  // a free slot
  world.workers.home_region[0] = 0;
  world.workers.savings[0] = savings;
  world.potential_jobs.assign(2 * s.employers.sectors.size(), 0.0);
  world.active_jobs.assign(2 * s.employers.sectors.size(), 0.0);
  world.potential_jobs[0] = 50;  // region 0, the only sector
  world.active_jobs[0] = 40;
  return world;
}

TEST(Entry, AnUnemployedResidentWithEnoughSavingsAndCreditFoundsAFirm) {
  const Scenario s = test::toy_scenario(
      {"entrepreneurship.attempt_rate_monthly=1", "entrepreneurship.outside_entry_rate_monthly=0",
       "entrepreneurship.capital_yuan=50000", "entrepreneurship.credit_multiple=1"});
  World world = entry_world(s, 30000);  // 30 k saved + 30 k credit >= 50 k
  start_businesses(world);
  const EmployerStore& e = world.employers;
  ASSERT_TRUE(e.active[1]);
  EXPECT_EQ(e.event[1], EmployerEvent::kEntered);
  EXPECT_EQ(e.founded_month[1], 0);
  EXPECT_EQ(e.workforce[1], 1u);
  EXPECT_EQ(e.hires[1], 1u);
  EXPECT_DOUBLE_EQ(e.cash[1], 50000);
  EXPECT_GE(e.base_target[1], 1.0f);
  EXPECT_LE(e.base_target[1], 10.0f);  // no more than the room left
  EXPECT_EQ(world.workers.status[0], WorkerStatus::kEmployed);
  EXPECT_EQ(world.workers.employer[0], 1u);
  EXPECT_FLOAT_EQ(world.workers.savings[0], 0);  // all 30 k went in
  EXPECT_DOUBLE_EQ(world.active_jobs[0], 40.0 + static_cast<double>(e.base_target[1]));
}

TEST(Entry, NoStartUpWithoutCapitalOrRoom) {
  const Scenario s = test::toy_scenario(
      {"entrepreneurship.attempt_rate_monthly=1", "entrepreneurship.outside_entry_rate_monthly=0",
       "entrepreneurship.capital_yuan=50000", "entrepreneurship.credit_multiple=1"});
  World poor = entry_world(s, 20000);  // 40 k with credit: not enough
  start_businesses(poor);
  EXPECT_FALSE(poor.employers.active[1]);
  EXPECT_EQ(poor.workers.status[0], WorkerStatus::kUnemployed);
  World full = entry_world(s, 30000);
  full.active_jobs[0] = 49.5;  // demand is served
  start_businesses(full);
  EXPECT_FALSE(full.employers.active[1]);
}

TEST(Entry, OutsideEntrantsFillPartOfTheRoom) {
  const Scenario s = test::toy_scenario({"entrepreneurship.attempt_rate_monthly=0",
                                         "entrepreneurship.outside_entry_rate_monthly=0.5"});
  World world = entry_world(s, 0);
  world.active_jobs[0] = 30;  // room of 20 jobs: fill 10 this month
  start_businesses(world);
  ASSERT_TRUE(world.employers.active[1]);
  EXPECT_LE(world.employers.base_target[1], 10.0f);
  EXPECT_EQ(world.employers.workforce[1], 0u);  // hires like any employer from next month
  EXPECT_EQ(world.workers.status[0], WorkerStatus::kUnemployed);
}

}  // namespace
}  // namespace laborsim
