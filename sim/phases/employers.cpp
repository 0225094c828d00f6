#include <cmath>

#include "sim/parallel.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {

void plan_workforce(World& world) {
  EmployerStore& e = world.employers;
  static_assert(kEmployerBlock % 64 == 0, "each block must own whole words of the bitmap");
  world.laying_off.assign((e.size() + 63) / 64, 0);
  const double layoff_speed = world.scenario->employers.layoff_speed;
  const std::vector<double>& demand = world.economy.demand_index;
  for_each_block(e.size(), kEmployerBlock, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      // A fixed per-employer offset rounds targets without monthly noise: small employers do
      // not flicker between 0 and 1 jobs, yet targets add up right on average.
      const double wanted = e.base_target[j] * demand[e.region[j]] + e.rounding_offset[j];
      e.target[j] = static_cast<std::uint32_t>(std::max(0.0, std::floor(wanted)));
      const std::uint32_t size = e.workforce[j];
      e.layoff_probability[j] =
          size > e.target[j]
              ? static_cast<float>(layoff_speed * (size - e.target[j]) / static_cast<double>(size))
              : 0.0f;
      if (e.layoff_probability[j] > 0) world.laying_off[j >> 6] |= std::uint64_t{1} << (j & 63);
      e.hires[j] = 0;
      e.separations[j] = 0;
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
