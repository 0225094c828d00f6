#pragma once
// Neighbourhood employment-service grids: urban communities split into grids, each staffed by
// grid staff and served by employment professionals (Dingxi: 89 communities, 783 grids,
// 112 professionals, 975 grid staff). Their monthly contact capacity drives outreach.
#include <cstdint>
#include <vector>

#include "agents/region_graph.hpp"

namespace laborsim {

struct GridStore {
  std::vector<RegionId> region;
  std::vector<std::uint32_t> community;      //!< community index within the prefecture
  std::vector<std::uint16_t> grid_staff;     //!< staff assigned to this grid
  std::vector<std::uint16_t> professionals;  //!< employment professionals serving this grid
  std::vector<std::uint16_t> information_staff;
  std::vector<std::uint16_t> liaison_staff;

  std::size_t size() const { return region.size(); }
  //! Everyone who works for grid k.
  int staff(std::size_t k) const {
    return grid_staff[k] + professionals[k] + information_staff[k] + liaison_staff[k];
  }
};

}  // namespace laborsim
