#include <cstdio>
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/output/trajectory_reader.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace laborsim::cli {
namespace {

void describe_output(const std::string& path) {
  const TrajectoryFile file = read_trajectory(path);
  const Trajectory& t = file.trajectory;
  std::size_t homes = 0;
  for (const RegionNode& node : t.axes.regions) homes += node.kind == RegionKind::kHome;
  std::cout << "file: " << path << "\n"
            << "format: " << file.format << " " << file.format_version << "\n"
            << "scenario: " << file.scenario << "  seed: " << file.seed << "\n"
            << "laborsim: " << file.laborsim_version << " (" << file.git_commit << "), "
            << file.threads << " threads\n"
            << "months: " << file.committed_months << " committed of " << file.months_planned
            << ", from " << t.start.to_string() << "\n"
            << "regions: " << t.axes.regions.size() << " (" << homes << " home, "
            << t.axes.regions.size() - homes << " destination)\n";
  for (std::size_t a = 0; a < kAxisCount; ++a) {
    std::cout << "variables (time, " << kAxisNames[a] << "):";
    for (const VariableInfo& variable : kVariables) {
      if (static_cast<std::size_t>(variable.axis) == a) std::cout << " " << variable.name;
    }
    std::cout << "\n";
  }
  if (file.panel_workers > 0) std::cout << "panel: " << file.panel_workers << " workers\n";
  for (std::size_t k = 0; k < t.axes.policies.size(); ++k) {
    double spend = 0, newcomers = 0, jobs = 0;
    for (const Observation& month : t.months) {
      spend += month.at(Variable::kSpend, k);
      newcomers += month.at(Variable::kNewBeneficiaries, k);
      jobs += month.at(Variable::kAttributedJobs, k);
    }
    std::printf("lever %s: spent %.0f yuan, %.0f new beneficiaries, %.0f attributed jobs\n",
                t.axes.policies[k].c_str(), spend, newcomers, jobs);
  }
  std::cout << format_summary_table(summarize_by_year(t));
}

}  // namespace

int inspect_command(const std::string& target, const ScenarioArgs& args) {
  if (is_hdf5_file(target)) {
    describe_output(target);
    return kExitOk;
  }
  ScenarioArgs scenario_args = args;
  scenario_args.scenario = target;
  std::cout << load_scenario_document(scenario_args.source(), scenario_args.overrides()).dump(2)
            << "\n";
  return kExitOk;
}

}  // namespace laborsim::cli
