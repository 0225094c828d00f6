#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "agents/parallel.hpp"
#include "agents/random_stream.hpp"
#include "sim/phases/employer_economics.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {

void plan_workforce(World& world) {
  EmployerStore& e = world.employers;
  static_assert(kEmployerBlock % 64 == 0, "each block must own whole words of the bitmaps");
  world.atypical_separation.reset(e.size());
  const Scenario& s = *world.scenario;
  const EmployerSpec& spec = s.employers;
  const auto month = static_cast<std::uint32_t>(world.month);
  for_each_block(e.size(), kEmployerBlock, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      e.hires[j] = 0;
      e.separations[j] = 0;
      e.event[j] = EmployerEvent::kNone;
      if (!e.active[j]) {
        // Exited (or never opened): whoever still works here leaves this month.
        e.target[j] = 0;
        e.separation_probability[j] = 1;
        if (e.workforce[j] > 0) world.atypical_separation.set(j);
        continue;
      }
      RandomStream rng(s.seed, RandomPurpose::kFirmDemand, static_cast<std::uint32_t>(j), month);
      boost::random::normal_distribution<double> normal;
      e.demand_shock[j] = static_cast<float>(spec.firm_demand_persistence * e.demand_shock[j] +
                                             spec.firm_demand_sigma * normal(rng));
      // Demand and the full labour cost of the job set the workforce the employer wants. A fixed
      // per-employer offset rounds targets without monthly noise: small employers do not
      // flicker between 0 and 1 jobs, yet targets add up right on average.
      // In single precision: powf is several times faster than pow, and an employer's target
      // needs no more digits.
      const float cost = std::pow(labor_cost_ratio(world, static_cast<EmployerId>(j)),
                                  -static_cast<float>(spec.labor_demand_elasticity));
      const double wanted =
          e.base_target[j] * own_demand(world, static_cast<EmployerId>(j)) * cost +
          e.rounding_offset[j];
      e.target[j] = static_cast<std::uint32_t>(std::max(0.0, std::floor(wanted)));
      const std::uint32_t size = e.workforce[j];
      const double layoff =
          size > e.target[j] ? spec.layoff_speed * (size - e.target[j]) / static_cast<double>(size)
                             : 0.0;
      const double turnover = spec.sectors[e.sector[j]].separation_rate_monthly;
      const double arrears_quits = e.arrears[j] > 0 ? spec.arrears_quit_rate_monthly : 0.0;
      e.separation_probability[j] =
          static_cast<float>(1 - (1 - turnover) * (1 - layoff) * (1 - arrears_quits));
      if (layoff > 0 || arrears_quits > 0 || turnover != spec.separation_rate_monthly) {
        world.atypical_separation.set(j);
      }
    }
  });
}

// Posted wages are sticky: an employer left with unfilled vacancies raises its offer a little,
// up to the wage at which a hire no longer pays; one that is not hiring lowers it more slowly
// (downward rigidity), never below the minimum wage. Wages of people already employed stay.
void adjust_posted_wages(World& world) {
  const EmployerSpec& spec = world.scenario->employers;
  EmployerStore& e = world.employers;
  const MatchingBuffers& m = world.matching;
  const auto raise = static_cast<float>(1 + spec.wage_raise_monthly);
  const auto cut = static_cast<float>(1 - spec.wage_cut_monthly);
  const auto minimum = static_cast<float>(spec.minimum_wage_yuan_month);
  // Above this share of productivity a full-size employer would make a loss after fixed costs.
  const auto ceiling = static_cast<float>(1 - spec.fixed_cost_share);
  for_each_block(e.size(), kEmployerBlock, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      if (m.open_slots[j] > 0) {
        // A premium cut lowers what a job costs, and so raises the wage that still pays.
        const auto own_cost =
            static_cast<float>(employer_cost_factor(world, static_cast<EmployerId>(j)));
        e.posted_wage[j] =
            std::min(e.posted_wage[j] * raise, ceiling * e.productivity[j] / own_cost);
      } else if (e.vacancies[j] == 0) {
        e.posted_wage[j] = std::max(e.posted_wage[j] * cut, std::min(minimum, e.posted_wage[j]));
      }
    }
  });
}

void post_vacancies(World& world) {
  EmployerStore& e = world.employers;
  for_each_block(e.size(), kEmployerBlock, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      // Vacancies cost money (sim/phases/accounts.cpp): an employer that owes wages since last
      // month's books cannot pay to recruit.
      const bool can_recruit = !world.in_arrears.test(j);
      e.vacancies[j] =
          can_recruit && e.target[j] > e.workforce[j] ? e.target[j] - e.workforce[j] : 0;
    }
  });
}

}  // namespace laborsim
