#include <array>

#include "agents/parallel.hpp"
#include "sim/phases/phases.hpp"

namespace laborsim {
namespace {

// Per-region worker tallies, in the order of one block's slice of a BlockSums row.
enum Tally : std::size_t {
  kTLaborForce,
  kTEmployed,
  kTUnemployed,
  kTInactive,
  kTWageSum,
  kTOutput,
  kTMigrantsOut,
  kTMigrantIncome,
  kTTransferred,
  kTFarming,
  kTPublicPost,
  kTallyCount
};

// Labour-force tallies per combination of key groups (a key_groups() bit set), stored after the
// regional ones: one or two additions per person, spread over the groups once at the end.
enum GroupTally : std::size_t {
  kGEmployed,
  kGFarming,
  kGPublicPost,
  kGUnemployed,
  kGLongTerm,
  kGSpellSum,
  kGroupTallyCount
};
constexpr std::size_t kGroups = kKeyGroupCount;
constexpr std::size_t kGroupSets = std::size_t{1} << kGroups;

// Per-sector tallies of the employed, stored after the group ones.
enum SectorTally : std::size_t { kSEmployed, kSWageSum, kSOutput, kSectorTallyCount };

// Adds one labour-force member to the tallies of their combination of key groups.
void tally_groups(double* g, std::uint8_t groups, WorkerStatus status, std::uint16_t spell) {
  double* set = g + std::size_t{groups} * kGroupTallyCount;
  if (status == WorkerStatus::kEmployed) {
    set[kGEmployed] += 1;
    return;
  }
  if (status == WorkerStatus::kFarming) {
    set[kGFarming] += 1;
    return;
  }
  if (status == WorkerStatus::kPublicPost) {
    set[kGPublicPost] += 1;
    return;
  }
  set[kGUnemployed] += 1;
  set[kGSpellSum] += spell;
  if (spell >= kLongTermSpellMonths) set[kGLongTerm] += 1;
}

}  // namespace

Observation observe(const World& world, const std::vector<double>& benefits_paid) {
  const WorkerStore& w = world.workers;
  const EmployerStore& e = world.employers;
  const std::size_t regions = world.graph.size();

  const std::size_t sectors = world.scenario->employers.sectors.size();
  const std::size_t region_width = kTallyCount * regions;
  const std::size_t group_width = kGroupTallyCount * kGroupSets;
  BlockSums sums(block_count(w.size(), kWorkerBlock),
                 region_width + group_width + kSectorTallyCount * sectors);
  for_each_block(w.size(), kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
    double* t = sums.block(b);
    double* g = t + region_width;
    double* by_sector = g + group_width;
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t at = w.location[i];
      if (world.away_this_year.test(i)) t[kTTransferred * regions + w.home_region[i]] += 1;
      switch (w.status[i]) {
        case WorkerStatus::kEmployed:
          t[kTEmployed * regions + at] += 1;
          t[kTWageSum * regions + at] += w.wage[i];
          t[kTOutput * regions + at] += w.output[i];
          {
            const std::size_t sector = e.sector[w.employer[i]];
            by_sector[kSEmployed * sectors + sector] += 1;
            by_sector[kSWageSum * sectors + sector] += w.wage[i];
            by_sector[kSOutput * sectors + sector] += w.output[i];
          }
          break;
        case WorkerStatus::kUnemployed:
          t[kTUnemployed * regions + at] += 1;
          break;
        case WorkerStatus::kFarming:
          t[kTFarming * regions + at] += 1;
          break;
        case WorkerStatus::kPublicPost:
          t[kTPublicPost * regions + at] += 1;
          break;
        case WorkerStatus::kInactive:
          t[kTInactive * regions + at] += 1;
          continue;
      }
      t[kTLaborForce * regions + at] += 1;
      if (world.graph.is_destination(static_cast<RegionId>(at))) {
        t[kTMigrantsOut * regions + w.home_region[i]] += 1;
        if (w.status[i] == WorkerStatus::kEmployed) {
          t[kTMigrantIncome * regions + w.home_region[i]] += w.wage[i];
        }
      }
      tally_groups(g, key_groups(w, i), w.status[i], w.spell_months[i]);
    }
  });
  const std::vector<double> tally = sums.total();

  Observation o(AxisSizes{regions, kKeyGroupCount, sectors, world.graph.links().size(),
                          kSizeClassCount, world.scenario->policies.size()});
  std::vector<long long> staff(regions, 0);
  for (std::size_t k = 0; k < world.grids.size(); ++k)
    staff[world.grids.region[k]] += world.grids.staff(k);
  const double weight = world.scenario->agent_weight();
  for (std::size_t r = 0; r < regions; ++r) {
    const auto region = static_cast<RegionId>(r);
    const double employed = tally[kTEmployed * regions + r];
    o.at(Variable::kLaborForce, region) = weight * tally[kTLaborForce * regions + r];
    o.at(Variable::kEmployed, region) = weight * employed;
    o.at(Variable::kUnemployed, region) = weight * tally[kTUnemployed * regions + r];
    o.at(Variable::kInactive, region) = weight * tally[kTInactive * regions + r];
    o.at(Variable::kJobSeekers, region) = weight * world.matching.seekers_by_location[r];
    o.at(Variable::kMeanWage, region) =
        employed > 0 ? tally[kTWageSum * regions + r] / employed : 0.0;
    o.at(Variable::kValueAdded, region) = weight * tally[kTOutput * regions + r];
    o.at(Variable::kMigrantsOut, region) = weight * tally[kTMigrantsOut * regions + r];
    o.at(Variable::kBenefitsPaid, region) = weight * benefits_paid[r];
    o.at(Variable::kDemandIndex, region) = world.economy.demand_index[r];
    std::uint64_t vacancies = 0, hires = 0, separations = 0, active = 0, entries = 0, exits = 0,
                  startups = 0, unpaid_workers = 0, employed_at_start = 0;
    double arrears = 0, written_off = 0;
    for (EmployerId j = e.region_begin[r]; j < e.region_begin[r + 1]; ++j) {
      vacancies += e.vacancies[j];
      hires += e.hires[j];
      separations += e.separations[j];
      // Workforces change within the month only by hires and separations.
      employed_at_start += e.workforce[j] + e.separations[j] - e.hires[j];
      entries += e.event[j] == EmployerEvent::kEntered;
      if (e.event[j] == EmployerEvent::kExited) {
        ++exits;
        written_off += e.arrears[j];
      }
      if (!e.active[j]) continue;
      ++active;
      startups += e.founded_month[j] >= 0;
      arrears += e.arrears[j];
      if (e.arrears[j] > 0) unpaid_workers += e.workforce[j];
    }
    o.at(Variable::kActiveEmployers, region) = weight * static_cast<double>(active);
    o.at(Variable::kEmployerEntries, region) = weight * static_cast<double>(entries);
    o.at(Variable::kEmployerExits, region) = weight * static_cast<double>(exits);
    o.at(Variable::kStartupsActive, region) = weight * static_cast<double>(startups);
    o.at(Variable::kWageArrears, region) = weight * arrears;
    o.at(Variable::kArrearsWrittenOff, region) = weight * written_off;
    o.at(Variable::kEmployeesInArrears, region) = weight * static_cast<double>(unpaid_workers);
    const double eligible = world.grid_eligible[r];
    o.at(Variable::kGridContacts, region) = weight * world.grid_contacts[r];
    o.at(Variable::kOddJobs, region) = weight * world.odd_job_placements[r];
    const double seekers = world.matching.seekers_by_location[r];
    o.at(Variable::kJobFinders, region) = weight * world.job_finders[r];
    o.at(Variable::kJobToJobMoves, region) = weight * world.job_to_job_moves[r];
    o.at(Variable::kJobFindingRate, region) = seekers > 0 ? world.job_finders[r] / seekers : 0.0;
    o.at(Variable::kSeparationRate, region) =
        employed_at_start > 0
            ? static_cast<double>(separations) / static_cast<double>(employed_at_start)
            : 0.0;
    double departures = 0, arrivals = 0;
    for (std::size_t q = 0; q < regions; ++q) {
      departures += world.moves[r * regions + q];
      arrivals += world.moves[q * regions + r];
    }
    o.at(Variable::kDepartures, region) = weight * departures;
    o.at(Variable::kArrivals, region) = weight * arrivals;
    o.at(Variable::kMigrantLaborIncome, region) = weight * tally[kTMigrantIncome * regions + r];
    o.at(Variable::kTransferredThisYear, region) = weight * tally[kTTransferred * regions + r];
    o.at(Variable::kFarming, region) = weight * tally[kTFarming * regions + r];
    o.at(Variable::kPublicPosts, region) = weight * tally[kTPublicPost * regions + r];
    o.at(Variable::kFarmersLooking, region) = weight * world.matching.farmers_looking[r];
    o.at(Variable::kFarmersHired, region) = weight * world.farmers_hired[r];
    o.at(Variable::kStintEnds, region) = weight * world.stint_ends[r];
    o.at(Variable::kGridCoverage, region) = eligible > 0 ? world.grid_contacts[r] / eligible : 0.0;
    o.at(Variable::kGridCaseload, region) =
        staff[r] > 0 ? weight * eligible / static_cast<double>(staff[r]) : 0.0;
    o.at(Variable::kVacancies, region) = weight * static_cast<double>(vacancies);
    o.at(Variable::kHires, region) = weight * static_cast<double>(hires);
    o.at(Variable::kSeparations, region) = weight * static_cast<double>(separations);
  }
  const double* by_sector = tally.data() + region_width + group_width;
  for (std::size_t s = 0; s < sectors; ++s) {
    const double employed = by_sector[kSEmployed * sectors + s];
    o.at(Variable::kSectorEmployed, s) = weight * employed;
    o.at(Variable::kSectorValueAdded, s) = weight * by_sector[kSOutput * sectors + s];
    o.at(Variable::kSectorMeanWage, s) =
        employed > 0 ? by_sector[kSWageSum * sectors + s] / employed : 0;
  }
  for (EmployerId j = 0; j < e.size(); ++j) {
    o.at(Variable::kSectorVacancies, e.sector[j]) += weight * e.vacancies[j];
    o.at(Variable::kSectorHires, e.sector[j]) += weight * e.hires[j];
    o.at(Variable::kSectorSeparations, e.sector[j]) += weight * e.separations[j];
    // Stocks by the employer's size now, flows by its size when the month began. An employer
    // agent stands for `weight` employers of its own size (synthesis scales their number, not
    // their size), so its workforce in agents is its size in persons.
    const double began = static_cast<double>(e.workforce[j]) + e.separations[j] - e.hires[j];
    const auto flow_class = static_cast<std::size_t>(size_class(began));
    o.at(Variable::kSizeClassHires, flow_class) += weight * e.hires[j];
    o.at(Variable::kSizeClassSeparations, flow_class) += weight * e.separations[j];
    // Employees of an employer that exited this month leave next month: they still count.
    const auto now_class = static_cast<std::size_t>(size_class(e.workforce[j]));
    o.at(Variable::kSizeClassEmployed, now_class) += weight * e.workforce[j];
    if (e.active[j]) o.at(Variable::kSizeClassEmployers, now_class) += weight;
  }
  // Moves travel their cheapest route; every link on it carries them.
  for (std::size_t from = 0; from < regions; ++from) {
    for (std::size_t to = 0; to < regions; ++to) {
      const std::uint32_t count = world.moves[from * regions + to];
      if (count == 0) continue;
      for (const std::uint32_t link :
           world.graph.route(static_cast<RegionId>(from), static_cast<RegionId>(to))) {
        o.at(Variable::kLinkFlow, link) += weight * count;
      }
    }
  }
  const double* g = tally.data() + region_width;
  std::array<std::array<double, kGroupTallyCount>, kGroups> by_group{};
  for (std::size_t set = 0; set < kGroupSets; ++set) {
    for (std::size_t k = 0; k < kGroups; ++k) {
      if (!((set >> k) & 1u)) continue;
      for (std::size_t t = 0; t < kGroupTallyCount; ++t) {
        by_group[k][t] += g[set * kGroupTallyCount + t];
      }
    }
  }
  for (std::size_t k = 0; k < kGroups; ++k) {
    const double unemployed = by_group[k][kGUnemployed];
    o.at(Variable::kGroupLaborForce, k) =
        weight *
        (by_group[k][kGEmployed] + by_group[k][kGFarming] + by_group[k][kGPublicPost] + unemployed);
    o.at(Variable::kGroupEmployed, k) = weight * by_group[k][kGEmployed];
    o.at(Variable::kGroupFarming, k) = weight * by_group[k][kGFarming];
    o.at(Variable::kGroupPublicPosts, k) = weight * by_group[k][kGPublicPost];
    o.at(Variable::kGroupUnemployed, k) = weight * unemployed;
    o.at(Variable::kGroupLongTermUnemployed, k) = weight * by_group[k][kGLongTerm];
    o.at(Variable::kGroupMeanSpell, k) = unemployed > 0 ? by_group[k][kGSpellSum] / unemployed : 0;
  }
  return o;
}

}  // namespace laborsim
