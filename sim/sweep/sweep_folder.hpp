#pragma once
// The files of a planned sweep, all under one folder:
//   manifest.json   the plan: one entry per run (id, parameter values, arm, replicate, seed)
//   manifest.csv    the same runs as a table, for pandas, R or a spreadsheet
//   scenario.json   the base scenario, merged and validated when the sweep was planned
//   runs/ID.h5      a finished run's output (ID.h5.partial while it runs)
//   logs/ID.log     what the run printed (its summary table, progress, errors)
//   status/ID.STATE the run's record: running, failed or done (JSON, written atomically)
//   events.log      every start and end of a run, one JSON line each, appended (an audit trail)
#include <filesystem>
#include <string>

namespace laborsim {

struct SweepFolder {
  std::filesystem::path root;

  std::filesystem::path manifest() const { return root / "manifest.json"; }
  std::filesystem::path manifest_table() const { return root / "manifest.csv"; }
  std::filesystem::path scenario() const { return root / "scenario.json"; }
  std::filesystem::path runs() const { return root / "runs"; }
  std::filesystem::path logs() const { return root / "logs"; }
  std::filesystem::path status() const { return root / "status"; }
  std::filesystem::path events() const { return root / "events.log"; }
  std::filesystem::path output(const std::string& id) const { return runs() / (id + ".h5"); }
  //! A run is done exactly when its output file exists under its final name.
  bool is_done(const std::string& id) const { return std::filesystem::is_regular_file(output(id)); }
  std::filesystem::path log(const std::string& id) const { return logs() / (id + ".log"); }
  std::filesystem::path record(const std::string& id, const std::string& state) const {
    return status() / (id + "." + state);
  }
};

//! Writes `text` to a temporary file beside `path`, flushes it to disk and renames it over
//! `path`: a reader sees the old content or the new, never a mixture. Throws on failure.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

//! Appends one line to `path` with a single write on an O_APPEND descriptor, so lines from
//! concurrent processes on one machine never interleave. Throws on failure.
void append_line(const std::filesystem::path& path, const std::string& line);

}  // namespace laborsim
