#pragma once
// Writes the effects file of `laborsim compare` (docs/OUTPUT.md, "Effects files"): per compared
// arm and replicate, the effect statistics against the reference arm; their means and 95 %
// intervals; effects by key group; monthly effects. Written as NAME.partial and renamed when
// complete, like a trajectory.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/compare/effects.hpp"

namespace laborsim {

struct EffectsMetadata {
  std::string scenario;
  std::string reference_arm;
  std::string start;  //!< YYYY-MM, the first recorded month
  std::string config_json;
  std::string laborsim_version;
  std::string git_commit;
  std::vector<std::uint64_t> seeds;  //!< per replicate
};

void write_effects(const std::filesystem::path& path, const EffectsMetadata& metadata,
                   const ComparisonResult& result);

}  // namespace laborsim
