#include "sim/invariants.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "sim/output/trajectory.hpp"

namespace laborsim {
namespace {

std::int64_t employed_workers(const World& world) {
  const auto& status = world.workers.status;
  return std::count(status.begin(), status.end(), WorkerStatus::kEmployed);
}

// An agent count from an output value (a count times the agent weight), exactly.
std::int64_t agents(double weighted, double weight) { return std::llround(weighted / weight); }

std::string number(double value) {
  std::ostringstream text;
  text.precision(17);
  text << value;
  return text.str();
}

}  // namespace

InvariantChecker::InvariantChecker(const World& world, const Ledger& ledger, bool thorough)
    : thorough_(thorough), employed_(employed_workers(world)) {
  for (std::size_t k = 0; k < ledger.size(); ++k) {
    spent_total_.push_back(ledger.spent_in_total(k));
    spent_year_.push_back(ledger.spent_this_year(k));
  }
}

void InvariantChecker::check(const World& world, const Ledger& ledger,
                             const Observation& observation) {
  const int month = world.month - 1;  // the month just simulated
  if (thorough_) {                    // first: they name the agent behind a broken aggregate
    check_workers(month, world);
    check_workforces(month, world);
  }
  check_outputs(month, world, observation);
  check_employment_stock(month, world, observation);
  check_ledger(month, world, ledger);
}

void InvariantChecker::check_outputs(int month, const World& world,
                                     const Observation& observation) const {
  for (const VariableInfo& variable : kVariables) {
    const double* values = observation.row(variable.variable);
    for (std::size_t i = 0; i < observation.length(variable.variable); ++i) {
      if (!std::isfinite(values[i])) {
        const OutputAxes axes = output_axes(*world.scenario);
        throw InvariantViolation(
            month, "all outputs finite",
            std::string(variable.name) + " at " +
                std::string(kAxisNames[static_cast<std::size_t>(variable.axis)]) + " '" +
                axes.labels(variable.axis)[i] + "' is " + number(values[i]));
      }
    }
  }
}

void InvariantChecker::check_employment_stock(int month, const World& world,
                                              const Observation& observation) {
  const double weight = world.scenario->agent_weight();
  const std::int64_t employed = agents(observation.total(Variable::kEmployed), weight);
  const std::int64_t hires = agents(observation.total(Variable::kHires), weight);
  const std::int64_t separations = agents(observation.total(Variable::kSeparations), weight);
  if (employed != employed_ + hires - separations) {
    throw InvariantViolation(
        month, "employment stock = last month's + hires - separations",
        std::to_string(employed) + " workers employed, " + std::to_string(employed_) +
            " last month + " + std::to_string(hires) + " hires - " + std::to_string(separations) +
            " separations = " + std::to_string(employed_ + hires - separations) +
            (thorough_ ? "" : " (--check names the agents)"));
  }
  employed_ = employed;
}

void InvariantChecker::check_ledger(int month, const World& world, const Ledger& ledger) {
  const bool new_year = month == 0 || world.scenario->start.plus_months(month).month == 1;
  for (std::size_t k = 0; k < ledger.size() && k < spent_total_.size(); ++k) {
    const std::string lever =
        "lever " + std::to_string(k) + " '" + world.scenario->policies[k].name + "'";
    const Fen spent = ledger.spent_this_month(k);
    const Fen year = (new_year ? 0 : spent_year_[k]) + spent;
    const Fen total = spent_total_[k] + spent;
    if (spent < 0 || ledger.spent_in_total(k) != total || ledger.spent_this_year(k) != year) {
      throw InvariantViolation(month, "ledger money conserved",
                               lever + ": spent " + std::to_string(spent) + " fen this month, " +
                                   std::to_string(ledger.spent_this_year(k)) +
                                   " this year (expected " + std::to_string(year) + "), " +
                                   std::to_string(ledger.spent_in_total(k)) +
                                   " in total (expected " + std::to_string(total) + ")");
    }
    const Budget& budget = ledger.budget(k);
    auto over = [](Fen spent_in, Fen limit) {
      return limit != Budget::kUnlimited && spent_in > limit;
    };
    if (over(spent, budget.per_month) || over(year, budget.per_year) || over(total, budget.total)) {
      throw InvariantViolation(month, "ledger within budgets",
                               lever + ": spent " + std::to_string(spent) + " fen this month, " +
                                   std::to_string(year) + " this year, " + std::to_string(total) +
                                   " in total, beyond its budget");
    }
    spent_total_[k] = total;
    spent_year_[k] = year;
  }
}

void InvariantChecker::check_workers(int month, const World& world) {
  const WorkerStore& w = world.workers;
  const EmployerStore& e = world.employers;
  const char* invariant = "every worker in exactly one state";
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto status = static_cast<unsigned>(w.status[i]);
    const std::string who = "worker " + std::to_string(i);
    if (status > static_cast<unsigned>(WorkerStatus::kPublicPost)) {
      throw InvariantViolation(month, invariant, who + " has status " + std::to_string(status));
    }
    const bool employed = w.status[i] == WorkerStatus::kEmployed;
    const EmployerId j = w.employer[i];
    if (employed != (j != kNoEmployer)) {
      throw InvariantViolation(
          month, invariant,
          who + (employed ? " is employed by no employer"
                          : " has an employer but status " + std::to_string(status)));
    }
    // An employer that exits does so at the month's end (accounts); its jobs end in the next
    // month's labour flows.
    if (employed && (j >= e.size() || (e.active[j] == 0 && e.event[j] != EmployerEvent::kExited))) {
      throw InvariantViolation(
          month, invariant,
          who + " is employed by employer " + std::to_string(j) + ", which is not in business");
    }
    if (!std::isfinite(w.wage[i]) || !std::isfinite(w.savings[i]) || !std::isfinite(w.skill[i]) ||
        !std::isfinite(w.reservation_wage[i]) || w.wage[i] < 0) {
      throw InvariantViolation(month, "all outputs finite",
                               who + ": wage " + number(w.wage[i]) + ", savings " +
                                   number(w.savings[i]) + ", skill " + number(w.skill[i]) +
                                   ", reservation wage " + number(w.reservation_wage[i]));
    }
  }
}

void InvariantChecker::check_workforces(int month, const World& world) {
  const WorkerStore& w = world.workers;
  const EmployerStore& e = world.employers;
  std::vector<std::uint32_t> employees(e.size(), 0);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w.status[i] == WorkerStatus::kEmployed) ++employees[w.employer[i]];
  }
  for (std::size_t j = 0; j < e.size(); ++j) {
    if (employees[j] != e.workforce[j]) {
      throw InvariantViolation(month, "employment stock = last month's + hires - separations",
                               "employer " + std::to_string(j) + " counts " +
                                   std::to_string(e.workforce[j]) + " employees; " +
                                   std::to_string(employees[j]) + " workers work there");
    }
  }
}

}  // namespace laborsim
