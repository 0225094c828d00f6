#include "sim/sweep/sweep_status.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

namespace laborsim {

SweepStatus sweep_status(const SweepFolder& folder, const Manifest& manifest) {
  const RunRecords records(folder);
  SweepStatus status;
  status.runs = manifest.runs.size();
  for (std::size_t i = 0; i < manifest.runs.size(); ++i) {
    const RunRecord record = records.read(manifest.runs[i].id);
    switch (record.state) {
      case RunState::kDone:
        ++status.done;
        if (record.seconds > 0) {
          status.done_seconds += record.seconds;
          ++status.timed;
        }
        continue;
      case RunState::kRunning:
        ++status.running;
        // Runs made by a live process here are left to it; a record from another host cannot
        // be checked, so the run is made again (do not run two sweeps over one folder at once
        // unless their runs are disjoint, as Slurm tasks' slices are).
        if (record.host == host_name()) continue;
        break;
      case RunState::kFailed:
        ++status.failed;
        status.failures.emplace_back(i, record);
        break;
      case RunState::kPending:
        ++status.pending;
        if (record.interrupted) ++status.interrupted;
        break;
    }
    status.to_do.push_back(i);
  }
  return status;
}

std::string format_duration(double seconds) {
  char text[64];
  if (seconds < 60) {
    std::snprintf(text, sizeof text, "%.1f s", seconds);
  } else if (seconds < 3600) {
    std::snprintf(text, sizeof text, "%.0f min %.0f s", std::floor(seconds / 60),
                  std::fmod(seconds, 60));
  } else {
    std::snprintf(text, sizeof text, "%.0f h %.0f min", std::floor(seconds / 3600),
                  std::floor(std::fmod(seconds, 3600) / 60));
  }
  return text;
}

std::string format_bytes(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int unit = 0;
  while (bytes >= 1024 && unit < 4) {
    bytes /= 1024;
    ++unit;
  }
  char text[64];
  std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, units[unit]);
  return text;
}

std::string format_status(const SweepFolder& folder, const Manifest& manifest,
                          const SweepStatus& status) {
  std::ostringstream out;
  out << "sweep " << manifest.name << " (" << folder.root.string() << "): " << status.runs
      << " runs\n";
  out << "  done     " << status.done << "\n";
  out << "  running  " << status.running << "\n";
  out << "  failed   " << status.failed << "\n";
  out << "  pending  " << status.pending;
  if (status.interrupted > 0) out << " (" << status.interrupted << " interrupted)";
  out << "\n";
  if (status.timed > 0 && status.done < status.runs) {
    const double mean = status.done_seconds / static_cast<double>(status.timed);
    out << "mean run time " << format_duration(mean) << "; the " << status.runs - status.done
        << " runs not done need about "
        << format_duration(mean * static_cast<double>(status.runs - status.done))
        << " of run time (divide by the runs made at once)\n";
  }
  for (const auto& [index, record] : status.failures) {
    out << "failed: " << manifest.runs[index].id << " (" << record.outcome << ", "
        << format_duration(record.seconds) << " on " << record.host << "), log "
        << folder.log(manifest.runs[index].id).string() << "\n";
    std::istringstream tail(record.log_tail);
    std::string line;
    while (std::getline(tail, line)) out << "    " << line << "\n";
  }
  return out.str();
}

std::string status_json(const Manifest& manifest, const SweepStatus& status) {
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& [index, record] : status.failures) {
    failures.push_back({{"id", manifest.runs[index].id},
                        {"outcome", record.outcome},
                        {"host", record.host},
                        {"seconds", record.seconds}});
  }
  return nlohmann::json{{"sweep", manifest.name},
                        {"runs", status.runs},
                        {"done", status.done},
                        {"running", status.running},
                        {"failed", status.failed},
                        {"pending", status.pending},
                        {"interrupted", status.interrupted},
                        {"failures", failures}}
             .dump(1) +
         "\n";
}

}  // namespace laborsim
