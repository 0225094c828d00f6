#include "sim/sweep/mpi_pool.hpp"

#include <mpi.h>

#include <deque>

namespace laborsim {
namespace {

constexpr int kRequestTag = 1;  // a rank with a free slot asks rank 0 for a run
constexpr int kAssignTag = 2;   // rank 0 answers with a run index, or -1: no more runs
constexpr long long kNoMoreRuns = -1;

//! Rank 0: owns the queue, takes runs for itself and answers the other ranks between its polls.
class DispatcherSource : public RunSource {
 public:
  DispatcherSource(const std::vector<std::size_t>& to_do, int ranks)
      : queue_(to_do.begin(), to_do.end()), workers_(ranks - 1) {}

  std::optional<std::size_t> next() override { return take(); }

  void service() override {
    for (;;) {
      int waiting = 0;
      MPI_Status status;
      MPI_Iprobe(MPI_ANY_SOURCE, kRequestTag, MPI_COMM_WORLD, &waiting, &status);
      if (!waiting) return;
      int request = 0;
      MPI_Recv(&request, 1, MPI_INT, status.MPI_SOURCE, kRequestTag, MPI_COMM_WORLD,
               MPI_STATUS_IGNORE);
      const std::optional<std::size_t> run = take();
      const long long answer = run ? static_cast<long long>(*run) : kNoMoreRuns;
      if (!run) ++stopped_;
      MPI_Send(&answer, 1, MPI_LONG_LONG, status.MPI_SOURCE, kAssignTag, MPI_COMM_WORLD);
    }
  }

  //! Rank 0 stays until every other rank has been told there is nothing left.
  bool may_stop() override { return stopped_ == workers_; }

 private:
  std::optional<std::size_t> take() {
    if (queue_.empty() || sweep_stop_requested()) return std::nullopt;
    const std::size_t run = queue_.front();
    queue_.pop_front();
    return run;
  }
  std::deque<std::size_t> queue_;
  int workers_;
  int stopped_ = 0;
};

//! Other ranks: ask rank 0 whenever a slot is free.
class RequestSource : public RunSource {
 public:
  std::optional<std::size_t> next() override {
    const int request = 0;
    MPI_Send(&request, 1, MPI_INT, 0, kRequestTag, MPI_COMM_WORLD);
    long long answer = kNoMoreRuns;
    MPI_Recv(&answer, 1, MPI_LONG_LONG, 0, kAssignTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (answer == kNoMoreRuns) return std::nullopt;
    return static_cast<std::size_t>(answer);
  }
};

}  // namespace

MpiSession::MpiSession() {
  MPI_Init(nullptr, nullptr);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() { MPI_Finalize(); }

PoolReport run_pool_mpi(const MpiSession& session, RunLauncher& launcher, const Manifest& manifest,
                        const std::vector<std::size_t>& to_do, std::size_t slots, bool quiet) {
  PoolReport local;
  if (session.rank() == 0) {
    DispatcherSource source(to_do, session.size());
    local = run_pool(launcher, source, slots, quiet, manifest);
  } else {
    RequestSource source;
    local = run_pool(launcher, source, slots, quiet, manifest);
  }
  unsigned long long counts[3] = {local.done, local.failed, local.interrupted ? 1ULL : 0ULL};
  unsigned long long totals[3] = {0, 0, 0};
  MPI_Allreduce(counts, totals, 3, MPI_UNSIGNED_LONG_LONG, MPI_SUM, MPI_COMM_WORLD);
  return {static_cast<std::size_t>(totals[0]), static_cast<std::size_t>(totals[1]), totals[2] > 0};
}

}  // namespace laborsim
