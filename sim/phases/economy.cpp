#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "agents/random_stream.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {

void update_economy(World& world) {
  const Scenario& s = *world.scenario;
  const EconomySpec& spec = s.economy;
  EconomyState& state = world.economy;
  const auto month = static_cast<std::uint32_t>(world.month);
  const std::size_t regions = s.regions.size();
  boost::random::normal_distribution<double> normal;

  // The common component draws from the stream of entity `regions` (one past the last region).
  RandomStream common_rng(s.seed, RandomPurpose::kEconomy, static_cast<std::uint32_t>(regions),
                          month);
  state.common = spec.persistence * state.common + spec.common_sigma * normal(common_rng);
  for (std::size_t r = 0; r < regions; ++r) {
    RandomStream rng(s.seed, RandomPurpose::kEconomy, static_cast<std::uint32_t>(r), month);
    normal.reset();
    state.regional[r] = spec.persistence * state.regional[r] + spec.regional_sigma * normal(rng);
    state.demand_index[r] = std::exp(state.common + state.regional[r]);
  }
  const int calendar_month = s.start.plus_months(world.month).month;
  for (std::size_t r = 0; r < regions; ++r) {
    state.demand_index[r] *= s.regions[r].seasonal_demand[calendar_month - 1];
  }
  for (const ShockSpec& shock : spec.shocks) {
    if (world.month < shock.start_month ||
        world.month >= shock.start_month + shock.duration_months) {
      continue;
    }
    if (shock.regions.empty()) {
      for (double& index : state.demand_index) index *= 1 + shock.demand_change;
    } else {
      for (RegionId r : shock.regions) state.demand_index[r] *= 1 + shock.demand_change;
    }
  }
}

}  // namespace laborsim
