#pragma once
// laborsim sweep collect: the monthly outputs of a sweep's finished runs stacked along a `run`
// dimension in one HDF5 file, with each run's design values, arm, replicate and seed as
// coordinates along `run`, so that xarray.open_dataset gives one Dataset of the whole sweep.
#include <filesystem>
#include <string>

#include "sim/sweep/manifest.hpp"

namespace laborsim {

struct CollectReport {
  std::size_t collected = 0;
  std::size_t planned = 0;
};

//! Writes `output` (via OUTPUT.partial, renamed when complete). Unless `partial`, every run
//! must be done (InputError otherwise, nothing written). Throws InputError when runs differ in
//! their start, months, regions, sectors or links (they could not share the summary's axes).
CollectReport collect_sweep(const SweepFolder& folder, const Manifest& manifest,
                            const std::filesystem::path& output, bool partial);

}  // namespace laborsim
