#pragma once
// The subcommands of the laborsim executable. Each returns the process exit code:
// 0 success, 2 bad input (nothing written), 1 failure.
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/overrides.hpp"

namespace laborsim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

//! Options that change the scenario, shared by run, validate and inspect.
struct ScenarioArgs {
  std::string scenario;  //!< path or builtin:NAME; empty = the built-in default
  std::vector<std::string> sets;
  std::optional<long long> seed;
  std::optional<long long> months;

  std::string source() const;
  //! --set values first, then --seed and --months (explicit flags win).
  std::vector<Override> overrides() const;
};

struct RunArgs {
  ScenarioArgs scenario;
  std::string arm;    //!< run only this arm's levers; empty = every lever
  int replicate = 0;  //!< seed of this replicate (as laborsim compare and sweeps derive it)
  std::string output;
  int threads = 0;  //!< 0 = all cores
  bool quiet = false;
  std::string metrics_json;
  int checkpoint_every = 0;     //!< months between checkpoints (0: none)
  bool resume = false;          //!< continue from OUTPUT's checkpoint when there is one
  std::string from_checkpoint;  //!< branch from this checkpoint's world
  bool force = false;           //!< run even when memory or disk look short
  bool check = false;           //!< check every agent's invariants each month
};

struct CompareArgs {
  ScenarioArgs scenario;
  std::string output;  //!< folder; empty = OUTPUT.DIRECTORY/NAME-compare
  int threads = 0;
  int replicates = 3;
  bool quiet = false;
};

struct SweepPlanArgs {
  std::string sweep;   //!< the sweep file
  std::string output;  //!< folder; empty = OUTPUT.DIRECTORY/NAME of the base scenario
};

//! sweep run and sweep exec.
struct SweepExecArgs {
  std::string folder;
  std::optional<int> threads;     //!< -j of each run
  std::optional<int> concurrent;  //!< runs at once
  std::optional<int> task;        //!< exec: slice (default SLURM_ARRAY_TASK_ID)
  std::optional<int> tasks;       //!< exec: slices (default SLURM_ARRAY_TASK_COUNT)
  bool mpi = false;               //!< run: spread the runs over MPI ranks
  bool quiet = false;
};

struct SweepStatusArgs {
  std::string folder;
  bool json = false;
};

struct SweepCollectArgs {
  std::string folder;
  std::string output;  //!< empty = DIR/summary.h5
  bool partial = false;
};

int run_command(const RunArgs& args);
int compare_command(const CompareArgs& args);
int validate_command(const ScenarioArgs& args);
int schema_command();
int sweep_plan_command(const SweepPlanArgs& args);
int sweep_run_command(const SweepExecArgs& args);
int sweep_exec_command(const SweepExecArgs& args);
int sweep_status_command(const SweepStatusArgs& args);
int sweep_collect_command(const SweepCollectArgs& args);
int inspect_command(const std::string& target, const ScenarioArgs& args);

}  // namespace laborsim::cli
