#pragma once
// What a run will need, estimated from its scenario before anything is built, and whether the
// machine has it: `laborsim run` refuses to start a run that would run out of memory or disk
// part-way (a week-long sweep should fail in its first second, not its last day), unless --force.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "sim/scenario/scenario.hpp"

namespace laborsim {

struct RunNeeds {
  double workers = 0;           //!< agents the scenario synthesises
  double memory_bytes = 0;      //!< peak resident memory
  double output_bytes = 0;      //!< on disk beside the output while the run is written
  double checkpoint_bytes = 0;  //!< likewise for checkpoints (0 without them)
};

//! Upper estimates from the scenario: about 110 bytes of memory per worker plus 200 MiB (the
//! measured peak is 90-100 bytes per worker, docs/PERFORMANCE.md); the output's datasets
//! uncompressed, twice (the new image is written beside the old one); two checkpoints of 60 bytes
//! per worker (measured: 47) while the next replaces the last.
RunNeeds estimate_needs(const Scenario& scenario, bool checkpoints);

//! What the machine has free: memory available to this process (MemAvailable, or the cgroup's
//! limit less its usage when lower) and disk space where `output` will be written.
struct FreeResources {
  std::optional<double> memory_bytes;  //!< unknown where /proc tells nothing
  std::optional<double> disk_bytes;
};
FreeResources free_resources(const std::filesystem::path& output);

//! A message saying what is short (naming the output's folder for disk), or nothing when the
//! run fits.
std::optional<std::string> shortfall(const RunNeeds& needs, const FreeResources& free,
                                     const std::filesystem::path& output);

}  // namespace laborsim
