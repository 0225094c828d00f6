// Start-ups. Unemployed residents at home try to start a business now and then; they need the
// start-up capital from savings and bank credit (credit_multiple per yuan saved: credit-
// constrained entry, Evans & Jovanovic 1989), a sector with unserved demand (the jobs exiting
// employers left), and a free employer slot in their region. The founder works in the new firm,
// which then hires like any employer. Candidates are found in parallel; firms are founded in
// worker-id order, so the result does not depend on threads.
#include <algorithm>
#include <cmath>

#include "agents/parallel.hpp"
#include "agents/random_stream.hpp"
#include "sim/phases/employer_economics.hpp"
#include "sim/phases/phases.hpp"
#include "sim/synthesis/synthesize.hpp"

namespace laborsim {
namespace {

constexpr double kStartupMaxToMinSize = 100;

// Mean of a Pareto(alpha) truncated to [1, ratio].
double truncated_pareto_mean(double alpha, double ratio) {
  if (std::abs(alpha - 1) < 1e-9) return std::log(ratio) / (1 - 1 / ratio);
  return alpha / (alpha - 1) * (1 - std::pow(ratio, 1 - alpha)) / (1 - std::pow(ratio, -alpha));
}

// The most start-up finance any lever offers worker i this month [yuan].
double offered_credit(const World& world, std::size_t i) {
  double credit = 0;
  for (const StartupOffer& offer : world.effects.startup_offers) {
    if (offer.target->covers_worker(world.workers, i)) credit = std::max(credit, offer.credit_yuan);
  }
  return credit;
}

std::vector<WorkerId> find_candidates(const World& world) {
  const Scenario& s = *world.scenario;
  const EntrepreneurshipSpec& spec = s.entrepreneurship;
  const WorkerStore& w = world.workers;
  const auto month = static_cast<std::uint32_t>(world.month);
  const std::size_t blocks = block_count(w.size(), kWorkerBlock);
  std::vector<std::vector<WorkerId>> per_block(blocks);
  for_each_block(w.size(), kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (w.status[i] != WorkerStatus::kUnemployed || w.location[i] != w.home_region[i] ||
          w.age_months[i] < kFounderMinAgeMonths || w.age_months[i] > kFounderMaxAgeMonths) {
        continue;
      }
      if (w.savings[i] * (1 + spec.credit_multiple) < spec.capital_yuan &&
          (world.effects.startup_offers.empty() ||
           w.savings[i] * (1 + spec.credit_multiple) + offered_credit(world, i) <
               spec.capital_yuan)) {
        continue;
      }
      RandomStream rng(s.seed, RandomPurpose::kEntry, static_cast<std::uint32_t>(i), month);
      if (rng.bernoulli(spec.attempt_rate_monthly))
        per_block[b].push_back(static_cast<WorkerId>(i));
    }
  });
  std::vector<WorkerId> candidates;
  concatenate_blocks(per_block, candidates);
  return candidates;
}

// Dormant or exited slots whose last workers have left, per region, lowest id first.
std::vector<std::vector<EmployerId>> free_slots(const World& world) {
  const EmployerStore& e = world.employers;
  std::vector<std::vector<EmployerId>> slots(world.graph.size());
  for (std::size_t r = 0; r < world.graph.size(); ++r) {
    for (EmployerId j = e.region_begin[r]; j < e.region_begin[r + 1]; ++j) {
      if (!e.active[j] && e.workforce[j] == 0) slots[r].push_back(j);
    }
  }
  return slots;
}

// Employers founded by people outside the simulated population fill outside_entry_rate_monthly
// of each region-sector's unserved demand, with sizes drawn as at synthesis.
void enter_from_outside(World& world, std::vector<std::vector<EmployerId>>& slots,
                        std::vector<std::size_t>& next_slot) {
  const Scenario& s = *world.scenario;
  const EmployerSpec& spec = s.employers;
  const std::size_t sectors = spec.sectors.size();
  const double size_mean =
      truncated_pareto_mean(spec.size_tail_exponent, spec.max_to_min_firm_size);
  for (std::size_t cell = 0; cell < world.potential_jobs.size(); ++cell) {
    const auto region = static_cast<RegionId>(cell / sectors);
    const auto sector = static_cast<SectorId>(cell % sectors);
    double to_fill = s.entrepreneurship.outside_entry_rate_monthly *
                     (world.potential_jobs[cell] - world.active_jobs[cell]);
    RandomStream rng(s.seed, RandomPurpose::kOutsideEntry, static_cast<std::uint32_t>(cell),
                     static_cast<std::uint32_t>(world.month));
    while (to_fill >= 1 && next_slot[region] < slots[region].size()) {
      const double size =
          spec.sectors[sector].mean_firm_size *
          truncated_pareto(rng.uniform(), spec.size_tail_exponent, spec.max_to_min_firm_size) /
          size_mean;
      const double base = std::clamp(size, 1.0, to_fill);
      const EmployerId j = slots[region][next_slot[region]++];
      open_employer(world, j, sector, static_cast<float>(base), world.month, rng);
      world.employers.cash[j] = spec.initial_cash_months * world.labor_cost_factor *
                                world.employers.posted_wage[j] * base;
      to_fill -= base;
    }
  }
}

// The first lever offer (in lever order) that covers worker i and a new micro firm in `sector`,
// still has quota and budget room, and with own means `own` reaches `capital`; -1 when none.
// Taking it draws the offer down.
int take_finance(World& world, std::size_t i, std::size_t sector, double own, double capital) {
  std::vector<StartupOffer>& offers = world.effects.startup_offers;
  for (std::size_t k = 0; k < offers.size(); ++k) {
    StartupOffer& offer = offers[k];
    const Target& target = *offer.target;
    const bool covers_firm =
        (target.sectors.empty() || target.sectors[sector]) &&
        (target.size_classes == 0 ||
         (target.size_classes >> static_cast<unsigned>(SizeClass::kMicro)) & 1u);
    if (own + offer.credit_yuan < capital || offer.quota < 1 ||
        (offer.room_fen >= 0 && offer.room_fen < offer.cost_fen) || !covers_firm ||
        !target.covers_worker(world.workers, i)) {
      continue;
    }
    offer.quota -= 1;
    if (offer.room_fen >= 0) offer.room_fen -= offer.cost_fen;
    return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

void start_businesses(World& world) {
  const Scenario& s = *world.scenario;
  const EntrepreneurshipSpec& spec = s.entrepreneurship;
  const std::size_t sectors = s.employers.sectors.size();
  const auto month = static_cast<std::uint32_t>(world.month);
  const std::vector<WorkerId> candidates = find_candidates(world);
  auto slots = free_slots(world);
  std::vector<std::size_t> next_slot(slots.size(), 0);
  const double size_mean =
      truncated_pareto_mean(s.employers.size_tail_exponent, kStartupMaxToMinSize);
  WorkerStore& w = world.workers;
  EmployerStore& e = world.employers;
  for (const WorkerId i : candidates) {
    const RegionId home = w.home_region[i];
    RandomStream rng(s.seed, RandomPurpose::kEntry, i, month);
    rng();  // the attempt draw of find_candidates
    // A sector in proportion to the region's job shares, among those open to start-ups.
    const RegionSpec& region = s.regions[home];
    double total = 0;
    for (std::size_t k = 0; k < sectors; ++k) {
      if (s.employers.sectors[k].open_to_startups) total += region.sector_shares[k];
    }
    const double pick = rng.uniform() * total;
    std::size_t sector = 0;
    for (double cumulative = 0; sector < sectors; ++sector) {
      if (!s.employers.sectors[sector].open_to_startups) continue;
      cumulative += region.sector_shares[sector];
      if (pick < cumulative) break;
    }
    if (sector == sectors) continue;
    const std::size_t cell = home * sectors + sector;
    const double room = world.potential_jobs[cell] - world.active_jobs[cell];
    if (room < 1 || next_slot[home] == slots[home].size()) continue;
    // Without enough own means (savings and bank credit), a founder needs a lever's finance.
    const double own = w.savings[i] * (1 + spec.credit_multiple);
    const int offer =
        own < spec.capital_yuan ? take_finance(world, i, sector, own, spec.capital_yuan) : -1;
    if (own < spec.capital_yuan && offer < 0) continue;
    const double credit =
        offer < 0 ? 0.0 : world.effects.startup_offers[static_cast<std::size_t>(offer)].credit_yuan;
    const double planned =
        spec.mean_size_workers *
        truncated_pareto(rng.uniform(), s.employers.size_tail_exponent, kStartupMaxToMinSize) /
        size_mean;
    const EmployerId j = slots[home][next_slot[home]++];
    open_employer(world, j, static_cast<SectorId>(sector),
                  static_cast<float>(std::clamp(planned, 1.0, room)), world.month, rng);
    // The firm starts with the capital, or with the founder's own means and the loan.
    e.cash[j] = offer < 0 ? spec.capital_yuan : std::min(own, spec.capital_yuan) + credit;
    w.savings[i] -= std::min(w.savings[i], static_cast<float>(spec.capital_yuan));
    if (world.effects.log_foundings || !world.effects.startup_offers.empty()) {
      world.effects.foundings.push_back({i, j, offer, credit});
    }
    // The founder is the firm's first worker.
    w.status[i] = WorkerStatus::kEmployed;
    w.employer[i] = j;
    w.wage[i] = e.posted_wage[j] * w.skill[i];
    w.output[i] = e.productivity[j] * w.skill[i] * match_quality(s, i, month, j);
    w.spell_months[i] = 0;
    w.tenure_months[i] = 0;
    w.benefit_months_left[i] = 0;
    e.workforce[j] = 1;
    e.hires[j] = 1;
  }
  enter_from_outside(world, slots, next_slot);
}

}  // namespace laborsim
