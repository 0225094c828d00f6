#pragma once
// Where each run of a sweep stands, kept in small per-run files under DIR/status so that many
// processes (local slots, Slurm tasks, MPI ranks, on one machine or many sharing a file system)
// update it without locks: each file is written atomically, and a run is done exactly when its
// output DIR/runs/ID.h5 exists (runs rename their output into place only when complete).
#include <sys/types.h>

#include <string>

#include "sim/sweep/sweep_folder.hpp"

namespace laborsim {

enum class RunState { kPending, kRunning, kFailed, kDone };

//! How a run's process ended.
struct RunOutcome {
  int exit_code = 0;  //!< when it exited
  int signal = 0;     //!< when a signal killed it (then exit_code is -1)
  double seconds = 0;
  bool output_written = false;
  long long pid = 0;  //!< the run's process
  bool ok() const { return exit_code == 0 && signal == 0 && output_written; }
  //! "exit 1", "killed by signal 9 (Killed)", "exit 0 but no output".
  std::string describe() const;
};

struct RunRecord {
  RunState state = RunState::kPending;
  bool interrupted = false;  //!< pending because the process that ran it is gone
  std::string host;          //!< where it ran or runs
  long long pid = 0;         //!< the run's process
  double seconds = 0;        //!< done or failed: how long it ran
  std::string outcome;       //!< failed: RunOutcome::describe()
  std::string log_tail;      //!< failed: the last lines the run printed
};

class RunRecords {
 public:
  //! `worker` names the process making runs in the records and events ("local", "task 2/4",
  //! "rank 1/3").
  explicit RunRecords(SweepFolder folder, std::string worker = "")
      : folder_(std::move(folder)), worker_(std::move(worker)) {}

  //! The run's state from its output and records. A `running` record of a process on this host
  //! that no longer exists reads as pending and interrupted (a sweep killed with its runs).
  RunRecord read(const std::string& id) const;

  //! Records that process `pid` on this host now makes the run (clearing an older failure).
  void mark_running(const std::string& id, pid_t pid) const;

  //! Records how the run ended: done, or failed with its exit status and the tail of its log.
  void mark_finished(const std::string& id, const RunOutcome& outcome) const;

 private:
  void log_event(const std::string& event, const std::string& id, long long pid,
                 const std::string& outcome) const;

  SweepFolder folder_;
  std::string worker_;
};

//! This machine's host name.
std::string host_name();

}  // namespace laborsim
