#pragma once
// Enterprise size classes of Chinese statistics and policy (small and micro enterprises get
// guarantee loans, larger UI refunds, ...). Thresholds on employees are those of industry in
// the NBS classification of large, medium, small and micro enterprises
// (国家统计局《统计上大中小微型 企业划分办法（2017）》): micro < 20, small 20-299, medium 300-999,
// large >= 1000. Other sectors use other thresholds (and revenue); laborsim applies the industrial
// ones to all.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace laborsim {

enum class SizeClass : std::uint8_t { kMicro, kSmall, kMedium, kLarge, kCount };

inline constexpr std::size_t kSizeClassCount = static_cast<std::size_t>(SizeClass::kCount);
inline constexpr std::array<std::string_view, kSizeClassCount> kSizeClassNames{"micro", "small",
                                                                               "medium", "large"};

//! The class of an employer with `employees` people (at full population size).
constexpr SizeClass size_class(double employees) {
  return employees < 20     ? SizeClass::kMicro
         : employees < 300  ? SizeClass::kSmall
         : employees < 1000 ? SizeClass::kMedium
                            : SizeClass::kLarge;
}

}  // namespace laborsim
