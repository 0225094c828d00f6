#pragma once
// The optional worker panel (`output.panel_workers`, docs/OUTPUT.md): a fixed random sample of
// worker agents followed month by month in the group /panel of the run's file, for spell,
// transition and event-study analyses the aggregates cannot give.
#include <cstdint>
#include <string>
#include <vector>

#include "agents/worker_store.hpp"
#include "sim/output/hdf5_handle.hpp"

namespace laborsim {

//! `count` agents out of `workers`, a uniform random sample without replacement keyed by the
//! seed (the agents with the smallest draws), in id order. All agents when count >= workers.
std::vector<WorkerId> sample_panel(std::uint64_t seed, std::size_t workers, std::size_t count);

class PanelWriter {
 public:
  //! Creates /panel in `file` with the members' fixed traits; `start` is YYYY-MM.
  PanelWriter(hid_t file, std::string context, std::string start, std::vector<WorkerId> members,
              const WorkerStore& workers, int chunk_months, int compression_level);
  //! Continues the /panel of an unfinished file from its row `rows` on (later rows dropped):
  //! `laborsim run --resume`. `members` must be those it was created with.
  PanelWriter(hid_t file, std::string context, std::string start, std::vector<WorkerId> members,
              int rows);
  PanelWriter(const PanelWriter&) = delete;
  PanelWriter& operator=(const PanelWriter&) = delete;

  //! Writes this month's states as the next row. Not flushed: the trajectory writer's append,
  //! called next, flushes the file and only then counts the month as committed.
  void append(const WorkerStore& workers);

 private:
  template <class T, class Get>
  void write_column(std::size_t column, Get get);

  std::string context_;
  std::string start_;
  std::vector<WorkerId> members_;
  int months_ = 0;
  H5Handle group_;
  H5Handle time_;
  H5Handle person_;
  std::vector<H5Handle> columns_;  //!< in kPanelColumns order
  std::vector<unsigned char> buffer_;
};

}  // namespace laborsim
