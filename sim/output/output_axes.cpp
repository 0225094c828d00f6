#include "sim/output/trajectory.hpp"

namespace laborsim {

std::vector<std::string> OutputAxes::labels(Axis axis) const {
  switch (axis) {
    case Axis::kRegion: {
      std::vector<std::string> names;
      for (const RegionNode& node : regions) names.push_back(node.name);
      return names;
    }
    case Axis::kGroup:
      return {kKeyGroupNames.begin(), kKeyGroupNames.end()};
    case Axis::kSector:
      return sectors;
    case Axis::kEdge:
      return edges;
    case Axis::kSizeClass:
      return {kSizeClassNames.begin(), kSizeClassNames.end()};
    case Axis::kPolicy:
      return policies;
  }
  return {};
}

OutputAxes output_axes(const Scenario& scenario) {
  OutputAxes axes;
  for (const RegionSpec& region : scenario.regions)
    axes.regions.push_back({region.name, region.kind});
  for (const SectorSpec& sector : scenario.employers.sectors) axes.sectors.push_back(sector.name);
  for (const RegionLink& link : scenario.links) {
    axes.edges.push_back(scenario.regions[link.from].name + "-" + scenario.regions[link.to].name);
  }
  for (const PolicySpec& policy : scenario.policies) axes.policies.push_back(policy.name);
  return axes;
}

}  // namespace laborsim
