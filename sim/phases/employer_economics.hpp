#pragma once
// How an employer's labour cost shapes what it does. Productivity a_j is set at synthesis so that
// a skill-1 worker in an average match produces (1 + markup) times the full labour cost of the
// initial posted wage. The cost ratio  c * w_j * (1 + markup) / a_j  is therefore 1 at the start
// and moves with the posted wage w_j and the labour-cost factor c = 1 + social insurance + UI
// premium: a dearer job means a smaller target workforce (labour-demand elasticity) and a
// pickier hiring standard.
#include <cmath>

#include "agents/normal_quantile.hpp"
#include "agents/random_stream.hpp"
#include "sim/world.hpp"

namespace laborsim {

//! Full labour cost per yuan of wage that employer j pays this month: the scenario's factor c,
//! less any premium cut a policy lever grants it.
inline double employer_cost_factor(const World& world, EmployerId j) {
  const std::vector<float>& relief = world.effects.employer_cost_relief;
  return relief.empty() ? world.labor_cost_factor : world.labor_cost_factor - relief[j];
}

//! Full labour cost of a skill-1 worker relative to the employer's initial level [-].
inline float labor_cost_ratio(const World& world, EmployerId j) {
  const EmployerStore& e = world.employers;
  return static_cast<float>(employer_cost_factor(world, j) * e.posted_wage[j] *
                            (1 + world.scenario->employers.markup) / e.productivity[j]);
}

//! Demand for employer j's output: its region's demand index times its own demand shock.
inline double own_demand(const World& world, EmployerId j) {
  const EmployerStore& e = world.employers;
  return world.economy.demand_index[e.region[j]] * std::exp(static_cast<double>(e.demand_shock[j]));
}

//! The uniform behind the match between worker i and employer j formed in `month`. Keyed by
//! (worker, month, employer), so it is the same whichever thread evaluates it and whatever else
//! happens that month.
inline double match_uniform(const Scenario& s, WorkerId i, std::uint32_t month, EmployerId j) {
  return RandomStream::uniform_at(s.seed, RandomPurpose::kMatchQuality, i, month, j);
}

//! Quality of that match: log-normal with mean 1, revealed at interview, drawn by inversion
//! (q = exp(σ Φ⁻¹(u) − σ²/2)) so that whether it reaches a standard is a comparison of u alone
//! (match_reaches).
inline float match_quality(const Scenario& s, WorkerId i, std::uint32_t month, EmployerId j) {
  const double sigma = s.search.match_quality_sigma;
  const double z = normal_quantile(match_uniform(s, i, month, j));
  return static_cast<float>(std::exp(sigma * z - sigma * sigma / 2));
}

//! The least match uniform whose quality reaches `standard`: q ≥ standard exactly when
//! u ≥ Φ((ln standard + σ²/2) / σ). 0 (every match) or 1 (none) when σ is 0.
inline double least_match_uniform(const Scenario& s, double standard) {
  const double sigma = s.search.match_quality_sigma;
  if (!(sigma > 0)) return standard <= 1 ? 0.0 : 1.0;
  if (!(standard > 0)) return 0.0;
  return normal_cdf((std::log(standard) + sigma * sigma / 2) / sigma);
}

}  // namespace laborsim
