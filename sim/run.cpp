#include "sim/run.hpp"

#include <chrono>
#include <memory>

#include "sim/build_info.hpp"
#include "sim/output/panel_writer.hpp"
#include "sim/output/trajectory_writer.hpp"

namespace laborsim {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The employment-service facilities of each region: communities, grids and their staff, odd-jobs
// markets.
std::vector<StaticRegionVariable> service_variables(const World& world) {
  std::vector<StaticRegionVariable> variables{
      {"grids", "1", "employment-service grids in the region", {}},
      {"grid_staff", "persons", "grid staff in the region", {}},
      {"employment_professionals",
       "persons",
       "employment professionals serving the region's grids",
       {}},
      {"information_staff", "persons", "information staff of the region's grids", {}},
      {"liaison_staff", "persons", "liaison staff of the region's grids", {}},
      {"communities", "1", "urban communities whose grids sit in the region", {}},
      {"odd_jobs_markets", "1", "odd-jobs markets (post stations) in the region", {}}};
  for (auto& variable : variables) variable.values.assign(world.graph.size(), 0);
  const GridStore& g = world.grids;
  for (std::size_t k = 0; k < g.size(); ++k) {
    const RegionId r = g.region[k];
    variables[0].values[r] += 1;
    variables[1].values[r] += g.grid_staff[k];
    variables[2].values[r] += g.professionals[k];
    variables[3].values[r] += g.information_staff[k];
    variables[4].values[r] += g.liaison_staff[k];
  }
  const Scenario& s = *world.scenario;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    variables[5].values[r] = s.regions[r].urban_communities;
    if (s.regions[r].kind == RegionKind::kHome)
      variables[6].values[r] = s.odd_jobs.markets_per_county;
  }
  return variables;
}

}  // namespace

RunReport run_scenario(const Scenario& scenario, const RunOptions& options,
                       ProgressSink* progress) {
  const auto setup_start = Clock::now();
  Simulation simulation(scenario);
  const double setup_seconds = seconds_since(setup_start);
  RunReport report = record_run(simulation, options, progress);
  report.setup_seconds = setup_seconds;
  return report;
}

RunReport record_run(Simulation& simulation, const RunOptions& options, ProgressSink* progress) {
  const Scenario& scenario = simulation.scenario();
  RunReport report;
  report.workers = simulation.world().workers.size();
  report.employers = simulation.world().employers.size();

  auto output_start = Clock::now();
  OutputMetadata metadata;
  metadata.scenario = scenario.name;
  metadata.description = scenario.description;
  metadata.config_json = scenario.config.dump();
  metadata.start = scenario.start.to_string();
  metadata.laborsim_version = std::string(laborsim_version());
  metadata.git_commit = std::string(git_commit());
  metadata.seed = scenario.seed;
  metadata.replicate = options.replicate;
  metadata.arm = options.arm;
  metadata.threads = options.threads;
  metadata.months_planned = scenario.months;
  metadata.population_scale = scenario.population.scale;
  const OutputAxes axes = output_axes(scenario);
  TrajectoryWriter writer(
      options.output, metadata, axes, service_variables(simulation.world()),
      OutputLayout{scenario.output.compression_level, scenario.output.chunk_months});
  std::unique_ptr<PanelWriter> panel;
  if (scenario.output.panel_workers > 0) {
    const WorkerStore& workers = simulation.world().workers;
    panel = std::make_unique<PanelWriter>(
        writer.file(), writer.partial_path().string(), metadata.start,
        sample_panel(scenario.seed, workers.size(),
                     static_cast<std::size_t>(scenario.output.panel_workers)),
        workers, scenario.output.chunk_months, scenario.output.compression_level);
  }
  report.output_seconds += seconds_since(output_start);

  report.trajectory.start = scenario.start;
  report.trajectory.axes = axes;
  for (int month = 0; month < scenario.months; ++month) {
    const auto step_start = Clock::now();
    Observation observation = simulation.step();
    report.step_seconds += seconds_since(step_start);

    output_start = Clock::now();
    if (panel) panel->append(simulation.world().workers);
    writer.append(observation);
    report.output_seconds += seconds_since(output_start);
    if (progress != nullptr) {
      progress->month_done(month + 1, scenario.months, scenario.start.plus_months(month),
                           observation);
    }
    report.trajectory.months.push_back(std::move(observation));
  }
  simulation.finish();
  output_start = Clock::now();
  panel.reset();  // its datasets must close before the file does
  writer.finish();
  report.output_seconds += seconds_since(output_start);
  report.phase_seconds = simulation.phase_seconds();
  return report;
}

}  // namespace laborsim
