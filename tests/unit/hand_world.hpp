#pragma once
// Worlds built by hand on top of the toy scenario (region 0 "Home", region 1 "Base"), so a test
// can set every worker and employer it cares about.
#include "sim/synthesis/synthesize.hpp"

namespace laborsim::test {

struct HandWorker {
  RegionId location = 0;
  float skill = 1;
  float reservation_wage = 1000;
  std::uint16_t spell_months = 0;
  WorkerStatus status = WorkerStatus::kUnemployed;
  std::uint16_t age_months = 30 * 12;
};

struct HandEmployer {
  RegionId region = 0;
  float posted_wage = 3000;
  std::uint32_t vacancies = 1;
};

//! Employers must be listed grouped by region (all of region 0 first).
inline World hand_world(const Scenario& scenario, const std::vector<HandWorker>& workers,
                        const std::vector<HandEmployer>& employers) {
  World world(scenario);
  world.labor_cost_factor =
      1 + scenario.employers.social_insurance_rate + scenario.employers.ui_premium_rate;
  compute_move_costs(world);
  world.economy.regional.assign(world.graph.size(), 0.0);
  world.economy.demand_index.assign(world.graph.size(), 1.0);
  world.in_arrears.reset(employers.size());
  world.contacted.reset(workers.size());
  world.odd_job.reset(workers.size());
  world.away_this_year.reset(workers.size());
  world.searching_on_the_job.reset(workers.size());
  world.atypical_separation.reset(employers.size());
  WorkerStore& w = world.workers;
  w.resize(workers.size());
  for (std::size_t i = 0; i < workers.size(); ++i) {
    w.home_region[i] = 0;
    w.location[i] = workers[i].location;
    w.skill[i] = workers[i].skill;
    w.reservation_wage[i] = workers[i].reservation_wage;
    w.spell_months[i] = workers[i].spell_months;
    w.status[i] = workers[i].status;
    w.age_months[i] = workers[i].age_months;
    w.employer[i] = kNoEmployer;
  }
  EmployerStore& e = world.employers;
  e.resize(employers.size());
  e.region_begin.assign(world.graph.size() + 1, 0);
  for (std::size_t j = 0; j < employers.size(); ++j) {
    e.region[j] = employers[j].region;
    e.posted_wage[j] = employers[j].posted_wage;
    e.active[j] = 1;
    e.base_target[j] = static_cast<float>(employers[j].vacancies);
    // The posted wage is the employer's initial one: its labour-cost ratio is 1.
    e.productivity[j] = static_cast<float>((1 + scenario.employers.markup) *
                                           world.labor_cost_factor * employers[j].posted_wage);
    e.vacancies[j] = employers[j].vacancies;
    e.target[j] = employers[j].vacancies;
    for (std::size_t r = employers[j].region + 1; r <= world.graph.size(); ++r) {
      e.region_begin[r] = static_cast<EmployerId>(j + 1);
    }
  }
  return world;
}

//! Sets the month's tallies that observe() reads and a hand-built world lacks to zero.
inline void prepare_observation(World& world) {
  const std::size_t regions = world.graph.size();
  world.grid_eligible.assign(regions, 0);
  world.grid_contacts.assign(regions, 0);
  world.odd_job_placements.assign(regions, 0);
  world.matching.seekers_by_location.assign(regions, 0);
  world.matching.farmers_looking.assign(regions, 0);
}

//! Every unemployed worker applies to the listed employers (the same list for all).
inline void apply_to(World& world, const std::vector<EmployerId>& employers) {
  MatchingBuffers& m = world.matching;
  m.searcher_worker.clear();
  for (std::size_t i = 0; i < world.workers.size(); ++i) {
    if (world.workers.status[i] == WorkerStatus::kUnemployed) {
      m.searcher_worker.push_back(static_cast<WorkerId>(i));
    }
  }
  m.applications.clear();
  m.application_begin.assign(1, 0);
  for (std::size_t k = 0; k < m.searcher_worker.size(); ++k) {
    m.applications.insert(m.applications.end(), employers.begin(), employers.end());
    m.application_begin.push_back(static_cast<std::uint32_t>(m.applications.size()));
  }
}

}  // namespace laborsim::test
