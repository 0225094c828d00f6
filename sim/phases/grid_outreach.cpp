// Grid outreach ("311" service). Each region's grid staff reach a limited number of unemployed
// residents at home a month (contacts_per_staff_month each, scaled like the population), the key
// groups first: a person is reached with probability proportional to 1 + the priority weights
// of their groups, capped at one. A reached worker gets job information pushes (extra looks at
// home-region vacancies in search) and a referral (ranked higher by employers).
#include <algorithm>

#include "agents/key_groups.hpp"
#include "agents/random_stream.hpp"
#include "sim/parallel.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {
namespace {

bool served_by_grids(const WorkerStore& w, std::size_t i) {
  return w.status[i] == WorkerStatus::kUnemployed && w.location[i] == w.home_region[i];
}

double priority(const GridSpec& spec, const WorkerStore& w, std::size_t i) {
  const std::uint8_t groups = key_groups(w, i);
  double weight = 1;
  for (std::size_t g = 0; g < kKeyGroupCount; ++g) {
    if ((groups >> g) & 1u) weight += spec.priority_weights[g];
  }
  return weight;
}

}  // namespace

void reach_out(World& world) {
  const Scenario& s = *world.scenario;
  const GridSpec& spec = s.grids;
  const WorkerStore& w = world.workers;
  const std::size_t regions = world.graph.size();
  const auto month = static_cast<std::uint32_t>(world.month);
  world.contacted.reset(w.size());
  world.grid_contacts.assign(regions, 0);
  world.grid_eligible.assign(regions, 0);

  std::vector<double> capacity(regions, 0.0);
  for (std::size_t k = 0; k < world.grids.size(); ++k) {
    capacity[world.grids.region[k]] +=
        world.grids.staff(k) * spec.contacts_per_staff_month * s.population.scale;
  }
  // Pass 1: the priority-weighted number of people each region's grids serve.
  const std::size_t blocks = block_count(w.size(), kWorkerBlock);
  BlockSums demand(blocks, 2 * regions);
  for_each_block(w.size(), kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    double* sums = demand.block(b);
    for (std::size_t i = begin; i < end; ++i) {
      if (!served_by_grids(w, i) || capacity[w.location[i]] <= 0) continue;
      sums[w.location[i]] += priority(spec, w, i);
      sums[regions + w.location[i]] += 1;
    }
  });
  const std::vector<double> totals = demand.total();
  std::vector<double> reach(regions, 0.0);
  for (std::size_t r = 0; r < regions; ++r) {
    world.grid_eligible[r] = static_cast<std::uint32_t>(totals[regions + r]);
    if (totals[r] > 0) reach[r] = capacity[r] / totals[r];
  }
  // Pass 2: who is reached. Blocks own whole words of the bitmap (kWorkerBlock % 64 == 0).
  static_assert(kWorkerBlock % 64 == 0);
  std::vector<std::vector<std::uint32_t>> reached(blocks, std::vector<std::uint32_t>(regions, 0));
  for_each_block(w.size(), kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (!served_by_grids(w, i) || reach[w.location[i]] <= 0) continue;
      RandomStream rng(s.seed, RandomPurpose::kOutreach, static_cast<std::uint32_t>(i), month);
      if (rng.bernoulli(std::min(1.0, reach[w.location[i]] * priority(spec, w, i)))) {
        world.contacted.set(i);
        ++reached[b][w.location[i]];
      }
    }
  });
  for (const auto& counts : reached) {
    for (std::size_t r = 0; r < regions; ++r) world.grid_contacts[r] += counts[r];
  }
}

}  // namespace laborsim
