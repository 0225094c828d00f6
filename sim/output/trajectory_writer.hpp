#pragma once
// Writes a run's trajectory to HDF5 (docs/OUTPUT.md). The file is written as NAME.partial,
// flushed after every month with its `committed_months` attribute updated last, and renamed to
// NAME only by finish(): a killed or failed run never leaves a file that looks complete.
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
};

class TrajectoryWriter {
 public:
  TrajectoryWriter(std::filesystem::path final_path, const OutputMetadata& metadata,
                   const OutputAxes& axes,
                   const std::vector<StaticRegionVariable>& static_variables,
                   const OutputLayout& layout);
  //! An unfinished writer closes its file and leaves NAME.partial in place.
  ~TrajectoryWriter();
  TrajectoryWriter(const TrajectoryWriter&) = delete;
  TrajectoryWriter& operator=(const TrajectoryWriter&) = delete;

  //! Appends one month, flushes, then raises committed_months. Throws on any write error.
  void append(const Observation& observation);
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
