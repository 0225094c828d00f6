#pragma once
// The first Philox block of many neighbouring streams at once. A pass over all workers that
// opens one stream per worker (labour flows) spends much of its time in Philox4x32-10 computed
// one block at a time; the same blocks computed 8 or 16 at a time in AVX2 / AVX-512 registers
// cost a fraction of that. Integer arithmetic only, so every code path gives the very words
// Random123 gives: RandomStream(seed, purpose, first + l, time) starts with block(l).
#include <array>
#include <cstddef>
#include <cstdint>

#include "agents/random_stream.hpp"

namespace laborsim {

//! The ways to compute the blocks; all give the same words.
enum class PhiloxKernel { kScalar, kAvx2, kAvx512 };

//! Whether this CPU can run `kernel`.
bool philox_kernel_supported(PhiloxKernel kernel);

//! The fastest kernel this CPU runs (chosen once).
PhiloxKernel best_philox_kernel();

//! Its name: "avx512f", "avx2" or "scalar".
const char* philox_kernel_name(PhiloxKernel kernel);

//! First blocks of the streams of kLanes consecutive entities, stored word by word.
class PhiloxLanes {
 public:
  static constexpr std::size_t kLanes = 256;

  //! Fills lanes 0 .. count-1 (count <= kLanes) for entities first, first + 1, ...
  void fill(std::uint64_t seed, RandomPurpose purpose, std::uint32_t first, std::uint32_t time,
            std::size_t count, PhiloxKernel kernel = best_philox_kernel());

  //! Entity first + l's first block (four 32-bit words).
  RandomStream::Block block(std::size_t l) const {
    return {{word_[0][l], word_[1][l], word_[2][l], word_[3][l]}};
  }

 private:
  alignas(64) std::array<std::array<std::uint32_t, kLanes>, 4> word_;
};

}  // namespace laborsim
