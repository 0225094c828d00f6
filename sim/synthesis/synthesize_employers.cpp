// Employers: per region and sector, a number of employers fixed by the sector's mean size, with
// Pareto (Zipf-like) sizes that add up to the region's jobs, and log-normal posted wages; then
// dormant slots that start-ups can take (employers of a region keep contiguous ids).
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "agents/random_stream.hpp"
#include "sim/synthesis/synthesize.hpp"

namespace laborsim {

double initial_farming_fraction(const Scenario& s, RegionId region, double migrant_share) {
  const RegionSpec& r = s.regions[region];
  if (!s.farming.enabled) return 0.0;
  return r.initial_farming_share * (1 - r.urban_hukou_share) * (1 - migrant_share);
}

double initial_jobs(const Scenario& s, RegionId region) {
  const RegionSpec& r = s.regions[region];
  if (r.kind == RegionKind::kDestination) return r.migrant_jobs * s.population.scale;
  const double labor_force = r.working_age_population * s.population.participation_rate;
  // Farmers (synthesize_workers.cpp) hold no job either.
  const double employed_locally =
      labor_force * std::max(0.0, 1 - r.initial_migrant_share -
                                      initial_farming_fraction(s, region, r.initial_migrant_share) -
                                      s.population.initial_unemployment_rate);
  return employed_locally / (1 - s.employers.initial_vacancy_rate) * s.population.scale;
}

double truncated_pareto(double u, double alpha, double ratio) {
  const double tail = 1 - std::pow(ratio, -alpha);
  return std::pow(1 - u * tail, -1 / alpha);
}

double sector_wage_level(const Scenario& s, RegionId r, SectorId k) {
  const RegionSpec& region = s.regions[r];
  double norm = 0;  // job-weighted mean sector multiplier, so the region mean is as given
  for (std::size_t q = 0; q < s.employers.sectors.size(); ++q) {
    norm += region.sector_shares[q] * s.employers.sectors[q].wage_multiplier;
  }
  return region.mean_wage_yuan_month * s.employers.sectors[k].wage_multiplier / norm;
}

void open_employer(World& world, EmployerId j, SectorId sector, float base_target,
                   std::int32_t founded_month, RandomStream& rng) {
  const Scenario& s = *world.scenario;
  const EmployerSpec& spec = s.employers;
  EmployerStore& e = world.employers;
  boost::random::normal_distribution<double> normal;
  const double sigma = spec.wage_dispersion_sigma;
  e.sector[j] = sector;
  e.base_target[j] = base_target;
  e.rounding_offset[j] = static_cast<float>(rng.uniform());
  e.posted_wage[j] = static_cast<float>(sector_wage_level(s, e.region[j], sector) *
                                        std::exp(sigma * normal(rng) - sigma * sigma / 2));
  e.productivity[j] =
      static_cast<float>((1 + spec.markup) * world.labor_cost_factor * e.posted_wage[j]);
  e.founded_month[j] = founded_month;
  e.active[j] = 1;
  e.event[j] =
      founded_month == kFoundedBeforeStart ? EmployerEvent::kNone : EmployerEvent::kEntered;
  e.demand_shock[j] = 0;
  e.cash[j] = 0;
  e.arrears[j] = 0;
  e.loss_months[j] = 0;
  e.workforce[j] = 0;
  world.active_jobs[e.region[j] * spec.sectors.size() + sector] += base_target;
}

void synthesize_employers(World& world) {
  const Scenario& s = *world.scenario;
  const EmployerSpec& spec = s.employers;
  const std::size_t sectors = spec.sectors.size();
  EmployerStore& e = world.employers;
  e.region_begin.assign(1, 0);
  world.potential_jobs.assign(s.regions.size() * sectors, 0.0);
  world.active_jobs.assign(s.regions.size() * sectors, 0.0);
  // Employers' own demand starts from its stationary distribution.
  const double shock_sd = spec.firm_demand_sigma / std::sqrt(1 - spec.firm_demand_persistence *
                                                                     spec.firm_demand_persistence);
  std::size_t id = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    const RegionSpec& region = s.regions[r];
    const double jobs = initial_jobs(s, static_cast<RegionId>(r));
    const std::size_t region_first = id;
    for (std::size_t k = 0; k < sectors; ++k) {
      const double sector_jobs = jobs * region.sector_shares[k];
      if (!(sector_jobs > 0)) continue;
      const auto count = static_cast<std::size_t>(
          std::max(1.0, std::round(sector_jobs / spec.sectors[k].mean_firm_size)));
      const std::size_t first = id;
      e.resize(first + count);
      std::vector<double> relative(count);
      double total = 0;
      for (std::size_t n = 0; n < count; ++n) {
        RandomStream rng(s.seed, RandomPurpose::kSynthesisEmployer,
                         static_cast<std::uint32_t>(first + n), kBeforeStart);
        relative[n] =
            truncated_pareto(rng.uniform(), spec.size_tail_exponent, spec.max_to_min_firm_size);
        total += relative[n];
      }
      for (std::size_t n = 0; n < count; ++n) {
        const auto j = static_cast<EmployerId>(first + n);
        RandomStream rng(s.seed, RandomPurpose::kSynthesisEmployer, j, kBeforeStart);
        rng();  // the size draw above
        e.region[j] = static_cast<RegionId>(r);
        open_employer(world, j, static_cast<SectorId>(k),
                      static_cast<float>(sector_jobs * relative[n] / total), kFoundedBeforeStart,
                      rng);
        boost::random::normal_distribution<double> normal(0, shock_sd);
        e.demand_shock[j] = static_cast<float>(normal(rng));
        e.cash[j] = spec.initial_cash_months * world.labor_cost_factor * e.posted_wage[j] *
                    e.base_target[j];
      }
      world.potential_jobs[r * sectors + k] += sector_jobs;
      id += count;
    }
    // Dormant slots for start-ups.
    const auto slots = static_cast<std::size_t>(
        std::max(8.0, std::ceil(spec.entry_slots_share * static_cast<double>(id - region_first))));
    e.resize(id + slots);
    for (std::size_t j = id; j < id + slots; ++j) {
      e.region[j] = static_cast<RegionId>(r);
      e.founded_month[j] = kFoundedBeforeStart;
      e.active[j] = 0;
    }
    id += slots;
    e.region_begin.push_back(static_cast<EmployerId>(id));
  }
}

}  // namespace laborsim
