// Matching on hand-built worlds: who gets hired, by whom, at what wage, and where they go.
#include <gtest/gtest.h>

#include "sim/phases/phases.hpp"
#include "unit/hand_world.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

using test::HandEmployer;
using test::HandWorker;

TEST(Matching, EmployerHiresItsBestRankedApplicant) {
  const Scenario s = test::toy_scenario();
  World world = test::hand_world(s, {{0, 1.0f}, {0, 1.2f}, {0, 0.9f}}, {{0, 3000, 1}});
  test::apply_to(world, {0});
  match_and_hire(world);
  EXPECT_EQ(world.workers.status[1], WorkerStatus::kEmployed);
  EXPECT_EQ(world.workers.employer[1], 0u);
  EXPECT_FLOAT_EQ(world.workers.wage[1], 3600);
  EXPECT_EQ(world.workers.status[0], WorkerStatus::kUnemployed);
  EXPECT_EQ(world.workers.status[2], WorkerStatus::kUnemployed);
  EXPECT_EQ(world.employers.hires[0], 1u);
  EXPECT_EQ(world.employers.workforce[0], 1u);
}

TEST(Matching, WorkerTakesTheBestOfftersAndTheLoserMovesOnNextRound) {
  // Both employers want worker 0 most; worker 0 takes the better offer; the other employer
  // offers to worker 1 in round two.
  const std::vector<HandWorker> workers{{0, 1.5f}, {0, 1.0f}};
  const std::vector<HandEmployer> employers{{0, 3000, 1}, {0, 4000, 1}};
  {
    const Scenario s = test::toy_scenario();
    World world = test::hand_world(s, workers, employers);
    test::apply_to(world, {0, 1});
    match_and_hire(world);
    EXPECT_EQ(world.workers.employer[0], 1u);
    EXPECT_FLOAT_EQ(world.workers.wage[0], 6000);
    EXPECT_EQ(world.workers.employer[1], 0u);
    EXPECT_FLOAT_EQ(world.workers.wage[1], 3000);
  }
  {
    const Scenario s = test::toy_scenario({"search.offer_rounds=1"});
    World world = test::hand_world(s, workers, employers);
    test::apply_to(world, {0, 1});
    match_and_hire(world);
    EXPECT_EQ(world.workers.employer[0], 1u);
    EXPECT_EQ(world.workers.status[1], WorkerStatus::kUnemployed);  // no second round
    EXPECT_EQ(world.employers.hires[0], 0u);
  }
}

TEST(Matching, OffersBelowTheReservationWageNetOfMovingAreDeclined) {
  const Scenario s = test::toy_scenario();
  // Moving Home -> Base costs 1500 - 800 + 360 / 12 = 730 a month.
  World world = test::hand_world(s, {{0, 1.0f, 3500}, {0, 1.0f, 3500}},
                                 {{0, 3000, 1}, {1, 4000, 1}, {1, 5000, 1}});
  test::apply_to(world, {0, 1, 2});
  match_and_hire(world);
  // 3000 < 3500 and 4000 - 730 < 3500: only the 5000 job (net 4270) is acceptable.
  EXPECT_EQ(world.workers.employer[0], 2u);
  EXPECT_EQ(world.workers.location[0], 1u);  // hired workers move to the employer's region
  EXPECT_EQ(world.workers.status[1], WorkerStatus::kUnemployed);
  EXPECT_EQ(world.employers.hires[0], 0u);
  EXPECT_EQ(world.employers.hires[1], 0u);
  EXPECT_EQ(world.employers.hires[2], 1u);
  // The move is logged from the region searched in to the employer's; both found jobs in region 0.
  EXPECT_EQ(world.moves[0 * 2 + 1], 1u);
  EXPECT_EQ(world.moves[0 * 2 + 0] + world.moves[1 * 2 + 0] + world.moves[1 * 2 + 1], 0u);
  EXPECT_EQ(world.job_finders[0], 1u);
  EXPECT_EQ(world.job_finders[1], 0u);
}

TEST(Matching, EmployersScreenOnSpellLength) {
  const Scenario s = test::toy_scenario();
  World world = test::hand_world(s, {{0, 1.0f, 1000, 10}, {0, 1.0f, 1000, 0}}, {{0, 3000, 1}});
  test::apply_to(world, {0});
  match_and_hire(world);
  EXPECT_EQ(world.workers.status[1], WorkerStatus::kEmployed);  // the shorter spell wins
  EXPECT_EQ(world.workers.status[0], WorkerStatus::kUnemployed);
}

// Beyond spell_screening_max_months (8) employers discount no further: a 30-month spell ranks
// like a 10-month one, so a little more skill wins; below the cap the shorter spell still wins.
TEST(Matching, SpellScreeningStopsAtItsCap) {
  const Scenario s = test::toy_scenario();
  const auto hired = [&](std::uint16_t spell_a, float skill_a, std::uint16_t spell_b) {
    World world = test::hand_world(s, {{0, skill_a, 1000, spell_a}, {0, 1.0f, 1000, spell_b}},
                                   {{0, 3000, 1}});
    test::apply_to(world, {0});
    match_and_hire(world);
    return world.workers.status[0] == WorkerStatus::kEmployed ? 0 : 1;
  };
  EXPECT_EQ(hired(30, 1.01f, 10), 0);  // both past the cap: skill decides
  EXPECT_EQ(hired(6, 1.01f, 4), 1);    // 2 months x 3 % of discount outweigh 1 % of skill
}

TEST(Matching, NoEmployerHiresMoreThanItsVacancies) {
  const Scenario s = test::toy_scenario();
  std::vector<HandWorker> workers(50, HandWorker{});
  for (std::size_t i = 0; i < workers.size(); ++i) workers[i].skill = 1.0f + 0.01f * i;
  World world = test::hand_world(s, workers, {{0, 3000, 3}, {0, 3100, 5}, {1, 6000, 2}});
  test::apply_to(world, {0, 1, 2});
  match_and_hire(world);
  EXPECT_EQ(world.employers.hires[0], 3u);
  EXPECT_EQ(world.employers.hires[1], 5u);
  EXPECT_EQ(world.employers.hires[2], 2u);
  int employed = 0;
  for (std::size_t i = 0; i < workers.size(); ++i) {
    employed += world.workers.status[i] == WorkerStatus::kEmployed;
  }
  EXPECT_EQ(employed, 10);
  // Round one: every employer offers to the most skilled; the best payer (Base, net 5270)
  // gets them, so the top two go to Base.
  EXPECT_EQ(world.workers.employer[49], 2u);
  EXPECT_EQ(world.workers.employer[48], 2u);
}

}  // namespace
}  // namespace laborsim
