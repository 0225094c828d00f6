#include "sim/cli/progress.hpp"

#include <unistd.h>

#include <string>

namespace laborsim::cli {
namespace {

double unemployment_rate(const Observation& o) {
  const double labor_force = o.total(Variable::kLaborForce);
  return labor_force > 0 ? 100 * o.total(Variable::kUnemployed) / labor_force : 0;
}

}  // namespace

ConsoleProgress::ConsoleProgress(std::FILE* stream)
    : stream_(stream), terminal_(isatty(fileno(stream)) != 0) {}

void ConsoleProgress::month_done(int done, int total, const YearMonth& month,
                                 const Observation& observation) {
  const double rate = unemployment_rate(observation);
  if (terminal_) {
    constexpr int kWidth = 30;
    const int filled = done * kWidth / total;
    std::fprintf(stream_, "\r[%s%s] %d/%d %s unemployment %.2f%%", std::string(filled, '#').c_str(),
                 std::string(kWidth - filled, ' ').c_str(), done, total, month.to_string().c_str(),
                 rate);
    if (done == total) std::fputc('\n', stream_);
  } else if (done % 12 == 0 || done == total) {
    std::fprintf(stream_, "laborsim: month %d/%d (%s) unemployment %.2f%%\n", done, total,
                 month.to_string().c_str(), rate);
  }
  std::fflush(stream_);
}

}  // namespace laborsim::cli
