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

//! kFarming: own-account work on the household's land between non-farm jobs (rural hukou, at
//! home); in the labour force and counted as employed in the ILO sense, but not by an employer.
//! kPublicPost: a public-welfare post (公益性岗位) paid by a policy lever: non-market work at home,
//! in the labour force and employed in the ILO sense, not by an employer.
enum class WorkerStatus : std::uint8_t {
  kInactive = 0,
  kUnemployed = 1,
  kEmployed = 2,
  kFarming = 3,
  kPublicPost = 4
};

//! Bits of WorkerStore::flags: traits fixed at synthesis.
enum WorkerFlag : std::uint8_t {
  kInsured = 1u << 0,             //!< covered by unemployment insurance while employed
  kRuralHukou = 1u << 1,          //!< registered as a rural resident
  kExServiceman = 1u << 2,        //!< veteran
  kPovertyAlleviation = 1u << 3,  //!< from a household lifted out of poverty
  kDisabled = 1u << 4,
};

//! Ages at which people found businesses (start-ups, and the loans that finance them) [months].
inline constexpr std::uint16_t kFounderMinAgeMonths = 20 * 12;
inline constexpr std::uint16_t kFounderMaxAgeMonths = 55 * 12 - 1;

//! Highest completed schooling.
enum class Education : std::uint8_t {
  kPrimary = 0,          //!< primary school or less (6 years)
  kJuniorSecondary = 1,  //!< 9 years
  kSeniorSecondary = 2,  //!< senior secondary or vocational, 12 years
  kCollege = 3,          //!< college or university, about 15.5 years
};

struct WorkerStore {
  // Set at synthesis.
  std::vector<RegionId> home_region;  //!< region of registered residence (hukou)
  std::vector<float> skill;  //!< general skill [-]; grows on the job, depreciates out of work
  std::vector<std::uint8_t> flags;  //!< WorkerFlag bits
  std::vector<Education> education;

  // Change month by month.
  std::vector<std::uint16_t> age_months;  //!< age [months], 192 (16) to 719
  std::vector<RegionId> location;         //!< region where the worker lives now
  std::vector<WorkerStatus> status;       //!< inactive, unemployed, employed, farming, post
  std::vector<EmployerId> employer;       //!< kNoEmployer unless employed
  std::vector<float> wage;                //!< [yuan/month], 0 unless employed or on a post
  std::vector<float> output;   //!< value added in the current job [yuan/month], 0 unless employed
  std::vector<float> savings;  //!< [yuan]
  std::vector<float> reservation_wage;            //!< lowest acceptable net wage [yuan/month]
  std::vector<std::uint16_t> spell_months;        //!< months in the current unemployment spell
  std::vector<std::uint16_t> tenure_months;       //!< months with the current employer or post
  std::vector<std::uint8_t> benefit_months_left;  //!< remaining UI entitlement [months]

  template <class Visitor>
  void for_each_column(Visitor&& visit) {
    visit("home_region", home_region);
    visit("skill", skill);
    visit("flags", flags);
    visit("education", education);
    visit("age_months", age_months);
    visit("location", location);
    visit("status", status);
    visit("employer", employer);
    visit("wage", wage);
    visit("output", output);
    visit("savings", savings);
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
