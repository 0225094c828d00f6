#include "sim/simulation.hpp"

#include <chrono>

#include "sim/phases/phases.hpp"
#include "sim/synthesis/synthesize.hpp"

namespace laborsim {
namespace {

// Adds the wall time of its scope to one phase's total.
class PhaseTimer {
 public:
  explicit PhaseTimer(double& total) : total_(total), start_(Clock::now()) {}
  ~PhaseTimer() { total_ += std::chrono::duration<double>(Clock::now() - start_).count(); }
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

 private:
  using Clock = std::chrono::steady_clock;
  double& total_;
  Clock::time_point start_;
};

}  // namespace

Simulation::Simulation(const Scenario& scenario, std::vector<std::unique_ptr<Policy>> policies)
    : world_(synthesize_world(scenario)), policies_(std::move(policies)) {
  for (world_.month = -scenario.burn_in_months; world_.month < 0;) advance(false);
  phase_seconds_ = {};
  PolicyContext context = policy_context();
  for (auto& policy : policies_) policy->initialize(context);
}

Simulation::~Simulation() = default;

PolicyContext Simulation::policy_context() {
  return PolicyContext{static_cast<std::uint32_t>(world_.month),
                       world_.scenario->seed,
                       world_.graph,
                       world_.workers,
                       world_.employers,
                       world_.grids};
}

Observation Simulation::step() { return advance(true); }

Observation Simulation::advance(bool with_policies) {
  auto timer = [this](Phase phase) {
    return PhaseTimer(phase_seconds_[static_cast<std::size_t>(phase)]);
  };
  {
    auto t = timer(Phase::kEconomy);
    update_economy(world_);
  }
  {
    auto t = timer(Phase::kPolicies);
    PolicyContext context = policy_context();
    if (with_policies) {
      for (auto& policy : policies_) policy->begin_month(context);
    }
  }
  {
    auto t = timer(Phase::kEmployers);
    plan_workforce(world_);
  }
  {
    auto t = timer(Phase::kLaborFlows);
    run_labor_flows(world_);
  }
  {
    auto t = timer(Phase::kEntry);
    start_businesses(world_);
  }
  {
    auto t = timer(Phase::kOutreach);
    reach_out(world_);
  }
  {
    auto t = timer(Phase::kSearch);
    post_vacancies(world_);
    send_applications(world_);
  }
  {
    auto t = timer(Phase::kMatching);
    match_and_hire(world_);
  }
  {
    auto t = timer(Phase::kWageSetting);
    adjust_posted_wages(world_);
  }
  {
    auto t = timer(Phase::kAccounts);
    settle_accounts(world_);
  }
  {
    auto t = timer(Phase::kOddJobs);
    run_odd_jobs_markets(world_);
  }
  std::vector<double> benefits;
  {
    auto t = timer(Phase::kIncomes);
    benefits = settle_incomes(world_);
  }
  {
    auto t = timer(Phase::kPolicies);
    PolicyContext context = policy_context();
    if (with_policies) {
      for (auto& policy : policies_) policy->end_month(context);
    }
  }
  Observation observation;
  {
    auto t = timer(Phase::kObserve);
    observation = observe(world_, benefits);
  }
  ++world_.month;
  return observation;
}

void Simulation::finish() {
  PolicyContext context = policy_context();
  for (auto& policy : policies_) policy->finalize(context);
}

}  // namespace laborsim
