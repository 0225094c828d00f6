#pragma once
// Population synthesis: builds the initial World (employers, workers, grids) from a Scenario.
// Deterministic: every draw comes from a RandomStream keyed by the entity's id.
#include "sim/world.hpp"

namespace laborsim {

World synthesize_world(const Scenario& scenario);

// The steps, exposed for tests.
void synthesize_employers(World& world);
void synthesize_workers(World& world);
void assign_initial_jobs(World& world);
void synthesize_grids(World& world);
void compute_move_costs(World& world);

//! Jobs the employers of `region` want at demand index 1, in agents (before rounding).
double initial_jobs(const Scenario& scenario, RegionId region);

}  // namespace laborsim
