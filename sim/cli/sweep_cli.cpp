// The `laborsim sweep` subcommands' options (CLI11), kept out of main.cpp.
#include "sim/cli/sweep_cli.hpp"

#include <CLI/CLI.hpp>

namespace laborsim::cli {

SweepCli::SweepCli(CLI::App& app) {
  sweep_ = app.add_subcommand(
      "sweep",
      "Batches of runs from a sweep file: plan, run (locally or over MPI ranks), exec "
      "(a Slurm array task's slice), status, collect");
  sweep_->require_subcommand(1);
  plan_ = sweep_->add_subcommand(
      "plan", "Expand a sweep file into a folder of planned runs (manifest) and estimate its cost");
  plan_->add_option("sweep", plan_args_.sweep, "Sweep JSON file")->required();
  plan_->add_option("-o,--output", plan_args_.output,
                    "Sweep folder (default: OUTPUT.DIRECTORY/NAME from the base scenario)");

  const auto add_exec_options = [](CLI::App* command, SweepExecArgs& args) {
    command->add_option("folder", args.folder, "Sweep folder made by laborsim sweep plan")
        ->required();
    command->add_option("-j,--threads", args.threads, "Threads of each run (0: all cores)")
        ->check(CLI::NonNegativeNumber);
    command->add_option("--concurrent", args.concurrent, "Runs at once (default: cores / threads)")
        ->check(CLI::PositiveNumber);
    command->add_flag("-q,--quiet", args.quiet, "No progress on stderr");
  };
  run_ = sweep_->add_subcommand("run",
                                "Make every run of a sweep that is not done yet, several at once");
  add_exec_options(run_, run_args_);
  run_->add_flag("--mpi", run_args_.mpi,
                 "Spread the runs over the ranks of mpirun (dynamic load balance)");
  exec_ = sweep_->add_subcommand("exec",
                                 "Make slice TASK of TASKS of a sweep's runs (a Slurm array task)");
  add_exec_options(exec_, exec_args_);
  exec_->add_option("--task", exec_args_.task, "Slice, from 0 (default: SLURM_ARRAY_TASK_ID)")
      ->check(CLI::NonNegativeNumber);
  exec_->add_option("--tasks", exec_args_.tasks, "Slices (default: SLURM_ARRAY_TASK_COUNT)")
      ->check(CLI::PositiveNumber);
  status_ = sweep_->add_subcommand("status", "Count done, running, failed, pending runs");
  status_->add_option("folder", status_args_.folder, "Sweep folder")->required();
  status_->add_flag("--json", status_args_.json, "As JSON");

  collect_ = sweep_->add_subcommand(
      "collect",
      "Gather the finished runs' monthly outputs into one HDF5 file with a run dimension");
  collect_->add_option("folder", collect_args_.folder, "Sweep folder")->required();
  collect_->add_option("-o,--output", collect_args_.output,
                       "Summary file (default: DIR/summary.h5)");
  collect_->add_flag("--partial", collect_args_.partial,
                     "Collect the runs that are done even when others are not");
}

bool SweepCli::chosen() const { return sweep_->parsed(); }

int SweepCli::dispatch() const {
  if (plan_->parsed()) return sweep_plan_command(plan_args_);
  if (run_->parsed()) return sweep_run_command(run_args_);
  if (exec_->parsed()) return sweep_exec_command(exec_args_);
  if (status_->parsed()) return sweep_status_command(status_args_);
  return sweep_collect_command(collect_args_);
}

}  // namespace laborsim::cli
