#pragma once
// The mutable state of one run, built from a frozen Scenario by synthesize_world().
#include <cstdint>
#include <vector>

#include "agents/bitmap.hpp"
#include "agents/employer_store.hpp"
#include "agents/grid_store.hpp"
#include "agents/rationing.hpp"
#include "agents/region_graph.hpp"
#include "agents/worker_store.hpp"
#include "policies/policy_effects.hpp"
#include "sim/scenario/scenario.hpp"

namespace laborsim {

//! Log labour demand: a common AR(1) component plus one AR(1) component per region.
struct EconomyState {
  double common = 0;
  std::vector<double> regional;      //!< per region
  std::vector<double> demand_index;  //!< per region: exp(common + regional) x scripted shocks
};

//! Scratch arrays of search and matching, kept between months to avoid reallocation.
//! Searchers are numbered densely (in worker-id order) so per-searcher arrays stay small.
struct MatchingBuffers {
  std::vector<WorkerId> searcher_worker;  //!< searcher index -> worker id
  //! This month's applications, searcher after searcher: searcher k's are
  //! applications[application_begin[k] .. application_begin[k + 1]).
  std::vector<EmployerId> applications;
  std::vector<std::uint32_t> application_begin;   //!< per searcher + 1
  std::vector<std::uint32_t> application_offset;  //!< per employer + 1: start of its applicants
  //! Applications dealt into runs by employer block before the final grouping (matching.cpp):
  //! the applicant's rank key and the employer's place in its block.
  std::vector<std::uint64_t> staged_keys;
  std::vector<std::uint16_t> staged_employer;
  std::vector<std::uint64_t> applicant_keys;  //!< per employer, sorted best first
  std::vector<std::uint64_t> best_offer;      //!< per searcher: packed (value, employer)
  //! What an employer's offer round needs of a searcher, copied in searcher order so that an
  //! interview costs one memory access, not one per worker column.
  struct SearcherView {
    WorkerId worker;
    float skill;
    float reservation_wage;
    RegionId location;
  };
  std::vector<SearcherView> searcher_view;  //!< per searcher
  //! Per searcher, filled only while a policy lever uses them (empty otherwise): the hiring
  //! subsidy the searcher carries [yuan/month], 1 + the sector of a training certificate, and
  //! whether the searcher holds a seat on organised labour transfer.
  std::vector<float> searcher_subsidy;
  std::vector<std::uint8_t> searcher_certificate;
  std::vector<std::uint8_t> searcher_seat;    //!< 1: holds a labour-transfer seat
  std::vector<std::uint8_t> matched;          //!< per searcher
  std::vector<std::uint32_t> open_slots;      //!< per employer: vacancies not yet filled
  std::vector<std::uint32_t> round_begin;     //!< per employer: first applicant of the round
  std::vector<std::uint32_t> next_applicant;  //!< per employer: cursor into its applicants
  //! Employers with open jobs and applicants left, listed per employer block from the block's
  //! first index (active_count[block] of them): the only ones an offer round visits.
  std::vector<EmployerId> active_employers;
  std::vector<std::uint32_t> active_count;  //!< per employer block
  //! One entry per open vacancy, grouped by region; the wage rides along so that judging a
  //! vacancy costs one memory access, not two.
  struct VacancySlot {
    EmployerId employer;
    float posted_wage;
  };
  std::vector<VacancySlot> vacancy_slots;
  std::vector<std::uint32_t> region_slot_begin;  //!< per region + 1: its range in vacancy_slots
  std::vector<std::uint32_t>
      seekers_by_location;                     //!< per region: this month's unemployed searchers
  std::vector<std::uint32_t> farmers_looking;  //!< per region: this month's farmers searching
  std::vector<double> region_choice_cdf;       //!< regions x regions, row = searcher location
};

struct World {
  explicit World(const Scenario& s)
      : scenario(&s),
        graph(s.region_graph()),
        moves(graph.size() * graph.size(), 0),
        job_finders(graph.size(), 0),
        job_to_job_moves(graph.size(), 0),
        farmers_hired(graph.size(), 0),
        stint_ends(graph.size(), 0) {}

  const Scenario* scenario;
  RegionGraph graph;
  WorkerStore workers;
  EmployerStore employers;
  GridStore grids;
  EconomyState economy;
  //! Extra monthly cost of living in region `to` for someone now in `from`: living-cost
  //! difference plus the fare spread over travel_cost_horizon_months [yuan/month].
  //! Row-major regions x regions; +infinity when `to` is out of search reach.
  std::vector<float> move_cost;
  //! One bit per employer: set when a job there ends with another probability than the
  //! scenario's separation rate (layoffs, a sector with its own turnover). Labour flows test this
  //! small, cache-resident bitmap before touching the employer's separation probability.
  Bitmap atypical_separation;
  //! One bit per employer: set while it owes wages (its workers go unpaid this month).
  Bitmap in_arrears;
  //! One bit per worker: reached by grid staff this month (sim/phases/grid_outreach.cpp).
  Bitmap contacted;
  //! This month's grid outreach per region: people reached, and unemployed residents at home
  //! (those the grids serve).
  std::vector<std::uint32_t> grid_contacts;
  std::vector<std::uint32_t> grid_eligible;
  //! This month's moves between regions, regions x regions (row = origin).
  std::vector<std::uint32_t> moves;
  //! Per region: unemployed people hired this month, by where they searched from.
  std::vector<std::uint32_t> job_finders;
  //! One bit per worker: lived in a destination at some month's end this calendar year.
  Bitmap away_this_year;
  //! One bit per worker: employed and looking for a better job, or farming and looking for
  //! non-farm work, this month (labor_flows.cpp).
  Bitmap searching_on_the_job;
  //! Per region: employed people who moved to another employer this month, by where they worked.
  std::vector<std::uint32_t> job_to_job_moves;
  //! Per region: farmers who took a non-farm job this month, by their home region.
  std::vector<std::uint32_t> farmers_hired;
  //! Per region: migrants whose stint there ended this month (labor_flows.cpp).
  std::vector<std::uint32_t> stint_ends;
  //! One bit per worker: working odd jobs this month (sim/phases/odd_jobs.cpp).
  Bitmap odd_job;
  std::vector<std::uint32_t> odd_job_placements;  //!< per region, this month
  //! Employment the region-sector's demand supports (base targets at synthesis), regions x
  //! sectors, and the part active employers cover: the difference is room for start-ups.
  std::vector<double> potential_jobs;
  std::vector<double> active_jobs;
  //! Divisor that gives the synthesised population mean skill 1 (sim/synthesis/person.hpp).
  double skill_normalization = 1;
  //! Full labour cost per yuan of wage: 1 + social-insurance rate + UI premium rate.
  double labor_cost_factor = 1;
  //! Labour-force entry probability per month that keeps participation steady.
  double entry_rate_monthly = 0;
  int month = 0;  //!< months since start of the month being (or next to be) simulated
  MatchingBuffers matching;
  //! What the policy levers change in the phases this month (policies/policy_effects.hpp).
  PolicyEffects effects;

  float move_cost_between(RegionId from, RegionId to) const {
    return move_cost[static_cast<std::size_t>(from) * graph.size() + to];
  }
};

//! The keys of a rationing draw among this month's workers for `purpose`.
inline RationingDraw rationing_draw(const World& world, RandomPurpose purpose) {
  return {world.workers, world.graph.size(), world.scenario->seed,
          static_cast<std::uint32_t>(world.month), purpose};
}

}  // namespace laborsim
