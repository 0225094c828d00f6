// laborsim compare's parts: arms, replicate seeds, forking arms from one burn-in, effects.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "sim/compare/comparison.hpp"
#include "sim/compare/effects.hpp"
#include "sim/scenario/input_error.hpp"
#include "sim/simulation.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

const std::string kTwoLevers =
    "policies=[{\"type\": \"training_subsidy\", \"name\": \"courses\", \"seats_per_month\": 3000},"
    " {\"type\": \"employment_subsidy\", \"name\": \"hiring\"}]";

TEST(Comparison, DefaultArmsAreTheBaselineAndEveryLever) {
  const Scenario s = test::small_dingxi(0.01, 6, {kTwoLevers});
  const auto arms = comparison_arms(s);
  ASSERT_EQ(arms.size(), 2u);
  EXPECT_EQ(arms[0].name, "baseline");
  EXPECT_TRUE(arms[0].levers.empty());
  EXPECT_EQ(arms[1].name, "policies");
  EXPECT_EQ(arms[1].levers, std::vector<std::size_t>({0, 1}));
  // Listed arms: levers by name, in scenario order whatever the listing order.
  const Scenario listed =
      test::small_dingxi(0.01, 6,
                         {kTwoLevers,
                          "arms=[{\"name\": \"none\", \"levers\": []}, "
                          "{\"name\": \"both\", \"levers\": [\"hiring\", \"courses\"]}]"});
  EXPECT_EQ(comparison_arms(listed)[1].levers, std::vector<std::size_t>({0, 1}));
}

TEST(Comparison, RefusesWhatCannotBeCompared) {
  EXPECT_THROW(comparison_arms(test::small_dingxi(0.01, 6)), InputError);  // no levers
  EXPECT_THROW(comparison_arms(test::small_dingxi(
                   0.01, 6, {kTwoLevers, "arms=[{\"name\": \"only\", \"levers\": []}]"})),
               InputError);
  try {
    test::small_dingxi(0.01, 6, {kTwoLevers, "arms=[{\"name\": \"a\", \"levers\": [\"cash\"]}]"});
    FAIL() << "an unknown lever was accepted";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("/arms/0/levers/0: unknown lever"), std::string::npos)
        << error.what();
  }
}

TEST(Comparison, ReplicateSeedsAreTheScenariosFirstThenDistinctAndBelow2To53) {
  EXPECT_EQ(replicate_seed(20240614, 0), 20240614u);
  std::set<std::uint64_t> seen{20240614};
  for (int r = 1; r < 2000; ++r) {
    const std::uint64_t seed = replicate_seed(20240614, r);
    EXPECT_LT(seed, std::uint64_t{1} << 53);
    EXPECT_TRUE(seen.insert(seed).second) << "replicate " << r;
  }
  EXPECT_NE(replicate_seed(1, 1), replicate_seed(2, 1));
}

TEST(Comparison, AnArmScenarioKeepsItsLeversAndSaysSoInItsConfiguration) {
  const Scenario s = test::small_dingxi(0.01, 6, {kTwoLevers});
  const Scenario arm = arm_scenario(s, ArmSpec{"hiring_only", "", {1}}, 99);
  ASSERT_EQ(arm.policies.size(), 1u);
  EXPECT_EQ(arm.policies[0].name, "hiring");
  EXPECT_EQ(arm.seed, 99u);
  EXPECT_EQ(arm.config["seed"], 99);
  ASSERT_EQ(arm.config["policies"].size(), 1u);
  EXPECT_EQ(arm.config["policies"][0]["name"], "hiring");
}

// The arms of a comparison fork from one burn-in: that must give exactly what a fresh run of the
// arm gives, month by month.
TEST(Comparison, AnArmForkedFromTheBurnInEqualsAFreshRunOfIt) {
  const Scenario s = test::small_dingxi(0.01, 6, {kTwoLevers, "burn_in_months=12"});
  const Scenario none = arm_scenario(s, ArmSpec{}, s.seed);
  const Scenario both = arm_scenario(s, comparison_arms(s)[1], s.seed);
  const Simulation burnt_in(none);
  Simulation forked = burnt_in.fork(both);
  Simulation fresh(both);
  for (int m = 0; m < s.months; ++m) {
    EXPECT_TRUE(forked.step() == fresh.step()) << "month " << m;
  }
  EXPECT_EQ(forked.ledger().spent_in_total(0), fresh.ledger().spent_in_total(0));
}

Trajectory flat(double employed, double unemployed, double spend, int months) {
  Trajectory t;
  t.axes.regions = {RegionNode{"A", RegionKind::kHome}};
  t.axes.policies = {"lever"};
  for (int m = 0; m < months; ++m) {
    Observation o(t.axes.sizes());
    o.at(Variable::kEmployed, 0) = employed;
    o.at(Variable::kUnemployed, 0) = unemployed;
    o.at(Variable::kLaborForce, 0) = employed + unemployed;
    o.at(Variable::kMeanWage, 0) = 4000;
    o.at(Variable::kSpend, 0) = spend;
    t.months.push_back(o);
  }
  return t;
}

TEST(Effects, AreDifferencesAgainstTheReferenceOverTheMonths) {
  // 24 months with 120 more employed, 100 fewer unemployed, 1.2 M yuan spent a month.
  const Trajectory reference = flat(900, 100, 0, 24);
  const Trajectory arm = flat(1020, 0, 1.2e6, 24);
  const ReplicateEffects e = effects_of(arm, reference);
  const auto get = [&e](Effect x) { return e.statistic[static_cast<std::size_t>(x)]; };
  EXPECT_DOUBLE_EQ(get(Effect::kEmployed), 120);
  EXPECT_DOUBLE_EQ(get(Effect::kUnemployed), -100);
  EXPECT_NEAR(get(Effect::kUnemploymentRate), 100 * (0.0 / 1020 - 100.0 / 1000), 1e-12);
  EXPECT_DOUBLE_EQ(get(Effect::kJobYears), 240);  // 120 jobs for two years
  EXPECT_DOUBLE_EQ(get(Effect::kWageIncome), 120 * 4000.0 * 24);
  EXPECT_DOUBLE_EQ(get(Effect::kSpend), 1.2e6 * 24);
  EXPECT_DOUBLE_EQ(get(Effect::kCostPerJobYear), 1.2e6 * 24 / 240);
  // Public-welfare posts are jobs too (not employment by employers).
  Trajectory posts = flat(900, 40, 1.2e6, 24);
  for (Observation& o : posts.months) o.at(Variable::kPublicPosts, 0) = 60;
  const ReplicateEffects p = effects_of(posts, reference);
  EXPECT_DOUBLE_EQ(p.statistic[static_cast<std::size_t>(Effect::kEmployed)], 0);
  EXPECT_DOUBLE_EQ(p.statistic[static_cast<std::size_t>(Effect::kPublicPosts)], 60);
  EXPECT_DOUBLE_EQ(p.statistic[static_cast<std::size_t>(Effect::kJobYears)], 120);
  // An arm that destroys jobs has no cost per job created.
  EXPECT_TRUE(std::isnan(
      effects_of(reference, arm).statistic[static_cast<std::size_t>(Effect::kCostPerJobYear)]));
}

TEST(Effects, IntervalsUseStudentsT) {
  const Interval i = summarize({1, 2, 3});
  EXPECT_DOUBLE_EQ(i.mean, 2);
  // sd 1, standard error 1/sqrt(3), t(0.975, 2) = 4.302653.
  EXPECT_NEAR(i.high - i.mean, 4.302653 / std::sqrt(3.0), 1e-5);
  EXPECT_NEAR(i.mean - i.low, 4.302653 / std::sqrt(3.0), 1e-5);
  const Interval one = summarize({5});
  EXPECT_DOUBLE_EQ(one.mean, 5);
  EXPECT_TRUE(std::isnan(one.low) && std::isnan(one.high));
}

TEST(Effects, CostPerJobYearIsARatioOfMeansWithTheJobYearsInterval) {
  std::vector<ReplicateEffects> replicates(3);
  const double jobs[] = {90, 100, 110};
  for (int r = 0; r < 3; ++r) {
    replicates[r].statistic[static_cast<std::size_t>(Effect::kJobYears)] = jobs[r];
    replicates[r].statistic[static_cast<std::size_t>(Effect::kSpend)] = 1e6;
  }
  const ArmSummary s = summarize_arm(replicates);
  const Interval& cost = s.statistic[static_cast<std::size_t>(Effect::kCostPerJobYear)];
  const Interval& years = s.statistic[static_cast<std::size_t>(Effect::kJobYears)];
  EXPECT_DOUBLE_EQ(cost.mean, 1e4);
  EXPECT_DOUBLE_EQ(cost.low, 1e6 / years.high);
  EXPECT_DOUBLE_EQ(cost.high, 1e6 / years.low);
}

}  // namespace
}  // namespace laborsim
