#pragma once
// The -j option: limits TBB to `threads` worker threads while in scope (0: all cores).
#include <tbb/global_control.h>

#include <memory>

namespace laborsim::cli {

class ThreadLimit {
 public:
  explicit ThreadLimit(int threads) {
    if (threads > 0) {
      limit_ = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                     static_cast<std::size_t>(threads));
    }
  }
  //! The threads runs will use.
  int threads() const {
    return static_cast<int>(
        tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
  }

 private:
  std::unique_ptr<tbb::global_control> limit_;
};

}  // namespace laborsim::cli
