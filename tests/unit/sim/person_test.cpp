// Who people are: drawn traits, skill profile, key-group membership.
#include "sim/synthesis/person.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "agents/key_groups.hpp"
#include "sim/synthesis/synthesize.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

TEST(Person, SkillGrowthFallsLinearlyToZeroAt60) {
  const Scenario s = test::toy_scenario();
  const PopulationSpec& p = s.population;
  EXPECT_DOUBLE_EQ(skill_growth_at(p, kWorkingAgeStartMonths), p.skill_growth_monthly);
  EXPECT_DOUBLE_EQ(skill_growth_at(p, 38 * 12), p.skill_growth_monthly / 2);
  EXPECT_DOUBLE_EQ(skill_growth_at(p, kWorkingAgeEndMonths), 0);
  // The closed form equals the month-by-month sum of the growth profile.
  double sum = 0;
  for (int age = kWorkingAgeStartMonths; age < 45 * 12; ++age) {
    sum += skill_growth_at(p, static_cast<std::uint16_t>(age));
  }
  EXPECT_NEAR(experience_log_skill(p, 45 * 12), sum, 1e-12);
}

TEST(Person, DrawsMatchTheScenarioShares) {
  const Scenario s = test::small_dingxi(0.05, 1);
  const double norm = skill_normalization(s.population);
  std::array<double, 4> education{};
  double rural = 0, poor = 0, newcomers = 0, skill = 0, age = 0;
  const int n = 40000;
  for (int i = 0; i < n; ++i) {
    RandomStream rng(s.seed, RandomPurpose::kSynthesisWorker, static_cast<std::uint32_t>(i), 0);
    const Person person = draw_person(rng, s, /*home=*/1, false, norm);  // Tongwei, 25 % urban
    education[static_cast<std::size_t>(person.education)] += 1.0 / n;
    rural += (person.flags & WorkerFlag::kRuralHukou) != 0;
    poor += (person.flags & WorkerFlag::kPovertyAlleviation) != 0;
    EXPECT_TRUE(!(person.flags & WorkerFlag::kPovertyAlleviation) ||
                (person.flags & WorkerFlag::kRuralHukou));
    skill += person.skill;
    age += person.age_months;
    newcomers += person.age_months == kWorkingAgeStartMonths;
  }
  for (std::size_t e = 0; e < 4; ++e)
    EXPECT_NEAR(education[e], s.population.education_shares[e], 0.01);
  EXPECT_NEAR(rural / n, 0.75, 0.01);
  EXPECT_NEAR(poor / rural, 0.45, 0.015);
  EXPECT_NEAR(skill / n, 1.0, 0.02);                // normalised to mean 1
  EXPECT_NEAR(age / n / 12, (16 + 60) / 2.0, 0.3);  // uniform over 16-59
  EXPECT_LT(newcomers, n / 100);
  RandomStream rng(s.seed, RandomPurpose::kDemography, 1, 1);
  EXPECT_EQ(draw_person(rng, s, 1, true, norm).age_months, kWorkingAgeStartMonths);
}

TEST(Person, SchoolingAndExperienceRaiseSkill) {
  const Scenario s = test::small_dingxi(0.05, 1);
  const double norm = skill_normalization(s.population);
  std::array<double, 4> by_education{}, count{};
  double young = 0, old = 0, young_n = 0, old_n = 0;
  for (int i = 0; i < 40000; ++i) {
    RandomStream rng(s.seed, RandomPurpose::kSynthesisWorker, static_cast<std::uint32_t>(i), 0);
    const Person p = draw_person(rng, s, 0, false, norm);
    by_education[static_cast<std::size_t>(p.education)] += std::log(p.skill);
    count[static_cast<std::size_t>(p.education)] += 1;
    if (p.age_months < 25 * 12) young += std::log(p.skill), ++young_n;
    if (p.age_months >= 50 * 12) old += std::log(p.skill), ++old_n;
  }
  // College (15.5 years) over primary (6 years) at 8 % a year: about 0.76 log points.
  EXPECT_NEAR(by_education[3] / count[3] - by_education[0] / count[0], 0.08 * 9.5, 0.03);
  EXPECT_GT(old / old_n - young / young_n, 0.3);
}

TEST(KeyGroups, MembershipFollowsTraitsAgeEducationAndSpell) {
  WorkerStore w;
  w.resize(4);
  w.flags = {WorkerFlag::kRuralHukou | WorkerFlag::kPovertyAlleviation, 0,
             WorkerFlag::kExServiceman, WorkerFlag::kRuralHukou | WorkerFlag::kDisabled};
  w.education = {Education::kJuniorSecondary, Education::kCollege, Education::kCollege,
                 Education::kPrimary};
  w.age_months = {30 * 12, 23 * 12, 26 * 12, 20 * 12};
  w.status = {WorkerStatus::kUnemployed, WorkerStatus::kEmployed, WorkerStatus::kUnemployed,
              WorkerStatus::kEmployed};
  w.spell_months = {12, 0, 3, 0};
  auto has = [&](std::size_t i, KeyGroup g) { return (key_groups(w, i) & group_bit(g)) != 0; };
  EXPECT_TRUE(has(0, KeyGroup::kRuralMigrantWorker));
  EXPECT_TRUE(has(0, KeyGroup::kLiftedOutOfPoverty));
  EXPECT_TRUE(has(0, KeyGroup::kHardToEmploy));  // a 12-month spell
  EXPECT_FALSE(has(0, KeyGroup::kUrbanResident));
  EXPECT_TRUE(has(1, KeyGroup::kUrbanResident));
  EXPECT_TRUE(has(1, KeyGroup::kCollegeGraduate));   // 23 with a degree
  EXPECT_FALSE(has(2, KeyGroup::kCollegeGraduate));  // 26: no longer a recent graduate
  EXPECT_TRUE(has(2, KeyGroup::kExServiceman));
  EXPECT_FALSE(has(2, KeyGroup::kHardToEmploy));
  EXPECT_TRUE(has(3, KeyGroup::kHardToEmploy));  // disabled
  w.age_months[2] = 45 * 12;
  EXPECT_TRUE(has(2, KeyGroup::kHardToEmploy));  // 45 and over
}

}  // namespace
}  // namespace laborsim
