#include "lm_world.hpp"

#include <Random123/philox.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "agents/philox_lanes.hpp"

namespace lmbench {
namespace {

// Workers per block: at least 16384 (to amortise scheduling and the per-block region counts),
// at most 256 blocks. Blocks are contiguous, so searchers land in worker order whatever the block
// size or thread count: results do not depend on either.
std::size_t block_size(std::size_t workers) { return std::max<std::size_t>(16384, workers / 256); }
constexpr std::uint32_t kBeforeStart = std::numeric_limits<std::uint32_t>::max();

enum Purpose : std::uint32_t {
  kWorkerStart = 1,
  kFirmStart = 2,
  kWorkerMonth = 3,
  kVacancyKey = 4,
  kRounding = 5,
};

using Block = r123::Philox4x32::ctr_type;

inline r123::Philox4x32::key_type key_of(std::uint64_t seed) {
  return {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
}

inline Block philox(std::uint64_t seed, std::uint32_t entity, std::uint32_t month, Purpose purpose,
                    std::uint32_t index = 0) {
  return r123::Philox4x32()({{entity, month, purpose, index}}, key_of(seed));
}

// Probabilities as thresholds on a 32-bit word: u < p exactly when word < ceil(p * 2^32).
constexpr std::uint32_t kSeparationBelow = 85899346;  // 0.02

//! Uniform on [0, 1) from one 32-bit word.
inline double unit(std::uint32_t word) { return word * 0x1.0p-32; }

//! Uniform integer in [0, n) from one 32-bit word (multiply-shift).
inline std::uint32_t below(std::uint32_t word, std::uint32_t n) {
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(word) * n) >> 32);
}

inline std::uint16_t grow(std::uint16_t months) {
  return months == std::numeric_limits<std::uint16_t>::max() ? months : months + 1;
}

template <class Body>
void for_each_block(std::size_t n, const Body& body) {
  const std::size_t block = block_size(n);
  const std::size_t blocks = (n + block - 1) / block;
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, blocks, 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t b = range.begin(); b != range.end(); ++b) {
          body(b, b * block, std::min(n, (b + 1) * block));
        }
      },
      tbb::simple_partitioner());
}

}  // namespace

Size size_named(const std::string& name) {
  if (name == "S") return {"S", 100'000, 5'000, 10};
  if (name == "M") return {"M", 1'000'000, 50'000, 20};
  if (name == "L") return {"L", 10'000'000, 500'000, 60};
  // The memory check: a hundred million workers must fit in 16 GiB.
  if (name == "XL") return {"XL", 100'000'000, 5'000'000, 190};
  throw std::invalid_argument("size must be S, M, L or XL, not " + name);
}

World::World(const Size& size, std::uint64_t seed)
    : seed_(seed), side_(size.side), regions_(std::size_t{size.side} * size.side) {
  const auto regions = static_cast<std::uint32_t>(regions_);
  // Firms, then the firms of each region in firm order.
  firm_region_.resize(size.firms);
  target_.resize(size.firms);
  size_.assign(size.firms, 0);
  region_firm_begin_.assign(regions_ + 1, 0);
  for (std::uint32_t f = 0; f < size.firms; ++f) {
    const Block w = philox(seed_, f, kBeforeStart, kFirmStart);
    firm_region_[f] = static_cast<std::uint16_t>(below(w[0], regions));
    target_[f] = static_cast<std::uint8_t>(10 + below(w[1], 21));
    ++region_firm_begin_[firm_region_[f] + 1];
  }
  for (std::size_t r = 0; r < regions_; ++r) region_firm_begin_[r + 1] += region_firm_begin_[r];
  region_firms_.resize(size.firms);
  std::vector<std::uint32_t> fill(region_firm_begin_.begin(), region_firm_begin_.end() - 1);
  for (std::uint32_t f = 0; f < size.firms; ++f) region_firms_[fill[firm_region_[f]]++] = f;

  // Workers: 90 % employed at a firm of their region.
  const std::size_t n = size.workers;
  worker_.resize(n);
  for_each_block(n, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const Block w = philox(seed_, static_cast<std::uint32_t>(i), kBeforeStart, kWorkerStart);
      const std::uint32_t r = below(w[0], regions);
      Worker& worker = worker_[i];
      worker = {-1, 0.0f, 0.0f, static_cast<std::uint16_t>(r), 0, 0};
      const std::uint32_t firms = region_firm_begin_[r + 1] - region_firm_begin_[r];
      if (unit(w[1]) < 0.9 && firms > 0) {
        const std::uint32_t f = region_firms_[region_firm_begin_[r] + below(w[2], firms)];
        worker.employer = static_cast<std::int32_t>(f);
        worker.wage = static_cast<float>(2000 + 4000 * unit(w[3]));
        worker.reservation = 0.8f * worker.wage;
        std::atomic_ref<std::int32_t>(size_[f]).fetch_add(1, std::memory_order_relaxed);
      } else {
        worker.reservation = static_cast<float>(1600 + 3200 * unit(w[3]));
      }
    }
  });
  const std::size_t blocks = (n + block_size(n) - 1) / block_size(n);
  block_searchers_.resize(blocks);
  block_targets_.resize(blocks);
  block_region_counts_.resize(blocks * regions_);
  block_unemployed_.resize(blocks * regions_);
  searcher_begin_.resize(regions_ + 1);
}

void World::pay_separate_and_search(std::uint32_t month) {
  const std::uint32_t side = side_;
  for_each_block(workers(), [&](std::size_t b, std::size_t begin, std::size_t end) {
    std::uint32_t* counts = block_region_counts_.data() + b * regions_;
    std::uint32_t* unemployed = block_unemployed_.data() + b * regions_;
    std::fill(counts, counts + regions_, 0u);
    std::fill(unemployed, unemployed + regions_, 0u);
    std::vector<Searcher>& searchers = block_searchers_[b];
    std::vector<std::uint16_t>& targets = block_targets_[b];
    searchers.clear();
    targets.clear();
    laborsim::PhiloxLanes lanes;  // the workers' blocks, 8 or 16 at a time (AVX2 / AVX-512)
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t lane = (i - begin) % laborsim::PhiloxLanes::kLanes;
      if (lane == 0) {
        lanes.fill(seed_, static_cast<laborsim::RandomPurpose>(kWorkerMonth),
                   static_cast<std::uint32_t>(i), month,
                   std::min(laborsim::PhiloxLanes::kLanes, end - i));
      }
      const Block w = lanes.block(lane);
      Worker& worker = worker_[i];
      std::int32_t firm = worker.employer;
      if (firm >= 0) {
        worker.wage *= 0.996f + 0.012f * (static_cast<float>(w[0]) * 0x1.0p-32f);
        worker.tenure = grow(worker.tenure);
        if (w[1] < kSeparationBelow) {
          std::atomic_ref<std::int32_t>(size_[firm]).fetch_sub(1, std::memory_order_relaxed);
          worker.employer = firm = -1;
          worker.spell = 0;
        }
      } else {
        worker.reservation *= 0.99f;
        worker.spell = grow(worker.spell);
      }
      if (firm >= 0) continue;
      const std::uint32_t r = worker.region;
      ++unemployed[r];
      // Twentieths: 16 of 20 search at home (0.8), one each in the four torus neighbours.
      std::uint32_t target = r;
      const std::uint32_t twentieth = below(w[2], 20);
      if (twentieth >= 16) {
        const std::uint32_t x = r % side, y = r / side;
        switch (twentieth - 16) {
          case 0:
            target = y * side + (x + 1) % side;
            break;
          case 1:
            target = y * side + (x + side - 1) % side;
            break;
          case 2:
            target = ((y + 1) % side) * side + x;
            break;
          default:
            target = ((y + side - 1) % side) * side + x;
            break;
        }
      }
      ++counts[target];
      searchers.push_back({w[3], static_cast<std::uint32_t>(i)});
      targets.push_back(static_cast<std::uint16_t>(target));
    }
  });
  // Counting sort by searched region, block after block: offsets[b][r] where block b's searchers
  // of region r go.
  const std::size_t blocks = block_searchers_.size();
  std::uint32_t at = 0;
  for (std::size_t r = 0; r < regions_; ++r) {
    searcher_begin_[r] = at;
    for (std::size_t b = 0; b < blocks; ++b) {
      const std::uint32_t count = block_region_counts_[b * regions_ + r];
      block_region_counts_[b * regions_ + r] = at;
      at += count;
    }
  }
  searcher_begin_[regions_] = at;
  searchers_.resize(at);
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    std::uint32_t* offset = block_region_counts_.data() + b * regions_;
    const std::vector<Searcher>& searchers = block_searchers_[b];
    const std::vector<std::uint16_t>& targets = block_targets_[b];
    for (std::size_t k = 0; k < searchers.size(); ++k)
      searchers_[offset[targets[k]]++] = searchers[k];
  });
}

void World::match_region(std::uint32_t r, std::uint32_t month, MonthRecord& record) {
  struct Slot {
    std::uint32_t key;
    std::uint32_t firm;
    std::uint32_t index;
  };
  // One buffer per thread, reused region after region and month after month.
  thread_local std::vector<Slot> slots;
  slots.clear();
  for (std::uint32_t k = region_firm_begin_[r]; k < region_firm_begin_[r + 1]; ++k) {
    const std::uint32_t f = region_firms_[k];
    const std::int32_t open = std::max(0, static_cast<std::int32_t>(target_[f]) - size_[f]);
    Block w{};
    for (std::int32_t s = 0; s < open; ++s) {
      if (s % 4 == 0) w = philox(seed_, f, month, kVacancyKey, static_cast<std::uint32_t>(s / 4));
      slots.push_back({w[s % 4], f, static_cast<std::uint32_t>(s)});
    }
  }
  Searcher* first = searchers_.data() + searcher_begin_[r];
  Searcher* last = searchers_.data() + searcher_begin_[r + 1];
  const double u = static_cast<double>(last - first);
  const double v = static_cast<double>(slots.size());
  record.vacancies[r] = static_cast<std::uint32_t>(slots.size());
  const double wanted = std::min({u, v, 0.6 * std::sqrt(u * v)});
  auto m = static_cast<std::size_t>(wanted);
  if (wanted - m > 0 && unit(philox(seed_, r, month, kRounding)[0]) < wanted - m) ++m;
  record.matches[r] = static_cast<std::uint32_t>(m);
  if (m == 0) return;
  // Drawn without replacement: the m smallest keys (ties broken by id), paired in key order.
  const auto by_searcher = [](const Searcher& a, const Searcher& b) {
    return a.key != b.key ? a.key < b.key : a.worker < b.worker;
  };
  const auto by_slot = [](const Slot& a, const Slot& b) {
    if (a.key != b.key) return a.key < b.key;
    return a.firm != b.firm ? a.firm < b.firm : a.index < b.index;
  };
  std::nth_element(first, first + (m - 1), last, by_searcher);
  std::sort(first, first + m, by_searcher);
  std::nth_element(slots.begin(), slots.begin() + static_cast<std::ptrdiff_t>(m - 1), slots.end(),
                   by_slot);
  std::sort(slots.begin(), slots.begin() + static_cast<std::ptrdiff_t>(m), by_slot);
  constexpr std::size_t kAhead = 8;  // hires are random workers: fetch their records early
  for (std::size_t k = 0; k < std::min(m, kAhead); ++k)
    __builtin_prefetch(&worker_[first[k].worker], 1);
  for (std::size_t k = 0; k < m; ++k) {
    if (k + kAhead < m) __builtin_prefetch(&worker_[first[k + kAhead].worker], 1);
    Worker& worker = worker_[first[k].worker];
    const std::uint32_t f = slots[k].firm;
    // Where the hire lived: its region's unemployed fall by one (applied after the parallel loop).
    first[k].key = worker.region;
    worker.employer = static_cast<std::int32_t>(f);
    worker.region = static_cast<std::uint16_t>(r);
    worker.wage = 1.1f * worker.reservation;
    worker.tenure = 0;
    worker.spell = 0;
    ++size_[f];
  }
}

MonthRecord World::step() {
  const std::uint32_t month = month_++;
  pay_separate_and_search(month);
  MonthRecord record{std::vector<std::uint32_t>(regions_, 0),
                     std::vector<std::uint32_t>(regions_, 0),
                     std::vector<std::uint32_t>(regions_, 0)};
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, regions_, 16),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t r = range.begin(); r != range.end(); ++r) {
                        match_region(static_cast<std::uint32_t>(r), month, record);
                      }
                    });
  const std::size_t blocks = block_searchers_.size();
  for (std::size_t b = 0; b < blocks; ++b) {
    for (std::size_t r = 0; r < regions_; ++r) {
      record.unemployed[r] += block_unemployed_[b * regions_ + r];
    }
  }
  for (std::size_t r = 0; r < regions_; ++r) {
    const Searcher* hired = searchers_.data() + searcher_begin_[r];
    for (std::uint32_t k = 0; k < record.matches[r]; ++k) --record.unemployed[hired[k].key];
  }
  return record;
}

}  // namespace lmbench
