// Grid outreach: capacity, priority for key groups, information pushes and referrals.
#include <gtest/gtest.h>

#include "sim/phases/phases.hpp"
#include "sim/synthesis/synthesize.hpp"
#include "unit/hand_world.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

TEST(GridOutreach, ReachesAsManyAsStaffCanKeyGroupsFirst) {
  // Toy: 5 grids with 6 grid staff and 2 professionals in "Home" = 8 staff x 10 contacts = 80.
  const Scenario s = test::toy_scenario({"grids.contacts_per_staff_month=10"});
  std::vector<test::HandWorker> people(400, test::HandWorker{});
  for (std::size_t i = 0; i < 200; ++i) people[i].age_months = 50 * 12;  // hard to employ
  World world = test::hand_world(s, people, {});
  synthesize_grids(world);
  world.month = 5;
  reach_out(world);
  EXPECT_EQ(world.grid_eligible[0], 400u);
  std::size_t older = 0, younger = 0;
  for (std::size_t i = 0; i < 400; ++i) {
    if (!world.contacted.test(i)) continue;
    (i < 200 ? older : younger) += 1;
  }
  EXPECT_EQ(world.grid_contacts[0], older + younger);
  EXPECT_NEAR(static_cast<double>(older + younger), 80, 20);
  // Priority weight 3 (1 + 2 for the hard to employ) against 1: three times the chance.
  EXPECT_NEAR(static_cast<double>(older) / static_cast<double>(younger), 3.0, 1.3);
}

TEST(GridOutreach, NobodyIsReachedWhereThereAreNoGrids) {
  const Scenario s = test::toy_scenario(
      {"grids.grids=0", "grids.grid_staff=0", "grids.employment_professionals=0"});
  World world = test::hand_world(s, std::vector<test::HandWorker>(50, test::HandWorker{}), {});
  synthesize_grids(world);
  reach_out(world);
  EXPECT_EQ(world.grid_contacts[0], 0u);
  for (std::size_t i = 0; i < 50; ++i) EXPECT_FALSE(world.contacted.test(i));
}

TEST(GridOutreach, AReferralLiftsAnApplicantInTheEmployersRanking) {
  const Scenario s = test::toy_scenario({"grids.referral_rank_bonus=0.2"});
  // Worker 0 is slightly less skilled, but referred.
  World world = test::hand_world(s, {{0, 0.9f}, {0, 1.0f}}, {{0, 3000, 1}});
  world.contacted.set(0);
  test::apply_to(world, {0});
  match_and_hire(world);
  EXPECT_EQ(world.workers.status[0], WorkerStatus::kEmployed);
  EXPECT_EQ(world.workers.status[1], WorkerStatus::kUnemployed);
}

TEST(GridOutreach, ContactedWorkersSendMoreApplicationsAtHome) {
  const Scenario s = test::small_dingxi(0.02, 1, {"grids.extra_applications=3"});
  World world = synthesize_world(s);
  world.month = 0;
  update_economy(world);
  plan_workforce(world);
  post_vacancies(world);
  reach_out(world);
  send_applications(world);
  const MatchingBuffers& m = world.matching;
  double contacted_apps = 0, contacted = 0, other_apps = 0, other = 0;
  for (std::size_t k = 0; k < m.searcher_worker.size(); ++k) {
    const double apps = m.application_begin[k + 1] - m.application_begin[k];
    if (world.contacted.test(m.searcher_worker[k])) {
      contacted_apps += apps;
      ++contacted;
    } else if (world.workers.location[m.searcher_worker[k]] ==
               world.workers.home_region[m.searcher_worker[k]]) {
      other_apps += apps;
      ++other;
    }
  }
  ASSERT_GT(contacted, 100);
  EXPECT_GT(contacted_apps / contacted, other_apps / other + 1.0);
}

}  // namespace
}  // namespace laborsim
