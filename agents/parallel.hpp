#pragma once
// Deterministic data parallelism. Work is cut into blocks whose size is fixed independently of
// the thread count; whatever a block produces is stored by block index and combined in block
// order afterwards. Together with per-entity random streams this makes every result identical
// at any thread count, grain size or scheduling.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "agents/huge_pages.hpp"

namespace laborsim {

//! Workers per block: large enough to amortise scheduling, small enough to balance 16+ threads.
inline constexpr std::size_t kWorkerBlock = 16384;
//! Employers per block.
inline constexpr std::size_t kEmployerBlock = 4096;

inline std::size_t block_count(std::size_t n, std::size_t block) { return (n + block - 1) / block; }

//! Calls body(block_index, begin, end) for each fixed-size block of [0, n), in parallel.
template <class Body>
void for_each_block(std::size_t n, std::size_t block, const Body& body) {
  const std::size_t blocks = block_count(n, block);
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, blocks, 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t b = range.begin(); b != range.end(); ++b) {
          const std::size_t begin = b * block;
          const std::size_t end = begin + block < n ? begin + block : n;
          body(b, begin, end);
        }
      },
      tbb::simple_partitioner());
}

//! Per-block partial totals of `width` values, added up in block order: for doubles a
//! floating-point sum whose result does not depend on which thread ran which block; for integer
//! counts simply a way to count in parallel without atomics.
template <class T>
class BlockTotals {
 public:
  BlockTotals(std::size_t blocks, std::size_t width) : width_(width), sums_(blocks * width, T{}) {}

  T* block(std::size_t b) { return sums_.data() + b * width_; }

  std::vector<T> total() const {
    std::vector<T> result(width_, T{});
    for (std::size_t at = 0; at < sums_.size(); at += width_) {
      for (std::size_t i = 0; i < width_; ++i) result[i] += sums_[at + i];
    }
    return result;
  }

 private:
  std::size_t width_;
  std::vector<T> sums_;
};

using BlockSums = BlockTotals<double>;
using BlockCounts = BlockTotals<std::uint32_t>;

//! Lays the blocks' lists end to end in block order (in parallel) into `out`; returns where each
//! block's list starts (blocks + 1 entries).
template <class T>
std::vector<std::size_t> concatenate_blocks(const std::vector<std::vector<T>>& parts,
                                            std::vector<T>& out) {
  std::vector<std::size_t> offset(parts.size() + 1, 0);
  for (std::size_t b = 0; b < parts.size(); ++b) offset[b + 1] = offset[b] + parts[b].size();
  resize_scratch(out, offset.back());  // every element is copied in below
  for_each_block(parts.size(), 1, [&](std::size_t b, std::size_t, std::size_t) {
    std::copy(parts[b].begin(), parts[b].end(),
              out.begin() + static_cast<std::ptrdiff_t>(offset[b]));
  });
  return offset;
}

}  // namespace laborsim
