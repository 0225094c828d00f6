#include "sim/simulation.hpp"

#include <chrono>

#include "policies/policy_registry.hpp"
#include "sim/checkpoint/world_state.hpp"
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

std::vector<Budget> budgets_of(const std::vector<std::unique_ptr<Policy>>& policies) {
  std::vector<Budget> budgets;
  for (const auto& policy : policies) budgets.push_back(policy->spec().budget);
  return budgets;
}

PolicyEnvironment policy_environment(const World& world) {
  const Scenario& s = *world.scenario;
  PolicyEnvironment environment;
  environment.agent_weight = s.agent_weight();
  environment.labor_cost_factor = world.labor_cost_factor;
  environment.ui_premium_rate = s.employers.ui_premium_rate;
  environment.ui_coverage_share = s.population.ui_coverage_share;
  environment.separation_rate_monthly = s.employers.separation_rate_monthly;
  environment.travel_cost_horizon_months = s.search.travel_cost_horizon_months;
  environment.max_travel_cost_yuan = s.search.max_travel_cost_yuan;
  environment.reservation_ratio_after_job_loss = s.search.reservation_ratio_after_job_loss;
  environment.sectors = s.employers.sectors.size();
  for (const RegionSpec& region : s.regions) {
    environment.working_age_population.push_back(region.working_age_population);
  }
  return environment;
}

}  // namespace

Simulation::Simulation(const Scenario& scenario)
    : Simulation(scenario, create_policies(scenario.policies)) {}

Simulation::Simulation(const Scenario& scenario, std::vector<std::unique_ptr<Policy>> policies)
    : world_(synthesize_world(scenario)),
      policies_(std::move(policies)),
      ledger_(budgets_of(policies_)) {
  for (world_.month = -scenario.burn_in_months; world_.month < 0;) advance(false);
  phase_seconds_ = {};
  initialize_policies();
}

Simulation::Simulation(World world, std::vector<std::unique_ptr<Policy>> policies)
    : world_(std::move(world)), policies_(std::move(policies)), ledger_(budgets_of(policies_)) {
  initialize_policies();
}

Simulation::Simulation(World world, std::vector<std::unique_ptr<Policy>> policies, Uninitialized)
    : world_(std::move(world)), policies_(std::move(policies)), ledger_(budgets_of(policies_)) {
  environment_ = policy_environment(world_);
}

Simulation::~Simulation() = default;
Simulation::Simulation(Simulation&&) noexcept = default;

Simulation Simulation::fork(const Scenario& scenario) const {
  World world = world_;
  world.scenario = &scenario;
  return Simulation(std::move(world), create_policies(scenario.policies));
}

void Simulation::save(StateArchive& archive) {
  archive.section("world", [&] { carry_world(archive, world_); });
  carry_levers(archive);
}

void Simulation::carry_levers(StateArchive& archive) {
  archive.section("ledger", [&] { ledger_.carry(archive); });
  for (std::size_t k = 0; k < policies_.size(); ++k) {
    archive.section("levers/" + std::to_string(k), [&] { policies_[k]->carry(archive); });
  }
}

namespace {

World saved_world(const Scenario& scenario, StateArchive& archive) {
  World world(scenario);
  archive.section("world", [&] { carry_world(archive, world); });
  return world;
}

}  // namespace

Simulation Simulation::restore(const Scenario& scenario, StateArchive& archive) {
  Simulation simulation(saved_world(scenario, archive), create_policies(scenario.policies),
                        Uninitialized{});
  simulation.carry_levers(archive);
  return simulation;
}

Simulation Simulation::branch(const Scenario& scenario, StateArchive& archive) {
  return Simulation(saved_world(scenario, archive), create_policies(scenario.policies));
}

void Simulation::initialize_policies() {
  environment_ = policy_environment(world_);
  PolicyContext context = policy_context();
  for (auto& policy : policies_) policy->initialize(context);
}

PolicyContext Simulation::policy_context() {
  return PolicyContext{
      world_.month,          world_.scenario->start.plus_months(world_.month).month,
      world_.scenario->seed, environment_,
      world_.graph,          world_.workers,
      world_.employers,      world_.grids,
      world_.effects,        ledger_,
      world_.contacted,      world_.searching_on_the_job};
}

template <class Hook>
void Simulation::run_policies(bool with_policies, Hook hook) {
  if (!with_policies || policies_.empty()) return;
  PhaseTimer t(phase_seconds_[static_cast<std::size_t>(Phase::kPolicies)]);
  PolicyContext context = policy_context();
  for (auto& policy : policies_) hook(*policy, context);
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
  world_.effects.start_month();
  if (with_policies) {
    // Budgets per calendar year restart each January (and in the first month).
    ledger_.open_month(world_.month == 0 ||
                       world_.scenario->start.plus_months(world_.month).month == 1);
  }
  run_policies(with_policies, [](Policy& p, PolicyContext& c) { p.begin_month(c); });
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
  run_policies(with_policies, [](Policy& p, PolicyContext& c) { p.before_search(c); });
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
  run_policies(with_policies, [](Policy& p, PolicyContext& c) { p.place(c); });
  {
    auto t = timer(Phase::kOddJobs);
    run_odd_jobs_markets(world_);
  }
  std::vector<double> benefits;
  {
    auto t = timer(Phase::kIncomes);
    benefits = settle_incomes(world_);
  }
  run_policies(with_policies, [](Policy& p, PolicyContext& c) { p.end_month(c); });
  Observation observation;
  {
    auto t = timer(Phase::kObserve);
    observation = observe(world_, benefits);
    record_policies(observation);
  }
  ++world_.month;
  return observation;
}

void Simulation::record_policies(Observation& o) const {
  const double weight = world_.scenario->agent_weight();
  for (std::size_t k = 0; k < o.sizes().policies && k < ledger_.size(); ++k) {
    const auto newcomers = static_cast<double>(ledger_.new_beneficiaries_this_month(k));
    const auto eligible = static_cast<double>(ledger_.eligible_this_month(k));
    o.at(Variable::kSpend, k) = yuan_from_fen(ledger_.spent_this_month(k));
    o.at(Variable::kBeneficiaries, k) =
        weight * static_cast<double>(ledger_.beneficiaries_this_month(k));
    o.at(Variable::kNewBeneficiaries, k) = weight * newcomers;
    o.at(Variable::kEligible, k) = weight * eligible;
    o.at(Variable::kTakeUp, k) = eligible > 0 ? newcomers / eligible : 0.0;
    o.at(Variable::kAttributedJobs, k) = weight * static_cast<double>(ledger_.jobs_this_month(k));
  }
}

void Simulation::finish() {
  PolicyContext context = policy_context();
  for (auto& policy : policies_) policy->finalize(context);
}

}  // namespace laborsim
