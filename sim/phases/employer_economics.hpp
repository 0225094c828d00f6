#pragma once
// How an employer's labour cost shapes what it does. Productivity a_j is set at synthesis so that
// a skill-1 worker in an average match produces (1 + markup) times the full labour cost of the
// initial posted wage. The cost ratio  c * w_j * (1 + markup) / a_j  is therefore 1 at the start
// and moves with the posted wage w_j and the labour-cost factor c = 1 + social insurance + UI
// premium: a dearer job means a smaller target workforce (labour-demand elasticity) and a
// pickier hiring standard.
#include <cmath>

#include "agents/random_stream.hpp"
#include "sim/world.hpp"

namespace laborsim {

//! Full labour cost of a skill-1 worker relative to the employer's initial level [-].
inline float labor_cost_ratio(const World& world, EmployerId j) {
  const EmployerStore& e = world.employers;
  return static_cast<float>(world.labor_cost_factor * e.posted_wage[j] *
                            (1 + world.scenario->employers.markup) / e.productivity[j]);
}

//! Demand for employer j's output: its region's demand index times its own demand shock.
inline double own_demand(const World& world, EmployerId j) {
  const EmployerStore& e = world.employers;
  return world.economy.demand_index[e.region[j]] * std::exp(static_cast<double>(e.demand_shock[j]));
}

//! Quality of the match between worker i and employer j formed in `month`: log-normal with
//! mean 1, revealed at interview. Keyed by (worker, month, employer), so it is the same whichever
//! thread evaluates it and whatever else happens that month.
inline float match_quality(const Scenario& s, WorkerId i, std::uint32_t month, EmployerId j) {
  const double sigma = s.search.match_quality_sigma;
  const double z = RandomStream::normal_at(s.seed, RandomPurpose::kMatchQuality, i, month, j);
  return static_cast<float>(std::exp(sigma * z - sigma * sigma / 2));
}

}  // namespace laborsim
