#pragma once
// Invariants checked after every month (docs/RELIABILITY.md). The cheap ones always run: every
// output finite, the employment stock moving only by the month's hires and separations, each
// lever's ledger adding up and within its budgets. `laborsim run --check` adds the ones that
// visit every agent: each worker in exactly one consistent state, each employer's workforce equal
// to the workers it employs, every worker's money and skill finite. A violation stops the run
// before the month is written, naming the month, the invariant and the agent (or lever, region).
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "policies/ledger.hpp"
#include "sim/observables.hpp"
#include "sim/world.hpp"

namespace laborsim {

class InvariantViolation : public std::runtime_error {
 public:
  InvariantViolation(int month, const std::string& invariant, const std::string& detail)
      : std::runtime_error("month " + std::to_string(month) + ": invariant '" + invariant +
                           "' broken: " + detail),
        month_(month),
        invariant_(invariant) {}
  int month() const { return month_; }
  const std::string& invariant() const { return invariant_; }

 private:
  int month_;
  std::string invariant_;
};

class InvariantChecker {
 public:
  //! Starts from the state of `world` and `ledger` as they are now (before the next month).
  InvariantChecker(const World& world, const Ledger& ledger, bool thorough);

  //! Checks the month just simulated (`world.month` already counts it) and its observation;
  //! throws InvariantViolation at the first broken invariant.
  void check(const World& world, const Ledger& ledger, const Observation& observation);

 private:
  void check_outputs(int month, const World& world, const Observation& observation) const;
  void check_employment_stock(int month, const World& world, const Observation& observation);
  void check_ledger(int month, const World& world, const Ledger& ledger);
  static void check_workers(int month, const World& world);
  static void check_workforces(int month, const World& world);

  bool thorough_;
  std::int64_t employed_;         //!< workers employed at the end of the last month
  std::vector<Fen> spent_total_;  //!< per lever, at the end of the last month
  std::vector<Fen> spent_year_;
};

}  // namespace laborsim
