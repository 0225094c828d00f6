#pragma once
// The policy-lever interface. A lever sees the world only through the PolicyContext the engine
// hands it at each hook; it keeps no globals. Levers are created by name from a PolicyRegistry
// (policies/policy_registry.hpp); each lever lives in its own file (policies/levers.hpp).
//
// What a lever changes in the engine's phases it writes into context.effects; what it pays goes
// through context.ledger under its own index, which enforces its budget. Its random draws come
// from streams of its own (lever_purpose), so adding a lever shifts no other draw: two runs that
// differ by a lever share every other random number.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "agents/employer_store.hpp"
#include "agents/grid_store.hpp"
#include "agents/random_stream.hpp"
#include "agents/region_graph.hpp"
#include "agents/state_archive.hpp"
#include "agents/worker_store.hpp"
#include "policies/ledger.hpp"
#include "policies/policy_effects.hpp"
#include "policies/policy_spec.hpp"

namespace laborsim {

//! The scenario's numbers that levers need, fixed for the run.
struct PolicyEnvironment {
  double agent_weight = 1;       //!< persons per agent (1 / population.scale)
  double labor_cost_factor = 1;  //!< 1 + social-insurance rate + UI premium rate
  double ui_premium_rate = 0;    //!< employers' UI premium per yuan of wage
  double ui_coverage_share = 0;  //!< share of workers insured against unemployment
  double separation_rate_monthly = 0;
  double travel_cost_horizon_months = 12;         //!< months over which movers spread a fare
  double max_travel_cost_yuan = 0;                //!< farthest fare searchers look
  double reservation_ratio_after_job_loss = 0.7;  //!< asking wage / the lost wage
  std::size_t sectors = 0;
  std::vector<double> working_age_population;  //!< per region, at full scale
};

struct PolicyContext {
  int month = 0;           //!< months since the scenario's start
  int calendar_month = 1;  //!< 1 (January) to 12
  std::uint64_t seed = 0;  //!< scenario seed, for the lever's own RandomStreams
  const PolicyEnvironment& environment;
  const RegionGraph& regions;
  WorkerStore& workers;
  EmployerStore& employers;
  GridStore& grids;
  PolicyEffects& effects;
  Ledger& ledger;
  //! Workers reached by grid staff this month; levers may add to it in before_search.
  Bitmap& contacted;
  //! Workers looking for a job while employed, farming or on a post this month (set by the
  //! labour flows, valid from before_search on).
  const Bitmap& looking;
};

class Policy {
 public:
  Policy(PolicySpec spec, std::size_t index) : spec_(std::move(spec)), index_(index) {}
  virtual ~Policy() = default;
  Policy(const Policy&) = delete;
  Policy& operator=(const Policy&) = delete;

  //! The `type` that names this lever in scenario files.
  virtual std::string_view type() const = 0;
  //! Once, after the population is synthesised and burn-in run, before the first month.
  virtual void initialize(PolicyContext& /*context*/) {}
  //! Phase 2 of every month: open this month's offers (reliefs, subsidies) while active.
  virtual void begin_month(PolicyContext& /*context*/) {}
  //! Phase 6 of every month, after grid outreach and before job search: act on this month's
  //! searchers (seats on organised transport, extra outreach).
  virtual void before_search(PolicyContext& /*context*/) {}
  //! Phase 8 of every month, after matching: place the still-unemployed in programmes
  //! (training seats, posts).
  virtual void place(PolicyContext& /*context*/) {}
  //! Phase 11 of every month: pay for what the month bought and keep the lever's books.
  virtual void end_month(PolicyContext& /*context*/) {}
  //! Once, after the last month.
  virtual void finalize(PolicyContext& /*context*/) {}
  //! Saves or restores what the lever carries from month to month and what initialize()
  //! derived (a checkpoint, sim/checkpoint/): a lever restored from a checkpoint is not
  //! initialised again. Parameters read from the spec are not saved; they come with the spec.
  virtual void carry(StateArchive& /*archive*/) {}

  const PolicySpec& spec() const { return spec_; }
  const std::string& name() const { return spec_.name; }
  //! The lever's account in the ledger.
  std::size_t index() const { return index_; }

 protected:
  bool active(const PolicyContext& context) const { return spec_.active(context.month); }
  //! The ledger amount of paying `yuan` to each person (or firm) one agent stands for.
  static Fen agent_cost(const PolicyContext& context, double yuan) {
    return fen_from_yuan(yuan * context.environment.agent_weight);
  }
  //! The share of `amounts` (yuan, per agent) the lever can pay this month: 1 when its budget
  //! covers them all, else the budget over their cost at full size, with a margin for the
  //! rounding of each payment to the fen. For levers that cut everyone's benefit pro rata
  //! rather than serve the first in line.
  static double affordable_share(const PolicyContext& context, double total_yuan,
                                 std::size_t payments, std::size_t index) {
    const Fen room = context.ledger.room(index);
    const double cost = total_yuan * context.environment.agent_weight * 100;  // fen
    if (room == Budget::kUnlimited || cost <= static_cast<double>(room) - payments) return 1.0;
    return std::max(0.0, (static_cast<double>(room) - static_cast<double>(payments)) / cost);
  }
  //! A stream family of this lever's own, keyed by its name and `use`.
  RandomPurpose purpose(std::uint32_t use) const { return lever_purpose(spec_.name, use); }

 private:
  PolicySpec spec_;
  std::size_t index_;
};

}  // namespace laborsim
