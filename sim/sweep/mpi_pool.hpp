#pragma once
// A sweep over the ranks of an MPI job (`mpirun -n K laborsim sweep run DIR --mpi`): rank 0
// hands out runs one at a time to whichever rank has a free slot (dynamic load balance, so long
// and short runs even out) and makes runs itself between answering; every run is handed out
// exactly once. Runs are child processes on every rank, as in a local sweep, and their records
// and outputs go to the sweep folder, which all ranks must share (one machine or a shared file
// system).
#include <cstddef>
#include <vector>

#include "sim/sweep/run_launcher.hpp"

namespace laborsim {

//! MPI_Init on construction, MPI_Finalize on destruction. Throws InputError when laborsim was
//! built without MPI.
class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }

 private:
  int rank_ = 0;
  int size_ = 1;
};

//! Makes `to_do` (read on rank 0 only) over all ranks, `slots` runs at once per rank. Returns
//! the totals over all ranks, on every rank.
PoolReport run_pool_mpi(const MpiSession& session, RunLauncher& launcher, const Manifest& manifest,
                        const std::vector<std::size_t>& to_do, std::size_t slots, bool quiet);

}  // namespace laborsim
