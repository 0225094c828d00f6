// Decentralised matching. Applications are grouped by employer with a counting sort; each
// employer ranks its applicants by skill discounted for spell length; then, over several rounds,
// employers offer their open jobs to their best remaining applicants, and each worker keeps the
// best offer whose value (wage net of the extra cost of moving) reaches the reservation wage.
// Employers whose offers were declined go on to their next applicants in the next round.
//
// Determinism: counts and claims use integer atomics only (order-independent); each employer's
// applicant list is sorted on a full key (score, searcher), so the order threads filled it in
// does not matter; a worker's best offer is an atomic max over a packed (value, employer) key,
// a total order, so the winner is the same whichever offer arrives first.
#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>

#include "agents/huge_pages.hpp"
#include "agents/parallel.hpp"
#include "sim/phases/employer_economics.hpp"
#include "sim/phases/move_log.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {
namespace {

// Employers rank by this key ascending: best score first, then lowest searcher index.
std::uint64_t rank_key(float score, std::uint32_t searcher) {
  return (static_cast<std::uint64_t>(~std::bit_cast<std::uint32_t>(score)) << 32) | searcher;
}

std::uint32_t searcher_of(std::uint64_t key) { return static_cast<std::uint32_t>(key); }

// Offers compare by value (a positive float, whose bits order like the number), then prefer the
// lower employer id. Zero means "no acceptable offer".
std::uint64_t offer_key(float value, EmployerId j) {
  return (static_cast<std::uint64_t>(std::bit_cast<std::uint32_t>(value)) << 32) | ~j;
}

EmployerId employer_of(std::uint64_t key) { return ~static_cast<std::uint32_t>(key); }

void atomic_max(std::uint64_t& slot, std::uint64_t value) {
  std::atomic_ref<std::uint64_t> ref(slot);
  std::uint64_t seen = ref.load(std::memory_order_relaxed);
  while (seen < value && !ref.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
  }
}

// Applications grouped by employer, each employer's sorted best first, without atomics and with
// few cache misses: a counting sort in two stages. Stage one deals each searcher block's
// applications into one run per employer block ("bucket"), the runs of a bucket laid end to end
// in searcher-block order, so every write goes to one of a few hundred sequential streams. Stage
// two handles one bucket at a time: its employers' counters fit in L1 and its keys in L2. The
// layout is fixed by the block structure, and each employer's keys are sorted on a full key, so
// nothing depends on threads.
void group_applications_by_employer(World& world) {
  const Scenario& s = *world.scenario;
  const WorkerStore& w = world.workers;
  const std::size_t employers = world.employers.size();
  MatchingBuffers& m = world.matching;
  const std::size_t searchers = m.searcher_worker.size();
  const std::size_t buckets = block_count(employers, kEmployerBlock);
  const std::size_t blocks = block_count(searchers, kWorkerBlock);

  // Per searcher block and bucket (block-major): applications counted, then write cursors.
  std::vector<std::uint32_t> cursor(blocks * buckets, 0);
  for_each_block(searchers, kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    std::uint32_t* count = cursor.data() + b * buckets;
    for (std::size_t k = begin; k < end; ++k) {
      for (std::uint32_t a = m.application_begin[k]; a < m.application_begin[k + 1]; ++a) {
        ++count[m.applications[a] / kEmployerBlock];
      }
    }
  });
  std::vector<std::uint32_t> bucket_begin(buckets + 1, 0);
  std::uint32_t staged = 0;
  for (std::size_t q = 0; q < buckets; ++q) {
    bucket_begin[q] = staged;
    for (std::size_t b = 0; b < blocks; ++b) {
      const std::uint32_t n = cursor[b * buckets + q];
      cursor[b * buckets + q] = staged;
      staged += n;
    }
  }
  bucket_begin[buckets] = staged;

  const float screening = static_cast<float>(s.search.spell_screening_per_month);
  // exp(-screening x min(spell, cap)) by spell: employers discount spells up to the cap only.
  const auto cap = static_cast<std::size_t>(s.search.spell_screening_max_months);
  constexpr std::size_t kTabulated = 256;
  std::array<float, kTabulated> spell_discount{};
  for (std::size_t spell = 0; spell < kTabulated; ++spell) {
    spell_discount[spell] = std::exp(-screening * static_cast<float>(std::min(spell, cap)));
  }
  const float longest_discount = std::exp(-screening * static_cast<float>(cap));
  const auto bonus = static_cast<float>(s.grids.referral_rank_bonus);
  resize_scratch(m.searcher_view, searchers);
  const PolicyEffects& effects = world.effects;
  m.searcher_subsidy.resize(effects.hiring_subsidy.empty() ? 0 : searchers);
  m.searcher_certificate.resize(effects.certificate.empty() ? 0 : searchers);
  m.searcher_seat.resize(effects.transfer_seat.size() == 0 ? 0 : searchers);
  resize_scratch(m.staged_keys, staged);
  resize_scratch(m.staged_employer, staged);
  for_each_block(searchers, kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    std::uint32_t* at = cursor.data() + b * buckets;
    for (std::size_t k = begin; k < end; ++k) {
      const WorkerId i = m.searcher_worker[k];
      m.searcher_view[k] = {i, w.skill[i], w.reservation_wage[i], w.location[i]};
      if (!m.searcher_subsidy.empty()) m.searcher_subsidy[k] = effects.hiring_subsidy[i];
      if (!m.searcher_certificate.empty()) m.searcher_certificate[k] = effects.certificate[i];
      if (!m.searcher_seat.empty()) m.searcher_seat[k] = effects.transfer_seat.test(i);
      // Referred by grid staff: ranked as if more skilled.
      const float referral = world.contacted.test(i) ? 1 + bonus : 1.0f;
      const std::uint16_t spell = w.spell_months[i];
      const float discount =
          spell < kTabulated
              ? spell_discount[spell]
              : (spell < cap ? std::exp(-screening * static_cast<float>(spell)) : longest_discount);
      const std::uint64_t key =
          rank_key(referral * w.skill[i] * discount, static_cast<std::uint32_t>(k));
      for (std::uint32_t a = m.application_begin[k]; a < m.application_begin[k + 1]; ++a) {
        const EmployerId j = m.applications[a];
        const std::uint32_t pos = at[j / kEmployerBlock]++;
        m.staged_keys[pos] = key;
        m.staged_employer[pos] = static_cast<std::uint16_t>(j % kEmployerBlock);
      }
    }
  });

  static_assert(kEmployerBlock <= 65536, "an employer's place in its block must fit 16 bits");
  m.application_offset.resize(employers + 1);
  m.application_offset[employers] = staged;
  resize_scratch(m.applicant_keys, staged);
  for_each_block(employers, kEmployerBlock, [&](std::size_t q, std::size_t begin, std::size_t end) {
    const std::uint32_t first = bucket_begin[q], last = bucket_begin[q + 1];
    std::vector<std::uint32_t> start(end - begin + 1, 0);  // per employer of the bucket
    for (std::uint32_t pos = first; pos < last; ++pos) ++start[m.staged_employer[pos] + 1];
    for (std::size_t e = 0; e < end - begin; ++e) {
      start[e + 1] += start[e];
      m.application_offset[begin + e] = first + start[e];
    }
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::uint32_t pos = first; pos < last; ++pos) {
      m.applicant_keys[first + fill[m.staged_employer[pos]]++] = m.staged_keys[pos];
    }
    for (std::size_t e = 0; e < end - begin; ++e) {
      std::sort(m.applicant_keys.begin() + first + start[e],
                m.applicant_keys.begin() + first + start[e + 1]);
    }
  });
}

// The hiring standard employer j applies to searcher k when a policy lever changes it: a hiring
// subsidy makes the job cost less (the standard falls with the subsidy's share of the worker's
// full labour cost, at most by 90 %), a training certificate in the employer's sector counts
// like a better match.
double policy_standard(const World& world, EmployerId j, std::uint32_t k, double standard) {
  const MatchingBuffers& m = world.matching;
  const PolicyEffects& effects = world.effects;
  if (!m.searcher_subsidy.empty() && m.searcher_subsidy[k] > 0 &&
      effects.subsidised_employers.test(j)) {
    const double cost =
        employer_cost_factor(world, j) * world.employers.posted_wage[j] * m.searcher_view[k].skill;
    standard *= std::max(0.1, 1 - m.searcher_subsidy[k] / cost);
  }
  const std::uint8_t sector = world.employers.sector[j];
  if (!m.searcher_certificate.empty() && m.searcher_certificate[k] == sector + 1) {
    standard /= 1 + effects.certificate_bonus[sector];
  }
  return standard;
}

// One round: employers interview their next applicants and offer open jobs to those whose match
// quality reaches the hiring standard (the hiring threshold scaled by the job's labour-cost
// ratio: a dearer job must be a better match to pay); workers keep the best offer.
void make_offers(World& world) {
  const Scenario& s = *world.scenario;
  const EmployerStore& e = world.employers;
  MatchingBuffers& m = world.matching;
  const auto month = static_cast<std::uint32_t>(world.month);
  const auto threshold = static_cast<float>(s.search.hiring_threshold);
  const bool levers_screen = !m.searcher_subsidy.empty() || !m.searcher_certificate.empty();
  for_each_block(e.size(), kEmployerBlock, [&](std::size_t b, std::size_t begin, std::size_t) {
    for (std::size_t at_list = begin; at_list < begin + m.active_count[b]; ++at_list) {
      const EmployerId j = m.active_employers[at_list];
      m.round_begin[j] = m.next_applicant[j];
      const std::uint32_t last = m.application_offset[j + 1];
      // The match must reach the standard: a comparison of its uniform, no transcendental
      // function per interview.
      const double standard = threshold * labor_cost_ratio(world, j);
      const double least_uniform = least_match_uniform(s, standard);
      std::uint32_t offers = 0;
      while (offers < m.open_slots[j] && m.next_applicant[j] < last) {
        const std::uint32_t at = m.next_applicant[j]++;
        // Applicants are scattered searchers: ask early for the next ones' records.
        if (at + 2 < last) {
          const std::uint32_t ahead = searcher_of(m.applicant_keys[at + 2]);
          __builtin_prefetch(&m.matched[ahead]);
          __builtin_prefetch(&m.searcher_view[ahead]);
          __builtin_prefetch(&m.best_offer[ahead]);
        }
        const std::uint32_t k = searcher_of(m.applicant_keys[at]);
        if (m.matched[k]) continue;  // hired in an earlier round
        const MatchingBuffers::SearcherView searcher = m.searcher_view[k];
        const double least = levers_screen
                                 ? least_match_uniform(s, policy_standard(world, j, k, standard))
                                 : least_uniform;
        if (match_uniform(s, searcher.worker, month, j) < least) {
          continue;
        }
        ++offers;
        float value = e.posted_wage[j] * searcher.skill -
                      world.move_cost_between(searcher.location, e.region[j]);
        if (!m.searcher_seat.empty() && m.searcher_seat[k]) {
          // The fare paid by the lever.
          value += world.effects.fare_relief[searcher.location * world.graph.size() + e.region[j]];
        }
        if (value >= searcher.reservation_wage && value > 0) {
          atomic_max(m.best_offer[k], offer_key(value, j));
        }
      }
    }
  });
}

// Whether employer j has work in the next round: open jobs and applicants not yet interviewed.
bool still_recruiting(const MatchingBuffers& m, EmployerId j) {
  return m.open_slots[j] > 0 && m.next_applicant[j] < m.application_offset[j + 1];
}

// Lists, per employer block, the employers with work in the first round (in employer order, at
// the start of the block's range of active_employers): the rounds visit only them, not every
// employer, most of which have no vacancy or no applicant.
void list_recruiting_employers(World& world) {
  MatchingBuffers& m = world.matching;
  const std::size_t employers = world.employers.size();
  m.active_employers.resize(employers);
  m.active_count.assign(block_count(employers, kEmployerBlock), 0);
  for_each_block(employers, kEmployerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      if (still_recruiting(m, static_cast<EmployerId>(j))) {
        m.active_employers[begin + m.active_count[b]++] = static_cast<EmployerId>(j);
      }
    }
  });
}

// The employer whose offer a worker kept hires that worker. A worker's best_offer is non-zero
// only in the round it is hired (later rounds skip matched workers), so each hire counts once.
// Employers left without work for the next round drop off their block's list (order kept).
void accept_offers(World& world) {
  const EmployerStore& e = world.employers;
  MatchingBuffers& m = world.matching;
  for_each_block(e.size(), kEmployerBlock, [&](std::size_t b, std::size_t begin, std::size_t) {
    std::uint32_t kept = 0;
    for (std::size_t at_list = begin; at_list < begin + m.active_count[b]; ++at_list) {
      const EmployerId j = m.active_employers[at_list];
      for (std::uint32_t at = m.round_begin[j]; at < m.next_applicant[j]; ++at) {
        const std::uint32_t k = searcher_of(m.applicant_keys[at]);
        if (m.best_offer[k] != 0 && employer_of(m.best_offer[k]) == j) {
          m.matched[k] = 1;
          --m.open_slots[j];
        }
      }
      if (still_recruiting(m, j)) m.active_employers[begin + kept++] = j;
    }
    m.active_count[b] = kept;
  });
}

void apply_hires(World& world) {
  const Scenario& s = *world.scenario;
  const auto month = static_cast<std::uint32_t>(world.month);
  WorkerStore& w = world.workers;
  EmployerStore& e = world.employers;
  MatchingBuffers& m = world.matching;
  const std::size_t regions = world.graph.size();
  const std::size_t blocks = block_count(m.searcher_worker.size(), kWorkerBlock);
  MoveLog log(blocks);
  // Per block and region: hires out of unemployment, job-to-job moves, then hires of farmers.
  BlockCounts finders(blocks, 3 * regions);
  // The hires, for the policy levers that pay for them (in searcher, that is worker-id, order).
  const bool log_hires = world.effects.log_hires;
  std::vector<std::vector<Hire>> hires(log_hires ? blocks : 0);
  for_each_block(m.searcher_worker.size(), kWorkerBlock,
                 [&](std::size_t b, std::size_t begin, std::size_t end) {
                   std::uint32_t* found = finders.block(b);
                   for (std::size_t k = begin; k < end; ++k) {
                     if (!m.matched[k]) continue;
                     const WorkerId i = m.searcher_worker[k];
                     const EmployerId j = employer_of(m.best_offer[k]);
                     if (w.status[i] == WorkerStatus::kEmployed) {
                       book_leaver(e, w.employer[i]);  // a job-to-job move: a quit there
                       ++found[regions + w.location[i]];
                     } else if (w.status[i] == WorkerStatus::kPublicPost) {
                       ++found[regions + w.location[i]];  // from a post to a market job
                     } else if (w.status[i] == WorkerStatus::kFarming) {
                       ++found[2 * regions + w.location[i]];
                     } else {
                       ++found[w.location[i]];
                     }
                     log.add(b, w.location[i], e.region[j]);
                     if (log_hires) hires[b].push_back({i, j, w.status[i]});
                     w.status[i] = WorkerStatus::kEmployed;
                     w.employer[i] = j;
                     w.wage[i] = e.posted_wage[j] * w.skill[i];
                     w.output[i] = e.productivity[j] * w.skill[i] * match_quality(s, i, month, j);
                     w.location[i] = e.region[j];
                     w.spell_months[i] = 0;
                     w.tenure_months[i] = 0;
                     w.benefit_months_left[i] = 0;
                   }
                 });
  log.add_to(world);
  if (log_hires) concatenate_blocks(hires, world.effects.hires);
  const std::vector<std::uint32_t> found = finders.total();
  const auto part = [&](std::size_t n) {
    return found.begin() + static_cast<std::ptrdiff_t>(n * regions);
  };
  world.job_finders.assign(part(0), part(1));
  world.job_to_job_moves.assign(part(1), part(2));
  world.farmers_hired.assign(part(2), part(3));
  for_each_block(e.size(), kEmployerBlock, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      const std::uint32_t hired = e.vacancies[j] - m.open_slots[j];
      e.hires[j] += hired;  // start-up founders may already count
      e.workforce[j] += hired;
    }
  });
}

}  // namespace

void match_and_hire(World& world) {
  MatchingBuffers& m = world.matching;
  const std::size_t employers = world.employers.size();
  group_applications_by_employer(world);
  resize_scratch(m.best_offer, m.searcher_worker.size());
  std::fill(m.best_offer.begin(), m.best_offer.end(), 0);
  resize_scratch(m.matched, m.searcher_worker.size());
  std::fill(m.matched.begin(), m.matched.end(), 0);
  m.open_slots = world.employers.vacancies;
  m.next_applicant.assign(m.application_offset.begin(), m.application_offset.end() - 1);
  m.round_begin.resize(employers);
  list_recruiting_employers(world);
  for (int round = 0; round < world.scenario->search.offer_rounds; ++round) {
    make_offers(world);
    accept_offers(world);
  }
  apply_hires(world);
}

}  // namespace laborsim
