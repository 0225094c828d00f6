#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "sim/checkpoint/checkpoint_file.hpp"
#include "sim/checkpoint/compatibility.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/progress.hpp"
#include "sim/cli/thread_limit.hpp"
#include "sim/compare/comparison.hpp"
#include "sim/output/trajectory_reader.hpp"
#include "sim/resources.hpp"
#include "sim/run.hpp"
#include "sim/scenario/input_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace laborsim::cli {
namespace {

long long peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<long long>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

std::filesystem::path output_path(const RunArgs& args, const Scenario& scenario) {
  std::string name = args.arm.empty() ? scenario.name : scenario.name + "." + args.arm;
  if (args.replicate > 0) name += ".r" + std::to_string(args.replicate);
  const std::filesystem::path path =
      args.output.empty() ? std::filesystem::path(scenario.output.directory) / (name + ".h5")
                          : std::filesystem::path(args.output);
  if (std::filesystem::is_directory(path)) {
    throw InputError(path.string() + ": output path is a directory; give a file name");
  }
  return path;
}

void write_metrics(const std::string& path, const RunReport& report, const Scenario& scenario,
                   int threads) {
  nlohmann::json phases;
  for (std::size_t p = 0; p < kPhaseNames.size(); ++p) {
    phases[std::string(kPhaseNames[p])] = report.phase_seconds[p];
  }
  const double worker_months = static_cast<double>(report.workers) * scenario.months;
  const nlohmann::json metrics{
      {"scenario", scenario.name},
      {"workers", report.workers},
      {"employers", report.employers},
      {"months", scenario.months},
      {"threads", threads},
      {"setup_seconds", report.setup_seconds},
      {"step_seconds", report.step_seconds},
      {"output_seconds", report.output_seconds},
      {"checkpoint_seconds", report.checkpoint_seconds},
      {"phase_seconds", phases},
      {"worker_months_per_second",
       report.step_seconds > 0 ? worker_months / report.step_seconds : 0},
      {"peak_rss_bytes", peak_rss_bytes()},
  };
  std::ofstream out(path);
  out << metrics.dump(2) << "\n";
  if (!out) throw std::runtime_error(path + ": cannot write metrics");
}

void say(const RunArgs& args, const std::string& message) {
  if (!args.quiet) std::fprintf(stderr, "laborsim: %s\n", message.c_str());
}

// A run whose output is already complete, read back: --resume has nothing to do but show it
// again, as long as it is this scenario's. Empty while the run is unfinished.
std::optional<TrajectoryFile> completed_run(const std::filesystem::path& output,
                                            const Scenario& scenario) {
  if (!std::filesystem::exists(output) || std::filesystem::exists(output.string() + ".partial")) {
    return std::nullopt;
  }
  TrajectoryFile done = read_trajectory(output.string());
  const std::string difference =
      first_difference(nlohmann::json::parse(done.config_json), scenario.config);
  if (!difference.empty()) {
    throw InputError(output.string() + ": holds a finished run of another scenario (" + difference +
                     " differs); remove it or run without --resume");
  }
  return done;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs the scenario: from its own checkpoint with --resume (when there is one), from another
// run's checkpoint with --from-checkpoint, else from the start. Empty when --resume finds the
// output complete (its summary is printed here).
std::optional<RunReport> continue_or_branch(const RunArgs& args, const Scenario& scenario,
                                            RunOptions& options, ProgressSink* progress) {
  if (const auto done = args.resume ? completed_run(options.output, scenario) : std::nullopt) {
    say(args, options.output.string() + " is complete: nothing to resume");
    std::cout << "laborsim: " << scenario.name << " (complete)\n"
              << format_summary_table(summarize_by_year(done->trajectory));
    return std::nullopt;
  }
  const auto setup_start = std::chrono::steady_clock::now();
  // Records a simulation restored or branched from a checkpoint, the restoring counted as set-up.
  const auto record_restored = [&](Simulation& simulation) {
    const double setup_seconds = seconds_since(setup_start);
    RunReport report = record_run(simulation, options, progress);
    report.setup_seconds = setup_seconds;
    return report;
  };
  if (args.resume && std::filesystem::exists(options.checkpoint)) {
    CheckpointFile checkpoint(options.checkpoint);
    check_resumable(checkpoint, scenario);
    say(args, "resuming after month " + std::to_string(checkpoint.info().month) + " from " +
                  options.checkpoint.string());
    Simulation simulation = Simulation::restore(scenario, checkpoint.archive());
    options.continue_output = true;
    options.first_recorded_month = checkpoint.info().first_recorded_month;
    return record_restored(simulation);
  }
  if (args.resume) say(args, "no checkpoint " + options.checkpoint.string() + ": starting afresh");
  if (!args.from_checkpoint.empty()) {
    CheckpointFile checkpoint(args.from_checkpoint);
    check_branchable(checkpoint, scenario);
    if (std::filesystem::exists(options.checkpoint) &&
        std::filesystem::equivalent(checkpoint.path(), options.checkpoint)) {
      throw InputError(options.checkpoint.string() +
                       ": a branch cannot overwrite the checkpoint it starts from; give -o");
    }
    const int month = checkpoint.info().month;
    say(args,
        "branching after month " + std::to_string(month) + " from " + checkpoint.path().string());
    Simulation simulation = Simulation::branch(scenario, checkpoint.archive());
    options.first_recorded_month = month;
    options.origin = "checkpoint " + checkpoint.path().string() + " after month " +
                     std::to_string(month) + " of " + checkpoint.info().scenario;
    return record_restored(simulation);
  }
  return run_scenario(scenario, options, progress);
}

}  // namespace

int run_command(const RunArgs& args) {
  const Scenario loaded = load_scenario(args.scenario.source(), args.scenario.overrides());
  // An arm runs its own levers only; a replicate runs with its derived seed: what replicate R of
  // that arm in laborsim compare (or a sweep) gives.
  const std::uint64_t seed = replicate_seed(loaded.seed, args.replicate);
  const Scenario scenario = args.arm.empty()
                                ? reseeded(loaded, seed)
                                : arm_scenario(loaded, find_arm(loaded, args.arm), seed);
  const std::filesystem::path output = output_path(args, scenario);

  const ThreadLimit limit(args.threads);
  const int threads = limit.threads();

  if (!args.quiet) {
    std::fprintf(stderr, "laborsim: %s: %d months from %s after %d burn-in months, scale %g\n",
                 scenario.name.c_str(), scenario.months, scenario.start.to_string().c_str(),
                 scenario.burn_in_months, scenario.population.scale);
  }
  if (!args.force) {
    const RunNeeds needs = estimate_needs(scenario, args.checkpoint_every > 0);
    if (const auto shortage = shortfall(needs, free_resources(output), output)) {
      throw std::runtime_error(*shortage + "; --force runs it anyway");
    }
  }
  ConsoleProgress progress(stderr);
  RunOptions options{output, threads, args.replicate, args.arm};
  options.checkpoint_every = args.checkpoint_every;
  options.checkpoint = checkpoint_path(output);
  options.check = args.check;
  const std::optional<RunReport> report =
      continue_or_branch(args, scenario, options, args.quiet ? nullptr : &progress);
  if (!report) return kExitOk;  // already complete
  std::cout << "laborsim: " << scenario.name << ", " << scenario.months << " months from "
            << scenario.start.to_string() << " (all regions, persons)\n"
            << format_summary_table(summarize_by_year(report->trajectory));
  if (!args.quiet) {
    std::fprintf(stderr,
                 "laborsim: wrote %s (%zu workers, %zu employers, %d threads; setup %.2f s, "
                 "simulation %.2f s, output %.2f s)\n",
                 output.string().c_str(), report->workers, report->employers, threads,
                 report->setup_seconds, report->step_seconds, report->output_seconds);
  }
  if (!args.metrics_json.empty()) write_metrics(args.metrics_json, *report, scenario, threads);
  return kExitOk;
}

}  // namespace laborsim::cli
