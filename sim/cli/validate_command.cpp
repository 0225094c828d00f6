#include <cmath>
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace laborsim::cli {

int validate_command(const ScenarioArgs& args) {
  const Scenario scenario = load_scenario(args.source(), args.overrides());
  std::size_t homes = 0;
  double agents = 0;
  for (const RegionSpec& region : scenario.regions) {
    if (region.kind != RegionKind::kHome) continue;
    ++homes;
    agents += std::round(region.working_age_population * scenario.population.scale);
  }
  std::cout << args.source() << ": valid scenario '" << scenario.name
            << "': " << scenario.regions.size() << " regions (" << homes << " home, "
            << scenario.regions.size() - homes << " destination), " << scenario.links.size()
            << " links, " << static_cast<long long>(agents) << " agents at scale "
            << scenario.population.scale << ", " << scenario.months << " months from "
            << scenario.start.to_string();
  if (!scenario.policies.empty()) {
    std::cout << ", " << scenario.policies.size() << " policy levers:";
    for (const PolicySpec& policy : scenario.policies) {
      std::cout << " " << policy.name << " (" << policy.type << ")";
    }
  }
  std::cout << "\n";
  return kExitOk;
}

}  // namespace laborsim::cli
