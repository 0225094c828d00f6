#include <algorithm>
#include <array>

#include "agents/parallel.hpp"
#include "sim/phases/phases.hpp"
#include "sim/synthesis/person.hpp"

namespace laborsim {

std::vector<double> settle_incomes(World& world) {
  const Scenario& s = *world.scenario;
  WorkerStore& w = world.workers;
  const std::size_t regions = world.graph.size();
  const auto benefit = static_cast<float>(s.benefits.ui_benefit_yuan_month);
  const auto floor_without_benefit = static_cast<float>(s.search.reservation_wage_floor_yuan_month);
  const auto keep = static_cast<float>(1 - s.search.reservation_wage_decay_monthly);
  const PopulationSpec& pop = s.population;
  const auto depreciation = static_cast<float>(1 - pop.skill_depreciation_monthly);
  const auto saving_rate = static_cast<float>(pop.saving_rate);
  const auto odd_earnings = static_cast<float>(s.odd_jobs.earnings_yuan_month);
  const auto farm_income = static_cast<float>(s.farming.income_yuan_month);
  std::vector<float> living_costs;
  for (const RegionSpec& region : s.regions) {
    living_costs.push_back(static_cast<float>(region.living_cost_yuan_month));
  }
  BlockSums paid(block_count(w.size(), kWorkerBlock), regions);

  // Who has lived in a labour base this calendar year (transferred workers; run_labor_flows
  // restarts the record each January).
  static_assert(kWorkerBlock % 64 == 0, "blocks must own whole words of the bitmap");
  // Monthly skill growth factor by age in months (a table: one look-up instead of a call).
  constexpr std::size_t kAges = kWorkingAgeEndMonths + 1;
  std::array<float, kAges> growth_by_age{};
  for (std::size_t age = 0; age < kAges; ++age) {
    growth_by_age[age] =
        static_cast<float>(1 + skill_growth_at(pop, static_cast<std::uint16_t>(age)));
  }
  for_each_block(w.size(), kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    double* paid_here = paid.block(b);
    for (std::size_t i = begin; i < end; ++i) {
      if (w.status[i] != WorkerStatus::kInactive && world.graph.is_destination(w.location[i])) {
        world.away_this_year.set(i);
      }
      const float living_cost = living_costs[w.location[i]];
      if (w.status[i] == WorkerStatus::kEmployed) {
        // An employer in arrears pays nothing this month.
        const float income = world.in_arrears.test(w.employer[i]) ? 0.0f : w.wage[i];
        w.savings[i] = std::max(0.0f, w.savings[i] + saving_rate * (income - living_cost));
        // Skill grows on the job, and pay and output with it.
        const float growth = growth_by_age[std::min<std::size_t>(w.age_months[i], kAges - 1)];
        w.skill[i] *= growth;
        w.wage[i] *= growth;
        w.output[i] *= growth;
        w.tenure_months[i] = static_cast<std::uint16_t>(std::min(w.tenure_months[i] + 1, 65535));
        continue;
      }
      if (w.status[i] == WorkerStatus::kPublicPost) {
        // The post pays its wage (the lever's ledger books it); the work keeps skills as they
        // are (assumption, as for farming).
        w.savings[i] = std::max(0.0f, w.savings[i] + saving_rate * (w.wage[i] - living_cost));
        w.tenure_months[i] = static_cast<std::uint16_t>(std::min(w.tenure_months[i] + 1, 65535));
        continue;
      }
      if (w.status[i] == WorkerStatus::kFarming) {
        // Farm work neither builds nor wears away the general skill jobs pay for (assumption).
        w.savings[i] = std::max(0.0f, w.savings[i] + saving_rate * (farm_income - living_cost));
        continue;
      }
      if (w.status[i] != WorkerStatus::kUnemployed) continue;
      // A month of odd jobs pays, keeps skills up and does not lengthen the spell.
      const bool odd_job = world.odd_job.test(i);
      if (!odd_job) w.skill[i] *= depreciation;
      float floor = floor_without_benefit;
      float income = odd_job ? odd_earnings : 0.0f;
      if (w.benefit_months_left[i] > 0) {
        paid_here[w.location[i]] += benefit;
        --w.benefit_months_left[i];
        floor = benefit;
        income += benefit;
      }
      w.savings[i] = std::max(0.0f, w.savings[i] + saving_rate * (income - living_cost));
      // The reservation wage falls over the spell toward the floor, never below it, and is
      // never pushed up by it.
      if (w.reservation_wage[i] > floor) {
        w.reservation_wage[i] = std::max(floor, w.reservation_wage[i] * keep);
      }
      if (!odd_job) {
        w.spell_months[i] = static_cast<std::uint16_t>(std::min(w.spell_months[i] + 1, 65535));
      }
    }
  });
  return paid.total();
}

}  // namespace laborsim
