#pragma once
// Moves between regions made in a parallel pass, collected per block and added to the month's
// origin-destination counts (World::moves) afterwards. Integer counts: the order of addition
// does not matter, so the result does not depend on threads.
#include <cstdint>
#include <vector>

#include "sim/world.hpp"

namespace laborsim {

class MoveLog {
 public:
  explicit MoveLog(std::size_t blocks) : per_block_(blocks) {}

  void add(std::size_t block, RegionId from, RegionId to) {
    if (from != to) per_block_[block].push_back((static_cast<std::uint32_t>(from) << 16) | to);
  }

  void add_to(World& world) const {
    const std::size_t regions = world.graph.size();
    world.moves.resize(regions * regions,
                       0);  // the first phase to log in a month may find it empty
    for (const auto& moves : per_block_) {
      for (const std::uint32_t move : moves)
        ++world.moves[(move >> 16) * regions + (move & 0xFFFFu)];
    }
  }

 private:
  std::vector<std::vector<std::uint32_t>> per_block_;
};

}  // namespace laborsim
