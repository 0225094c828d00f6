// laborsim compare: every arm of a scenario, replicate by replicate with one seed per replicate,
// then the effects of each arm against the first. Each replicate synthesises the population and
// runs the burn-in once; every arm forks from there (levers never act during burn-in, so this is
// exactly what separate runs would give).
#include <filesystem>
#include <iostream>

#include "sim/build_info.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/thread_limit.hpp"
#include "sim/compare/comparison.hpp"
#include "sim/output/effects_writer.hpp"
#include "sim/run.hpp"
#include "sim/scenario/input_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace laborsim::cli {

int compare_command(const CompareArgs& args) {
  const Scenario scenario = load_scenario(args.scenario.source(), args.scenario.overrides());
  const std::vector<ArmSpec> arms = comparison_arms(scenario);
  const std::filesystem::path folder =
      args.output.empty()
          ? std::filesystem::path(scenario.output.directory) / (scenario.name + "-compare")
          : std::filesystem::path(args.output);
  if (std::filesystem::exists(folder) && !std::filesystem::is_directory(folder)) {
    throw InputError(folder.string() + ": output path exists and is not a folder");
  }
  const ThreadLimit limit(args.threads);
  std::vector<std::string> names, levers;
  for (const ArmSpec& arm : arms) {
    names.push_back(arm.name);
    std::string list;
    for (const std::size_t k : arm.levers) {
      list += (list.empty() ? "" : ",") + scenario.policies[k].name;
    }
    levers.push_back(list);
  }
  if (!args.quiet) {
    std::fprintf(stderr,
                 "laborsim compare: %s: %zu arms x %d replicates, %d months from %s, into %s\n",
                 scenario.name.c_str(), arms.size(), args.replicates, scenario.months,
                 scenario.start.to_string().c_str(), folder.string().c_str());
  }
  std::vector<std::vector<Trajectory>> runs;
  EffectsMetadata metadata{scenario.name,
                           arms[0].name,
                           scenario.start.to_string(),
                           scenario.config.dump(),
                           std::string(laborsim_version()),
                           std::string(git_commit()),
                           {}};
  for (int r = 0; r < args.replicates; ++r) {
    const std::uint64_t seed = replicate_seed(scenario.seed, r);
    metadata.seeds.push_back(seed);
    const Scenario burn_in_scenario = arm_scenario(scenario, ArmSpec{}, seed);
    const Simulation burnt_in(burn_in_scenario);
    runs.emplace_back();
    for (std::size_t a = 0; a < arms.size(); ++a) {
      const Scenario arm = arm_scenario(scenario, arms[a], seed);
      Simulation simulation = burnt_in.fork(arm);
      const std::filesystem::path path = folder / (arms[a].name + ".r" + std::to_string(r) + ".h5");
      RunReport report = record_run(simulation, RunOptions{path, limit.threads(), r, arms[a].name});
      if (!args.quiet) {
        std::fprintf(stderr, "laborsim compare: replicate %d/%d, arm %s: %.1f s, wrote %s\n", r + 1,
                     args.replicates, arms[a].name.c_str(), report.step_seconds,
                     path.string().c_str());
      }
      runs.back().push_back(std::move(report.trajectory));
    }
  }
  const ComparisonResult result = compare_runs(names, levers, runs);
  const std::filesystem::path effects = folder / "effects.h5";
  write_effects(effects, metadata, result);

  std::cout << "laborsim compare: " << scenario.name << ", " << scenario.months << " months from "
            << scenario.start.to_string() << ", " << args.replicates
            << " replicates; effects against arm " << arms[0].name
            << " (all regions, full population size)\n";
  for (std::size_t a = 0; a < result.arms.size(); ++a) {
    std::cout << "\n"
              << format_effects(result.arms[a], result.arm_levers[a], result.summaries[a],
                                static_cast<std::size_t>(args.replicates));
  }
  if (!args.quiet) std::fprintf(stderr, "laborsim compare: wrote %s\n", effects.string().c_str());
  return kExitOk;
}

}  // namespace laborsim::cli
