// On-the-job search: who searches, which offers an employed worker takes, and how a job-to-job
// move is booked (a quit at the old employer, a hire at the new one).
#include <gtest/gtest.h>

#include "sim/phases/phases.hpp"
#include "unit/hand_world.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

// Worker 0 works for employer 0 at 3000 a month; employer 1, in the same region, has one
// vacancy at `other_wage`. With 20 looks a month the searcher surely sees it.
World employed_searcher(const Scenario& s, float other_wage, bool searching) {
  World world = test::hand_world(s, {{0, 1.0f, 0, 0, WorkerStatus::kEmployed}},
                                 {{0, 3000, 0}, {0, other_wage, 1}});
  world.workers.employer[0] = 0;
  world.workers.wage[0] = 3000;
  world.workers.reservation_wage[0] = 3000 * 1.05f;
  world.employers.workforce = {1, 0};
  if (searching) world.searching_on_the_job.set(0);
  send_applications(world);
  match_and_hire(world);
  return world;
}

Scenario searching_scenario() {
  return test::toy_scenario(
      {"search.on_the_job_applications_per_month=20", "search.job_switch_premium=0.05"});
}

TEST(OnTheJobSearch, ASearcherMovesToABetterJobAndTheOldEmployerBooksAQuit) {
  const Scenario s = searching_scenario();
  const World world = employed_searcher(s, 4000, true);
  EXPECT_EQ(world.workers.employer[0], 1u);
  EXPECT_FLOAT_EQ(world.workers.wage[0], 4000);
  EXPECT_EQ(world.employers.workforce[0], 0u);
  EXPECT_EQ(world.employers.separations[0], 1u);
  EXPECT_EQ(world.employers.workforce[1], 1u);
  EXPECT_EQ(world.employers.hires[1], 1u);
  EXPECT_EQ(world.job_to_job_moves[0], 1u);
  EXPECT_EQ(world.job_finders[0], 0u);  // not a hire out of unemployment
  EXPECT_EQ(world.matching.seekers_by_location[0], 0u);
}

TEST(OnTheJobSearch, AJobPayingLessThanTheSwitchPremiumMoreIsNotTaken) {
  const Scenario s = searching_scenario();
  const World world = employed_searcher(s, 3100, true);  // 3100 < 3000 x 1.05
  EXPECT_EQ(world.workers.employer[0], 0u);
  EXPECT_EQ(world.employers.workforce[0], 1u);
  EXPECT_EQ(world.employers.hires[1], 0u);
}

TEST(OnTheJobSearch, OnlyThoseSearchingMove) {
  const Scenario s = searching_scenario();
  const World world = employed_searcher(s, 4000, false);
  EXPECT_EQ(world.workers.employer[0], 0u);
  EXPECT_EQ(world.job_to_job_moves[0], 0u);
}

TEST(OnTheJobSearch, LaborFlowsPickSearchersAtTheRateAndSetTheirAskingWage) {
  const auto searchers = [](double rate) {
    const Scenario s = test::toy_scenario(
        {"employers.separation_rate_monthly=0", "population.labor_force_exit_rate_monthly=0",
         "search.job_switch_premium=0.1",
         "search.on_the_job_search_monthly=" + std::to_string(rate)});
    std::vector<test::HandWorker> workers(1000, {0, 1.0f, 0, 0, WorkerStatus::kEmployed});
    World world = test::hand_world(s, workers, {{0, 3000, 0}});
    for (std::size_t i = 0; i < workers.size(); ++i) {
      world.workers.employer[i] = 0;
      world.workers.wage[i] = 3000;
    }
    world.employers.workforce = {1000};
    world.atypical_separation.reset(1);
    run_labor_flows(world);
    int count = 0;
    for (std::size_t i = 0; i < workers.size(); ++i) {
      if (world.searching_on_the_job.test(i)) {
        ++count;
        EXPECT_FLOAT_EQ(world.workers.reservation_wage[i], 3300);
      }
    }
    return count;
  };
  EXPECT_EQ(searchers(0), 0);
  EXPECT_EQ(searchers(1), 1000);
  EXPECT_NEAR(searchers(0.2), 200, 40);  // binomial(1000, 0.2): sd 12.6
}

}  // namespace
}  // namespace laborsim
