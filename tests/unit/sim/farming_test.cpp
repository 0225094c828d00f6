// Farm households and circular migration: stints in the labour bases end with the calendar,
// rural migrants go home to farm, farmers look for non-farm work in the season (once a year),
// rural unemployed at home take up farming, and farmers are counted apart from the employed and
// the unemployed.
#include <gtest/gtest.h>

#include "sim/phases/phases.hpp"
#include "sim/synthesis/person.hpp"
#include "unit/hand_world.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

constexpr std::size_t kPeople = 1000;

// `sets` come after the farming defaults of these tests: no separations, no exits, farms on.
Scenario farming_scenario(std::vector<std::string> sets = {}) {
  std::vector<std::string> all{"employers.separation_rate_monthly=0",
                               "population.labor_force_exit_rate_monthly=0", "farming.enabled=true",
                               "farming.income_yuan_month=1500"};
  all.insert(all.end(), sets.begin(), sets.end());
  return test::toy_scenario(all);
}

std::string every_month(const std::string& key, double p) {
  std::string list = key + "=[";
  for (int m = 0; m < 12; ++m) list += (m ? "," : "") + std::to_string(p);
  return list + "]";
}

// kPeople workers employed by one employer in the labour base (region 1); the first half rural.
World migrants_at_the_base(const Scenario& s) {
  std::vector<test::HandWorker> workers(kPeople, {1, 1.0f, 0, 0, WorkerStatus::kEmployed});
  World world = test::hand_world(s, workers, {{1, 5000, 0}});
  WorkerStore& w = world.workers;
  for (std::size_t i = 0; i < kPeople; ++i) {
    w.employer[i] = 0;
    w.wage[i] = 5000;
    w.tenure_months[i] = 7;
    if (i < kPeople / 2) w.flags[i] = WorkerFlag::kRuralHukou;
  }
  world.employers.workforce = {static_cast<std::uint32_t>(kPeople)};
  return world;
}

std::size_t count_status(const World& world, WorkerStatus status) {
  return static_cast<std::size_t>(
      std::count(world.workers.status.begin(), world.workers.status.end(), status));
}

TEST(Farming, AStintThatEndsSendsARuralMigrantHomeToFarm) {
  const Scenario s = farming_scenario({every_month("farming.stint_end_monthly", 1)});
  World world = migrants_at_the_base(s);
  run_labor_flows(world);
  const WorkerStore& w = world.workers;
  for (std::size_t i = 0; i < kPeople / 2; ++i) {
    ASSERT_EQ(w.status[i], WorkerStatus::kFarming) << i;
    EXPECT_EQ(w.location[i], 0);
    EXPECT_EQ(w.employer[i], kNoEmployer);
    EXPECT_EQ(w.wage[i], 0);
    EXPECT_EQ(w.tenure_months[i], 0);
    EXPECT_FLOAT_EQ(w.reservation_wage[i], 1500);  // the farm's income, above the 1200 floor
  }
  // Urban-hukou migrants have no farm to go back to: their stints do not end with the season.
  for (std::size_t i = kPeople / 2; i < kPeople; ++i) {
    ASSERT_EQ(w.status[i], WorkerStatus::kEmployed) << i;
  }
  EXPECT_EQ(world.employers.workforce[0], kPeople / 2);
  EXPECT_EQ(world.employers.separations[0], kPeople / 2);
  EXPECT_EQ(world.stint_ends[1], kPeople / 2);
  EXPECT_EQ(world.moves[1 * 2 + 0], kPeople / 2);  // Base -> Home
}

TEST(Farming, WithoutFarmsAMigrantWhoseStintEndsSearchesAtHome) {
  const Scenario s =
      farming_scenario({"farming.enabled=false", every_month("farming.stint_end_monthly", 1)});
  World world = migrants_at_the_base(s);
  run_labor_flows(world);
  EXPECT_EQ(count_status(world, WorkerStatus::kFarming), 0u);
  EXPECT_EQ(count_status(world, WorkerStatus::kUnemployed), kPeople / 2);
  EXPECT_EQ(world.workers.location[0], 0);
  EXPECT_FLOAT_EQ(world.workers.reservation_wage[0],
                  static_cast<float>(s.search.reservation_ratio_after_job_loss * 5000));
}

TEST(Farming, StintsEndAtTheRateOfTheCalendarMonth) {
  const Scenario s = farming_scenario({"farming.stint_end_monthly=[0.4,0,0,0,0,0,0,0,0,0,0,0]"});
  World january = migrants_at_the_base(s);
  run_labor_flows(january);  // the toy starts in January 2024
  const double ended = static_cast<double>(count_status(january, WorkerStatus::kFarming));
  EXPECT_NEAR(ended / (kPeople / 2), 0.4, 0.07);  // 3.2 standard deviations
  World february = migrants_at_the_base(s);
  february.month = 1;
  run_labor_flows(february);
  EXPECT_EQ(count_status(february, WorkerStatus::kFarming), 0u);
}

World farmers_at_home(const Scenario& s, int month, bool away_this_year) {
  std::vector<test::HandWorker> workers(kPeople, {0, 1.0f, 1500, 0, WorkerStatus::kFarming});
  World world = test::hand_world(s, workers, {{1, 5000, 0}});
  for (std::size_t i = 0; i < kPeople; ++i) {
    world.workers.flags[i] = WorkerFlag::kRuralHukou;
    if (away_this_year) world.away_this_year.set(i);
  }
  world.month = month;
  run_labor_flows(world);
  return world;
}

std::size_t looking(const World& world) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < world.workers.size(); ++i) n += world.searching_on_the_job.test(i);
  return n;
}

TEST(Farming, FarmersLookForWorkInTheSeasonOnceAYear) {
  const Scenario s = farming_scenario({"farming.search_monthly=[0.1,0.5,0,0,0,0,0,0,0,0,0,0]"});
  const World february = farmers_at_home(s, 1, false);
  EXPECT_NEAR(static_cast<double>(looking(february)) / kPeople, 0.5, 0.05);
  EXPECT_EQ(count_status(february, WorkerStatus::kFarming), kPeople);  // looking, still farming
  EXPECT_EQ(looking(farmers_at_home(s, 2, false)), 0u);                // March: not the season
  // Back from a stint this year: the season is over for them.
  EXPECT_EQ(looking(farmers_at_home(s, 1, true)), 0u);
  // In January the bits are last year's: everyone may look.
  EXPECT_NEAR(static_cast<double>(looking(farmers_at_home(s, 0, true))) / kPeople, 0.1, 0.03);
}

TEST(Farming, RuralUnemployedAtHomeWithoutBenefitsTakeUpFarming) {
  const Scenario s = farming_scenario({"farming.take_up_monthly=0.3"});
  // Four groups of 250: rural at home; rural at home on benefits; urban at home; rural away.
  std::vector<test::HandWorker> workers(kPeople, {0, 1.0f, 2000, 3, WorkerStatus::kUnemployed});
  for (std::size_t i = 750; i < kPeople; ++i) workers[i].location = 1;
  World world = test::hand_world(s, workers, {{1, 5000, 0}});
  WorkerStore& w = world.workers;
  for (std::size_t i = 0; i < kPeople; ++i) {
    if (i < 500 || i >= 750) w.flags[i] = WorkerFlag::kRuralHukou;
    if (i >= 250 && i < 500) w.benefit_months_left[i] = 3;
  }
  run_labor_flows(world);
  std::array<std::size_t, 4> farming{};
  for (std::size_t i = 0; i < kPeople; ++i) {
    farming[i / 250] += w.status[i] == WorkerStatus::kFarming;
    if (w.status[i] == WorkerStatus::kFarming) {
      EXPECT_EQ(w.spell_months[i], 0);
      EXPECT_FLOAT_EQ(w.reservation_wage[i], 1500);
    }
  }
  EXPECT_NEAR(static_cast<double>(farming[0]) / 250, 0.3, 0.09);
  EXPECT_EQ(farming[1], 0u);
  EXPECT_EQ(farming[2], 0u);
  EXPECT_EQ(farming[3], 0u);
}

TEST(Farming, ALookingFarmerWhoIsHiredIsCountedAsAFarmerHired) {
  const Scenario s = farming_scenario({"search.applications_per_month=20"});
  World world = test::hand_world(
      s, {{0, 1.0f, 1500, 0, WorkerStatus::kFarming}, {0, 1.0f, 1500, 0, WorkerStatus::kFarming}},
      {{1, 5000, 2}});
  world.workers.flags = {WorkerFlag::kRuralHukou, WorkerFlag::kRuralHukou};
  world.searching_on_the_job.set(0);  // only the first is looking
  send_applications(world);
  match_and_hire(world);
  const WorkerStore& w = world.workers;
  EXPECT_EQ(w.status[0], WorkerStatus::kEmployed);
  EXPECT_EQ(w.location[0], 1);
  EXPECT_EQ(w.status[1], WorkerStatus::kFarming);
  EXPECT_EQ(world.farmers_hired[0], 1u);
  EXPECT_EQ(world.job_finders[0], 0u);  // not out of unemployment
  EXPECT_EQ(world.matching.seekers_by_location[0], 0u);
  EXPECT_EQ(world.matching.farmers_looking[0], 1u);
}

TEST(Farming, FarmersEarnTheFarmIncomeAndKeepTheirSkill) {
  const Scenario s = farming_scenario();
  World world = test::hand_world(s, {{0, 1.2f, 1500, 0, WorkerStatus::kFarming}}, {{0, 3000, 0}});
  WorkerStore& w = world.workers;
  w.savings[0] = 1000;
  const std::vector<double> benefits = settle_incomes(world);
  // Savings: rate x (farm income - living cost at home).
  EXPECT_FLOAT_EQ(w.savings[0], static_cast<float>(1000 + s.population.saving_rate * (1500 - 800)));
  EXPECT_FLOAT_EQ(w.skill[0], 1.2f);
  EXPECT_EQ(w.spell_months[0], 0);
  EXPECT_FLOAT_EQ(w.reservation_wage[0], 1500);
  EXPECT_EQ(benefits, (std::vector<double>{0, 0}));
}

TEST(Farming, FarmersAreInTheLaborForceButNeitherEmployedNorUnemployed) {
  const Scenario s = farming_scenario();
  World world = test::hand_world(s,
                                 {{0, 1.0f, 1500, 0, WorkerStatus::kFarming},
                                  {0, 1.0f, 1500, 0, WorkerStatus::kFarming},
                                  {0, 1.0f, 1500, 0, WorkerStatus::kUnemployed}},
                                 {{0, 3000, 0}});
  world.workers.flags = {WorkerFlag::kRuralHukou, WorkerFlag::kRuralHukou, 0};
  test::prepare_observation(world);
  world.stint_ends = {0, 4};
  const Observation o = observe(world, std::vector<double>(world.graph.size(), 0.0));
  const double weight = s.agent_weight();
  EXPECT_DOUBLE_EQ(o.at(Variable::kFarming, 0), 2 * weight);
  EXPECT_DOUBLE_EQ(o.at(Variable::kLaborForce, 0), 3 * weight);
  EXPECT_DOUBLE_EQ(o.at(Variable::kEmployed, 0), 0);
  EXPECT_DOUBLE_EQ(o.at(Variable::kUnemployed, 0), 1 * weight);
  EXPECT_DOUBLE_EQ(o.at(Variable::kStintEnds, 1), 4 * weight);
  const auto rural = static_cast<std::size_t>(KeyGroup::kRuralMigrantWorker);
  EXPECT_DOUBLE_EQ(o.at(Variable::kGroupFarming, rural), 2 * weight);
  EXPECT_DOUBLE_EQ(o.at(Variable::kGroupLaborForce, rural), 2 * weight);
  EXPECT_DOUBLE_EQ(o.at(Variable::kGroupEmployed, rural), 0);
}

}  // namespace
}  // namespace laborsim
