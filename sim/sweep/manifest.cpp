#include "sim/sweep/manifest.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "sim/build_info.hpp"
#include "sim/compare/comparison.hpp"
#include "sim/output/trajectory.hpp"
#include "sim/scenario/input_error.hpp"
#include "sim/scenario/json_text.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/sweep/design.hpp"

namespace laborsim {
namespace {

constexpr const char* kManifestFormat = "laborsim-sweep";
constexpr int kManifestFormatVersion = 1;

// Cost constants of the estimate, from docs/PERFORMANCE.md (make bench, 2-vCPU development VM):
// the monthly step runs at about 6.5 million worker-months per second per core, synthesis takes
// about 0.24 s per million workers.
constexpr double kWorkerMonthsPerCoreSecond = 6.5e6;
constexpr double kSetupSecondsPerWorker = 2.4e-7;
// A panel record: the ten columns of sim/output/panel_writer.cpp, 26 bytes a person-month.
constexpr double kPanelBytesPerWorkerMonth = 26;
// What a file holds besides its months: metadata of some 80 datasets and the first, partly
// filled chunks. A one-month run of configs/scenarios/quick.json without burn-in is 227 KiB
// (`laborsim run configs/scenarios/quick.json --months 1 --set burn_in_months=0`).
constexpr double kFileOverheadBytes = 256 * 1024;

RunEstimate estimate_run(const Scenario& scenario) {
  RunEstimate estimate;
  for (const RegionSpec& region : scenario.regions) {
    if (region.kind == RegionKind::kHome) {
      estimate.workers += static_cast<double>(
          std::llround(region.working_age_population * scenario.population.scale));
    }
  }
  const double months = scenario.months + scenario.burn_in_months;
  estimate.core_seconds = estimate.workers * months / kWorkerMonthsPerCoreSecond +
                          estimate.workers * kSetupSecondsPerWorker;
  const Observation month(output_axes(scenario).sizes());
  std::size_t values = 0;
  for (std::size_t v = 0; v < kVariableCount; ++v) values += month.length(static_cast<Variable>(v));
  const double panel =
      std::min<double>(static_cast<double>(scenario.output.panel_workers), estimate.workers);
  estimate.bytes = kFileOverheadBytes +
                   scenario.months * (static_cast<double>(values) * sizeof(double) +
                                      panel * kPanelBytesPerWorkerMonth);
  return estimate;
}

std::string run_id(std::size_t index, std::size_t count) {
  const int width = std::max(5, static_cast<int>(std::to_string(count - 1).size()));
  char text[32];
  std::snprintf(text, sizeof text, "%0*zu", width, index);
  return text;
}

std::string csv_cell(const nlohmann::json& value) {
  const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string manifest_table(const Manifest& manifest) {
  std::ostringstream out;
  out << "run,point,arm,replicate,seed";
  for (const std::string& path : manifest.paths) out << "," << csv_cell(path);
  out << "\n";
  for (const PlannedRun& run : manifest.runs) {
    out << run.id << "," << run.point << "," << csv_cell(run.arm) << "," << run.replicate << ","
        << run.seed;
    for (const nlohmann::json& value : run.values) out << "," << csv_cell(value);
    out << "\n";
  }
  return out.str();
}

nlohmann::json manifest_json(const Manifest& manifest) {
  nlohmann::json runs = nlohmann::json::array();
  for (const PlannedRun& run : manifest.runs) {
    runs.push_back({{"id", run.id},
                    {"point", run.point},
                    {"values", run.values},
                    {"arm", run.arm},
                    {"replicate", run.replicate},
                    {"seed", run.seed}});
  }
  nlohmann::json estimates = nlohmann::json::array();
  for (const RunEstimate& e : manifest.estimates) {
    estimates.push_back(
        {{"workers", e.workers}, {"core_seconds", e.core_seconds}, {"bytes", e.bytes}});
  }
  return {{"format", kManifestFormat},
          {"format_version", kManifestFormatVersion},
          {"name", manifest.name},
          {"description", manifest.description},
          {"laborsim_version", manifest.laborsim_version},
          {"git_commit", manifest.git_commit},
          {"sweep", manifest.sweep_document},
          {"parameters", manifest.paths},
          {"arms", manifest.arms},
          {"replicates", manifest.replicates},
          {"point_estimates", estimates},
          {"runs", runs}};
}

}  // namespace

Manifest plan_sweep(const SweepSpec& sweep, nlohmann::json& base) {
  base = load_scenario_document(sweep.scenario, sweep.set);
  const Design design = make_design(sweep);
  Manifest manifest;
  manifest.name = sweep.name;
  manifest.description = sweep.description;
  manifest.paths = design.paths;
  manifest.arms = sweep.arms;
  manifest.replicates = sweep.replicates;
  manifest.sweep_document = sweep.document;
  manifest.laborsim_version = std::string(laborsim_version());
  manifest.git_commit = std::string(git_commit());

  const std::vector<std::string> arms =
      sweep.arms.empty() ? std::vector<std::string>{""} : sweep.arms;
  const std::size_t count =
      design.points.size() * arms.size() * static_cast<std::size_t>(sweep.replicates);
  for (std::size_t p = 0; p < design.points.size(); ++p) {
    std::vector<Override> overrides;
    for (std::size_t k = 0; k < design.paths.size(); ++k) {
      overrides.push_back(parse_override(design.paths[k] + "=" + design.points[p][k].dump()));
    }
    const std::string label = sweep.name + ": design point " + std::to_string(p);
    Scenario scenario = [&] {
      try {
        return freeze_scenario(resolve_scenario_document(base, label, overrides), label);
      } catch (const InputError& error) {
        std::string values;
        for (std::size_t k = 0; k < design.paths.size(); ++k) {
          values += (k ? ", " : "") + design.paths[k] + "=" + design.points[p][k].dump();
        }
        throw InputError(std::string(error.what()) + "\n(point " + std::to_string(p) + ": " +
                         values + ")");
      }
    }();
    for (std::size_t a = 0; a < sweep.arms.size(); ++a) {
      try {
        find_arm(scenario, sweep.arms[a]);
      } catch (const InputError& error) {  // names the arms there are
        throw InputError(sweep.name + ": /arms/" + std::to_string(a) + ": " + error.what());
      }
    }
    manifest.estimates.push_back(estimate_run(scenario));
    for (const std::string& arm : arms) {
      for (int r = 0; r < sweep.replicates; ++r) {
        PlannedRun run;
        run.id = run_id(manifest.runs.size(), count);
        run.point = p;
        run.values = design.points[p];
        run.arm = arm;
        run.replicate = r;
        run.seed = replicate_seed(scenario.seed, r);
        manifest.runs.push_back(std::move(run));
      }
    }
  }
  return manifest;
}

void write_plan(const SweepFolder& folder, const Manifest& manifest, const nlohmann::json& base) {
  if (std::filesystem::exists(folder.root) && !std::filesystem::is_directory(folder.root)) {
    throw InputError(folder.root.string() + ": exists and is not a folder");
  }
  if (std::filesystem::exists(folder.manifest())) {
    throw InputError(folder.root.string() +
                     ": already holds a planned sweep (manifest.json); plan into a new folder");
  }
  std::filesystem::create_directories(folder.root);
  for (const auto& sub : {folder.runs(), folder.logs(), folder.status()}) {
    std::filesystem::create_directories(sub);
  }
  write_file_atomically(folder.scenario(), base.dump(2) + "\n");
  write_file_atomically(folder.manifest_table(), manifest_table(manifest));
  // The manifest last: a folder with a manifest is a complete plan.
  write_file_atomically(folder.manifest(), manifest_json(manifest).dump(1) + "\n");
}

Manifest read_manifest(const SweepFolder& folder) {
  if (!std::filesystem::exists(folder.manifest())) {
    throw InputError(folder.root.string() +
                     ": not a planned sweep (no manifest.json; make one with laborsim sweep plan)");
  }
  const nlohmann::json document = read_json_file(folder.manifest().string());
  if (document.value("format", "") != kManifestFormat) {
    throw InputError(folder.manifest().string() + ": not a laborsim sweep manifest");
  }
  if (document.value("format_version", 0) > kManifestFormatVersion) {
    throw InputError(folder.manifest().string() + ": written by a newer laborsim (format_version " +
                     std::to_string(document.value("format_version", 0)) + ")");
  }
  Manifest manifest;
  manifest.name = document.at("name").get<std::string>();
  manifest.description = document.at("description").get<std::string>();
  manifest.paths = document.at("parameters").get<std::vector<std::string>>();
  manifest.arms = document.at("arms").get<std::vector<std::string>>();
  manifest.replicates = document.at("replicates").get<int>();
  manifest.sweep_document = document.at("sweep");
  manifest.laborsim_version = document.at("laborsim_version").get<std::string>();
  manifest.git_commit = document.at("git_commit").get<std::string>();
  for (const auto& e : document.at("point_estimates")) {
    manifest.estimates.push_back({e.at("workers").get<double>(), e.at("core_seconds").get<double>(),
                                  e.at("bytes").get<double>()});
  }
  for (const auto& r : document.at("runs")) {
    PlannedRun run;
    run.id = r.at("id").get<std::string>();
    run.point = r.at("point").get<std::size_t>();
    run.values = r.at("values").get<std::vector<nlohmann::json>>();
    run.arm = r.at("arm").get<std::string>();
    run.replicate = r.at("replicate").get<int>();
    run.seed = r.at("seed").get<std::uint64_t>();
    manifest.runs.push_back(std::move(run));
  }
  return manifest;
}

std::vector<std::string> run_arguments(const SweepFolder& folder, const Manifest& manifest,
                                       const PlannedRun& run) {
  std::vector<std::string> args{"run", folder.scenario().string()};
  for (std::size_t k = 0; k < manifest.paths.size(); ++k) {
    args.push_back("--set");
    args.push_back(manifest.paths[k] + "=" + run.values[k].dump());
  }
  args.push_back("--replicate");
  args.push_back(std::to_string(run.replicate));
  if (!run.arm.empty()) {
    args.push_back("--arm");
    args.push_back(run.arm);
  }
  args.push_back("-o");
  args.push_back(folder.output(run.id).string());
  return args;
}

RunEstimate total_estimate(const Manifest& manifest) {
  RunEstimate total;
  for (const PlannedRun& run : manifest.runs) {
    const RunEstimate& e = manifest.estimates.at(run.point);
    total.workers += e.workers;
    total.core_seconds += e.core_seconds;
    total.bytes += e.bytes;
  }
  return total;
}

}  // namespace laborsim
