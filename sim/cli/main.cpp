// laborsim command line: parses arguments (CLI11) and dispatches to the subcommands.
#include <hdf5.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "sim/build_info.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/sweep_cli.hpp"
#include "sim/scenario/input_error.hpp"

namespace {

void add_scenario_options(CLI::App* command, laborsim::cli::ScenarioArgs& args,
                          bool positional = true) {
  if (positional) {
    command->add_option("scenario", args.scenario,
                        "Scenario JSON file or builtin:NAME (default: builtin:dingxi)");
  }
  command->add_option("--set", args.sets, "Override a scenario value: PATH=VALUE (repeatable)")
      ->type_name("PATH=VALUE");
  command->add_option("--seed", args.seed, "Override the scenario's seed");
  command->add_option("--months", args.months, "Override the number of simulated months");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace laborsim::cli;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // laborsim reports HDF5 failures itself

  CLI::App app{"laborsim: agent-based labour-market simulator"};
  app.set_version_flag("--version", std::string(laborsim::laborsim_version()) + " (" +
                                        std::string(laborsim::git_commit()) + ")");
  app.require_subcommand(1);

  RunArgs run_args;
  CLI::App* run = app.add_subcommand("run", "Simulate a scenario and write its HDF5 trajectory");
  add_scenario_options(run, run_args.scenario);
  run->add_option("-o,--output", run_args.output,
                  "Output file (default: OUTPUT.DIRECTORY/NAME.h5 from the scenario)");
  run->add_option("-j,--threads", run_args.threads, "Worker threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  run->add_flag("-q,--quiet", run_args.quiet, "No progress or messages on stderr");
  run->add_option("--arm", run_args.arm,
                  "Run only this arm's levers (one of the scenario's arms; baseline or policies "
                  "when it lists none)");
  run->add_option("--replicate", run_args.replicate,
                  "Run replicate R: the seed laborsim compare and sweeps derive for it (0: the "
                  "scenario's own seed)")
      ->check(CLI::NonNegativeNumber);
  run->add_option("--metrics-json", run_args.metrics_json,
                  "Write timings, sizes and peak memory of the run to this JSON file");
  run->add_option("--checkpoint-every", run_args.checkpoint_every,
                  "Save the whole state to NAME.ckpt.h5 beside the output after the burn-in and "
                  "every N months (0: never)")
      ->check(CLI::NonNegativeNumber);
  run->add_flag("--resume", run_args.resume,
                "Continue an interrupted run from its checkpoint NAME.ckpt.h5 (exactly as if "
                "never stopped; any thread count); start afresh when there is none");
  run->add_option("--from-checkpoint", run_args.from_checkpoint,
                  "Branch from a checkpoint: its world (a shared burn-in) under this scenario's "
                  "levers, recorded from the checkpoint's month")
      ->type_name("FILE");
  run->add_flag("--check", run_args.check,
                "Check every agent's invariants each month (one state per worker, workforces, "
                "finite money); the cheap ones always run. A violation stops the run (exit 1)");
  run->add_flag("--force", run_args.force,
                "Run even when the estimate of memory or disk the run needs exceeds what is free");

  CompareArgs compare_args;
  CLI::App* compare = app.add_subcommand(
      "compare",
      "Run every arm of a scenario with the same seeds over replicates and report the levers' "
      "effects against the first arm");
  add_scenario_options(compare, compare_args.scenario);
  compare->add_option("-o,--output", compare_args.output,
                      "Output folder (default: OUTPUT.DIRECTORY/NAME-compare)");
  compare
      ->add_option("-r,--replicates", compare_args.replicates,
                   "Replicates (seeds) per arm (default 3)")
      ->check(CLI::Range(1, 10000));
  compare->add_option("-j,--threads", compare_args.threads, "Worker threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  compare->add_flag("-q,--quiet", compare_args.quiet, "No progress on stderr");

  SweepCli sweep(app);  // not const: parsing writes its options

  ScenarioArgs validate_args;
  CLI::App* validate = app.add_subcommand("validate", "Check a scenario without running it");
  add_scenario_options(validate, validate_args);
  validate->get_option("scenario")->required();

  CLI::App* schema = app.add_subcommand("schema", "Print the scenario JSON Schema");

  std::string inspect_target;
  ScenarioArgs inspect_args;
  CLI::App* inspect = app.add_subcommand(
      "inspect", "Describe an output file (.h5) or print a scenario's merged configuration");
  inspect->add_option("target", inspect_target, "OUTPUT.h5, scenario file or builtin:NAME")
      ->required();
  add_scenario_options(inspect, inspect_args, /*positional=*/false);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitBadInput;
  }

  try {
    if (*run) return run_command(run_args);
    if (*compare) return compare_command(compare_args);
    if (*validate) return validate_command(validate_args);
    if (*schema) return schema_command();
    if (*inspect) return inspect_command(inspect_target, inspect_args);
    if (sweep.chosen()) return sweep.dispatch();
  } catch (const laborsim::InputError& error) {
    std::cerr << "laborsim: error: " << error.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& error) {
    std::cerr << "laborsim: failed: " << error.what() << "\n";
    return kExitFailure;
  }
  return kExitFailure;
}
