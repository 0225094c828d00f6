#include <gtest/gtest.h>

#include "sim/output/trajectory.hpp"

namespace laborsim {
namespace {

TEST(Summary, GroupsCalendarYearsStocksAtYearEndFlowsSummed) {
  Trajectory t;
  t.start = YearMonth{2024, 11};
  t.axes.regions = {{"A", RegionKind::kHome}, {"B", RegionKind::kDestination}};
  for (int m = 0; m < 14; ++m) {
    Observation o(2);
    o.at(Variable::kLaborForce, 0) = 100 + m;
    o.at(Variable::kLaborForce, 1) = 50;
    o.at(Variable::kUnemployed, 0) = 10;
    o.at(Variable::kHires, 0) = 1;
    o.at(Variable::kHires, 1) = 2;
    o.at(Variable::kVacancies, 1) = m;
    t.months.push_back(o);
  }
  const auto years = summarize_by_year(t);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2024);
  EXPECT_EQ(years[0].months, 2);
  EXPECT_DOUBLE_EQ(years[0].labor_force, 101 + 50);  // December 2024 is month index 1
  EXPECT_DOUBLE_EQ(years[0].hires, 6);
  EXPECT_DOUBLE_EQ(years[0].vacancies, 0.5);  // mean of 0 and 1
  EXPECT_EQ(years[1].months, 12);
  EXPECT_DOUBLE_EQ(years[1].labor_force, 113 + 50);
  EXPECT_DOUBLE_EQ(years[1].unemployment_rate(), 10.0 / 163);
  const std::string table = format_summary_table(years);
  EXPECT_NE(table.find("2025      12          163"), std::string::npos) << table;
}

}  // namespace
}  // namespace laborsim
