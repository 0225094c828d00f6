#pragma once
// Checkpoint files (NAME.ckpt.h5, docs/RELIABILITY.md): a simulation's whole state between two
// months, from which `laborsim run --resume` continues a run exactly and
// `laborsim run --from-checkpoint` forks a policy branch. A checkpoint is written as
// NAME.ckpt.h5.partial, synced and only then renamed over the previous one, so a run killed while
// writing keeps its last complete checkpoint.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "agents/state_archive.hpp"
#include "sim/output/hdf5_handle.hpp"
#include "sim/simulation.hpp"

namespace laborsim {

//! What a checkpoint says about itself (root attributes).
struct CheckpointInfo {
  int month = 0;                 //!< months simulated after the burn-in when it was written
  int first_recorded_month = 0;  //!< the month of the output's first row (0 except in a branch)
  std::string config_json;       //!< the merged scenario the run simulates
  std::string scenario;          //!< its name
  std::uint64_t seed = 0;
  std::string laborsim_version;
  std::string git_commit;
  int threads = 0;  //!< of the run that wrote it (for information: resuming may use others)
};

//! Where the checkpoints of the run writing `output` go: NAME.h5 -> NAME.ckpt.h5 beside it.
std::filesystem::path checkpoint_path(const std::filesystem::path& output);

//! Writes the state of `simulation` (the world, the ledger, every lever's own) to `path`
//! atomically. Throws std::runtime_error naming the path on any failure (a full disk), leaving
//! the previous checkpoint at `path` as it was.
void write_checkpoint(const std::filesystem::path& path, Simulation& simulation,
                      const CheckpointInfo& info);

//! An open checkpoint, for restoring from.
class CheckpointFile {
 public:
  //! Opens `path` and reads its attributes; throws std::runtime_error naming the path when it
  //! is missing or not a laborsim checkpoint, or InputError when another build wrote it.
  explicit CheckpointFile(const std::filesystem::path& path);
  ~CheckpointFile();
  CheckpointFile(const CheckpointFile&) = delete;
  CheckpointFile& operator=(const CheckpointFile&) = delete;

  const CheckpointInfo& info() const { return info_; }
  const std::filesystem::path& path() const { return path_; }
  //! The saved state, for Simulation::restore and Simulation::branch.
  StateArchive& archive();

 private:
  std::filesystem::path path_;
  H5Handle file_;
  CheckpointInfo info_;
  std::unique_ptr<StateArchive> archive_;
};

}  // namespace laborsim
