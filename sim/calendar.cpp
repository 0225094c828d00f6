#include "sim/calendar.hpp"

#include <cstdio>

namespace laborsim {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

std::optional<YearMonth> YearMonth::parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int digits[6];
  const int positions[6] = {0, 1, 2, 3, 5, 6};
  for (int i = 0; i < 6; ++i) {
    const char c = text[static_cast<std::size_t>(positions[i])];
    if (c < '0' || c > '9') return std::nullopt;
    digits[i] = c - '0';
  }
  YearMonth ym{digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
               digits[4] * 10 + digits[5]};
  if (ym.month < 1 || ym.month > 12) return std::nullopt;
  return ym;
}

std::string YearMonth::to_string() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

YearMonth YearMonth::plus_months(int months) const {
  const int index = year * 12 + (month - 1) + months;
  const int y = index >= 0 ? index / 12 : (index - 11) / 12;
  return YearMonth{y, index - y * 12 + 1};
}

int YearMonth::months_since(const YearMonth& earlier) const {
  return (year * 12 + month) - (earlier.year * 12 + earlier.month);
}

std::int64_t YearMonth::days_since(const YearMonth& origin) const {
  return days_from_civil(year, static_cast<unsigned>(month), 1) -
         days_from_civil(origin.year, static_cast<unsigned>(origin.month), 1);
}

}  // namespace laborsim
