// Job search: for each application, a searcher (unemployed, or employed or farming and looking
// for a job) picks a region within reach, in proportion to its vacancies times the wage it offers
// net of the extra cost of living there, then one of that region's vacancies at random, and applies
// if the job would be acceptable.
// Applications are stored per searcher, not per worker.
#include <algorithm>
#include <array>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>

#include "agents/parallel.hpp"
#include "agents/random_stream.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {
namespace {

bool searches(const World& world, std::size_t i) {
  const WorkerStatus status = world.workers.status[i];
  return status == WorkerStatus::kUnemployed ||
         (status != WorkerStatus::kInactive && world.searching_on_the_job.test(i));
}

// Dense numbering of this month's searchers (the unemployed, and the employed and farmers looking
// for a job), in worker-id order.
void collect_searchers(World& world) {
  const WorkerStore& w = world.workers;
  MatchingBuffers& m = world.matching;
  // One pass: each block lists its searchers and counts its unemployed ones and its farmers by
  // where they live; the lists are then laid end to end.
  const std::size_t regions = world.graph.size();
  const std::size_t blocks = block_count(w.size(), kWorkerBlock);
  std::vector<std::vector<WorkerId>> per_block(blocks);
  BlockCounts counts(blocks, 2 * regions);  // unemployed, then farmers
  for_each_block(w.size(), kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    std::uint32_t* count = counts.block(b);
    for (std::size_t i = begin; i < end; ++i) {
      if (!searches(world, i)) continue;
      per_block[b].push_back(static_cast<WorkerId>(i));
      if (w.status[i] == WorkerStatus::kUnemployed) {
        ++count[w.location[i]];
      } else if (w.status[i] == WorkerStatus::kFarming) {
        ++count[regions + w.location[i]];
      }
    }
  });
  concatenate_blocks(per_block, m.searcher_worker);
  const std::vector<std::uint32_t> total = counts.total();
  m.seekers_by_location.assign(total.begin(), total.begin() + static_cast<std::ptrdiff_t>(regions));
  m.farmers_looking.assign(total.begin() + static_cast<std::ptrdiff_t>(regions), total.end());
}

// The vacancy slots (one entry per open job, grouped by region, so a uniform pick within a
// region's range picks an employer in proportion to its vacancies) and, per location, cumulative
// region weights: vacancies x max(0, mean posted wage - extra monthly cost of moving there).
void build_choice_tables(World& world) {
  const EmployerStore& e = world.employers;
  MatchingBuffers& m = world.matching;
  const std::size_t regions = world.graph.size();
  std::vector<double> mean_wage(regions, 0.0);
  std::vector<double> vacancies(regions, 0.0);
  m.vacancy_slots.clear();
  m.region_slot_begin.assign(1, 0);
  for (std::size_t r = 0; r < regions; ++r) {
    double wage_sum = 0;
    for (EmployerId j = e.region_begin[r]; j < e.region_begin[r + 1]; ++j) {
      wage_sum += static_cast<double>(e.vacancies[j]) * e.posted_wage[j];
      m.vacancy_slots.insert(m.vacancy_slots.end(), e.vacancies[j], {j, e.posted_wage[j]});
    }
    m.region_slot_begin.push_back(static_cast<std::uint32_t>(m.vacancy_slots.size()));
    vacancies[r] = m.region_slot_begin[r + 1] - m.region_slot_begin[r];
    mean_wage[r] = vacancies[r] > 0 ? wage_sum / vacancies[r] : 0.0;
  }
  m.region_choice_cdf.assign(regions * regions, 0.0);
  for (std::size_t from = 0; from < regions; ++from) {
    double total = 0;
    for (std::size_t to = 0; to < regions; ++to) {
      const double net = mean_wage[to] - world.move_cost_between(static_cast<RegionId>(from),
                                                                 static_cast<RegionId>(to));
      if (net > 0) total += vacancies[to] * net;  // +inf move cost (out of reach) gives -inf
      m.region_choice_cdf[from * regions + to] = total;
    }
  }
}

}  // namespace

std::size_t max_applications(double mean) {
  return static_cast<std::size_t>(std::ceil(4 * mean)) + 2;
}

void send_applications(World& world) {
  const Scenario& s = *world.scenario;
  const WorkerStore& w = world.workers;
  MatchingBuffers& m = world.matching;
  collect_searchers(world);
  build_choice_tables(world);

  // Search effort varies: each searcher looks at Poisson(mean) vacancies, at most
  // max_applications(mean), the mean smaller for those searching on the job; a worker reached by
  // grid staff is also pushed extra_applications vacancies of the home region.
  const double mean_looks = s.search.applications_per_month;
  const double mean_looks_employed = s.search.on_the_job_applications_per_month;
  const double pushes = s.grids.extra_applications;
  const std::size_t most_looks = max_applications(std::max(mean_looks, mean_looks_employed)) +
                                 static_cast<std::size_t>(std::ceil(pushes));
  const std::size_t regions = world.graph.size();
  const auto month = static_cast<std::uint32_t>(world.month);
  const std::size_t searchers = m.searcher_worker.size();
  // Each block collects its searchers' applications in order; the blocks' lists are then laid
  // end to end (a searcher sends about five, so reserving room for the most would waste memory).
  m.application_begin.assign(searchers + 1, 0);
  std::vector<std::vector<EmployerId>> sent_by_block(block_count(searchers, kWorkerBlock));
  // Built once: constructing a Poisson distribution computes exp(-mean).
  const boost::random::poisson_distribution<int, double> poisson_unemployed(mean_looks);
  const boost::random::poisson_distribution<int, double> poisson_employed(mean_looks_employed);
  const std::size_t cap_unemployed = max_applications(mean_looks);
  const std::size_t cap_employed = max_applications(mean_looks_employed);
  const std::vector<float>& effort_of = world.effects.search_effort;
  // Organised labour transfer (policies/policy_effects.hpp): seat holders move to partner
  // destinations for less, and look at extra vacancies there, chosen by vacancies.
  const PolicyEffects& effects = world.effects;
  const bool seats = effects.transfer_seat.size() > 0;
  std::vector<double> partner_cdf;  // regions x regions, row = origin: by vacancies
  if (seats) {
    for (std::size_t from = 0; from < regions; ++from) {
      double total = 0;
      for (std::size_t r = 0; r < regions; ++r) {
        if (effects.fare_relief[from * regions + r] > 0) {
          total += m.region_slot_begin[r + 1] - m.region_slot_begin[r];
        }
        partner_cdf.push_back(total);
      }
    }
  }
  const auto relief = [&](WorkerId i, RegionId from, RegionId to) {
    return seats && effects.transfer_seat.test(i) ? effects.fare_relief[from * regions + to] : 0.0f;
  };
  // Each searcher's looks (a region and a vacancy slot each) are drawn, and their slots
  // prefetched, one searcher ahead of judging them: the slots are scattered over a large array,
  // and asking for them early overlaps the cache misses with other work. The draws do not depend
  // on what the slots hold, so the result is that of judging each look as it is drawn.
  struct Look {
    std::uint32_t slot;
    RegionId region;
  };
  const auto draw_looks = [&](std::size_t k, std::vector<Look>& drawn) {
    const WorkerId i = m.searcher_worker[k];
    const RegionId location = w.location[i];
    RandomStream rng(s.seed, RandomPurpose::kSearch, i, month);
    drawn.clear();
    auto draw = [&](std::size_t r) {
      const std::uint32_t first = m.region_slot_begin[r];
      const std::uint32_t slots = m.region_slot_begin[r + 1] - first;
      if (slots == 0) return;
      const std::uint32_t at = first + rng.below(slots);
      __builtin_prefetch(&m.vacancy_slots[at]);
      drawn.push_back({at, static_cast<RegionId>(r)});
    };
    const double* cdf = m.region_choice_cdf.data() + location * regions;
    const double total = cdf[regions - 1];
    // Job holders (on a post, too) search with the on-the-job effort.
    const bool employed =
        w.status[i] == WorkerStatus::kEmployed || w.status[i] == WorkerStatus::kPublicPost;
    auto poisson = employed ? poisson_employed : poisson_unemployed;
    std::size_t cap = employed ? cap_employed : cap_unemployed;
    // Policy levers may change a searcher's effort (lock-in while in training, search
    // subsidies): Poisson with the mean scaled.
    const float effort = effort_of.empty() ? 1.0f : effort_of[i];
    std::size_t looks = 0;
    if (effort == 1.0f) {
      looks = std::min<std::size_t>(static_cast<std::size_t>(poisson(rng)), cap);
    } else if (effort > 0) {
      const double mean = (employed ? mean_looks_employed : mean_looks) * effort;
      boost::random::poisson_distribution<int, double> own(mean);
      cap = max_applications(mean);
      looks = std::min<std::size_t>(static_cast<std::size_t>(own(rng)), cap);
    }
    for (std::size_t a = 0; a < looks && total > 0; ++a) {
      // The first region whose cdf exceeds target (target < total, so there is one): the
      // number of regions whose cdf does not, counted without branches, which a binary search
      // over a few regions' random targets mispredicts.
      const double target = rng.uniform() * total;
      std::size_t region = 0;
      for (std::size_t r = 0; r < regions; ++r) region += cdf[r] <= target;
      draw(region);
    }
    if (world.contacted.test(i)) {
      const double whole = std::floor(pushes);
      const auto pushed =
          static_cast<std::size_t>(whole + (rng.uniform() < pushes - whole ? 1 : 0));
      for (std::size_t p = 0; p < pushed; ++p) draw(location);
    }
    const double* partners = seats ? partner_cdf.data() + location * regions : nullptr;
    if (seats && effects.transfer_seat.test(i) && partners[regions - 1] > 0) {
      const double whole = std::floor(effects.partner_looks);
      const auto extra =
          static_cast<std::size_t>(whole + (rng.uniform() < effects.partner_looks - whole ? 1 : 0));
      for (std::size_t p = 0; p < extra; ++p) {
        const double target = rng.uniform() * partners[regions - 1];
        std::size_t region = 0;
        while (partners[region] <= target) ++region;
        draw(region);
      }
    }
  };
  // Posted wages are public: nobody applies for a job they would turn down, and applying twice
  // to one employer is pointless. Such a look yields no application.
  const auto judge_looks = [&](std::size_t k, const std::vector<Look>& drawn,
                               std::vector<EmployerId>& block_sent) {
    const WorkerId i = m.searcher_worker[k];
    const RegionId location = w.location[i];
    const std::size_t first = block_sent.size();
    const float skill = w.skill[i];
    const float reservation = w.reservation_wage[i];
    const EmployerId own = w.status[i] == WorkerStatus::kEmployed ? w.employer[i] : kNoEmployer;
    for (const Look& look : drawn) {
      const MatchingBuffers::VacancySlot slot = m.vacancy_slots[look.slot];
      const float value = slot.posted_wage * skill -
                          world.move_cost_between(location, look.region) +
                          relief(i, location, look.region);
      if (value < reservation || !(value > 0)) continue;
      if (slot.employer == own) continue;  // already works there
      if (std::find(block_sent.begin() + static_cast<std::ptrdiff_t>(first), block_sent.end(),
                    slot.employer) == block_sent.end()) {
        block_sent.push_back(slot.employer);
      }
    }
    m.application_begin[k + 1] = static_cast<std::uint32_t>(block_sent.size() - first);  // count
  };
  for_each_block(searchers, kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    std::array<std::vector<Look>, 2> drawn;
    for (auto& looks : drawn) looks.reserve(most_looks);
    if (begin < end) draw_looks(begin, drawn[0]);
    for (std::size_t k = begin; k < end; ++k) {
      if (k + 1 < end) draw_looks(k + 1, drawn[(k + 1 - begin) & 1]);
      judge_looks(k, drawn[(k - begin) & 1], sent_by_block[b]);
    }
  });
  for (std::size_t k = 0; k < searchers; ++k) m.application_begin[k + 1] += m.application_begin[k];
  concatenate_blocks(sent_by_block, m.applications);
}

}  // namespace laborsim
