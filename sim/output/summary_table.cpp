#include <cmath>
#include <cstdio>

#include "sim/output/trajectory.hpp"

namespace laborsim {

std::vector<YearSummary> summarize_by_year(const Trajectory& trajectory) {
  std::vector<YearSummary> years;
  for (std::size_t t = 0; t < trajectory.months.size(); ++t) {
    const Observation& o = trajectory.months[t];
    const int year = trajectory.start.plus_months(static_cast<int>(t)).year;
    if (years.empty() || years.back().year != year) years.push_back(YearSummary{year});
    YearSummary& y = years.back();
    ++y.months;
    y.labor_force = o.total(Variable::kLaborForce);
    y.employed = o.total(Variable::kEmployed);
    y.unemployed = o.total(Variable::kUnemployed);
    y.migrants_out = o.total(Variable::kMigrantsOut);
    y.vacancies += o.total(Variable::kVacancies);
    y.hires += o.total(Variable::kHires);
    y.separations += o.total(Variable::kSeparations);
  }
  for (YearSummary& y : years) y.vacancies /= y.months;
  return years;
}

std::string format_summary_table(const std::vector<YearSummary>& years) {
  std::string text =
      "year  months  labor_force     employed  unemployed  unemp_rate_%  vacancies_mean"
      "        hires  separations  migrants_out\n";
  char line[256];
  for (const YearSummary& y : years) {
    std::snprintf(line, sizeof line,
                  "%4d  %6d  %11.0f  %11.0f  %10.0f  %12.2f  %14.0f  %11.0f  %11.0f  %12.0f\n",
                  y.year, y.months, y.labor_force, y.employed, y.unemployed,
                  100 * y.unemployment_rate(), y.vacancies, y.hires, y.separations, y.migrants_out);
    text += line;
  }
  return text;
}

}  // namespace laborsim
