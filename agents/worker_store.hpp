#pragma once
// Workers as a structure of arrays: one vector per attribute, indexed by dense worker id.
// Every column is declared once, in for_each_column(), which resize and (later) checkpoints use.
#include <cstdint>
#include <limits>
#include <vector>

#include "agents/region_graph.hpp"

namespace laborsim {

using WorkerId = std::uint32_t;
using EmployerId = std::uint32_t;
inline constexpr EmployerId kNoEmployer = std::numeric_limits<EmployerId>::max();

enum class WorkerStatus : std::uint8_t { kInactive = 0, kUnemployed = 1, kEmployed = 2 };

//! Bits of WorkerStore::flags.
enum WorkerFlag : std::uint8_t {
  kInsured = 1u << 0,  //!< covered by unemployment insurance while employed
};

struct WorkerStore {
  // Set at synthesis.
  std::vector<RegionId> home_region;  //!< region of registered residence (hukou)
  std::vector<float> skill;           //!< general skill, population mean 1 [-]
  std::vector<std::uint8_t> flags;    //!< WorkerFlag bits

  // Change month by month.
  std::vector<RegionId> location;    //!< region where the worker lives now
  std::vector<WorkerStatus> status;  //!< inactive, unemployed or employed
  std::vector<EmployerId> employer;  //!< kNoEmployer unless employed
  std::vector<float> wage;           //!< [yuan/month], 0 unless employed
  std::vector<float> output;  //!< value added in the current job [yuan/month], 0 unless employed
  std::vector<float> reservation_wage;            //!< lowest acceptable net wage [yuan/month]
  std::vector<std::uint16_t> spell_months;        //!< months in the current unemployment spell
  std::vector<std::uint16_t> tenure_months;       //!< months with the current employer
  std::vector<std::uint8_t> benefit_months_left;  //!< remaining UI entitlement [months]

  template <class Visitor>
  void for_each_column(Visitor&& visit) {
    visit("home_region", home_region);
    visit("skill", skill);
    visit("flags", flags);
    visit("location", location);
    visit("status", status);
    visit("employer", employer);
    visit("wage", wage);
    visit("output", output);
    visit("reservation_wage", reservation_wage);
    visit("spell_months", spell_months);
    visit("tenure_months", tenure_months);
    visit("benefit_months_left", benefit_months_left);
  }

  std::size_t size() const { return status.size(); }
  void resize(std::size_t n);
  //! Bytes held per worker by the columns (the store's memory footprint divided by size()).
  std::size_t bytes_per_worker();
};

}  // namespace laborsim
