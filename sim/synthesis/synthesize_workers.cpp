// Workers: each home region's working-age residents (times population.scale), drawn as persons
// (sim/synthesis/person.hpp), with participation and an initial state: inactive, working in a
// destination (chosen in proportion to its jobs), unemployed at home, or employed at home.
#include <cmath>
#include <numeric>

#include "agents/parallel.hpp"
#include "agents/random_stream.hpp"
#include "sim/synthesis/person.hpp"
#include "sim/synthesis/synthesize.hpp"

namespace laborsim {
namespace {

// Cumulative weights over destinations reachable from `home`, proportional to their jobs.
std::vector<double> destination_cdf(const World& world, RegionId home) {
  const Scenario& s = *world.scenario;
  std::vector<double> cdf(s.regions.size(), 0.0);
  double total = 0;
  for (std::size_t d = 0; d < s.regions.size(); ++d) {
    if (s.regions[d].kind == RegionKind::kDestination &&
        world.graph.reachable(home, static_cast<RegionId>(d))) {
      total += s.regions[d].migrant_jobs;
    }
    cdf[d] = total;
  }
  return cdf;
}

RegionId pick(const std::vector<double>& cdf, double u) {
  const double target = u * cdf.back();
  std::size_t r = 0;
  while (r + 1 < cdf.size() && cdf[r] <= target) ++r;
  return static_cast<RegionId>(r);
}

}  // namespace

void synthesize_workers(World& world) {
  const Scenario& s = *world.scenario;
  const PopulationSpec& pop = s.population;
  WorkerStore& w = world.workers;

  std::vector<std::size_t> begin{0};
  for (const RegionSpec& region : s.regions) {
    const double people = region.kind == RegionKind::kHome ? region.working_age_population : 0;
    begin.push_back(begin.back() + static_cast<std::size_t>(std::llround(people * pop.scale)));
  }
  w.resize(begin.back());

  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    const RegionSpec& region = s.regions[r];
    if (begin[r] == begin[r + 1]) continue;
    const auto home = static_cast<RegionId>(r);
    const std::vector<double> destinations = destination_cdf(world, home);
    const double migrant_share = destinations.back() > 0 ? region.initial_migrant_share : 0.0;
    // Unemployment is all at home, among those not farming, at the start; they carry the
    // region's whole rate.
    const double farming_share = s.farming.enabled ? region.initial_farming_share : 0.0;
    const double non_farm_locals =
        1 - migrant_share - initial_farming_fraction(s, home, migrant_share);
    const double local_unemployment =
        non_farm_locals > 0 ? std::min(1.0, pop.initial_unemployment_rate / non_farm_locals) : 1.0;
    const int max_benefit = s.benefits.max_duration_months;
    for_each_block(
        begin[r + 1] - begin[r], kWorkerBlock,
        [&](std::size_t, std::size_t first, std::size_t last) {
          for (std::size_t i = begin[r] + first; i < begin[r] + last; ++i) {
            RandomStream rng(s.seed, RandomPurpose::kSynthesisWorker, static_cast<std::uint32_t>(i),
                             kBeforeStart);
            const Person person = draw_person(rng, s, home, false, world.skill_normalization);
            w.home_region[i] = home;
            w.location[i] = home;
            w.skill[i] = person.skill;
            w.flags[i] = person.flags;
            w.education[i] = person.education;
            w.age_months[i] = person.age_months;
            w.output[i] = 0;
            w.employer[i] = kNoEmployer;
            w.wage[i] = 0;
            w.reservation_wage[i] = entrant_reservation_wage(s, home, person.skill);
            // Savings are exponentially distributed around some months of pay.
            w.savings[i] =
                static_cast<float>(-std::log(rng.uniform()) * pop.initial_savings_months *
                                   region.mean_wage_yuan_month * person.skill);
            w.spell_months[i] = 0;
            w.tenure_months[i] = 0;
            w.benefit_months_left[i] = 0;
            const double u_participation = rng.uniform();
            const double u_migrant = rng.uniform();
            const double u_unemployed = rng.uniform();
            const double u_destination = rng.uniform();
            if (u_participation >= pop.participation_rate) {
              w.status[i] = WorkerStatus::kInactive;
            } else if (u_migrant < migrant_share) {
              w.status[i] = WorkerStatus::kEmployed;
              w.location[i] = pick(destinations, u_destination);
              w.tenure_months[i] = static_cast<std::uint16_t>(rng.below(120));
            } else if ((w.flags[i] & WorkerFlag::kRuralHukou) &&
                       (u_migrant - migrant_share) < farming_share * (1 - migrant_share)) {
              // Home between stints: u_migrant is uniform on [migrant_share, 1) here.
              w.status[i] = WorkerStatus::kFarming;
              w.reservation_wage[i] = farmer_reservation_wage(s);
            } else if (u_unemployed < local_unemployment) {
              w.status[i] = WorkerStatus::kUnemployed;
              w.spell_months[i] = static_cast<std::uint16_t>(rng.below(12));
              if (w.flags[i] & WorkerFlag::kInsured) {
                w.benefit_months_left[i] = static_cast<std::uint8_t>(
                    rng.below(static_cast<std::uint32_t>(max_benefit) + 1));
              }
            } else {
              w.status[i] = WorkerStatus::kEmployed;
              w.tenure_months[i] = static_cast<std::uint16_t>(rng.below(120));
            }
          }
        });
  }
}

}  // namespace laborsim
