#pragma once
// Writes a run's trajectory to HDF5 (docs/OUTPUT.md) as NAME.partial, renamed to NAME only by
// finish(): a killed or failed run never leaves a file that looks complete. Each month is
// committed with the file's `committed_months` attribute raised. Normally the file is kept in
// memory and each commit replaces NAME.partial whole (write, then rename), so that a run killed at
// any moment leaves a partial file that opens, with every committed month intact (HDF5 rewrites a
// month's chunk in place, which a kill can tear). Outputs too large to rewrite every month (a big
// worker panel) are written in place instead, flushed after every month, data before the counter.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "agents/region_graph.hpp"
#include "sim/observables.hpp"
#include "sim/output/hdf5_handle.hpp"
#include "sim/output/trajectory.hpp"

namespace laborsim {

//! Provenance stored as root attributes.
struct OutputMetadata {
  std::string scenario;
  std::string description;
  std::string config_json;  //!< the merged scenario
  std::string start;        //!< YYYY-MM
  std::string laborsim_version;
  std::string git_commit;
  std::uint64_t seed = 0;
  int replicate = 0;
  std::string arm;  //!< comparison arm ("" outside laborsim compare)
  int threads = 0;
  int months_planned = 0;
  double population_scale = 1;
  //! Where the run's world came from when not from its own burn-in: "" or, for a policy branch,
  //! the checkpoint and its month (the `origin` attribute).
  std::string origin;
};

//! A variable over (region) that does not change with time.
struct StaticRegionVariable {
  std::string name;
  std::string units;
  std::string long_name;
  std::vector<long long> values;
};

struct OutputLayout {
  int compression_level = 4;
  int chunk_months = 12;
  //! Keep the file in memory and replace NAME.partial whole at every commit (crash-safe);
  //! false: write in place (for outputs too large to rewrite monthly).
  bool in_memory = true;
};

class TrajectoryWriter {
 public:
  TrajectoryWriter(std::filesystem::path final_path, const OutputMetadata& metadata,
                   const OutputAxes& axes,
                   const std::vector<StaticRegionVariable>& static_variables,
                   const OutputLayout& layout);
  //! Continues the NAME.partial an earlier, interrupted run of the same scenario left, from its
  //! row `rows` on (later rows are dropped): `laborsim run --resume`. Throws naming the file
  //! when it cannot be opened or commits fewer than `rows` months.
  TrajectoryWriter(std::filesystem::path final_path, int rows, bool in_memory);
  //! An unfinished writer closes its file and leaves NAME.partial in place.
  ~TrajectoryWriter();
  TrajectoryWriter(const TrajectoryWriter&) = delete;
  TrajectoryWriter& operator=(const TrajectoryWriter&) = delete;

  //! Appends one month, flushes, then raises committed_months. Throws on any write error.
  void append(const Observation& observation);
  //! Makes the file as it is now (with what other writers added, such as the panel's header)
  //! NAME.partial on disk; append() does so after every month.
  void publish();
  //! Closes the file and renames NAME.partial to NAME.
  void finish();

  const std::filesystem::path& partial_path() const { return partial_path_; }
  //! The open file, for writers of further groups (the panel).
  hid_t file() const { return file_.get(); }
  const std::filesystem::path& final_path() const { return final_path_; }
  int committed_months() const { return committed_; }

 private:
  void create_time_axis(int chunk_months);
  void create_variables(const OutputLayout& layout);

  std::filesystem::path final_path_;
  std::filesystem::path partial_path_;
  bool in_memory_ = true;  //!< commits replace NAME.partial whole (see above)
  std::string context_;
  std::string start_;
  AxisSizes sizes_;
  int committed_ = 0;
  bool finished_ = false;
  H5Handle file_;
  H5Handle time_;
  H5Handle month_;
  std::array<H5Handle, kAxisCount> axes_;  //!< dimension scales, in Axis order
  struct TimeSeries {
    H5Handle dataset;
    hsize_t width;  //!< length of its axis
  };
  std::vector<TimeSeries> variables_;  //!< in kVariables order
};

}  // namespace laborsim
