#include <algorithm>
#include <atomic>

#include "agents/parallel.hpp"
#include "agents/philox_lanes.hpp"
#include "agents/random_stream.hpp"
#include "sim/phases/move_log.hpp"
#include "sim/phases/phases.hpp"
#include "sim/synthesis/person.hpp"

namespace laborsim {
namespace {

// An employed worker's job ends (the employer books a separation); what the job paid goes.
void end_job(World& world, std::size_t i) {
  WorkerStore& w = world.workers;
  book_leaver(world.employers, w.employer[i]);
  w.employer[i] = kNoEmployer;
  w.wage[i] = 0;
  w.output[i] = 0;
  w.tenure_months[i] = 0;
}

// A resident reaching 60 leaves the working-age population; a 16-year-old of the same home
// region takes the agent's place (constant population), joining the labour force with the
// participation rate. The retiree holds no job any more (end_job if employed).
void replace_retiree(World& world, std::size_t i) {
  const Scenario& s = *world.scenario;
  WorkerStore& w = world.workers;
  RandomStream rng(s.seed, RandomPurpose::kDemography, static_cast<std::uint32_t>(i),
                   static_cast<std::uint32_t>(world.month));
  const RegionId home = w.home_region[i];
  const Person person = draw_person(rng, s, home, true, world.skill_normalization);
  w.skill[i] = person.skill;
  w.flags[i] = person.flags;
  w.education[i] = person.education;
  w.age_months[i] = person.age_months;
  w.location[i] = home;
  world.away_this_year.clear(i);  // a newcomer, not the transferred worker who retired
  if (!world.effects.certificate.empty()) world.effects.certificate[i] = 0;
  w.savings[i] = 0;
  w.spell_months[i] = 0;
  w.benefit_months_left[i] = 0;
  w.reservation_wage[i] = entrant_reservation_wage(s, home, w.skill[i]);
  w.status[i] = rng.bernoulli(s.population.participation_rate) ? WorkerStatus::kUnemployed
                                                               : WorkerStatus::kInactive;
}

// A worker without a job at home goes to work the household's land. A farmer takes any job worth
// more than the farm pays.
void start_farming(const Scenario& s, WorkerStore& w, std::size_t i) {
  w.status[i] = WorkerStatus::kFarming;
  w.reservation_wage[i] = farmer_reservation_wage(s);
  w.spell_months[i] = 0;
  w.benefit_months_left[i] = 0;
}

// A rural migrant whose stint in a labour base ended goes home: to farm when the scenario has
// farm households, else to search there like any job loser. (Migrants who lose their job before
// the stint ends look for another first, as unemployed.)
void end_stint(World& world, std::size_t i) {
  const Scenario& s = *world.scenario;
  WorkerStore& w = world.workers;
  std::atomic_ref<std::uint32_t>(world.stint_ends[w.location[i]])
      .fetch_add(1, std::memory_order_relaxed);
  w.reservation_wage[i] = static_cast<float>(s.search.reservation_ratio_after_job_loss * w.wage[i]);
  end_job(world, i);
  w.spell_months[i] = 0;
  w.benefit_months_left[i] = 0;
  w.location[i] = w.home_region[i];
  w.status[i] = WorkerStatus::kUnemployed;
  if (s.farming.enabled) start_farming(s, w, i);
}

// People leaving the labour force live at home, without benefits or a spell.
void leave_labor_force(WorkerStore& w, std::size_t i) {
  w.status[i] = WorkerStatus::kInactive;
  w.location[i] = w.home_region[i];
  w.benefit_months_left[i] = 0;
  w.spell_months[i] = 0;
}

}  // namespace

void run_labor_flows(World& world) {
  const Scenario& s = *world.scenario;
  WorkerStore& w = world.workers;
  EmployerStore& e = world.employers;
  const auto month = static_cast<std::uint32_t>(world.month);
  const double exit_rate = s.population.labor_force_exit_rate_monthly;
  const double entry_rate = world.entry_rate_monthly;
  const double separation_rate = s.employers.separation_rate_monthly;
  const BenefitSpec& benefits = s.benefits;
  const double on_the_job_search = s.search.on_the_job_search_monthly;
  const auto switch_factor = static_cast<float>(1 + s.search.job_switch_premium);
  const std::size_t calendar = s.start.plus_months(world.month).month - 1;
  const double stint_end = s.farming.stint_end_monthly[calendar];
  const double farmer_search = s.farming.search_monthly[calendar];
  const double farm_take_up = s.farming.take_up_monthly;
  const bool may_take_up_farming = s.farming.enabled && farm_take_up > 0;
  // Who has lived in a labour base this calendar year (transferred workers) restarts in
  // January, before anyone moves; settle_incomes marks those away at the month's end.
  const bool new_year = calendar == 0;
  static_assert(kWorkerBlock % 64 == 0, "blocks must own whole words of the bitmaps");

  world.moves.assign(world.graph.size() * world.graph.size(), 0);
  world.stint_ends.assign(world.graph.size(), 0);
  world.searching_on_the_job.reset(w.size());  // chosen afresh each month
  MoveLog log(block_count(w.size(), kWorkerBlock));
  for_each_block(w.size(), kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    PhiloxLanes lanes;  // each worker's first block of draws, computed many at a time
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t lane = (i - begin) % PhiloxLanes::kLanes;
      if (lane == 0) {
        lanes.fill(s.seed, RandomPurpose::kSeparation, static_cast<std::uint32_t>(i), month,
                   std::min(PhiloxLanes::kLanes, end - i));
      }
      if (new_year) world.away_this_year.clear(i);
      const RegionId was_in = w.location[i];
      if (++w.age_months[i] >= kWorkingAgeEndMonths) {
        if (w.status[i] == WorkerStatus::kEmployed) end_job(world, i);
        replace_retiree(world, i);
        log.add(b, was_in, w.location[i]);
        continue;
      }
      RandomStream rng(s.seed, RandomPurpose::kSeparation, static_cast<std::uint32_t>(i), month,
                       lanes.block(lane));
      const double u_exit = rng.uniform();
      switch (w.status[i]) {
        case WorkerStatus::kEmployed: {
          const EmployerId j = w.employer[i];
          const double u_separation = rng.uniform();
          const double u_return = rng.uniform();
          const double u_search = rng.uniform();  // the fourth of one Philox block: free
          const bool exits = u_exit < exit_rate;
          const double separation = world.atypical_separation.test(j)
                                        ? static_cast<double>(e.separation_probability[j])
                                        : separation_rate;
          const bool loses_job = exits || u_separation < separation;
          // A rural migrant's stint in a labour base ends with the calendar (u_return is free
          // when the job goes on).
          const bool stint_ends = !loses_job && u_return < stint_end &&
                                  (w.flags[i] & WorkerFlag::kRuralHukou) &&
                                  world.graph.is_destination(w.location[i]);
          if (stint_ends) {
            end_stint(world, i);
            break;
          }
          if (!loses_job) {
            // On-the-job search: asks for a raise's worth more than the job pays now.
            if (u_search < on_the_job_search) {
              world.searching_on_the_job.set(i);
              w.reservation_wage[i] = w.wage[i] * switch_factor;
            }
            break;
          }
          const float lost_wage = w.wage[i];
          const bool entitled = (w.flags[i] & WorkerFlag::kInsured) &&
                                w.tenure_months[i] >= benefits.min_contribution_months;
          end_job(world, i);
          if (exits) {
            leave_labor_force(w, i);
            break;
          }
          w.status[i] = WorkerStatus::kUnemployed;
          w.spell_months[i] = 0;
          w.benefit_months_left[i] =
              entitled ? static_cast<std::uint8_t>(benefits.max_duration_months) : 0;
          w.reservation_wage[i] =
              static_cast<float>(s.search.reservation_ratio_after_job_loss * lost_wage);
          if (w.location[i] != w.home_region[i] && u_return < s.search.return_home_probability) {
            w.location[i] = w.home_region[i];
          }
          break;
        }
        case WorkerStatus::kUnemployed:
          if (u_exit < exit_rate) {
            leave_labor_force(w, i);
          } else if (w.location[i] != w.home_region[i] &&
                     rng.bernoulli(s.search.return_home_monthly)) {
            w.location[i] = w.home_region[i];  // gives up searching away and goes home
          } else if (may_take_up_farming && w.location[i] == w.home_region[i] &&
                     (w.flags[i] & WorkerFlag::kRuralHukou) && w.benefit_months_left[i] == 0 &&
                     rng.uniform() < farm_take_up) {
            start_farming(s, w, i);  // back to the land when non-farm work is not to be had
          }
          break;
        case WorkerStatus::kFarming:
          // Farmers look for non-farm work in the migration season, with the unemployed's
          // effort (searching_on_the_job: looking while occupied); one who already worked away
          // this year stays for the farm's season.
          if (u_exit < exit_rate) {
            leave_labor_force(w, i);
          } else if (!world.away_this_year.test(i) && rng.uniform() < farmer_search) {
            world.searching_on_the_job.set(i);
          }
          break;
        case WorkerStatus::kPublicPost:
          // A post holder may leave the labour force, and looks for a market job now and then
          // (the post is a bridge); the lever that pays the post ends it when its time is up.
          if (u_exit < exit_rate) {
            w.wage[i] = 0;
            leave_labor_force(w, i);
          } else if (rng.uniform() < on_the_job_search) {
            world.searching_on_the_job.set(i);
            w.reservation_wage[i] = w.wage[i] * switch_factor;
          }
          break;
        case WorkerStatus::kInactive:
          if (u_exit < entry_rate) {
            w.status[i] = WorkerStatus::kUnemployed;
            w.spell_months[i] = 0;
            w.reservation_wage[i] = entrant_reservation_wage(s, w.home_region[i], w.skill[i]);
          }
          break;
      }
      log.add(b, was_in, w.location[i]);
    }
  });
  log.add_to(world);
}

}  // namespace laborsim
