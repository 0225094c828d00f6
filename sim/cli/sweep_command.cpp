// laborsim sweep plan|run|exec|status|collect: batches of runs from a sweep file, made on this
// machine, as Slurm array tasks or over MPI ranks; see docs/SWEEPS.md.
#include <sched.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "sim/cli/commands.hpp"
#include "sim/scenario/input_error.hpp"
#include "sim/sweep/collect.hpp"
#include "sim/sweep/manifest.hpp"
#include "sim/sweep/mpi_pool.hpp"
#include "sim/sweep/run_launcher.hpp"
#include "sim/sweep/sweep_status.hpp"

namespace laborsim::cli {
namespace {

//! The cores this process may use: Slurm's allocation when it says, else the affinity mask.
int available_cores() {
  if (const char* slurm = std::getenv("SLURM_CPUS_PER_TASK")) {
    const int cores = std::atoi(slurm);
    if (cores > 0) return cores;
  }
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

struct Slots {
  int threads = 1;        //!< -j of each run (0: all cores)
  std::size_t slots = 1;  //!< runs at once
};

//! Threads per run and runs at once: what the user gave, the rest filling the cores (one
//! thread per run by default: independent runs scale better than threads within one).
Slots slots_and_threads(const SweepExecArgs& args) {
  const int cores = available_cores();
  if (!args.threads && !args.concurrent) return {1, static_cast<std::size_t>(cores)};
  if (!args.concurrent) {
    const int threads = *args.threads;
    return {threads, static_cast<std::size_t>(threads == 0 ? 1 : std::max(1, cores / threads))};
  }
  const int slots = *args.concurrent;
  return {args.threads.value_or(std::max(1, cores / slots)), static_cast<std::size_t>(slots)};
}

//! Hands out a fixed list of runs in order.
class ListSource : public RunSource {
 public:
  explicit ListSource(std::vector<std::size_t> runs) : runs_(std::move(runs)) {}
  std::optional<std::size_t> next() override {
    if (next_ == runs_.size()) return std::nullopt;
    return runs_[next_++];
  }

 private:
  std::vector<std::size_t> runs_;
  std::size_t next_ = 0;
};

//! The closing line and the exit code: 0 when every run made is done, 1 otherwise.
int finish(const SweepFolder& folder, const PoolReport& report, bool quiet,
           const std::string& what) {
  if (!quiet) {
    std::fprintf(stderr, "laborsim sweep: %s: %zu runs done, %zu failed%s\n", what.c_str(),
                 report.done, report.failed,
                 report.interrupted ? "; interrupted: run the same command again to go on" : "");
    if (report.failed > 0) {
      std::fprintf(stderr, "laborsim sweep: see laborsim sweep status %s\n",
                   folder.root.string().c_str());
    }
  }
  return report.failed == 0 && !report.interrupted ? kExitOk : kExitFailure;
}

int execute(const SweepFolder& folder, const Manifest& manifest, std::vector<std::size_t> runs,
            const SweepExecArgs& args, const std::string& what) {
  const Slots slots = slots_and_threads(args);
  if (!args.quiet) {
    std::fprintf(stderr, "laborsim sweep: %s: %zu runs to make, %zu at once, %d threads each\n",
                 what.c_str(), runs.size(), slots.slots, slots.threads);
  }
  RunLauncher launcher(folder, manifest, slots.threads, what);
  ListSource source(std::move(runs));
  const PoolReport report = run_pool(launcher, source, slots.slots, args.quiet, manifest);
  return finish(folder, report, args.quiet, what);
}

//! A non-negative integer from the environment; nothing when the variable is unset.
std::optional<long> environment_number(const char* variable) {
  const char* value = std::getenv(variable);
  if (value == nullptr || *value == '\0') return std::nullopt;
  char* end = nullptr;
  const long number = std::strtol(value, &end, 10);
  if (*end != '\0' || number < 0) {
    throw InputError(std::string("sweep exec: ") + variable + "=" + value + " is not a number");
  }
  return number;
}

struct Slice {
  long task = 0;   //!< from 0
  long tasks = 1;  //!< slices in all
};

//! The slice to make: --task/--tasks, else the Slurm array task's place in its array
//! (SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN in steps of SLURM_ARRAY_TASK_STEP, so
//! --array=1-16 and --array=0-30:2 work as --array=0-15 does) and SLURM_ARRAY_TASK_COUNT.
Slice slice_of(const SweepExecArgs& args) {
  const auto missing = [](const char* option, const char* variable) {
    return InputError(std::string("sweep exec: give ") + option +
                      " or run it as a Slurm array task (" + variable + " is not set)");
  };
  Slice slice;
  if (args.task) {
    slice.task = *args.task;
  } else {
    const auto id = environment_number("SLURM_ARRAY_TASK_ID");
    if (!id) throw missing("--task", "SLURM_ARRAY_TASK_ID");
    const long first = environment_number("SLURM_ARRAY_TASK_MIN").value_or(0);
    const long step = std::max(1L, environment_number("SLURM_ARRAY_TASK_STEP").value_or(1));
    if (*id < first || (*id - first) % step != 0) {
      throw InputError("sweep exec: array task " + std::to_string(*id) +
                       " is not on the array's regular steps; give --task and --tasks");
    }
    slice.task = (*id - first) / step;
  }
  if (args.tasks) {
    slice.tasks = *args.tasks;
  } else {
    const auto count = environment_number("SLURM_ARRAY_TASK_COUNT");
    if (!count) throw missing("--tasks", "SLURM_ARRAY_TASK_COUNT");
    slice.tasks = *count;
  }
  if (slice.tasks < 1 || slice.task >= slice.tasks) {
    throw InputError("sweep exec: task " + std::to_string(slice.task) + " of " +
                     std::to_string(slice.tasks) +
                     ": the task must be at least 0 and below the number of tasks");
  }
  return slice;
}

}  // namespace

int sweep_plan_command(const SweepPlanArgs& args) {
  const SweepSpec sweep = load_sweep(args.sweep);
  nlohmann::json base;
  const Manifest manifest = plan_sweep(sweep, base);
  const std::filesystem::path root =
      args.output.empty()
          ? std::filesystem::path(base.at("output").at("directory").get<std::string>()) / sweep.name
          : std::filesystem::path(args.output);
  const SweepFolder folder{root};
  write_plan(folder, manifest, base);

  const RunEstimate total = total_estimate(manifest);
  const int cores = available_cores();
  const std::size_t points = manifest.estimates.size();
  std::cout << "laborsim sweep plan: " << sweep.name << ": " << manifest.runs.size() << " runs ("
            << points << " design points x "
            << (manifest.arms.empty() ? std::size_t{1} : manifest.arms.size()) << " arms x "
            << manifest.replicates << " replicates) in " << root.string() << "\n"
            << "estimate: " << format_duration(total.core_seconds) << " of single-core time ("
            << format_duration(total.core_seconds / cores) << " on this machine's " << cores
            << " cores), at most " << format_bytes(total.bytes) << " of output\n"
            << "next: laborsim sweep run " << root.string() << "\n";
  return kExitOk;
}

int sweep_run_command(const SweepExecArgs& args) {
  const SweepFolder folder{args.folder};
  if (!args.mpi) {
    const Manifest manifest = read_manifest(folder);
    return execute(folder, manifest, sweep_status(folder, manifest).to_do, args, "local");
  }
  const MpiSession session;
  const Manifest manifest = read_manifest(folder);
  // One run at a time per rank unless told otherwise: MPI jobs place one rank per core.
  const Slots slots =
      args.concurrent ? slots_and_threads(args) : Slots{args.threads.value_or(1), 1};
  const bool lead = session.rank() == 0;
  // Only rank 0 decides what is left to do: it alone hands runs out.
  const std::vector<std::size_t> to_do =
      lead ? sweep_status(folder, manifest).to_do : std::vector<std::size_t>{};
  if (lead && !args.quiet) {
    std::fprintf(stderr,
                 "laborsim sweep: run over %d MPI ranks: %zu runs to make, %zu at once per rank, "
                 "%d threads each\n",
                 session.size(), to_do.size(), slots.slots, slots.threads);
  }
  RunLauncher launcher(
      folder, manifest, slots.threads,
      "rank " + std::to_string(session.rank()) + "/" + std::to_string(session.size()));
  const PoolReport report =
      run_pool_mpi(session, launcher, manifest, to_do, slots.slots, args.quiet);
  return finish(folder, report, args.quiet || !lead,
                "run over " + std::to_string(session.size()) + " MPI ranks");
}

int sweep_exec_command(const SweepExecArgs& args) {
  const SweepFolder folder{args.folder};
  const Manifest manifest = read_manifest(folder);
  const Slice slice = slice_of(args);
  // Every tasks-th run from run `task` on, so each slice mixes the design's points.
  std::vector<std::size_t> runs;
  for (const std::size_t index : sweep_status(folder, manifest).to_do) {
    if (index % static_cast<std::size_t>(slice.tasks) == static_cast<std::size_t>(slice.task)) {
      runs.push_back(index);
    }
  }
  return execute(folder, manifest, std::move(runs), args,
                 "task " + std::to_string(slice.task) + "/" + std::to_string(slice.tasks));
}

int sweep_status_command(const SweepStatusArgs& args) {
  const SweepFolder folder{args.folder};
  const Manifest manifest = read_manifest(folder);
  const SweepStatus status = sweep_status(folder, manifest);
  std::cout << (args.json ? status_json(manifest, status)
                          : format_status(folder, manifest, status));
  return kExitOk;
}

int sweep_collect_command(const SweepCollectArgs& args) {
  const SweepFolder folder{args.folder};
  const Manifest manifest = read_manifest(folder);
  const std::filesystem::path output =
      args.output.empty() ? folder.root / "summary.h5" : std::filesystem::path(args.output);
  const CollectReport report = collect_sweep(folder, manifest, output, args.partial);
  std::cout << "laborsim sweep collect: " << report.collected << " of " << report.planned
            << " runs into " << output.string() << "\n";
  return kExitOk;
}

}  // namespace laborsim::cli
