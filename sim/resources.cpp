#include "sim/resources.hpp"

#include <sys/statvfs.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "sim/observables.hpp"
#include "sim/output/trajectory.hpp"

namespace laborsim {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;

std::optional<double> read_number(const std::string& path) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text) || text == "max") return std::nullopt;
  try {
    return std::stod(text);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<double> available_memory() {
  std::optional<double> available;
  std::ifstream meminfo("/proc/meminfo");
  std::string line;
  while (std::getline(meminfo, line)) {
    double kib = 0;
    if (std::sscanf(line.c_str(), "MemAvailable: %lf kB", &kib) == 1) available = kib * 1024;
  }
  // Under a cgroup v2 memory limit (Slurm, containers) the limit binds before the machine does.
  const auto limit = read_number("/sys/fs/cgroup/memory.max");
  const auto used = read_number("/sys/fs/cgroup/memory.current");
  if (limit && used) {
    const double left = *limit - *used;
    if (!available || left < *available) available = left;
  }
  return available;
}

// The nearest existing folder at or above where `output` goes (its folder may not exist yet).
std::filesystem::path existing_folder(const std::filesystem::path& output) {
  std::filesystem::path folder = std::filesystem::absolute(output).parent_path();
  std::error_code error;
  while (!folder.empty() && !std::filesystem::is_directory(folder, error) &&
         folder != folder.root_path()) {
    folder = folder.parent_path();
  }
  return folder;
}

std::string megabytes(double bytes) {
  std::ostringstream text;
  text.precision(bytes < 10 * kMiB ? 2 : 0);
  text << std::fixed << bytes / kMiB << " MiB";
  return text.str();
}

}  // namespace

RunNeeds estimate_needs(const Scenario& scenario, bool checkpoints) {
  RunNeeds needs;
  for (const RegionSpec& region : scenario.regions) {
    if (region.kind == RegionKind::kHome) {
      needs.workers += region.working_age_population * scenario.population.scale;
    }
  }
  needs.memory_bytes = 200 * kMiB + 110 * needs.workers;
  const AxisSizes sizes = output_axes(scenario).sizes();
  double values_per_month = 0;
  for (const VariableInfo& variable : kVariables) {
    values_per_month += static_cast<double>(std::max<std::size_t>(sizes.of(variable.axis), 1));
  }
  const double panel = std::min<double>(needs.workers, scenario.output.panel_workers);
  const double months = scenario.months;
  needs.output_bytes = 2 * (1 * kMiB + months * (8 * values_per_month + 26 * panel));
  needs.checkpoint_bytes = checkpoints ? 2 * (1 * kMiB + 60 * needs.workers) : 0;
  return needs;
}

FreeResources free_resources(const std::filesystem::path& output) {
  FreeResources free;
  free.memory_bytes = available_memory();
  struct statvfs disk {};
  if (::statvfs(existing_folder(output).c_str(), &disk) == 0) {
    free.disk_bytes = static_cast<double>(disk.f_bavail) * static_cast<double>(disk.f_frsize);
  }
  return free;
}

std::optional<std::string> shortfall(const RunNeeds& needs, const FreeResources& free,
                                     const std::filesystem::path& output) {
  if (free.memory_bytes && needs.memory_bytes > *free.memory_bytes) {
    return "the run needs about " + megabytes(needs.memory_bytes) + " of memory for " +
           std::to_string(static_cast<long long>(needs.workers)) + " workers; " +
           megabytes(*free.memory_bytes) + " is available";
  }
  const double disk = needs.output_bytes + needs.checkpoint_bytes;
  if (free.disk_bytes && disk > *free.disk_bytes) {
    return existing_folder(output).string() + ": the run needs up to " + megabytes(disk) +
           " of disk (output " + megabytes(needs.output_bytes) +
           (needs.checkpoint_bytes > 0 ? ", checkpoints " + megabytes(needs.checkpoint_bytes)
                                       : std::string()) +
           "); " + megabytes(*free.disk_bytes) + " is free";
  }
  return std::nullopt;
}

}  // namespace laborsim
