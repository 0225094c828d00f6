#pragma once
// Makes a sweep's runs as child processes of this executable (`laborsim run ...`), several at
// once: a run that crashes, runs out of memory or is killed takes only itself down, and is
// recorded as failed with its exit status while the sweep goes on. Children die with the
// process that started them (PR_SET_PDEATHSIG), so a killed sweep leaves no orphan writing a
// run that a rerun would make again.
#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/sweep/manifest.hpp"
#include "sim/sweep/run_records.hpp"

namespace laborsim {

struct FinishedRun {
  std::size_t index = 0;  //!< into Manifest::runs
  RunOutcome outcome;
};

class RunLauncher {
 public:
  //! `threads`: -j of each run (0: all cores); `worker` names this process in the records.
  RunLauncher(SweepFolder folder, const Manifest& manifest, int threads, std::string worker);

  //! Starts run `index` and records it as running.
  void start(std::size_t index);

  //! Reaps the runs that ended since the last call and records them (done or failed).
  std::vector<FinishedRun> reap();

  std::size_t active() const { return children_.size(); }

  //! Sends `signal` to every run under way.
  void signal_all(int signal) const;

 private:
  struct Child {
    pid_t pid;
    std::size_t index;
    std::chrono::steady_clock::time_point started;
  };
  SweepFolder folder_;
  const Manifest& manifest_;
  RunRecords records_;
  int threads_;
  std::vector<Child> children_;
};

//! Where a pool of run slots gets its work. Local sweeps hand out a fixed list; MPI ranks ask a
//! dispatcher.
class RunSource {
 public:
  virtual ~RunSource() = default;
  //! The next run to make, or nothing when this source has no more (for this process).
  virtual std::optional<std::size_t> next() = 0;
  //! Called every few milliseconds while runs are under way (an MPI dispatcher answers ranks).
  virtual void service() {}
  //! False while the pool must keep servicing after its own runs are over (a dispatcher whose
  //! ranks are still working).
  virtual bool may_stop() { return true; }
};

//! Outcomes counted by run_pool (which prints one line per finished run unless quiet).
struct PoolReport {
  std::size_t done = 0;
  std::size_t failed = 0;
  bool interrupted = false;  //!< SIGINT or SIGTERM stopped the pool early
};

//! While alive, SIGINT and SIGTERM do not kill this process but ask run_pool to stop: start no
//! more runs, let those under way end (they are sent SIGTERM) and record them, then return.
class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
  bool requested() const;

 private:
  struct sigaction old_interrupt_ {};
  struct sigaction old_terminate_ {};
};

//! True once a StopOnSignal in this process has caught a signal (an MPI dispatcher then hands
//! out no more runs).
bool sweep_stop_requested();

//! Runs what `source` hands out, at most `slots` at once, until it has no more and every
//! started run has ended.
PoolReport run_pool(RunLauncher& launcher, RunSource& source, std::size_t slots, bool quiet,
                    const Manifest& manifest);

}  // namespace laborsim
