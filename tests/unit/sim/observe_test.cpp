// Observation on a hand-built world: moves become departures, arrivals and flows on every link of
// their cheapest route; job-to-job moves and job finders are reported by region.
#include <gtest/gtest.h>

#include "sim/phases/phases.hpp"
#include "unit/hand_world.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

World observable_world(const Scenario& s) {
  World world = test::hand_world(s, {{0}, {0}, {1}}, {{0, 3000, 0}, {1, 5000, 0}});
  test::prepare_observation(world);
  return world;
}

TEST(Observe, MovesAreDeparturesArrivalsAndLinkFlows) {
  const Scenario s = test::toy_scenario();
  World world = observable_world(s);
  world.moves = {0, 3, 1, 0};  // Home -> Base 3, Base -> Home 1
  world.job_finders = {2, 1};
  world.job_to_job_moves = {0, 4};
  const Observation o = observe(world, std::vector<double>(2, 0.0));
  const double weight = s.agent_weight();
  EXPECT_DOUBLE_EQ(o.at(Variable::kDepartures, 0), 3 * weight);
  EXPECT_DOUBLE_EQ(o.at(Variable::kArrivals, 0), 1 * weight);
  EXPECT_DOUBLE_EQ(o.at(Variable::kDepartures, 1), 1 * weight);
  EXPECT_DOUBLE_EQ(o.at(Variable::kArrivals, 1), 3 * weight);
  EXPECT_DOUBLE_EQ(o.at(Variable::kLinkFlow, 0), 4 * weight);  // the one link, either way
  EXPECT_DOUBLE_EQ(o.at(Variable::kJobFinders, 0), 2 * weight);
  EXPECT_DOUBLE_EQ(o.at(Variable::kJobToJobMoves, 1), 4 * weight);
}

TEST(Observe, AnEmployerAgentCountsInTheSizeClassOfItsOwnWorkforce) {
  const Scenario s = test::toy_scenario();
  World world = observable_world(s);
  world.employers.workforce = {19, 300};
  world.employers.hires = {5, 0};        // employer 0 had 14 when the month began: micro
  world.employers.separations = {0, 1};  // employer 1 had 301: medium
  const Observation o = observe(world, std::vector<double>(2, 0.0));
  const double weight = s.agent_weight();
  const auto at = [&](Variable v, SizeClass c) { return o.at(v, static_cast<std::size_t>(c)); };
  EXPECT_DOUBLE_EQ(at(Variable::kSizeClassEmployers, SizeClass::kMicro), weight);
  EXPECT_DOUBLE_EQ(at(Variable::kSizeClassEmployers, SizeClass::kMedium), weight);
  EXPECT_DOUBLE_EQ(at(Variable::kSizeClassEmployed, SizeClass::kMedium), 300 * weight);
  EXPECT_DOUBLE_EQ(at(Variable::kSizeClassHires, SizeClass::kMicro), 5 * weight);
  EXPECT_DOUBLE_EQ(at(Variable::kSizeClassSeparations, SizeClass::kMedium), 1 * weight);
  EXPECT_DOUBLE_EQ(at(Variable::kSizeClassEmployers, SizeClass::kSmall), 0);
}

}  // namespace
}  // namespace laborsim
