#include "sim/sweep/run_launcher.hpp"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <thread>

namespace laborsim {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kPollInterval = std::chrono::milliseconds(20);

//! Forks and executes this program with `args`, its stdout and stderr going to `log`.
pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& log) {
  const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(log.string() + ": cannot create the run's log");
  // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
  std::vector<std::string> owned{"laborsim"};
  owned.insert(owned.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : owned) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the parent died before prctl took effect
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    execv("/proc/self/exe", argv.data());
    _exit(127);
  }
  close(fd);
  if (pid < 0) throw std::runtime_error("cannot start a run: fork failed");
  return pid;
}

std::atomic<int> g_stop_signal{0};

extern "C" void note_stop_signal(int signal) { g_stop_signal.store(signal); }

}  // namespace

StopOnSignal::StopOnSignal() {
  g_stop_signal.store(0);
  struct sigaction action {};
  action.sa_handler = note_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &old_interrupt_);
  sigaction(SIGTERM, &action, &old_terminate_);
}

StopOnSignal::~StopOnSignal() {
  sigaction(SIGINT, &old_interrupt_, nullptr);
  sigaction(SIGTERM, &old_terminate_, nullptr);
}

bool StopOnSignal::requested() const { return g_stop_signal.load() != 0; }

bool sweep_stop_requested() { return g_stop_signal.load() != 0; }

void RunLauncher::signal_all(int signal) const {
  for (const Child& child : children_) kill(child.pid, signal);
}

RunLauncher::RunLauncher(SweepFolder folder, const Manifest& manifest, int threads,
                         std::string worker)
    : folder_(std::move(folder)),
      manifest_(manifest),
      records_(folder_, std::move(worker)),
      threads_(threads) {}

void RunLauncher::start(std::size_t index) {
  const PlannedRun& run = manifest_.runs.at(index);
  std::vector<std::string> args = run_arguments(folder_, manifest_, run);
  args.insert(args.end(), {"-j", std::to_string(threads_)});
  // Records first: a sweep killed between the two calls leaves a record whose process does
  // not exist, which reads as interrupted (pending) - never a run nobody knows about.
  const pid_t pid = spawn(args, folder_.log(run.id));
  records_.mark_running(run.id, pid);
  children_.push_back({pid, index, Clock::now()});
}

std::vector<FinishedRun> RunLauncher::reap() {
  std::vector<FinishedRun> finished;
  for (auto child = children_.begin(); child != children_.end();) {
    int status = 0;
    const pid_t result = waitpid(child->pid, &status, WNOHANG);
    if (result == 0 || (result < 0 && errno == EINTR)) {
      ++child;
      continue;
    }
    FinishedRun run;
    run.index = child->index;
    run.outcome.pid = child->pid;
    run.outcome.seconds = std::chrono::duration<double>(Clock::now() - child->started).count();
    if (result < 0) {
      run.outcome.exit_code = -1;  // lost track of it (should not happen)
    } else if (WIFSIGNALED(status)) {
      run.outcome.exit_code = -1;
      run.outcome.signal = WTERMSIG(status);
    } else {
      run.outcome.exit_code = WEXITSTATUS(status);
    }
    const std::string& id = manifest_.runs[child->index].id;
    run.outcome.output_written = folder_.is_done(id);
    records_.mark_finished(id, run.outcome);
    finished.push_back(run);
    child = children_.erase(child);
  }
  return finished;
}

PoolReport run_pool(RunLauncher& launcher, RunSource& source, std::size_t slots, bool quiet,
                    const Manifest& manifest) {
  const StopOnSignal stop;
  PoolReport report;
  bool exhausted = false;
  for (;;) {
    if (stop.requested() && !report.interrupted) {
      // Ctrl-C, a Slurm time limit, kill: start nothing more; the runs under way are told to
      // stop too (they usually got the signal already) and are recorded as they end.
      report.interrupted = true;
      exhausted = true;
      launcher.signal_all(SIGTERM);
    }
    while (!exhausted && launcher.active() < slots) {
      const std::optional<std::size_t> next = source.next();
      if (!next) {
        exhausted = true;
        break;
      }
      launcher.start(*next);
    }
    for (const FinishedRun& run : launcher.reap()) {
      const PlannedRun& planned = manifest.runs[run.index];
      const bool ok = run.outcome.ok();
      ++(ok ? report.done : report.failed);
      if (!quiet) {
        const std::string what =
            ok ? "done" : "failed: " + run.outcome.describe() + ", see logs/" + planned.id + ".log";
        std::fprintf(stderr, "laborsim sweep: run %s %s (%.1f s)\n", planned.id.c_str(),
                     what.c_str(), run.outcome.seconds);
      }
    }
    source.service();
    if (exhausted && launcher.active() == 0 && source.may_stop()) break;
    std::this_thread::sleep_for(kPollInterval);
  }
  return report;
}

}  // namespace laborsim
