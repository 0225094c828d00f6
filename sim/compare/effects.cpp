#include "sim/compare/effects.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace laborsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double wage_bill(const Observation& o) {
  double bill = 0;
  for (std::size_t r = 0; r < o.regions(); ++r) {
    bill += o.at(Variable::kMeanWage, r) * o.at(Variable::kEmployed, r);
  }
  return bill;
}

double unemployment_rate(const Observation& o) {
  const double labor_force = o.total(Variable::kLaborForce);
  return labor_force > 0 ? o.total(Variable::kUnemployed) / labor_force : 0.0;
}

double group_rate(const Observation& o, std::size_t g) {
  const double labor_force = o.at(Variable::kGroupLaborForce, g);
  return labor_force > 0 ? o.at(Variable::kGroupUnemployed, g) / labor_force : 0.0;
}

// A signed number to read at a glance: whole numbers with thousands separators from 100 up,
// three significant digits below.
std::string signed_number(double value) {
  if (std::isnan(value)) return "n/a";
  char text[64];
  if (std::abs(value) < 100) {
    std::snprintf(text, sizeof text, "%+.3g", value);
    return text;
  }
  std::snprintf(text, sizeof text, "%.0f", std::abs(value));
  std::string digits = text;
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return (value < 0 ? "-" : "+") + digits;
}

}  // namespace

ReplicateEffects effects_of(const Trajectory& arm, const Trajectory& reference) {
  if (arm.months.size() != reference.months.size()) {
    throw std::invalid_argument("effects: the arm and the reference cover different months");
  }
  ReplicateEffects e;
  auto& s = e.statistic;
  const auto at = [&s](Effect effect) -> double& { return s[static_cast<std::size_t>(effect)]; };
  const double months = static_cast<double>(arm.months.size());
  double employed_months = 0;
  for (std::size_t t = 0; t < arm.months.size(); ++t) {
    const Observation& a = arm.months[t];
    const Observation& b = reference.months[t];
    const double employed = a.total(Variable::kEmployed) - b.total(Variable::kEmployed);
    employed_months += employed;
    at(Effect::kUnemployed) += a.total(Variable::kUnemployed) - b.total(Variable::kUnemployed);
    at(Effect::kFarming) += a.total(Variable::kFarming) - b.total(Variable::kFarming);
    const double posts = a.total(Variable::kPublicPosts) - b.total(Variable::kPublicPosts);
    at(Effect::kPublicPosts) += posts;
    at(Effect::kJobYears) += (employed + posts) / 12;
    at(Effect::kUnemploymentRate) += 100 * (unemployment_rate(a) - unemployment_rate(b));
    at(Effect::kWageIncome) += wage_bill(a) - wage_bill(b);
    at(Effect::kValueAdded) += a.total(Variable::kValueAdded) - b.total(Variable::kValueAdded);
    at(Effect::kBenefitsPaid) +=
        a.total(Variable::kBenefitsPaid) - b.total(Variable::kBenefitsPaid);
    at(Effect::kSpend) += a.total(Variable::kSpend) - b.total(Variable::kSpend);
    for (std::size_t g = 0; g < kKeyGroupCount; ++g) {
      e.group_employed[g] +=
          (a.at(Variable::kGroupEmployed, g) - b.at(Variable::kGroupEmployed, g)) / months;
      e.group_unemployment_rate[g] += 100 * (group_rate(a, g) - group_rate(b, g)) / months;
    }
  }
  at(Effect::kEmployed) = employed_months / months;
  at(Effect::kUnemployed) /= months;
  at(Effect::kFarming) /= months;
  at(Effect::kPublicPosts) /= months;
  at(Effect::kUnemploymentRate) /= months;
  at(Effect::kNetFiscalCost) = at(Effect::kSpend) + at(Effect::kBenefitsPaid);
  at(Effect::kCostPerJobYear) =
      at(Effect::kJobYears) > 0 ? at(Effect::kSpend) / at(Effect::kJobYears) : kNaN;
  return e;
}

Interval summarize(const std::vector<double>& values) {
  Interval interval{kNaN, kNaN, kNaN};
  if (values.empty()) return interval;
  const double n = static_cast<double>(values.size());
  double sum = 0;
  for (double v : values) sum += v;
  interval.mean = sum / n;
  if (values.size() < 2) return interval;
  double squares = 0;
  for (double v : values) squares += (v - interval.mean) * (v - interval.mean);
  const double standard_error = std::sqrt(squares / (n - 1) / n);
  const boost::math::students_t t(n - 1);
  const double half = boost::math::quantile(boost::math::complement(t, 0.025)) * standard_error;
  interval.low = interval.mean - half;
  interval.high = interval.mean + half;
  return interval;
}

ArmSummary summarize_arm(const std::vector<ReplicateEffects>& replicates) {
  ArmSummary summary;
  const auto over = [&replicates](auto get) {
    std::vector<double> values;
    for (const ReplicateEffects& r : replicates) values.push_back(get(r));
    return summarize(values);
  };
  for (std::size_t k = 0; k < kEffectCount; ++k) {
    summary.statistic[k] = over([k](const ReplicateEffects& r) { return r.statistic[k]; });
  }
  for (std::size_t g = 0; g < kKeyGroupCount; ++g) {
    summary.group_employed[g] =
        over([g](const ReplicateEffects& r) { return r.group_employed[g]; });
    summary.group_unemployment_rate[g] =
        over([g](const ReplicateEffects& r) { return r.group_unemployment_rate[g]; });
  }
  // A ratio of means, and the spend over the job-years interval (spend varies little).
  const Interval& spend = summary.statistic[static_cast<std::size_t>(Effect::kSpend)];
  const Interval& jobs = summary.statistic[static_cast<std::size_t>(Effect::kJobYears)];
  Interval& cost = summary.statistic[static_cast<std::size_t>(Effect::kCostPerJobYear)];
  cost.mean = jobs.mean > 0 ? spend.mean / jobs.mean : kNaN;
  cost.low = jobs.high > 0 ? spend.mean / jobs.high : kNaN;
  cost.high = jobs.low > 0 ? spend.mean / jobs.low : kNaN;
  return summary;
}

ComparisonResult compare_runs(const std::vector<std::string>& arm_names,
                              const std::vector<std::string>& arm_levers,
                              const std::vector<std::vector<Trajectory>>& runs) {
  ComparisonResult result;
  const std::size_t replicates = runs.size();
  for (std::size_t a = 1; a < arm_names.size(); ++a) {
    result.arms.push_back(arm_names[a]);
    result.arm_levers.push_back(arm_levers[a]);
    std::vector<ReplicateEffects> effects;
    const std::size_t months = runs.at(0).at(a).months.size();
    std::vector<double> employed(months, 0.0), rate(months, 0.0), spend(months, 0.0);
    for (std::size_t r = 0; r < replicates; ++r) {
      const Trajectory& arm = runs[r].at(a);
      const Trajectory& reference = runs[r].at(0);
      effects.push_back(effects_of(arm, reference));
      for (std::size_t t = 0; t < months; ++t) {
        const Observation& x = arm.months.at(t);
        const Observation& y = reference.months.at(t);
        const double n = static_cast<double>(replicates);
        employed[t] += (x.total(Variable::kEmployed) - y.total(Variable::kEmployed)) / n;
        rate[t] += 100 * (unemployment_rate(x) - unemployment_rate(y)) / n;
        spend[t] += x.total(Variable::kSpend) / n;
      }
    }
    result.summaries.push_back(summarize_arm(effects));
    result.effects.push_back(std::move(effects));
    result.employed_by_month.push_back(std::move(employed));
    result.unemployment_rate_by_month.push_back(std::move(rate));
    result.spend_by_month.push_back(std::move(spend));
  }
  return result;
}

std::string format_effects(const std::string& arm, const std::string& levers,
                           const ArmSummary& summary, std::size_t replicates) {
  std::string text = "arm " + arm + " (levers: " + (levers.empty() ? "none" : levers) + ")\n";
  char line[256];
  std::snprintf(line, sizeof line, "  %-46s %16s   %s\n", "effect",
                replicates > 1 ? "mean" : "value", replicates > 1 ? "95 % interval" : "");
  text += line;
  const auto row = [&](const std::string& label, const Interval& i) {
    const std::string interval =
        replicates > 1 ? "[" + signed_number(i.low) + ", " + signed_number(i.high) + "]" : "";
    std::snprintf(line, sizeof line, "  %-46s %16s   %s\n", label.c_str(),
                  signed_number(i.mean).c_str(), interval.c_str());
    text += line;
  };
  for (std::size_t k = 0; k < kEffectCount; ++k) {
    row(std::string(kEffects[k].name) + " [" + std::string(kEffects[k].units) + "]",
        summary.statistic[k]);
  }
  for (std::size_t g = 0; g < kKeyGroupCount; ++g) {
    row("unemployment_rate, " + std::string(kKeyGroupNames[g]) + " [pp]",
        summary.group_unemployment_rate[g]);
  }
  return text;
}

}  // namespace laborsim
