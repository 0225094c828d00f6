// Grids: the prefecture's grids spread evenly over the urban communities, staff round-robin.
#include "sim/synthesis/synthesize.hpp"

namespace laborsim {

void synthesize_grids(World& world) {
  const Scenario& s = *world.scenario;
  GridStore& g = world.grids;
  std::vector<RegionId> community_region;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    community_region.insert(community_region.end(),
                            static_cast<std::size_t>(s.regions[r].urban_communities),
                            static_cast<RegionId>(r));
  }
  const auto grids = static_cast<std::size_t>(s.grids.grids);
  if (community_region.empty() || grids == 0) return;
  const std::size_t communities = community_region.size();
  for (std::size_t c = 0; c < communities; ++c) {
    // Grids spread evenly over communities; the first (grids % communities) get one more.
    const std::size_t count = grids / communities + (c < grids % communities ? 1 : 0);
    for (std::size_t k = 0; k < count; ++k) {
      g.region.push_back(community_region[c]);
      g.community.push_back(static_cast<std::uint32_t>(c));
      g.grid_staff.push_back(0);
      g.professionals.push_back(0);
      g.information_staff.push_back(0);
      g.liaison_staff.push_back(0);
    }
  }
  for (int k = 0; k < s.grids.grid_staff; ++k) ++g.grid_staff[static_cast<std::size_t>(k) % grids];
  for (int k = 0; k < s.grids.employment_professionals; ++k) {
    ++g.professionals[static_cast<std::size_t>(k) % grids];
  }
  for (int k = 0; k < s.grids.information_staff; ++k) {
    ++g.information_staff[static_cast<std::size_t>(k) % grids];
  }
  for (int k = 0; k < s.grids.liaison_staff; ++k)
    ++g.liaison_staff[static_cast<std::size_t>(k) % grids];
}

}  // namespace laborsim
