#pragma once
// Makes a sweep's runs as child processes of this executable (`laborsim run ...`), several at
// once: a run that crashes, runs out of memory or is killed takes only itself down, and is
// recorded as failed with its exit status while the sweep goes on. Children die with the
// process that started them (PR_SET_PDEATHSIG), so a killed sweep leaves no orphan writing a
// run that a rerun would make again.
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
  //! Called after every reaped run.
  virtual void finished(const FinishedRun&) {}
  //! Called every few milliseconds while runs are under way (an MPI dispatcher answers ranks).
  virtual void service() {}
  //! False while the pool must keep servicing after its own runs are over (a dispatcher whose
  //! ranks are still working).
  virtual bool may_stop() { return true; }
};

//! Prints one line per finished run on stderr (nothing when quiet) and counts outcomes.
struct PoolReport {
  std::size_t done = 0;
  std::size_t failed = 0;
};

//! Runs what `source` hands out, at most `slots` at once, until it has no more and every
//! started run has ended.
PoolReport run_pool(RunLauncher& launcher, RunSource& source, std::size_t slots, bool quiet,
                    const Manifest& manifest);

}  // namespace laborsim
