#pragma once
// A sweep's plan: every run it will make, each fully determined (parameter values, arm,
// replicate, seed), so that any process on any machine can make any run from the folder alone.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/sweep/sweep_folder.hpp"
#include "sim/sweep/sweep_spec.hpp"

namespace laborsim {

struct PlannedRun {
  std::string id;                      //!< zero-padded run number: "00042"
  std::size_t point = 0;               //!< design point
  std::vector<nlohmann::json> values;  //!< by Manifest::paths
  std::string arm;                     //!< "" = the scenario's levers as configured
  int replicate = 0;
  std::uint64_t seed = 0;  //!< the seed the run simulates with (derived from the replicate)
};

//! What one run costs, estimated from the scenario before running it.
struct RunEstimate {
  double workers = 0;       //!< simulated worker agents
  double core_seconds = 0;  //!< synthesis, burn-in and months on one core
  double bytes = 0;  //!< file overhead plus the uncompressed months: an upper bound of the file
};

struct Manifest {
  std::string name;
  std::string description;
  std::vector<std::string> paths;  //!< the varied parameters
  std::vector<std::string> arms;   //!< as in the sweep file (empty: levers as configured)
  int replicates = 1;
  std::vector<PlannedRun> runs;        //!< point by point, arm by arm, replicate by replicate
  std::vector<RunEstimate> estimates;  //!< per design point
  nlohmann::json sweep_document;       //!< the sweep file as planned
  std::string laborsim_version;
  std::string git_commit;
};

//! Expands the sweep into runs, loading and validating every design point's scenario (and its
//! arms) so that a bad value fails here, naming the point, not hours later in a run. Returns the
//! plan and, in `base`, the merged base scenario every run starts from.
Manifest plan_sweep(const SweepSpec& sweep, nlohmann::json& base);

//! Writes manifest.json, manifest.csv and scenario.json into a new folder (or an empty one).
//! Throws InputError when the folder already holds a sweep.
void write_plan(const SweepFolder& folder, const Manifest& manifest, const nlohmann::json& base);

//! Reads DIR/manifest.json; throws InputError when it is missing or not a laborsim manifest.
Manifest read_manifest(const SweepFolder& folder);

//! The `laborsim run` arguments that make `run`: the folder's scenario, the run's --set values,
//! --replicate, --arm and -o DIR/runs/ID.h5 (the executable, -j and -q are the caller's).
std::vector<std::string> run_arguments(const SweepFolder& folder, const Manifest& manifest,
                                       const PlannedRun& run);

//! The whole sweep's estimate: the sum over its runs.
RunEstimate total_estimate(const Manifest& manifest);

}  // namespace laborsim
