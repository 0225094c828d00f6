#pragma once
// Pieces several levers share: places spread over the covered counties, whole places out of a
// fractional monthly quota, the workers a lever selects listed in id order.
#include <cmath>
#include <vector>

#include "agents/bitmap.hpp"
#include "agents/parallel.hpp"
#include "agents/rationing.hpp"
#include "policies/policy.hpp"

namespace laborsim {

//! `places` (agents) spread over the target's covered regions in proportion to their
//! working-age population (at full scale); 0 for the others.
inline std::vector<double> spread_over_regions(const Target& target,
                                               const PolicyEnvironment& environment,
                                               double places) {
  const std::vector<double>& population = environment.working_age_population;
  double covered = 0;
  for (std::size_t r = 0; r < population.size(); ++r) {
    if (target.regions[r]) covered += population[r];
  }
  std::vector<double> share(population.size(), 0.0);
  for (std::size_t r = 0; r < population.size(); ++r) {
    if (target.regions[r] && covered > 0) share[r] = places * population[r] / covered;
  }
  return share;
}

//! Rations `places` (agents, spread over the target's regions) among the workers `eligible(i)`
//! admits, at random from the lever's `purpose` streams (agents/rationing.hpp), then serves the
//! chosen in id order with `serve(i)`, which pays and returns false once the budget is spent.
//! Adds the eligible to the lever's ledger count.
template <class Eligible, class Serve>
void ration_and_serve(PolicyContext& c, std::size_t lever, const Target& target,
                      RandomPurpose purpose, double places, const Eligible& eligible,
                      const Serve& serve, Bitmap& chosen) {
  const WorkerStore& w = c.workers;
  const std::vector<double> capacity = spread_over_regions(target, c.environment, places);
  const RationingResult result = ration_places(
      RationingDraw{w, capacity.size(), c.seed, static_cast<std::uint32_t>(c.month), purpose},
      capacity, eligible, [](std::size_t) { return 1.0; }, chosen);
  std::int64_t considered = 0;
  for (const std::uint32_t n : result.eligible) considered += n;
  c.ledger.add_eligible(lever, considered);
  bool budget_left = true;
  chosen.for_each_set([&](std::size_t i) { budget_left = budget_left && serve(i); });
}

//! How many places at `cost_yuan` each (per person) the lever's budget affords this month
//! [agents], at most `places`.
inline double affordable_places(const PolicyContext& c, std::size_t lever, double places,
                                double cost_yuan) {
  const Fen room = c.ledger.room(lever);
  const double per_place = cost_yuan * c.environment.agent_weight * 100;  // fen
  if (room == Budget::kUnlimited || !(per_place > 0)) return places;
  return std::min(places, static_cast<double>(room) / per_place);
}

//! Whole units out of a fractional monthly quota: at a small population scale a quota of 0.3
//! agents a month gives one every three or four months, and the total stays right.
class QuotaCarry {
 public:
  //! Adds this month's quota and returns the whole units available now (kept if not used).
  double open(double quota) {
    carry_ += quota;
    return std::floor(carry_);
  }
  //! Uses `n` of them.
  void use(double n) { carry_ -= n; }

 private:
  double carry_ = 0;
};

//! Workers a lever considers and those it picks among them.
struct Selection {
  std::vector<WorkerId> picked;  //!< in id order
  std::int64_t eligible = 0;     //!< how many were considered
};

//! One parallel pass: the workers for whom `eligible(i)` holds, and among them those
//! `pick(i)` picks (a draw from the worker's own stream, say).
template <class Eligible, class Pick>
Selection select_workers(std::size_t workers, const Eligible& eligible, const Pick& pick) {
  const std::size_t blocks = block_count(workers, kWorkerBlock);
  std::vector<std::vector<WorkerId>> per_block(blocks);
  BlockCounts counted(blocks, 1);
  for_each_block(workers, kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (!eligible(i)) continue;
      ++counted.block(b)[0];
      if (pick(i)) per_block[b].push_back(static_cast<WorkerId>(i));
    }
  });
  Selection selection;
  concatenate_blocks(per_block, selection.picked);
  selection.eligible = counted.total()[0];
  return selection;
}

}  // namespace laborsim
