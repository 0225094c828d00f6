// The conformance suite, written once and run against every registered lever (OpenMM style):
// - a lever whose budget is zero leaves every output identical to the baseline run;
// - before its start month, every output is identical to the baseline run;
// - once started, it changes something (it is not a no-op);
// - its budgets, per month, per calendar year and in total, are never exceeded, and a binding
//   budget is spent;
// - it pays and offers only to the workers and employers its target covers;
// - its results are bit-identical at any thread count.
// Each lever runs with its canonical entry in tests/data/levers.json on the small Dingxi fixture.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <fstream>
#include <map>

#include "policies/policy_registry.hpp"
#include "sim/simulation.hpp"
#include "unit/run_months.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

constexpr int kMonths = 8;
const std::vector<std::string> kFast{"burn_in_months=24"};

nlohmann::json canonical_entries() {
  std::ifstream in(test::data_path("levers.json"));
  return nlohmann::json::parse(in)["levers"];
}

// The scenario overrides under which `type` is tested (its entry's `scenario`, if any).
std::vector<std::string> conditions(const std::string& type) {
  std::vector<std::string> sets = kFast;
  const nlohmann::json entry = canonical_entries().at(type);
  for (const auto& set : entry.value("scenario", nlohmann::json::array())) sets.push_back(set);
  return sets;
}

// The scenario with one lever of `type`: its canonical entry, then `changes` on top.
Scenario with_lever(const std::string& type,
                    const nlohmann::json& changes = nlohmann::json::object()) {
  nlohmann::json entry = canonical_entries().at(type);
  entry.erase("scenario");
  entry["type"] = type;
  entry["name"] = "lever";
  entry.update(changes);
  std::vector<std::string> sets = conditions(type);
  sets.push_back("policies=" + nlohmann::json::array({entry}).dump());
  return test::small_dingxi(0.01, kMonths, sets);
}

using test::run_months;

// The run without levers under the conditions `type` is tested in.
const std::vector<Observation>& baseline(const std::string& type) {
  static std::map<std::vector<std::string>, std::vector<Observation>> runs;
  const std::vector<std::string> sets = conditions(type);
  auto found = runs.find(sets);
  if (found == runs.end()) {
    found = runs.emplace(sets, run_months(test::small_dingxi(0.01, kMonths, sets))).first;
  }
  return found->second;
}

// Every output the baseline has (all but the policy axis) is equal in month m.
bool same_outputs(const Observation& a, const Observation& b) {
  for (const VariableInfo& v : kVariables) {
    if (v.axis == Axis::kPolicy) continue;
    for (std::size_t i = 0; i < a.length(v.variable); ++i) {
      if (a.at(v.variable, i) != b.at(v.variable, i)) return false;
    }
  }
  return true;
}

class Conformance : public ::testing::TestWithParam<std::string> {};

TEST_P(Conformance, ZeroBudgetLeavesEveryOutputAsInTheBaseline) {
  for (const char* limit : {"total_yuan", "per_month_yuan", "per_year_yuan"}) {
    const auto months = run_months(with_lever(GetParam(), {{"budget", {{limit, 0}}}}));
    for (int m = 0; m < kMonths; ++m) {
      EXPECT_TRUE(same_outputs(months[m], baseline(GetParam())[m])) << limit << ", month " << m;
      EXPECT_EQ(months[m].at(Variable::kSpend, 0), 0) << limit;
      EXPECT_EQ(months[m].at(Variable::kBeneficiaries, 0), 0) << limit;
    }
  }
}

TEST_P(Conformance, BeforeItsStartEveryOutputIsAsInTheBaselineAndAfterwardsItActs) {
  const int start = 3;
  const auto months = run_months(with_lever(GetParam(), {{"start", "2024-04"}}));
  bool acted = false;
  double spent = 0;
  for (int m = 0; m < kMonths; ++m) {
    if (m < start) {
      EXPECT_TRUE(same_outputs(months[m], baseline(GetParam())[m])) << "month " << m;
      EXPECT_EQ(months[m].at(Variable::kSpend, 0), 0) << "month " << m;
    } else {
      acted = acted || !same_outputs(months[m], baseline(GetParam())[m]);
      spent += months[m].at(Variable::kSpend, 0);
    }
  }
  EXPECT_TRUE(acted) << "the lever changed nothing once started";
  EXPECT_GT(spent, 0);
  EXPECT_GT(months[start].at(Variable::kEligible, 0), 0);
}

TEST_P(Conformance, BudgetsAreNeverExceededAndABindingBudgetIsSpent) {
  const auto free = run_months(with_lever(GetParam()));
  double mean = 0, most = 0;
  for (const Observation& o : free) {
    mean += o.at(Variable::kSpend, 0) / kMonths;
    most = std::max(most, o.at(Variable::kSpend, 0));
  }
  ASSERT_GT(mean, 0);
  // Limits that bind: three quarters of the dearest unlimited month a month (lumpy levers pay
  // large single amounts), 1.5 average months' worth in the calendar year (which ends inside
  // the run), 2.5 months' worth in all.
  const double per_month = 0.75 * most, per_year = 1.5 * mean, total = 2.5 * mean;
  const auto months = run_months(with_lever(
      GetParam(),
      {{"budget",
        {{"per_month_yuan", per_month}, {"per_year_yuan", per_year}, {"total_yuan", total}}}}));
  double spent = 0;
  for (int m = 0; m < kMonths; ++m) {
    const double spend = months[m].at(Variable::kSpend, 0);
    EXPECT_LE(spend, per_month + 0.005) << "month " << m;
    spent += spend;
    EXPECT_LE(spent, per_year + 0.005) << "month " << m;  // all months are in 2024
  }
  EXPECT_LE(spent, total + 0.005);
  EXPECT_GE(spent, 0.5 * per_year) << "a binding budget should mostly be spent";
}

TEST_P(Conformance, PaysAndOffersOnlyToItsTarget) {
  const nlohmann::json target{{"groups", {"ex_serviceman", "lifted_out_of_poverty"}},
                              {"regions", {"Tongwei", "Longxi", "Lanzhou"}},
                              {"sectors", {"services", "manufacturing", "construction"}}};
  const Scenario scenario = with_lever(GetParam(), {{"target", target}});
  const Target& covered = scenario.policies.at(0).target;
  Simulation simulation(scenario);
  simulation.keep_audit();
  std::size_t checked = 0, payments = 0;
  for (int m = 0; m < kMonths; ++m) {
    simulation.step();
    const World& world = simulation.world();
    const auto& audit = simulation.ledger().audit();
    for (; payments < audit.size(); ++payments) {
      const Recipient& to = audit[payments].recipient;
      if (to.worker != Recipient::kNobody) {
        EXPECT_TRUE(covered.covers_worker(world.workers, to.worker)) << "worker " << to.worker;
        ++checked;
      }
      if (to.employer != Recipient::kNobody) {
        const EmployerStore& e = world.employers;
        EXPECT_TRUE(covered.regions[e.region[to.employer]] &&
                    covered.sectors[e.sector[to.employer]])
            << "employer " << to.employer;
        ++checked;
      }
    }
    const PolicyEffects& effects = world.effects;
    for (std::size_t j = 0; j < effects.employer_cost_relief.size(); ++j) {
      if (effects.employer_cost_relief[j] > 0) {
        EXPECT_TRUE(covered.regions[world.employers.region[j]]) << "relief for employer " << j;
      }
    }
    for (std::size_t i = 0; i < effects.hiring_subsidy.size(); ++i) {
      if (effects.hiring_subsidy[i] > 0) {
        EXPECT_TRUE(covered.regions[world.workers.home_region[i]] &&
                    (key_groups(world.workers, i) & covered.groups))
            << "subsidy offered to worker " << i;
      }
    }
  }
  EXPECT_GT(checked, 0u) << "the lever paid nobody in its target";
}

TEST_P(Conformance, ResultsAreIdenticalAtAnyThreadCount) {
  const Scenario scenario = with_lever(GetParam());
  std::vector<Observation> one, two;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = run_months(scenario);
  }
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
    two = run_months(scenario);
  }
  for (int m = 0; m < kMonths; ++m) EXPECT_TRUE(one[m] == two[m]) << "month " << m;
}

INSTANTIATE_TEST_SUITE_P(EveryLever, Conformance, ::testing::ValuesIn(builtin_policies().types()),
                         [](const auto& lever) { return lever.param; });

TEST(ConformanceSuite, CoversEveryRegisteredLever) {
  const nlohmann::json entries = canonical_entries();
  std::vector<std::string> listed;
  for (const auto& [type, entry] : entries.items()) listed.push_back(type);
  EXPECT_EQ(listed, builtin_policies().types());
}

}  // namespace
}  // namespace laborsim
