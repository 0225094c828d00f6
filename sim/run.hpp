#pragma once
// One complete run: synthesise, step month by month, record to HDF5, report.
#include <array>
#include <cstddef>
#include <filesystem>
#include <string>

#include "sim/output/trajectory.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/simulation.hpp"

namespace laborsim {

//! Receives progress after each simulated month (the CLI draws a bar or prints lines).
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void month_done(int done, int total, const YearMonth& month,
                          const Observation& observation) = 0;
};

struct RunOptions {
  RunOptions() = default;
  RunOptions(std::filesystem::path output_path, int threads_, int replicate_, std::string arm_)
      : output(std::move(output_path)),
        threads(threads_),
        replicate(replicate_),
        arm(std::move(arm_)) {}

  std::filesystem::path output;  //!< final HDF5 path
  int threads = 1;               //!< recorded in the output's attributes
  int replicate = 0;
  std::string arm;  //!< the comparison arm the run belongs to ("" outside laborsim compare)
  //! Checkpoints (sim/checkpoint/): with checkpoint_every > 0, the state is saved to
  //! `checkpoint` before the first recorded month and after every month the run's month count
  //! reaches a multiple of checkpoint_every.
  int checkpoint_every = 0;
  std::filesystem::path checkpoint;
  //! The month of the output's first row: 0, or the month a policy branch starts from.
  int first_recorded_month = 0;
  //! Continue the unfinished OUTPUT.partial an interrupted run left (keeping its rows before
  //! the simulation's month) instead of creating the output.
  bool continue_output = false;
  std::string origin;  //!< the output's `origin` attribute (OutputMetadata::origin)
  //! Check the invariants that visit every agent each month too (sim/invariants.hpp); the cheap
  //! ones always run.
  bool check = false;
};

struct RunReport {
  Trajectory trajectory;
  std::size_t workers = 0;
  std::size_t employers = 0;
  double setup_seconds = 0;       //!< population synthesis
  double step_seconds = 0;        //!< the monthly loop, output excluded
  double output_seconds = 0;      //!< HDF5 writing
  double checkpoint_seconds = 0;  //!< writing checkpoints
  std::array<double, static_cast<std::size_t>(Phase::kCount)> phase_seconds{};
};

//! Runs the scenario to the end and renames the output into place. Throws on failure, leaving
//! OUTPUT.partial with the months committed so far.
RunReport run_scenario(const Scenario& scenario, const RunOptions& options,
                       ProgressSink* progress = nullptr);

//! Runs a simulation already built (synthesised and burnt in, levers initialised) to the end of
//! its scenario, recording as run_scenario does; setup_seconds is left at 0.
RunReport record_run(Simulation& simulation, const RunOptions& options,
                     ProgressSink* progress = nullptr);

}  // namespace laborsim
