#pragma once
// The state of a whole sweep: how many runs are done, running, failed and pending, which ones,
// and what the finished runs took.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/sweep/manifest.hpp"
#include "sim/sweep/run_records.hpp"

namespace laborsim {

struct SweepStatus {
  std::size_t runs = 0;
  std::size_t done = 0;
  std::size_t running = 0;
  std::size_t failed = 0;
  std::size_t pending = 0;
  std::size_t interrupted = 0;     //!< among pending: their process is gone
  double done_seconds = 0;         //!< summed run time of the done runs that recorded it
  std::size_t timed = 0;           //!< done runs that recorded their run time
  std::vector<std::size_t> to_do;  //!< runs a new `sweep run`/`exec` would make (by index)
  std::vector<std::pair<std::size_t, RunRecord>> failures;
};

//! Reads every run's record. `to_do` holds all runs that are not done and not being made by a
//! live process on this host; failed runs are made again.
SweepStatus sweep_status(const SweepFolder& folder, const Manifest& manifest);

//! The human-readable report of `laborsim sweep status`.
std::string format_status(const SweepFolder& folder, const Manifest& manifest,
                          const SweepStatus& status);

//! The same as JSON (`laborsim sweep status --json`).
std::string status_json(const Manifest& manifest, const SweepStatus& status);

//! "3 h 12 min", "4.2 s".
std::string format_duration(double seconds);
//! "1.4 GiB", "820 KiB".
std::string format_bytes(double bytes);

}  // namespace laborsim
