#pragma once
// Counter-based random streams (Philox4x32-10, Random123).
//
// Every draw in the model comes from a stream named by (seed; entity, time, purpose). A stream is
// a pure function of those four numbers, so results do not depend on thread count, scheduling or
// the order in which entities are visited, and two runs that differ only in a policy see the same
// numbers everywhere the policy did not change the decision (common random numbers).
#include <Random123/philox.h>

#include <cstdint>
#include <limits>
#include <string_view>

namespace laborsim {

//! What a stream is for. Each purpose is its own family of streams: adding draws to one phase
//! never shifts the numbers another phase sees. Values are part of the output's reproducibility
//! contract: never renumber, only append.
enum class RandomPurpose : std::uint32_t {
  kSynthesisWorker = 1,
  kSynthesisEmployer = 2,
  kSynthesisAssignment = 3,
  kEconomy = 4,
  kSeparation = 5,
  kLaborForce = 6,
  kSearch = 7,
  kMigration = 8,
  kMatchQuality = 9,
  kDemography = 10,
  kFirmDemand = 11,
  kEntry = 12,
  kOutsideEntry = 13,
  kOutreach = 14,
  kOddJobs = 15,
  kPanel = 16,
};

//! Time index used for draws made once, before the first simulated month.
inline constexpr std::uint32_t kBeforeStart = std::numeric_limits<std::uint32_t>::max();

//! One stream of 32-bit random words. Models UniformRandomBitGenerator, so Boost.Random
//! distributions can draw from it. Cheap to construct: build one per (entity, month, purpose).
class RandomStream {
 public:
  using result_type = std::uint32_t;

  RandomStream(std::uint64_t seed, RandomPurpose purpose, std::uint32_t entity, std::uint32_t time)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        counter_{{entity, time, static_cast<std::uint32_t>(purpose), 0}} {}

  using Block = r123::Philox4x32::ctr_type;

  //! The same stream, its first block already computed (by PhiloxLanes, many at a time).
  RandomStream(std::uint64_t seed, RandomPurpose purpose, std::uint32_t entity, std::uint32_t time,
               const Block& first_block)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        counter_{{entity, time, static_cast<std::uint32_t>(purpose), 1}},
        block_(first_block),
        next_(0) {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    if (next_ == 4) refill();
    return block_[next_++];
  }

  //! Uniform on the open interval (0, 1), 32 bits of resolution.
  double uniform() { return (static_cast<double>((*this)()) + 0.5) * 0x1.0p-32; }

  //! True with probability p (p <= 0 never, p >= 1 always).
  bool bernoulli(double p) { return uniform() < p; }

  //! Uniform on (0, 1) from the first word of one Philox block, the block chosen by its index:
  //! a value keyed by (entity, time, block) never spills into a neighbouring key's block.
  static double uniform_at(std::uint64_t seed, RandomPurpose purpose, std::uint32_t entity,
                           std::uint32_t time, std::uint32_t block) {
    r123::Philox4x32 philox;
    const auto words =
        philox({{entity, time, static_cast<std::uint32_t>(purpose), block}},
               {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}});
    return (static_cast<double>(words[0]) + 0.5) * 0x1.0p-32;
  }

  //! Uniform integer in [0, n) by multiply-shift; bias below n / 2^32, irrelevant for model sizes.
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>((*this)()) * n) >> 32);
  }

 private:
  void refill() {
    block_ = philox_(counter_, key_);
    ++counter_[3];
    next_ = 0;
  }

  r123::Philox4x32 philox_;
  r123::Philox4x32::key_type key_;
  r123::Philox4x32::ctr_type counter_;
  r123::Philox4x32::ctr_type block_{};
  unsigned next_ = 4;
};

//! The stream family of a policy lever, keyed by its name (so the same lever draws the same
//! numbers in every arm of a comparison, wherever it sits in the list) and by `use` (one family
//! per kind of draw). Lever families live above 2^31 and never meet the engine's purposes.
inline RandomPurpose lever_purpose(std::string_view lever_name, std::uint32_t use) {
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (const char c : lever_name) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  hash = (hash ^ use) * 16777619u;
  return static_cast<RandomPurpose>(0x80000000u | hash);
}

//! SplitMix64 finaliser: derives well-separated seeds (e.g. for replicates) from one seed.
constexpr std::uint64_t split_mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace laborsim
