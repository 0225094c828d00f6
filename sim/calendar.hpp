#pragma once
// Calendar months (YYYY-MM) and the day counts the HDF5 time coordinate uses.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace laborsim {

struct YearMonth {
  int year = 2024;
  int month = 1;  //!< 1..12

  //! Parses "YYYY-MM"; nullopt unless the text is exactly that with month 1..12.
  static std::optional<YearMonth> parse(std::string_view text);
  std::string to_string() const;  //!< "YYYY-MM"
  YearMonth plus_months(int months) const;
  //! Months from `earlier` to this month (negative when this month comes first).
  int months_since(const YearMonth& earlier) const;
  //! Days from the first day of `origin` to the first day of this month.
  std::int64_t days_since(const YearMonth& origin) const;

  friend bool operator==(const YearMonth&, const YearMonth&) = default;
};

}  // namespace laborsim
