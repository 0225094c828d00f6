// The monthly invariants (sim/invariants.hpp): silent on the model as it runs, loud, naming the
// month, the invariant and the agent or lever, on a state that breaks one.
#include "sim/invariants.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/scenario/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace laborsim {
namespace {

Scenario combination() {
  return load_scenario(std::string(LABORSIM_SOURCE_DIR) + "/configs/scenarios/combination.json",
                       {parse_override("population.scale=0.01"), parse_override("burn_in_months=4"),
                        parse_override("months=8")});
}

std::string violation(const std::function<void()>& check) {
  try {
    check();
  } catch (const InvariantViolation& error) {
    return error.what();
  }
  return "(none)";
}

TEST(Invariants, HoldEveryMonthOfTheCombinationOfLevers) {
  const Scenario s = combination();
  Simulation simulation(s);
  InvariantChecker checker(simulation.world(), simulation.ledger(), /*thorough=*/true);
  for (int t = 0; t < s.months; ++t) {
    const Observation o = simulation.step();
    EXPECT_EQ(violation([&] { checker.check(simulation.world(), simulation.ledger(), o); }),
              "(none)")
        << "month " << t;
  }
}

TEST(Invariants, NameTheBrokenOneWithItsMonth) {
  const Scenario s = combination();
  Simulation simulation(s);
  const Ledger& ledger = simulation.ledger();
  InvariantChecker checker(simulation.world(), ledger, false);
  // A checker whose ledger starts empty, for the books below.
  InvariantChecker fresh(simulation.world(), Ledger(std::vector<Budget>(ledger.size())), false);
  Observation o = simulation.step();

  // An employed person more than the month's hires and separations account for.
  Observation grown = o;
  grown.at(Variable::kEmployed, 0) += s.agent_weight();
  EXPECT_NE(violation([&] { checker.check(simulation.world(), ledger, grown); })
                .find("month 0: invariant 'employment stock = last month's + hires - "
                      "separations' broken: "),
            std::string::npos);

  Observation infinite = o;
  infinite.at(Variable::kMeanWage, 1) = INFINITY;
  EXPECT_NE(violation([&] {
              checker.check(simulation.world(), ledger, infinite);
            }).find("month 0: invariant 'all outputs finite' broken: mean_wage at region '"),
            std::string::npos);

  // Money that no month spent: the ledger's total grows by more than this month's spending.
  Ledger books(std::vector<Budget>(ledger.size()));
  books.open_month(true);
  books.try_spend(0, 50);
  books.open_month(false);
  books.try_spend(0, 100);
  const std::string conjured = violation([&] { fresh.check(simulation.world(), books, o); });
  EXPECT_NE(conjured.find("month 0: invariant 'ledger money conserved' broken: lever 0 '" +
                          s.policies[0].name +
                          "': spent 100 fen this month, 150 this year "
                          "(expected 100), 150 in total (expected 100)"),
            std::string::npos)
      << conjured;
}

}  // namespace
}  // namespace laborsim
