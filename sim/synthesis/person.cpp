#include "sim/synthesis/person.hpp"

#include <array>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

namespace laborsim {
namespace {

// Years of schooling by level (primary, junior secondary, senior secondary, college).
constexpr std::array<double, 4> kSchoolingYears{6, 9, 12, 15.5};
constexpr double kWorkingAgeMonths = kWorkingAgeEndMonths - kWorkingAgeStartMonths;

double mean_schooling(const PopulationSpec& spec) {
  double years = 0;
  for (std::size_t e = 0; e < 4; ++e) years += spec.education_shares[e] * kSchoolingYears[e];
  return years;
}

}  // namespace

double skill_growth_at(const PopulationSpec& spec, std::uint16_t age_months) {
  const double left = std::max(0.0, kWorkingAgeEndMonths - static_cast<double>(age_months));
  return spec.skill_growth_monthly * left / kWorkingAgeMonths;
}

double experience_log_skill(const PopulationSpec& spec, std::uint16_t age_months) {
  // Sum of the linear growth profile over n months since 16: g (n - n(n-1) / (2 M)).
  const double n = std::max(0.0, static_cast<double>(age_months) - kWorkingAgeStartMonths);
  return spec.skill_growth_monthly * (n - n * (n - 1) / (2 * kWorkingAgeMonths));
}

double skill_normalization(const PopulationSpec& spec) {
  const double mean_years = mean_schooling(spec);
  double schooling = 0;
  for (std::size_t e = 0; e < 4; ++e) {
    schooling += spec.education_shares[e] *
                 std::exp(spec.returns_to_schooling * (kSchoolingYears[e] - mean_years));
  }
  double experience = 0;
  for (int age = kWorkingAgeStartMonths; age < kWorkingAgeEndMonths; ++age) {
    experience += std::exp(experience_log_skill(spec, static_cast<std::uint16_t>(age)));
  }
  return schooling * experience / kWorkingAgeMonths;
}

Person draw_person(RandomStream& rng, const Scenario& scenario, RegionId home, bool newcomer,
                   double normalization) {
  const PopulationSpec& spec = scenario.population;
  Person person;
  const double u_education = rng.uniform();
  double cumulative = 0;
  int level = 0;
  for (; level < 3; ++level) {
    cumulative += spec.education_shares[static_cast<std::size_t>(level)];
    if (u_education < cumulative) break;
  }
  person.education = static_cast<Education>(level);
  person.age_months =
      newcomer
          ? kWorkingAgeStartMonths
          : static_cast<std::uint16_t>(kWorkingAgeStartMonths +
                                       rng.below(static_cast<std::uint32_t>(kWorkingAgeMonths)));
  const bool rural = !rng.bernoulli(scenario.regions[home].urban_hukou_share);
  if (rng.bernoulli(spec.ui_coverage_share)) person.flags |= WorkerFlag::kInsured;
  if (rural) person.flags |= WorkerFlag::kRuralHukou;
  if (rng.bernoulli(spec.ex_serviceman_share)) person.flags |= WorkerFlag::kExServiceman;
  // Evaluated for everyone (a fixed number of draws); applies to rural residents only.
  if (rng.bernoulli(spec.poverty_alleviation_share) && rural) {
    person.flags |= WorkerFlag::kPovertyAlleviation;
  }
  if (rng.bernoulli(spec.disability_share)) person.flags |= WorkerFlag::kDisabled;
  boost::random::normal_distribution<double> normal;
  const double sigma = spec.skill_sigma;
  const double log_skill =
      sigma * normal(rng) - sigma * sigma / 2 +
      spec.returns_to_schooling *
          (kSchoolingYears[static_cast<std::size_t>(level)] - mean_schooling(spec)) +
      experience_log_skill(spec, person.age_months);
  person.skill = static_cast<float>(std::exp(log_skill) / normalization);
  return person;
}

}  // namespace laborsim
