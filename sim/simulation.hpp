#pragma once
// The engine: owns the World and the policy levers and runs the monthly step.
#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "policies/ledger.hpp"
#include "policies/policy.hpp"
#include "sim/observables.hpp"
#include "sim/world.hpp"

namespace laborsim {

//! The named parts of the step whose wall time is measured (for bench/ and --metrics-json).
enum class Phase : std::size_t {
  kEconomy,
  kPolicies,
  kEmployers,
  kLaborFlows,
  kEntry,
  kOutreach,
  kSearch,
  kMatching,
  kWageSetting,
  kAccounts,
  kOddJobs,
  kIncomes,
  kObserve,
  kCount
};
inline constexpr std::array<std::string_view, static_cast<std::size_t>(Phase::kCount)> kPhaseNames{
    "economy",  "policies",     "employers", "labor_flows", "entry",   "outreach", "search",
    "matching", "wage_setting", "accounts",  "odd_jobs",    "incomes", "observe"};

class Simulation {
 public:
  //! Synthesises the population and runs the scenario's burn-in months (unrecorded, without
  //! policy levers); then creates the scenario's levers (policies/policy_registry.hpp) and
  //! initialises them. The scenario must outlive the simulation.
  explicit Simulation(const Scenario& scenario);
  //! As above with the given levers instead of the scenario's (tests of the hooks); lever k
  //! books to ledger account k, whose budget is that of the lever's spec.
  Simulation(const Scenario& scenario, std::vector<std::unique_ptr<Policy>> policies);
  ~Simulation();
  Simulation(Simulation&&) noexcept;

  //! A simulation that continues from this one's current state under `scenario`, with its
  //! levers (created and initialised now). `scenario` must differ from this simulation's only
  //! in what takes effect from now on: its levers and arms. Forking a simulation fresh from its
  //! burn-in gives exactly what a run of `scenario` gives, without repeating the burn-in (the
  //! arms of laborsim compare).
  Simulation fork(const Scenario& scenario) const;

  //! Saves what carries to the next month (a checkpoint, sim/checkpoint/): the world, the
  //! ledger's accounts and every lever's own state.
  void save(StateArchive& archive);
  //! The simulation `archive` holds, continuing under `scenario`, the one it ran: the world,
  //! ledger and levers as saved (the levers are not initialised again). Continuing gives exactly
  //! what the saved simulation would have given.
  static Simulation restore(const Scenario& scenario, StateArchive& archive);
  //! The world `archive` holds, continuing under `scenario`'s levers, created and initialised
  //! now with a fresh ledger: a policy branch from a saved state (a shared burn-in). As for
  //! fork(), `scenario` must differ from the saved one only in what takes effect from now on.
  static Simulation branch(const Scenario& scenario, StateArchive& archive);

  //! Simulates the next month and returns its observation.
  Observation step();
  //! Ends the run: lets every policy lever finalise.
  void finish();

  //! Months simulated so far, burn-in excluded.
  int months_done() const { return world_.month; }
  const World& world() const { return world_; }
  const Scenario& scenario() const { return *world_.scenario; }
  const Ledger& ledger() const { return ledger_; }
  //! Keeps every lever payment in the ledger's audit trail (the conformance tests read it).
  void keep_audit() { ledger_.keep_audit(); }
  //! Seconds spent in each phase so far.
  const std::array<double, static_cast<std::size_t>(Phase::kCount)>& phase_seconds() const {
    return phase_seconds_;
  }

 private:
  //! Continues from `world` (already synthesised and burnt in) with the given levers.
  Simulation(World world, std::vector<std::unique_ptr<Policy>> policies);
  //! As above without initialising the levers (restore() fills in their state).
  struct Uninitialized {};
  Simulation(World world, std::vector<std::unique_ptr<Policy>> policies, Uninitialized);
  void carry_levers(StateArchive& archive);
  void initialize_policies();
  PolicyContext policy_context();
  template <class Hook>
  void run_policies(bool with_policies, Hook hook);
  Observation advance(bool with_policies);
  void record_policies(Observation& observation) const;

  World world_;
  std::vector<std::unique_ptr<Policy>> policies_;
  PolicyEnvironment environment_;
  Ledger ledger_;
  std::array<double, static_cast<std::size_t>(Phase::kCount)> phase_seconds_{};
};

}  // namespace laborsim
