#pragma once
// Reads a laborsim HDF5 trajectory back (for `laborsim inspect` and tests).
#include <string>

#include "sim/output/trajectory.hpp"

namespace laborsim {

struct TrajectoryFile {
  std::string format;
  long long format_version = 0;
  std::string scenario;
  std::string laborsim_version;
  std::string git_commit;
  std::string seed;  //!< exact, from the seed_string attribute
  long long months_planned = 0;
  long long committed_months = 0;
  long long threads = 0;
  std::string config_json;
  long long panel_workers = 0;  //!< agents in /panel (0: no panel)
  Trajectory trajectory;        //!< the committed months only
};

//! Throws std::runtime_error naming the path when it is not a readable laborsim trajectory.
TrajectoryFile read_trajectory(const std::string& path);

//! As read_trajectory without the months' values (`trajectory.months` empty): the attributes
//! and axes, for a look at many files.
TrajectoryFile read_trajectory_header(const std::string& path);

//! True when `path` is an HDF5 file (by its signature).
bool is_hdf5_file(const std::string& path);

}  // namespace laborsim
