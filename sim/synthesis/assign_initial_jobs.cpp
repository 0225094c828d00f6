#include <algorithm>

#include "agents/random_stream.hpp"
#include "sim/phases/employer_economics.hpp"
#include "sim/synthesis/synthesize.hpp"

namespace laborsim {

// Places the initially employed on their region's employers: each employer gets a quota in
// proportion to its target (largest remainders), and the slots are shuffled among the workers.
void assign_initial_jobs(World& world) {
  const Scenario& s = *world.scenario;
  WorkerStore& w = world.workers;
  EmployerStore& e = world.employers;
  const std::size_t regions = s.regions.size();

  std::vector<std::vector<WorkerId>> employed_in(regions);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w.status[i] == WorkerStatus::kEmployed) {
      employed_in[w.location[i]].push_back(static_cast<WorkerId>(i));
    }
  }
  std::vector<EmployerId> slots;
  for (std::size_t r = 0; r < regions; ++r) {
    const std::vector<WorkerId>& workers = employed_in[r];
    const EmployerId first = e.region_begin[r];
    const EmployerId last = e.region_begin[r + 1];
    if (workers.empty() || first == last) continue;
    double total_target = 0;
    for (EmployerId j = first; j < last; ++j) total_target += e.base_target[j];
    // Largest-remainder quotas that add up to the number of workers exactly.
    std::vector<std::pair<double, EmployerId>> remainders;
    std::size_t assigned = 0;
    for (EmployerId j = first; j < last; ++j) {
      const double exact = static_cast<double>(workers.size()) * e.base_target[j] / total_target;
      e.workforce[j] = static_cast<std::uint32_t>(exact);
      assigned += e.workforce[j];
      remainders.emplace_back(exact - e.workforce[j], j);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; assigned < workers.size(); ++k, ++assigned) {
      ++e.workforce[remainders[k % remainders.size()].second];
    }
    slots.clear();
    for (EmployerId j = first; j < last; ++j) slots.insert(slots.end(), e.workforce[j], j);
    RandomStream rng(s.seed, RandomPurpose::kSynthesisAssignment, static_cast<std::uint32_t>(r),
                     kBeforeStart);
    for (std::size_t k = slots.size(); k > 1; --k) {  // Fisher-Yates
      std::swap(slots[k - 1], slots[rng.below(static_cast<std::uint32_t>(k))]);
    }
    for (std::size_t k = 0; k < workers.size(); ++k) {
      const WorkerId i = workers[k];
      const EmployerId j = slots[k];
      w.employer[i] = j;
      w.wage[i] = e.posted_wage[j] * w.skill[i];
      w.output[i] = e.productivity[j] * w.skill[i] * match_quality(s, i, kBeforeStart, j);
      w.reservation_wage[i] =
          static_cast<float>(s.search.reservation_ratio_after_job_loss * w.wage[i]);
    }
  }
}

}  // namespace laborsim
