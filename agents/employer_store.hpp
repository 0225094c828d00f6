#pragma once
// Employers as a structure of arrays, grouped by region: the employers of region r are the dense
// ids [region_begin[r], region_begin[r + 1]). Search relies on that grouping.
#include <atomic>
#include <cstdint>
#include <vector>

#include "agents/region_graph.hpp"
#include "agents/worker_store.hpp"

namespace laborsim {

using SectorId = std::uint8_t;

enum class EmployerEvent : std::uint8_t { kNone = 0, kEntered = 1, kExited = 2 };

//! founded_month of employers that exist when the simulation starts.
inline constexpr std::int32_t kFoundedBeforeStart = -1000000;

struct EmployerStore {
  // Set at synthesis.
  std::vector<RegionId> region;
  std::vector<SectorId> sector;
  std::vector<float> base_target;      //!< desired workforce at demand index 1 [agents]
  std::vector<float> rounding_offset;  //!< fixed in [0, 1): rounds targets without monthly noise
  std::vector<float> productivity;     //!< value added by a skill-1 worker in an average
                                       //!< match [yuan/month]
  std::vector<std::int32_t> founded_month;  //!< months since start (kFoundedBeforeStart if so)

  // Change month by month.
  std::vector<float> posted_wage;    //!< wage offered to a worker of skill 1 [yuan/month]; sticky
  std::vector<std::uint8_t> active;  //!< 1 while in business; 0 for exited or dormant slots
  std::vector<EmployerEvent> event;  //!< what happened to the employer this month
  std::vector<float> demand_shock;   //!< own log demand (AR(1)) [-]
  std::vector<double> cash;          //!< [yuan]
  std::vector<float> arrears;        //!< wages owed to its workers [yuan]
  std::vector<std::uint8_t> loss_months;      //!< consecutive months of losses
  std::vector<std::uint32_t> workforce;       //!< current employees [agents]
  std::vector<std::uint32_t> target;          //!< this month's desired workforce [agents]
  std::vector<float> separation_probability;  //!< that a job here ends this month (layoffs and
                                              //!< sector turnover; labour-force exits aside)
  std::vector<std::uint32_t> vacancies;       //!< posted this month
  std::vector<std::uint32_t> hires;           //!< this month
  std::vector<std::uint32_t> separations;     //!< this month (all reasons)

  std::vector<EmployerId> region_begin;  //!< size regions + 1

  template <class Visitor>
  void for_each_column(Visitor&& visit) {
    visit("region", region);
    visit("sector", sector);
    visit("base_target", base_target);
    visit("rounding_offset", rounding_offset);
    visit("productivity", productivity);
    visit("founded_month", founded_month);
    visit("posted_wage", posted_wage);
    visit("active", active);
    visit("event", event);
    visit("demand_shock", demand_shock);
    visit("cash", cash);
    visit("arrears", arrears);
    visit("loss_months", loss_months);
    visit("workforce", workforce);
    visit("target", target);
    visit("separation_probability", separation_probability);
    visit("vacancies", vacancies);
    visit("hires", hires);
    visit("separations", separations);
  }

  std::size_t size() const { return region.size(); }
  void resize(std::size_t n);
};

//! Books a worker leaving employer j this month (a separation), from a parallel pass: integer
//! atomics only, whose result does not depend on the order threads apply them.
inline void book_leaver(EmployerStore& e, EmployerId j) {
  std::atomic_ref<std::uint32_t>(e.workforce[j]).fetch_sub(1, std::memory_order_relaxed);
  std::atomic_ref<std::uint32_t>(e.separations[j]).fetch_add(1, std::memory_order_relaxed);
}

}  // namespace laborsim
