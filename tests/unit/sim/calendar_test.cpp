#include "sim/calendar.hpp"

#include <gtest/gtest.h>

namespace laborsim {
namespace {

TEST(YearMonth, ParsesOnlyYyyyMm) {
  EXPECT_EQ(YearMonth::parse("2024-06"), (YearMonth{2024, 6}));
  EXPECT_FALSE(YearMonth::parse("2024-13"));
  EXPECT_FALSE(YearMonth::parse("2024-00"));
  EXPECT_FALSE(YearMonth::parse("2024-6"));
  EXPECT_FALSE(YearMonth::parse("2024/06"));
  EXPECT_FALSE(YearMonth::parse("2024-06-01"));
  EXPECT_EQ((YearMonth{987, 3}).to_string(), "0987-03");
}

TEST(YearMonth, AddsAndSubtractsMonthsAcrossYears) {
  const YearMonth nov{2024, 11};
  EXPECT_EQ(nov.plus_months(2), (YearMonth{2025, 1}));
  EXPECT_EQ(nov.plus_months(-11), (YearMonth{2023, 12}));
  EXPECT_EQ(nov.plus_months(26).months_since(nov), 26);
  EXPECT_EQ((YearMonth{2024, 1}).months_since(YearMonth{2024, 3}), -2);
}

TEST(YearMonth, CountsDaysWithLeapYears) {
  const YearMonth jan{2024, 1};
  EXPECT_EQ((YearMonth{2024, 3}).days_since(jan), 31 + 29);  // 2024 is a leap year
  EXPECT_EQ((YearMonth{2025, 1}).days_since(jan), 366);
  EXPECT_EQ((YearMonth{2026, 1}).days_since(YearMonth{2025, 1}), 365);
  EXPECT_EQ((YearMonth{2100, 3}).days_since(YearMonth{2100, 2}), 28);  // 2100 is not
}

}  // namespace
}  // namespace laborsim
