// Odd-jobs markets (post stations). Each home county's markets place a limited number of the
// month's still-unemployed residents in short, flexible jobs, the hard to employ first
// (agents/rationing.hpp). An odd job pays earnings_yuan_month, keeps skills from
// depreciating, and stops the unemployment spell from lengthening (recent work is what
// employers screen on): a bridge, not a job (they stay unemployed and keep searching).
#include "agents/rationing.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {

void run_odd_jobs_markets(World& world) {
  const Scenario& s = *world.scenario;
  std::vector<double> capacity(world.graph.size(), 0.0);
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (s.regions[r].kind != RegionKind::kHome) continue;
    capacity[r] =
        s.odd_jobs.markets_per_county * s.odd_jobs.placements_per_market_month * s.population.scale;
  }
  const RationingResult result =
      ration_among_unemployed_at_home(rationing_draw(world, RandomPurpose::kOddJobs), capacity,
                                      s.odd_jobs.priority_weights, world.odd_job);
  world.odd_job_placements = result.placed;
}

}  // namespace laborsim
