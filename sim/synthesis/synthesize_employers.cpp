// Employers: per region and sector, a number of employers fixed by the sector's mean size, with
// Pareto (Zipf-like) sizes that add up to the region's jobs, and log-normal posted wages.
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "agents/random_stream.hpp"
#include "sim/synthesis/synthesize.hpp"

namespace laborsim {

double initial_jobs(const Scenario& s, RegionId region) {
  const RegionSpec& r = s.regions[region];
  if (r.kind == RegionKind::kDestination) return r.migrant_jobs * s.population.scale;
  const double labor_force = r.working_age_population * s.population.participation_rate;
  const double employed_locally =
      labor_force *
      std::max(0.0, 1 - r.initial_migrant_share - s.population.initial_unemployment_rate);
  return employed_locally / (1 - s.employers.initial_vacancy_rate) * s.population.scale;
}

namespace {

// Inverse CDF of a Pareto(alpha) on [1, ratio]: sizes relative to the smallest employer.
double truncated_pareto(double u, double alpha, double ratio) {
  const double tail = 1 - std::pow(ratio, -alpha);
  return std::pow(1 - u * tail, -1 / alpha);
}

}  // namespace

void synthesize_employers(World& world) {
  const Scenario& s = *world.scenario;
  const EmployerSpec& spec = s.employers;
  EmployerStore& e = world.employers;
  e.region_begin.assign(1, 0);
  std::size_t id = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    const RegionSpec& region = s.regions[r];
    const double jobs = initial_jobs(s, static_cast<RegionId>(r));
    double wage_norm = 0;  // job-weighted mean sector multiplier, so the region mean is as given
    for (std::size_t k = 0; k < spec.sectors.size(); ++k) {
      wage_norm += region.sector_shares[k] * spec.sectors[k].wage_multiplier;
    }
    for (std::size_t k = 0; k < spec.sectors.size(); ++k) {
      const double sector_jobs = jobs * region.sector_shares[k];
      if (!(sector_jobs > 0)) continue;
      const auto count = static_cast<std::size_t>(
          std::max(1.0, std::round(sector_jobs / spec.sectors[k].mean_firm_size)));
      const std::size_t first = id;
      e.resize(first + count);
      double total = 0;
      for (std::size_t j = first; j < first + count; ++j) {
        RandomStream rng(s.seed, RandomPurpose::kSynthesisEmployer, static_cast<std::uint32_t>(j),
                         kBeforeStart);
        const double relative_size =
            truncated_pareto(rng.uniform(), spec.size_tail_exponent, spec.max_to_min_firm_size);
        boost::random::normal_distribution<double> normal;
        const double sigma = spec.wage_dispersion_sigma;
        e.region[j] = static_cast<RegionId>(r);
        e.sector[j] = static_cast<SectorId>(k);
        e.base_target[j] = static_cast<float>(relative_size);
        e.rounding_offset[j] = static_cast<float>(rng.uniform());
        e.posted_wage[j] =
            static_cast<float>(region.mean_wage_yuan_month * spec.sectors[k].wage_multiplier /
                               wage_norm * std::exp(sigma * normal(rng) - sigma * sigma / 2));
        e.productivity[j] =
            static_cast<float>((1 + spec.markup) * world.labor_cost_factor * e.posted_wage[j]);
        total += relative_size;
      }
      for (std::size_t j = first; j < first + count; ++j) {
        e.base_target[j] = static_cast<float>(sector_jobs * e.base_target[j] / total);
      }
      id += count;
    }
    e.region_begin.push_back(static_cast<EmployerId>(id));
  }
}

}  // namespace laborsim
