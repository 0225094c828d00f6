#include <cmath>

#include "sim/parallel.hpp"
#include "sim/phases/employer_economics.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {

void plan_workforce(World& world) {
  EmployerStore& e = world.employers;
  static_assert(kEmployerBlock % 64 == 0, "each block must own whole words of the bitmap");
  world.atypical_separation.assign((e.size() + 63) / 64, 0);
  const EmployerSpec& spec = world.scenario->employers;
  const double layoff_speed = spec.layoff_speed;
  const double elasticity = world.scenario->employers.labor_demand_elasticity;
  const std::vector<double>& demand = world.economy.demand_index;
  for_each_block(e.size(), kEmployerBlock, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      // A fixed per-employer offset rounds targets without monthly noise: small employers do
      // not flicker between 0 and 1 jobs, yet targets add up right on average.
      // Demand and the full labour cost of the job set the workforce the employer wants.
      const double cost =
          std::pow(labor_cost_ratio(world, static_cast<EmployerId>(j)), -elasticity);
      const double wanted = e.base_target[j] * demand[e.region[j]] * cost + e.rounding_offset[j];
      e.target[j] = static_cast<std::uint32_t>(std::max(0.0, std::floor(wanted)));
      const std::uint32_t size = e.workforce[j];
      const double layoff = size > e.target[j]
                                ? layoff_speed * (size - e.target[j]) / static_cast<double>(size)
                                : 0.0;
      const double turnover = spec.sectors[e.sector[j]].separation_rate_monthly;
      e.separation_probability[j] = static_cast<float>(1 - (1 - turnover) * (1 - layoff));
      if (layoff > 0 || turnover != spec.separation_rate_monthly) {
        world.atypical_separation[j >> 6] |= std::uint64_t{1} << (j & 63);
      }
      e.hires[j] = 0;
      e.separations[j] = 0;
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
  const auto cost = static_cast<float>(world.labor_cost_factor);
  for_each_block(e.size(), kEmployerBlock, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      if (m.open_slots[j] > 0) {
        e.posted_wage[j] = std::min(e.posted_wage[j] * raise, e.productivity[j] / cost);
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
      e.vacancies[j] = e.target[j] > e.workforce[j] ? e.target[j] - e.workforce[j] : 0;
    }
  });
}

}  // namespace laborsim
