#include "sim/run.hpp"

#include <algorithm>
#include <chrono>
#include <memory>

#include "sim/build_info.hpp"
#include "sim/checkpoint/checkpoint_file.hpp"
#include "sim/invariants.hpp"
#include "sim/output/panel_writer.hpp"
#include "sim/output/trajectory_reader.hpp"
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

// Whether the output is small enough to keep in memory and rewrite whole at every month's commit
// (crash-safe, TrajectoryWriter): the aggregates always are (a few MB); a worker panel of more
// than 64 MiB before compression is written in place instead.
bool rewritable_monthly(const Scenario& scenario, std::size_t workers) {
  constexpr double kPanelBytesPerAgentMonth = 26;  // kPanelColumns
  constexpr double kLimitBytes = 64.0 * 1024 * 1024;
  const double panel = static_cast<double>(std::min<std::size_t>(
                           workers, static_cast<std::size_t>(scenario.output.panel_workers))) *
                       scenario.months * kPanelBytesPerAgentMonth;
  return panel <= kLimitBytes;
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
  const int first_month = options.first_recorded_month;
  const YearMonth first = scenario.start.plus_months(first_month);
  RunReport report;
  report.workers = simulation.world().workers.size();
  report.employers = simulation.world().employers.size();

  auto output_start = Clock::now();
  OutputMetadata metadata;
  metadata.scenario = scenario.name;
  metadata.description = scenario.description;
  metadata.config_json = scenario.config.dump();
  metadata.start = first.to_string();
  metadata.laborsim_version = std::string(laborsim_version());
  metadata.git_commit = std::string(git_commit());
  metadata.seed = scenario.seed;
  metadata.replicate = options.replicate;
  metadata.arm = options.arm;
  metadata.threads = options.threads;
  metadata.months_planned = scenario.months - first_month;
  metadata.population_scale = scenario.population.scale;
  metadata.origin = options.origin;
  const OutputAxes axes = output_axes(scenario);
  report.trajectory.start = first;
  report.trajectory.axes = axes;

  const int rows = simulation.months_done() - first_month;  // already recorded
  const bool in_memory = rewritable_monthly(scenario, simulation.world().workers.size());
  std::unique_ptr<TrajectoryWriter> writer;
  // A run stopped before its output was first written left nothing to continue.
  const bool continue_file =
      options.continue_output &&
      (rows > 0 || std::filesystem::exists(options.output.string() + ".partial"));
  if (continue_file) {
    const std::string partial = options.output.string() + ".partial";
    TrajectoryFile recorded = read_trajectory(partial);
    if (recorded.config_json != metadata.config_json) {
      throw std::runtime_error(partial + ": holds a run of another scenario than the checkpoint");
    }
    if (recorded.committed_months < rows) {
      throw std::runtime_error(partial + ": commits " + std::to_string(recorded.committed_months) +
                               " months, fewer than the " + std::to_string(rows) +
                               " the checkpoint continues from");
    }
    recorded.trajectory.months.resize(static_cast<std::size_t>(rows), Observation(axes.sizes()));
    report.trajectory.months = std::move(recorded.trajectory.months);
    writer = std::make_unique<TrajectoryWriter>(options.output, rows, in_memory);
  } else {
    writer = std::make_unique<TrajectoryWriter>(
        options.output, metadata, axes, service_variables(simulation.world()),
        OutputLayout{scenario.output.compression_level, scenario.output.chunk_months, in_memory});
  }
  std::unique_ptr<PanelWriter> panel;
  if (scenario.output.panel_workers > 0) {
    const WorkerStore& workers = simulation.world().workers;
    std::vector<WorkerId> members = sample_panel(
        scenario.seed, workers.size(), static_cast<std::size_t>(scenario.output.panel_workers));
    panel = continue_file
                ? std::make_unique<PanelWriter>(writer->file(), writer->partial_path().string(),
                                                metadata.start, std::move(members), rows)
                : std::make_unique<PanelWriter>(writer->file(), writer->partial_path().string(),
                                                metadata.start, std::move(members), workers,
                                                scenario.output.chunk_months,
                                                scenario.output.compression_level);
  }
  writer->publish();  // fails early where the output cannot be written
  report.output_seconds += seconds_since(output_start);

  const auto save_checkpoint = [&] {
    const auto checkpoint_start = Clock::now();
    CheckpointInfo info;
    info.month = simulation.months_done();
    info.first_recorded_month = first_month;
    info.config_json = metadata.config_json;
    info.scenario = scenario.name;
    info.seed = scenario.seed;
    info.laborsim_version = metadata.laborsim_version;
    info.git_commit = metadata.git_commit;
    info.threads = options.threads;
    write_checkpoint(options.checkpoint, simulation, info);
    report.checkpoint_seconds += seconds_since(checkpoint_start);
  };
  // A resumed run continues from the checkpoint it was restored from: no need to write it again.
  if (options.checkpoint_every > 0 && !options.continue_output) save_checkpoint();

  InvariantChecker invariants(simulation.world(), simulation.ledger(), options.check);
  const int recorded_months = scenario.months - first_month;
  for (int month = simulation.months_done(); month < scenario.months; ++month) {
    const auto step_start = Clock::now();
    Observation observation = simulation.step();
    invariants.check(simulation.world(), simulation.ledger(), observation);  // before writing it
    report.step_seconds += seconds_since(step_start);

    output_start = Clock::now();
    if (panel) panel->append(simulation.world().workers);
    writer->append(observation);
    report.output_seconds += seconds_since(output_start);
    if (options.checkpoint_every > 0 && (month + 1) % options.checkpoint_every == 0) {
      save_checkpoint();
    }
    if (progress != nullptr) {
      progress->month_done(month + 1 - first_month, recorded_months,
                           scenario.start.plus_months(month), observation);
    }
    report.trajectory.months.push_back(std::move(observation));
  }
  simulation.finish();
  output_start = Clock::now();
  panel.reset();  // its datasets must close before the file does
  writer->finish();
  report.output_seconds += seconds_since(output_start);
  report.phase_seconds = simulation.phase_seconds();
  return report;
}

}  // namespace laborsim
