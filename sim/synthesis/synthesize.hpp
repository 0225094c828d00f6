#pragma once
// Population synthesis: builds the initial World (employers, workers, grids) from a Scenario.
// Deterministic: every draw comes from a RandomStream keyed by the entity's id.
#include "agents/random_stream.hpp"
#include "sim/world.hpp"

namespace laborsim {

World synthesize_world(const Scenario& scenario);

// The steps, exposed for tests.
void synthesize_employers(World& world);
void synthesize_workers(World& world);
void assign_initial_jobs(World& world);
void synthesize_grids(World& world);
void compute_move_costs(World& world);

//! Expected share of a home region's labour force that starts out farming when `migrant_share`
//! of it starts away: the rural-hukou people among the others, times initial_farming_share (0
//! without farm households).
double initial_farming_fraction(const Scenario& scenario, RegionId region, double migrant_share);

//! Jobs the employers of `region` want at demand index 1, in agents (before rounding).
double initial_jobs(const Scenario& scenario, RegionId region);

//! Inverse CDF of a Pareto(alpha) on [1, ratio], at u in (0, 1).
double truncated_pareto(double u, double alpha, double ratio);

//! Mean posted wage of a sector's employers in a region: the region's mean wage times the
//! sector's multiplier, renormalised so the job-weighted mean over sectors is the region's.
double sector_wage_level(const Scenario& scenario, RegionId region, SectorId sector);

//! Puts employer slot j (whose region is set) in business: sector, base target, a posted wage
//! drawn around the sector's level, productivity, no cash, no workforce. Used by synthesis and
//! by start-ups; draws from `rng`.
void open_employer(World& world, EmployerId j, SectorId sector, float base_target,
                   std::int32_t founded_month, RandomStream& rng);

}  // namespace laborsim
