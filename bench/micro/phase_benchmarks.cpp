// Google Benchmark micro-benchmarks of the monthly step's hot phases, on the Dingxi scenario
// scaled to LABORSIM_BENCH_WORKERS workers (default 10^6) after a year of burn-in: search
// (vacancies and applications), matching, aggregation (observe) and output (one month appended
// to an HDF5 trajectory). Items per second are worker-months per second of that phase alone.
//   build/bin/laborsim_micro_benchmarks [--benchmark_filter=Matching] [--benchmark_min_time=2]
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "sim/output/trajectory_writer.hpp"
#include "sim/phases/phases.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace laborsim {
namespace {

constexpr double kDingxiWorkingAge = 1'534'100;  // configs/dingxi.json at scale 1

double workers_wanted() {
  const char* text = std::getenv("LABORSIM_BENCH_WORKERS");
  return text != nullptr ? std::atof(text) : 1e6;
}

const Scenario& scenario() {
  static const Scenario s = load_scenario(
      "builtin:dingxi",
      {parse_override("population.scale=" + std::to_string(workers_wanted() / kDingxiWorkingAge)),
       parse_override("burn_in_months=12"), parse_override("months=12")});
  return s;
}

//! A world one simulated month in, then taken through the phases before search: the template
//! each search iteration starts from.
const World& world_before_search() {
  static const World world = [] {
    Simulation simulation(scenario());
    simulation.step();
    World w = simulation.world();
    update_economy(w);
    w.effects.start_month();
    plan_workforce(w);
    run_labor_flows(w);
    start_businesses(w);
    reach_out(w);
    return w;
  }();
  return world;
}

//! The same world with this month's vacancies and applications: matching's starting point.
const World& world_before_matching() {
  static const World world = [] {
    World w = world_before_search();
    post_vacancies(w);
    send_applications(w);
    return w;
  }();
  return world;
}

void count_worker_months(benchmark::State& state, const World& world) {
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(world.workers.size()));
}

void Search(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    World w = world_before_search();
    state.ResumeTiming();
    post_vacancies(w);
    send_applications(w);
    benchmark::DoNotOptimize(w.matching.applications.data());
  }
  count_worker_months(state, world_before_search());
}

void Matching(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    World w = world_before_matching();
    state.ResumeTiming();
    match_and_hire(w);
    benchmark::DoNotOptimize(w.workers.size());
  }
  count_worker_months(state, world_before_matching());
}

void Aggregation(benchmark::State& state) {
  const World& w = world_before_matching();
  const std::vector<double> benefits(w.graph.size(), 0.0);
  for (auto _ : state) benchmark::DoNotOptimize(observe(w, benefits));
  count_worker_months(state, w);
}

void Output(benchmark::State& state) {
  const World& w = world_before_matching();
  const Observation month = observe(w, std::vector<double>(w.graph.size(), 0.0));
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "laborsim_micro_benchmark.h5";
  OutputMetadata metadata;
  metadata.scenario = scenario().name;
  metadata.start = scenario().start.to_string();
  TrajectoryWriter writer(path, metadata, output_axes(scenario()), {},
                          OutputLayout{scenario().output.compression_level,
                                       scenario().output.chunk_months});
  for (auto _ : state) writer.append(month);
  writer.finish();
  std::filesystem::remove(path);
  count_worker_months(state, w);
}

BENCHMARK(Search)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(Matching)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(Aggregation)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(Output)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
}  // namespace laborsim

BENCHMARK_MAIN();
