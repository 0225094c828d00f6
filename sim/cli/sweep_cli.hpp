#pragma once
// `laborsim sweep plan|run|exec|status|collect`: adds the subcommands and their options to the
// command line, and runs the one the user chose.
#include "sim/cli/commands.hpp"

namespace CLI {
class App;
}

namespace laborsim::cli {

class SweepCli {
 public:
  explicit SweepCli(CLI::App& app);
  SweepCli(const SweepCli&) = delete;
  SweepCli& operator=(const SweepCli&) = delete;

  //! True when the command line chose `sweep` (after parsing).
  bool chosen() const;
  //! Runs the chosen sweep subcommand; returns its exit code.
  int dispatch() const;

 private:
  CLI::App* sweep_ = nullptr;
  CLI::App* plan_ = nullptr;
  CLI::App* run_ = nullptr;
  CLI::App* exec_ = nullptr;
  CLI::App* status_ = nullptr;
  CLI::App* collect_ = nullptr;
  SweepPlanArgs plan_args_;
  SweepExecArgs run_args_;
  SweepExecArgs exec_args_;
  SweepStatusArgs status_args_;
  SweepCollectArgs collect_args_;
};

}  // namespace laborsim::cli
