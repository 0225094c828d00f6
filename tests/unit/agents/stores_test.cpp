#include <gtest/gtest.h>

#include "agents/employer_store.hpp"
#include "agents/worker_store.hpp"

namespace laborsim {
namespace {

TEST(WorkerStore, ResizeReachesEveryColumn) {
  WorkerStore w;
  w.resize(10);
  std::size_t columns = 0;
  w.for_each_column([&](const char* name, auto& column) {
    EXPECT_EQ(column.size(), 10u) << name;
    ++columns;
  });
  EXPECT_EQ(columns, 15u);
  EXPECT_EQ(w.size(), 10u);
}

TEST(WorkerStore, StaysSmallPerWorker) {
  WorkerStore w;
  // The memory budget (150 B per worker at 10^7 workers) leaves room for matching scratch.
  EXPECT_EQ(w.bytes_per_worker(), 38u);
}

TEST(EmployerStore, ResizeReachesEveryColumn) {
  EmployerStore e;
  e.resize(4);
  e.for_each_column([](const char* name, auto& column) { EXPECT_EQ(column.size(), 4u) << name; });
}

}  // namespace
}  // namespace laborsim
