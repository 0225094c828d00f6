// Employers' books. Each month an employer earns its demand times its productivity per worker,
// pays a fixed cost, the cost of its open vacancies and its labour cost (posted wage times the
// labour-cost factor, per worker: the firm's accounts use its average worker), pays wages from cash
// while it can, and owes the rest as wage arrears. It exits after sustained losses or when it owes
// too much.
#include <algorithm>

#include "agents/parallel.hpp"
#include "sim/phases/employer_economics.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {

void settle_accounts(World& world) {
  const EmployerSpec& spec = world.scenario->employers;
  EmployerStore& e = world.employers;
  world.in_arrears.reset(e.size());
  for_each_block(e.size(), kEmployerBlock, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      if (!e.active[j]) continue;
      const double workforce = e.workforce[j];
      const double revenue =
          own_demand(world, static_cast<EmployerId>(j)) * e.productivity[j] * workforce;
      const double labor =
          employer_cost_factor(world, static_cast<EmployerId>(j)) * e.posted_wage[j] * workforce;
      // Fixed costs and recruiting: every vacancy posted this month costs a share of its wage.
      const double fixed = spec.fixed_cost_share * e.productivity[j] * e.base_target[j] +
                           spec.vacancy_cost_share * e.posted_wage[j] * e.vacancies[j];
      e.cash[j] += revenue - fixed;
      const double owed = labor + e.arrears[j];
      const double paid = std::clamp(e.cash[j], 0.0, owed);
      e.cash[j] -= paid;
      e.arrears[j] = static_cast<float>(owed - paid);
      e.loss_months[j] = revenue - labor - fixed < 0
                             ? static_cast<std::uint8_t>(std::min(e.loss_months[j] + 1, 255))
                             : 0;
      if (e.loss_months[j] >= spec.exit_after_loss_months ||
          (labor > 0 && e.arrears[j] > spec.exit_arrears_months * labor)) {
        e.active[j] = 0;
        e.event[j] = EmployerEvent::kExited;
      }
      if (e.arrears[j] > 0 && e.active[j]) world.in_arrears.set(j);
    }
  });
  // The demand an exiting employer served becomes room for start-ups.
  const std::size_t sectors = world.scenario->employers.sectors.size();
  for (std::size_t j = 0; j < e.size(); ++j) {
    if (e.event[j] == EmployerEvent::kExited) {
      world.active_jobs[e.region[j] * sectors + e.sector[j]] -= e.base_target[j];
    }
  }
}

}  // namespace laborsim
