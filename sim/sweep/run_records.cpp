#include "sim/sweep/run_records.hpp"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <fstream>
#include <nlohmann/json.hpp>

namespace laborsim {
namespace {

constexpr std::size_t kLogTailLines = 8;

std::string log_tail(const std::filesystem::path& log) {
  std::ifstream in(log);
  std::deque<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    lines.push_back(line);
    if (lines.size() > kLogTailLines) lines.pop_front();
  }
  std::string tail;
  for (const std::string& l : lines) tail += l + "\n";
  return tail;
}

nlohmann::json read_record(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return nullptr;
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

bool process_exists(long long pid) {
  return pid > 0 && (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

}  // namespace

std::string RunOutcome::describe() const {
  if (signal != 0) {
    const char* name = strsignal(signal);
    return "killed by signal " + std::to_string(signal) +
           (name ? std::string(" (") + name + ")" : "");
  }
  if (exit_code == 0 && !output_written) return "exit 0 but no output";
  return "exit " + std::to_string(exit_code);
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}

RunRecord RunRecords::read(const std::string& id) const {
  RunRecord record;
  if (folder_.is_done(id)) {
    record.state = RunState::kDone;
    const nlohmann::json done = read_record(folder_.record(id, "done"));
    if (done.is_object()) {
      record.seconds = done.value("seconds", 0.0);
      record.host = done.value("host", "");
    }
    return record;
  }
  const nlohmann::json running = read_record(folder_.record(id, "running"));
  if (running.is_object()) {
    record.host = running.value("host", "");
    record.pid = running.value("pid", 0LL);
    if (record.host == host_name() && !process_exists(record.pid)) {
      record.interrupted = true;  // its process is gone: pending again
    } else {
      record.state = RunState::kRunning;
    }
    return record;
  }
  const nlohmann::json failed = read_record(folder_.record(id, "failed"));
  if (failed.is_object()) {
    record.state = RunState::kFailed;
    record.host = failed.value("host", "");
    record.seconds = failed.value("seconds", 0.0);
    record.outcome = failed.value("outcome", "");
    record.log_tail = failed.value("log_tail", "");
  }
  return record;
}

void RunRecords::log_event(const std::string& event, const std::string& id, long long pid,
                           const std::string& outcome) const {
  nlohmann::json line{
      {"event", event}, {"run", id}, {"host", host_name()}, {"pid", pid}, {"worker", worker_}};
  if (!outcome.empty()) line["outcome"] = outcome;
  append_line(folder_.events(), line.dump());
}

void RunRecords::mark_running(const std::string& id, pid_t pid) const {
  write_file_atomically(
      folder_.record(id, "running"),
      nlohmann::json{{"host", host_name()}, {"pid", pid}, {"worker", worker_}}.dump() + "\n");
  log_event("start", id, pid, "");
  std::filesystem::remove(folder_.record(id, "failed"));
  std::filesystem::remove(folder_.record(id, "done"));
}

void RunRecords::mark_finished(const std::string& id, const RunOutcome& outcome) const {
  nlohmann::json record{{"host", host_name()}, {"worker", worker_}, {"seconds", outcome.seconds}};
  if (outcome.ok()) {
    write_file_atomically(folder_.record(id, "done"), record.dump() + "\n");
  } else {
    record["outcome"] = outcome.describe();
    record["exit_code"] = outcome.exit_code;
    record["signal"] = outcome.signal;
    record["log_tail"] = log_tail(folder_.log(id));
    write_file_atomically(folder_.record(id, "failed"), record.dump(1) + "\n");
  }
  std::filesystem::remove(folder_.record(id, "running"));
  log_event(outcome.ok() ? "done" : "failed", id, outcome.pid,
            outcome.ok() ? "" : outcome.describe());
}

}  // namespace laborsim
