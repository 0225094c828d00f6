#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "sim/cli/commands.hpp"
#include "sim/cli/progress.hpp"
#include "sim/cli/thread_limit.hpp"
#include "sim/compare/comparison.hpp"
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
      {"phase_seconds", phases},
      {"worker_months_per_second",
       report.step_seconds > 0 ? worker_months / report.step_seconds : 0},
      {"peak_rss_bytes", peak_rss_bytes()},
  };
  std::ofstream out(path);
  out << metrics.dump(2) << "\n";
  if (!out) throw std::runtime_error(path + ": cannot write metrics");
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
  ConsoleProgress progress(stderr);
  const RunReport report =
      run_scenario(scenario, RunOptions{output, threads, args.replicate, args.arm},
                   args.quiet ? nullptr : &progress);

  std::cout << "laborsim: " << scenario.name << ", " << scenario.months << " months from "
            << scenario.start.to_string() << " (all regions, persons)\n"
            << format_summary_table(summarize_by_year(report.trajectory));
  if (!args.quiet) {
    std::fprintf(stderr,
                 "laborsim: wrote %s (%zu workers, %zu employers, %d threads; setup %.2f s, "
                 "simulation %.2f s, output %.2f s)\n",
                 output.string().c_str(), report.workers, report.employers, threads,
                 report.setup_seconds, report.step_seconds, report.output_seconds);
  }
  if (!args.metrics_json.empty()) write_metrics(args.metrics_json, report, scenario, threads);
  return kExitOk;
}

}  // namespace laborsim::cli
