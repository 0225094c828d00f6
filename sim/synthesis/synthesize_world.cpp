#include <cmath>
#include <limits>

#include "sim/synthesis/person.hpp"
#include "sim/synthesis/synthesize.hpp"

namespace laborsim {

World synthesize_world(const Scenario& scenario) {
  World world(scenario);
  world.labor_cost_factor =
      1 + scenario.employers.social_insurance_rate + scenario.employers.ui_premium_rate;
  world.skill_normalization = skill_normalization(scenario.population);
  compute_move_costs(world);
  synthesize_employers(world);
  synthesize_workers(world);
  assign_initial_jobs(world);
  synthesize_grids(world);
  world.away_this_year.reset(world.workers.size());
  world.in_arrears.reset(world.employers.size());
  world.searching_on_the_job.reset(world.workers.size());
  const double p = scenario.population.participation_rate;
  const double exit = scenario.population.labor_force_exit_rate_monthly;
  // Steady participation: inflow (1 - p) e equals outflow p x.
  world.entry_rate_monthly = p < 1 ? std::min(1.0, exit * p / (1 - p)) : 0.0;
  world.economy.regional.assign(scenario.regions.size(), 0.0);
  world.economy.demand_index.assign(scenario.regions.size(), 1.0);
  return world;
}

void compute_move_costs(World& world) {
  const Scenario& s = *world.scenario;
  const std::size_t n = world.graph.size();
  world.move_cost.assign(n * n, std::numeric_limits<float>::infinity());
  for (std::size_t from = 0; from < n; ++from) {
    for (std::size_t to = 0; to < n; ++to) {
      const double fare =
          world.graph.travel_cost(static_cast<RegionId>(from), static_cast<RegionId>(to));
      if (!(fare <= s.search.max_travel_cost_yuan)) continue;
      world.move_cost[from * n + to] = static_cast<float>(
          s.regions[to].living_cost_yuan_month - s.regions[from].living_cost_yuan_month +
          fare / s.search.travel_cost_horizon_months);
    }
  }
}

}  // namespace laborsim
