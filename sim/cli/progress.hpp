#pragma once
// Progress on stderr: a bar redrawn in place on a terminal, plain periodic lines otherwise
// (Slurm logs, pipes).
#include <cstdio>

#include "sim/run.hpp"

namespace laborsim::cli {

class ConsoleProgress : public ProgressSink {
 public:
  explicit ConsoleProgress(std::FILE* stream);
  void month_done(int done, int total, const YearMonth& month,
                  const Observation& observation) override;

 private:
  std::FILE* stream_;
  bool terminal_;
};

}  // namespace laborsim::cli
