// What each lever does, in numbers (the conformance suite checks what they all promise).
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "sim/simulation.hpp"
#include "unit/run_months.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

constexpr int kMonths = 8;

Scenario with(const std::string& lever_json, std::vector<std::string> sets = {}) {
  sets.push_back("burn_in_months=24");
  sets.push_back("policies=[" + lever_json + "]");
  return test::small_dingxi(0.01, kMonths, sets);
}

using test::run_months;

double total(const Observation& o, Variable v) { return o.total(v); }

TEST(PublicWelfarePosts, KeepsItsPostsFilledPaysEachHolderAndEndsPostsOnTime) {
  const Scenario s = with(
      R"({"type": "public_welfare_posts", "name": "posts", "posts": 20000, "wage_yuan_month": 1800,
          "max_duration_months": 3})");
  Simulation simulation(s);
  for (int m = 0; m < kMonths; ++m) {
    const Observation o = simulation.step();
    const double holders = total(o, Variable::kPublicPosts);
    // Vacant posts are rationed at random among the eligible: full in expectation.
    EXPECT_NEAR(holders, 20000, 3000) << "month " << m;
    // Every holder is paid the wage for the month; the ledger books exactly that.
    EXPECT_DOUBLE_EQ(o.at(Variable::kSpend, 0), 1800 * o.at(Variable::kBeneficiaries, 0));
    // Post holders are in the labour force, neither employed by an employer nor unemployed.
    for (std::size_t r = 0; r < o.regions(); ++r) {
      EXPECT_DOUBLE_EQ(o.at(Variable::kLaborForce, r),
                       o.at(Variable::kEmployed, r) + o.at(Variable::kFarming, r) +
                           o.at(Variable::kPublicPosts, r) + o.at(Variable::kUnemployed, r));
    }
    const WorkerStore& w = simulation.world().workers;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (w.status[i] != WorkerStatus::kPublicPost) continue;
      ASSERT_LE(w.tenure_months[i], 3) << "worker " << i;  // ended on time
      ASSERT_EQ(w.wage[i], 1800.0f);
      ASSERT_EQ(w.location[i], w.home_region[i]);
    }
  }
}

TEST(HiringSubsidy, PaysTheOneTimeAmountPerHireAndTheMonthlyAmountPerRunningJob) {
  const auto months = run_months(with(
      R"({"type": "employment_subsidy", "name": "hiring", "one_time_yuan": 1000, "monthly_yuan": 600,
          "duration_months": 4})"));
  double hires = 0;
  for (const Observation& o : months) {
    // New subsidised hires get the one-time and their first monthly payment; running jobs the
    // monthly one.
    EXPECT_DOUBLE_EQ(o.at(Variable::kSpend, 0), 1000 * o.at(Variable::kNewBeneficiaries, 0) +
                                                    600 * o.at(Variable::kBeneficiaries, 0));
    EXPECT_DOUBLE_EQ(o.at(Variable::kAttributedJobs, 0), o.at(Variable::kNewBeneficiaries, 0));
    hires += o.at(Variable::kAttributedJobs, 0);
  }
  EXPECT_GT(hires, 0);
}

TEST(TrainingSubsidy, LocksTraineesOutOfMostSearchAndRaisesSkillOnCompletion) {
  const Scenario s = with(
      R"({"type": "training_subsidy", "name": "courses", "seats_per_month": 5000, "cost_yuan": 800,
          "duration_months": 1, "skill_gain": 0.05, "search_while_enrolled": 0.25})");
  Simulation simulation(s);
  simulation.keep_audit();
  simulation.step();  // month 0: enrolments
  const WorkerStore& w = simulation.world().workers;
  struct Trainee {
    WorkerId id;
    float skill;
    std::uint16_t age;
  };
  std::vector<Trainee> enrolled;
  for (const Payment& p : simulation.ledger().audit()) {
    const WorkerId i = p.recipient.worker;
    enrolled.push_back({i, w.skill[i], w.age_months[i]});
    EXPECT_EQ(p.amount, 80000 * 100);  // 800 yuan for each of the 100 people an agent stands for
  }
  ASSERT_FALSE(enrolled.empty());
  simulation.step();  // month 1: the course; completed at the month's end
  const std::vector<float>& effort = simulation.world().effects.search_effort;
  ASSERT_FALSE(effort.empty());
  const double gain = std::exp(0.05);
  const double depreciation = 1 - s.population.skill_depreciation_monthly;
  std::size_t completed = 0;
  for (const auto& [i, skill, age] : enrolled) {
    EXPECT_FLOAT_EQ(effort[i], 0.25f) << "trainee " << i;
    // Hired (and so out of the course), or retired and replaced by a newcomer.
    if (w.status[i] != WorkerStatus::kUnemployed || w.age_months[i] != age + 1) continue;
    const double ratio = w.skill[i] / skill;
    // One month of depreciation out of work (none with an odd job), then the course's gain.
    EXPECT_TRUE(std::abs(ratio - gain * depreciation) < 1e-5 || std::abs(ratio - gain) < 1e-5)
        << "trainee " << i << ": skill ratio " << ratio;
    ++completed;
  }
  EXPECT_GT(completed, 0u);
}

TEST(UiPremiumReduction, CutsCoveredEmployersLabourCostByTheInsuredShareOfTheCut) {
  const Scenario s = with(
      R"({"type": "ui_premium_reduction", "name": "cut", "rate_cut": 0.005,
          "target": {"regions": ["Anding"]}})");
  Simulation simulation(s);
  simulation.step();
  const World& world = simulation.world();
  const std::vector<float>& relief = world.effects.employer_cost_relief;
  ASSERT_EQ(relief.size(), world.employers.size());
  std::size_t relieved = 0;
  for (std::size_t j = 0; j < relief.size(); ++j) {
    if (relief[j] == 0) continue;
    ++relieved;
    EXPECT_EQ(world.employers.region[j], 0);  // Anding only
    EXPECT_FLOAT_EQ(relief[j], static_cast<float>(0.005 * s.population.ui_coverage_share));
  }
  EXPECT_GT(relieved, 0u);
}

// The bases' demand for incoming workers is given (`migrant_jobs`), so seats change who gets
// their jobs more than how many: seat holders are hired there far more often than other
// searchers at home, and the lever counts them.
TEST(LaborTransfer, SeatHoldersAreHiredInThePartnerBasesMoreOftenThanOtherSearchers) {
  const Scenario s = with(
      R"({"type": "labor_transfer", "name": "trains", "seats_per_month": 30000,
          "destinations": ["Xinjiang", "Jiangsu"]})");
  Simulation simulation(s);
  double seat_hires = 0, seats = 0, other_hires = 0, others = 0, attributed = 0;
  for (int m = 0; m < kMonths; ++m) {
    const Observation o = simulation.step();
    attributed += o.at(Variable::kAttributedJobs, 0);
    const World& world = simulation.world();
    const WorkerStore& w = world.workers;
    const Bitmap& seat = world.effects.transfer_seat;
    ASSERT_GT(seat.size(), 0u);
    for (const Hire& hire : world.effects.hires) {
      const RegionId to = world.employers.region[hire.employer];
      const bool partner = to == 8 || to == 9;  // Xinjiang, Jiangsu
      const bool from_home = hire.from != WorkerStatus::kEmployed;
      if (!partner || !from_home || !(w.flags[hire.worker] & WorkerFlag::kRuralHukou)) continue;
      (seat.test(hire.worker) ? seat_hires : other_hires) += 1;
    }
    for (std::size_t i = 0; i < w.size(); ++i) {
      const bool searching_at_home =
          w.location[i] == w.home_region[i] && (w.flags[i] & WorkerFlag::kRuralHukou) &&
          (w.status[i] == WorkerStatus::kUnemployed || w.status[i] == WorkerStatus::kFarming);
      if (seat.test(i)) {
        seats += 1;
      } else if (searching_at_home) {
        others += 1;
      }
    }
  }
  ASSERT_GT(seats, 0);
  EXPECT_GT(seat_hires / seats, 2 * other_hires / others);
  EXPECT_DOUBLE_EQ(attributed, 100 * seat_hires);  // an agent stands for 100 people
}

// Guarantee loans relax the credit constraint of founders: with them, residents who lack the
// capital found businesses they could not otherwise, each financed founding books a loan, and
// the firms' hires count as the lever's jobs.
TEST(GuaranteeLoan, FinancesFoundersWhoLackTheCapital) {
  const std::vector<std::string> slump{
      "entrepreneurship.attempt_rate_monthly=0.05",
      R"(economy.shocks=[{"start": "2023-11", "duration_months": 14, "demand_change": -0.2}])"};
  const std::string lever =
      R"({"type": "guarantee_loan", "name": "loans", "loans_per_month": 5000, "loan_yuan": 100000)";
  const Scenario lending = with(lever + "}", slump);
  const Scenario not_lending = with(lever + R"(, "budget": {"total_yuan": 0}})", slump);
  Simulation with_loans(lending);
  Simulation without(not_lending);
  const double capital = with_loans.scenario().entrepreneurship.capital_yuan;
  std::size_t financed = 0, founded = 0, founded_without = 0;
  for (int m = 0; m < kMonths; ++m) {
    with_loans.step();
    without.step();
    for (const Founding& f : with_loans.world().effects.foundings) {
      ++founded;
      if (f.offer < 0) continue;
      ++financed;
      EXPECT_EQ(f.credit_yuan, 100000);
      // The firm starts with the founder's own means (below the capital) and the loan.
      const double cash = with_loans.world().employers.cash[f.employer];
      EXPECT_LT(cash, capital + 100000 + 1e-6);
    }
    founded_without += without.world().effects.foundings.size();
  }
  EXPECT_GT(financed, 0u);
  // Financed founders take some of the room (unserved demand, free slots) others would have
  // used, so the gain is less than the loans made, but there is one.
  EXPECT_GT(founded, founded_without) << financed << " financed";
}

TEST(JobSearchSubsidy, PaysOncePerPersonAndRaisesTheRecipientsSearchEffort) {
  const Scenario s = with(
      R"({"type": "job_search_subsidy", "name": "search", "amount_yuan": 1500,
          "take_up_monthly": 0.5, "effort_boost": 0.5, "effort_months": 2, "startup_yuan": 0})");
  Simulation simulation(s);
  simulation.keep_audit();
  std::set<std::uint32_t> paid;
  for (int m = 0; m < kMonths; ++m) {
    const Observation o = simulation.step();
    EXPECT_DOUBLE_EQ(o.at(Variable::kSpend, 0), 1500 * o.at(Variable::kNewBeneficiaries, 0));
    const std::vector<float>& effort = simulation.world().effects.search_effort;
    for (const Payment& p : simulation.ledger().audit()) {
      if (p.month != m) continue;
      EXPECT_TRUE(paid.insert(p.recipient.worker).second) << "paid twice: " << p.recipient.worker;
      // Claimed this month and still unemployed when searching: 1.5 times the effort.
      ASSERT_FALSE(effort.empty());
      EXPECT_FLOAT_EQ(effort[p.recipient.worker], 1.5f);
    }
  }
  EXPECT_GT(paid.size(), 0u);
}

TEST(GridOutreach, ReachesCoveredUnemployedTheGridsDidNotAndPaysPerContact) {
  const Scenario s = with(
      R"({"type": "grid_outreach", "name": "outreach", "contacts_per_month": 20000,
          "cost_per_contact_yuan": 50, "target": {"groups": ["hard_to_employ"]}})");
  const Scenario none = test::small_dingxi(0.01, kMonths, {"burn_in_months=24"});
  Simulation with_lever(s);
  Simulation without(none);
  // The first month starts from the same state: the grids' own contacts are drawn as without
  // the lever, and the lever adds its own, none of whom the grids reached.
  const Observation o = with_lever.step();
  without.step();
  const World& world = with_lever.world();
  std::size_t contacted = 0, baseline_contacted = 0;
  for (std::size_t i = 0; i < world.workers.size(); ++i) {
    contacted += world.contacted.test(i);
    baseline_contacted += without.world().contacted.test(i);
  }
  EXPECT_EQ(contacted * 100, baseline_contacted * 100 + o.at(Variable::kBeneficiaries, 0));
  // Capacity is spread by population: where fewer are eligible, all of them are reached.
  EXPECT_GT(o.at(Variable::kBeneficiaries, 0), 10000);
  EXPECT_LE(o.at(Variable::kBeneficiaries, 0), std::min(23000.0, o.at(Variable::kEligible, 0)));
  EXPECT_DOUBLE_EQ(o.at(Variable::kSpend, 0), 50 * o.at(Variable::kBeneficiaries, 0));
}

TEST(WageArrearsEnforcement, InspectsTheLargestDebtsAndPaysWorkersBack) {
  const std::vector<std::string> slump{
      R"(economy.shocks=[{"start": "2023-11", "duration_months": 14, "demand_change": -0.2}])"};
  const std::string lever =
      R"({"type": "wage_arrears_enforcement", "name": "inspections", "inspections_per_month": 500,
          "cost_per_inspection_yuan": 2000, "recovery_share": 1, "guarantee_share": 1,
          "target": {"regions": ["Anding", "Tongwei", "Longxi", "Weiyuan", "Lintao", "Zhangxian",
                     "Minxian", "Lanzhou", "Xinjiang", "Jiangsu", "Zhejiang", "Beijing",
                     "Shanghai", "Guangdong", "Fujian", "Shandong", "Qingdao"]})";
  const Scenario enforcing = with(lever + "}", slump);
  const Scenario idle = with(lever + R"(, "budget": {"total_yuan": 0}})", slump);
  const auto with_lever = run_months(enforcing);
  const auto without = run_months(idle);
  double owed = 0, owed_without = 0, paid_back = 0;
  for (int m = 0; m < kMonths; ++m) {
    owed += with_lever[m].total(Variable::kWageArrears);
    owed_without += without[m].total(Variable::kWageArrears);
    paid_back += with_lever[m].at(Variable::kBeneficiaries, 0);
  }
  EXPECT_GT(owed_without, 0);
  EXPECT_LT(owed, 0.5 * owed_without);  // the guarantee system pays what cash cannot
  EXPECT_GT(paid_back, 0);
}

}  // namespace
}  // namespace laborsim
