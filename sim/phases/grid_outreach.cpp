// Grid outreach ("311" service). Each region's grid staff reach a limited number of unemployed
// residents at home a month (contacts_per_staff_month each, scaled like the population), the key
// groups first (agents/rationing.hpp). A reached worker gets job information pushes (extra
// looks at home-region vacancies in search) and a referral (ranked higher by employers).
#include "agents/rationing.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {

void reach_out(World& world) {
  const Scenario& s = *world.scenario;
  std::vector<double> capacity(world.graph.size(), 0.0);
  for (std::size_t k = 0; k < world.grids.size(); ++k) {
    capacity[world.grids.region[k]] +=
        world.grids.staff(k) * s.grids.contacts_per_staff_month * s.population.scale;
  }
  const RationingResult result =
      ration_among_unemployed_at_home(rationing_draw(world, RandomPurpose::kOutreach), capacity,
                                      s.grids.priority_weights, world.contacted);
  world.grid_eligible = result.eligible;
  world.grid_contacts = result.placed;
}

}  // namespace laborsim
