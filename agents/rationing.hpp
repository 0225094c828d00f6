#pragma once
// Rationing scarce places (grid contacts, odd jobs, programme seats, posts) among eligible
// workers of each region: a worker gets a place with probability proportional to a priority
// weight, scaled so that the expected number of places equals the region's capacity where it
// binds, and capped at one. Two deterministic parallel passes; the draw comes from the worker's
// own stream for `purpose`, so results do not depend on threads.
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "agents/bitmap.hpp"
#include "agents/key_groups.hpp"
#include "agents/parallel.hpp"
#include "agents/random_stream.hpp"

namespace laborsim {

struct RationingResult {
  std::vector<std::uint32_t> eligible;  //!< per region
  std::vector<std::uint32_t> placed;    //!< per region
};

//! Where a rationing draw happens: the workers, the number of regions, and the stream keys.
struct RationingDraw {
  const WorkerStore& workers;
  std::size_t regions;
  std::uint64_t seed;
  std::uint32_t month;
  RandomPurpose purpose;
};

//! `eligible(i)` says whether worker i competes (in region w.location[i]); `weight(i)` is its
//! priority; `capacity[r]` the expected places in region r (agents). Sets `chosen` bits (after
//! resetting them all).
template <class Eligible, class Weight>
RationingResult ration_places(const RationingDraw& draw, const std::vector<double>& capacity,
                              const Eligible& eligible, const Weight& weight, Bitmap& chosen) {
  const WorkerStore& w = draw.workers;
  const std::size_t regions = draw.regions;
  chosen.reset(w.size());
  RationingResult result{std::vector<std::uint32_t>(regions, 0),
                         std::vector<std::uint32_t>(regions, 0)};

  // Pass 1 scans everyone once and keeps the few eligible workers (with their weights) per
  // block; pass 2 draws for those only.
  struct Candidate {
    std::uint32_t worker;
    float weight;
  };
  const std::size_t blocks = block_count(w.size(), kWorkerBlock);
  std::vector<std::vector<Candidate>> candidates(blocks);
  BlockSums demand(blocks, 2 * regions);
  for_each_block(w.size(), kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    double* sums = demand.block(b);
    for (std::size_t i = begin; i < end; ++i) {
      if (!eligible(i) || capacity[w.location[i]] <= 0) continue;
      const auto priority = static_cast<float>(weight(i));
      candidates[b].push_back({static_cast<std::uint32_t>(i), priority});
      sums[w.location[i]] += priority;
      sums[regions + w.location[i]] += 1;
    }
  });
  const std::vector<double> totals = demand.total();
  std::vector<double> reach(regions, 0.0);
  for (std::size_t r = 0; r < regions; ++r) {
    result.eligible[r] = static_cast<std::uint32_t>(totals[regions + r]);
    if (totals[r] > 0) reach[r] = capacity[r] / totals[r];
  }
  static_assert(kWorkerBlock % 64 == 0, "blocks must own whole words of the bitmap");
  BlockCounts placed(blocks, regions);
  for_each_block(w.size(), kWorkerBlock, [&](std::size_t b, std::size_t, std::size_t) {
    std::uint32_t* count = placed.block(b);
    for (const Candidate& c : candidates[b]) {
      const RegionId r = w.location[c.worker];
      RandomStream rng(draw.seed, draw.purpose, c.worker, draw.month);
      if (rng.bernoulli(std::min(1.0, reach[r] * c.weight))) {
        chosen.set(c.worker);
        ++count[r];
      }
    }
  });
  result.placed = placed.total();
  return result;
}

//! Unemployed and living at home: whom the home counties' services (grid staff, odd-jobs
//! markets, programmes) serve.
inline bool unemployed_at_home(const WorkerStore& w, std::size_t i) {
  return w.status[i] == WorkerStatus::kUnemployed && w.location[i] == w.home_region[i];
}

//! The services of the home counties ration their places among the unemployed living at home,
//! key groups first by `priority_weights`.
inline RationingResult ration_among_unemployed_at_home(
    const RationingDraw& draw, const std::vector<double>& capacity,
    const std::array<double, kKeyGroupCount>& priority_weights, Bitmap& chosen) {
  const WorkerStore& w = draw.workers;
  return ration_places(
      draw, capacity, [&](std::size_t i) { return unemployed_at_home(w, i); },
      [&](std::size_t i) { return priority_weight(priority_weights, key_groups(w, i)); }, chosen);
}

}  // namespace laborsim
