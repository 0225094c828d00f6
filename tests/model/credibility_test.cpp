// Does the model behave like a labour market? Regularities from the literature
// (../shared/notes/calibration-facts.md), estimated on ten simulated years of Dingxi with a
// stronger business cycle and two regional slumps (tests/data/credibility.json).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "model/ols.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace laborsim {
namespace {

//! Unemployed workers by spell-length bucket, and how many of them were hired the next month.
struct SpellHazard {
  static constexpr int kBuckets = 4;  // spells 0-2, 3-5, 6-11, 12+ months
  static int bucket(int spell) { return spell < 3 ? 0 : spell < 6 ? 1 : spell < 12 ? 2 : 3; }
  std::array<double, kBuckets> at_risk{};
  std::array<double, kBuckets> hired{};
  double rate(int b) const { return hired[b] / at_risk[b]; }
};

struct SimulatedData {
  std::vector<Observation> months;
  std::vector<RegionNode> regions;
  SpellHazard hazard;
  std::vector<std::uint32_t> final_workforce;
};

const SimulatedData& data() {
  static const SimulatedData simulated = [] {
    const Scenario scenario =
        load_scenario(std::string(LABORSIM_SOURCE_DIR) + "/tests/data/credibility.json");
    Simulation simulation(scenario);
    SimulatedData d;
    d.regions = simulation.world().graph.nodes();
    for (int t = 0; t < scenario.months; ++t) {
      const WorkerStore& before = simulation.world().workers;
      std::vector<std::int16_t> spell(before.size(), -1);
      for (std::size_t i = 0; i < before.size(); ++i) {
        if (before.status[i] == WorkerStatus::kUnemployed)
          spell[i] = static_cast<std::int16_t>(std::min<int>(before.spell_months[i], 999));
      }
      d.months.push_back(simulation.step());
      const WorkerStore& after = simulation.world().workers;
      for (std::size_t i = 0; i < after.size(); ++i) {
        if (spell[i] < 0) continue;
        const int b = SpellHazard::bucket(spell[i]);
        d.hazard.at_risk[b] += 1;
        d.hazard.hired[b] += after.status[i] == WorkerStatus::kEmployed;
      }
    }
    d.final_workforce = simulation.world().employers.workforce;
    return d;
  }();
  return simulated;
}

// Regressors for month t: `row` followed by dummies for February to December. The scenario starts
// in January and has seasons (the labour bases' Spring Festival lull, seasonal stints), which
// the estimates take out as empirical work on monthly data does.
std::vector<double> with_month_dummies(std::vector<double> row, std::size_t t) {
  for (std::size_t m = 1; m < 12; ++m) row.push_back(t % 12 == m ? 1.0 : 0.0);
  return row;
}

double vacancy_rate(const Observation& o) {
  return o.total(Variable::kVacancies) /
         (o.total(Variable::kEmployed) + o.total(Variable::kVacancies));
}
double unemployment_rate(const Observation& o) {
  return o.total(Variable::kUnemployed) / o.total(Variable::kLaborForce);
}

// Beveridge curve: vacancies and unemployment move in opposite directions.
TEST(Credibility, BeveridgeCurveSlopesDown) {
  const auto& months = data().months;
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (std::size_t t = 0; t < months.size(); ++t) {
    x.push_back(with_month_dummies({1.0, std::log(unemployment_rate(months[t]))}, t));
    y.push_back(std::log(vacancy_rate(months[t])));
  }
  const double slope = test::ols(x, y)[1];
  EXPECT_LT(slope, -0.2) << "log vacancy rate on log unemployment rate";
}

// The matching function is not imposed, but the month's hires out of non-employment regressed
// on the non-employed searching in it and the month's vacancies look like the Cobb-Douglas of
// Petrongolo & Pissarides (2001). The non-employed searchers are the unemployed (after the
// month's job losses, before matching) and the farmers looking for non-farm work, who compete
// for the same vacancies. Other specifications are in docs/MODEL.md.
TEST(Credibility, EmergentMatchingFunctionHasPlausibleElasticities) {
  const auto& months = data().months;
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (std::size_t t = 1; t < months.size(); ++t) {
    const Observation& o = months[t];
    const double searchers = o.total(Variable::kJobSeekers) + o.total(Variable::kFarmersLooking);
    x.push_back(
        with_month_dummies({1.0, std::log(searchers), std::log(o.total(Variable::kVacancies))}, t));
    y.push_back(std::log(o.total(Variable::kJobFinders) + o.total(Variable::kFarmersHired)));
  }
  const auto b = test::ols(x, y);
  EXPECT_GE(b[1], 0.3) << "unemployment elasticity";
  EXPECT_LE(b[1], 0.8) << "unemployment elasticity";
  EXPECT_GE(b[1] + b[2], 0.8) << "returns to scale; vacancy elasticity " << b[2];
  EXPECT_LE(b[1] + b[2], 1.2) << "returns to scale; vacancy elasticity " << b[2];
}

// Monthly flow rates in plausible ranges (separation 1-4 %, job finding 15-60 %), and the mean
// unemployment rate of the employed and unemployed near the flow steady state s / (s + f) of the
// mean rates.
TEST(Credibility, FlowRatesArePlausibleAndUnemploymentMatchesThem) {
  const auto& months = data().months;
  double separation = 0, finding = 0, unemployment = 0;
  for (std::size_t t = 1; t < months.size(); ++t) {
    // Flows between employment and unemployment: job-to-job moves are in neither, nor are the
    // stints that end in farm work at home.
    const double into_unemployment = months[t].total(Variable::kSeparations) -
                                     months[t].total(Variable::kJobToJobMoves) -
                                     months[t].total(Variable::kStintEnds);
    separation += into_unemployment / months[t - 1].total(Variable::kEmployed);
    finding += months[t].total(Variable::kJobFinders) / months[t - 1].total(Variable::kUnemployed);
    // The flow identity holds between employment and unemployment: farmers, who move between
    // farm and job but seldom through unemployment, are left out of the rate here.
    const double unemployed = months[t].total(Variable::kUnemployed);
    unemployment += unemployed / (months[t].total(Variable::kEmployed) + unemployed);
  }
  const double n = static_cast<double>(months.size() - 1);
  const double s = separation / n, f = finding / n, u = unemployment / n;
  EXPECT_GT(s, 0.01);
  EXPECT_LT(s, 0.04);
  EXPECT_GT(f, 0.15);
  EXPECT_LT(f, 0.6);
  EXPECT_NEAR(u, s / (s + f), 0.01) << "s " << s << ", f " << f;
}

// Job-finding falls with spell length (Kroft, Lange & Notowidigdo 2013).
TEST(Credibility, JobFindingFallsWithSpellLength) {
  const SpellHazard& h = data().hazard;
  for (int b = 0; b < SpellHazard::kBuckets; ++b) ASSERT_GT(h.at_risk[b], 1000) << "bucket " << b;
  const std::string rates = std::to_string(h.rate(0)) + " " + std::to_string(h.rate(1)) + " " +
                            std::to_string(h.rate(2)) + " " + std::to_string(h.rate(3));
  EXPECT_GT(h.rate(0), h.rate(2)) << "0-2 months vs 6-11: " << rates;
  EXPECT_GT(h.rate(1), h.rate(3)) << "3-5 months vs 12+: " << rates;
}

// Firm sizes: share of firms larger than s falls like 1/s (Axtell 2001); a Hill estimate of the
// tail exponent over the largest 5 % of employers.
TEST(Credibility, FirmSizeTailIsRoughlyZipf) {
  std::vector<double> sizes;
  for (std::uint32_t size : data().final_workforce) {
    if (size > 0) sizes.push_back(size);
  }
  std::sort(sizes.begin(), sizes.end(), std::greater<>());
  const std::size_t k = sizes.size() / 20;
  double sum = 0;
  for (std::size_t i = 0; i < k; ++i) sum += std::log(sizes[i] / sizes[k]);
  const double exponent = static_cast<double>(k) / sum;
  EXPECT_GE(exponent, 0.7);
  EXPECT_LE(exponent, 1.5);
}

}  // namespace
}  // namespace laborsim
