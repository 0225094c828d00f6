#pragma once
// Key groups of China's employment policy, as policies target them and outputs report them.
// Membership follows from stored traits (WorkerFlag bits) and current state; a worker can belong
// to several groups. Definitions and their sources: docs/MODEL.md, "Key groups".
#include <array>
#include <cstdint>
#include <string_view>

#include "agents/worker_store.hpp"

namespace laborsim {

enum class KeyGroup : std::uint8_t {
  kRuralMigrantWorker,  //!< rural hukou (NBS's migrant workers: rural-hukou non-farm labour)
  kUrbanResident,       //!< urban hukou; their unemployed are the urban registered unemployed
  kExServiceman,        //!< veterans
  kCollegeGraduate,     //!< college degree, aged 24 or less (recent graduates)
  kLiftedOutOfPoverty,  //!< from households lifted out of poverty (poverty-alleviation files)
  kHardToEmploy,        //!< disabled, aged 45+, or unemployed for 12 months or more
  kCount
};

inline constexpr std::size_t kKeyGroupCount = static_cast<std::size_t>(KeyGroup::kCount);

inline constexpr std::array<std::string_view, kKeyGroupCount> kKeyGroupNames{
    "rural_migrant_worker", "urban_resident",        "ex_serviceman",
    "college_graduate",     "lifted_out_of_poverty", "hard_to_employ"};

//! Age up to which a college graduate counts as a recent graduate [months] (policies target
//! graduates within two years of leaving school).
inline constexpr std::uint16_t kRecentGraduateMaxAgeMonths = 25 * 12 - 1;
//! "Hard to employ" (就业困难人员) includes women over 40 and men over 50; laborsim has no sex
//! and takes 45 for everyone [months].
inline constexpr std::uint16_t kHardToEmployAgeMonths = 45 * 12;
//! Spells from which the unemployed count as long-term unemployed and hard to employ [months].
inline constexpr std::uint16_t kLongTermSpellMonths = 12;

inline std::uint8_t group_bit(KeyGroup g) {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(g));
}

//! Bit set (bit g = KeyGroup g) of the key groups worker i belongs to now.
inline std::uint8_t key_groups(const WorkerStore& w, std::size_t i) {
  const std::uint8_t flags = w.flags[i];
  std::uint8_t groups = (flags & WorkerFlag::kRuralHukou) ? group_bit(KeyGroup::kRuralMigrantWorker)
                                                          : group_bit(KeyGroup::kUrbanResident);
  if (flags & WorkerFlag::kExServiceman) groups |= group_bit(KeyGroup::kExServiceman);
  if (flags & WorkerFlag::kPovertyAlleviation) groups |= group_bit(KeyGroup::kLiftedOutOfPoverty);
  if (w.education[i] == Education::kCollege && w.age_months[i] <= kRecentGraduateMaxAgeMonths) {
    groups |= group_bit(KeyGroup::kCollegeGraduate);
  }
  if ((flags & WorkerFlag::kDisabled) || w.age_months[i] >= kHardToEmployAgeMonths ||
      (w.status[i] == WorkerStatus::kUnemployed && w.spell_months[i] >= kLongTermSpellMonths)) {
    groups |= group_bit(KeyGroup::kHardToEmploy);
  }
  return groups;
}

//! 1 + the weights of the groups in `groups` (a key_groups() bit set): how much priority a
//! service gives a person.
inline double priority_weight(const std::array<double, kKeyGroupCount>& weights,
                              std::uint8_t groups) {
  double weight = 1;
  for (std::size_t g = 0; g < kKeyGroupCount; ++g) {
    if ((groups >> g) & 1u) weight += weights[g];
  }
  return weight;
}

}  // namespace laborsim
