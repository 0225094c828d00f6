#pragma once
// Who a person is: education, hukou and other traits, age and skill. Drawn for every resident at
// synthesis and for each 16-year-old who replaces a resident reaching 60 (sim/phases/
// labor_flows.cpp), so both follow one definition.
#include <cstdint>

#include "agents/random_stream.hpp"
#include "agents/worker_store.hpp"
#include "sim/scenario/scenario.hpp"

namespace laborsim {

inline constexpr std::uint16_t kWorkingAgeStartMonths = 16 * 12;
inline constexpr std::uint16_t kWorkingAgeEndMonths = 60 * 12;  //!< first month of age 60

struct Person {
  Education education = Education::kPrimary;
  std::uint8_t flags = 0;  //!< WorkerFlag bits
  std::uint16_t age_months = kWorkingAgeStartMonths;
  float skill = 1;
};

//! Monthly on-the-job skill growth at an age: skill_growth_monthly at 16, falling linearly to
//! zero at 60 (a concave experience profile).
double skill_growth_at(const PopulationSpec& spec, std::uint16_t age_months);

//! Log skill gained by working every month from 16 to `age_months`.
double experience_log_skill(const PopulationSpec& spec, std::uint16_t age_months);

//! Divides raw skills so that the synthesised working-age population has mean skill 1.
double skill_normalization(const PopulationSpec& spec);

//! Reservation wage of someone entering the labour market without a lost wage to anchor on:
//! initial_reservation_ratio x what the home region's average employer pays their skill.
inline float entrant_reservation_wage(const Scenario& s, RegionId home, float skill) {
  return static_cast<float>(s.search.initial_reservation_ratio *
                            s.regions[home].mean_wage_yuan_month * skill);
}

//! Reservation wage of a farmer: a non-farm job must pay, net of the extra cost of living where
//! it is, more than the farm (and no less than the reservation-wage floor).
inline float farmer_reservation_wage(const Scenario& s) {
  return static_cast<float>(
      std::max(s.search.reservation_wage_floor_yuan_month, s.farming.income_yuan_month));
}

//! Draws a resident of `home`. `age_months` is drawn uniformly over 16-59 unless `newcomer`,
//! when it is 16 exactly. Consumes draws from `rng` in a fixed order.
Person draw_person(RandomStream& rng, const Scenario& scenario, RegionId home, bool newcomer,
                   double normalization);

}  // namespace laborsim
