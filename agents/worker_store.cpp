#include "agents/worker_store.hpp"

#include "agents/huge_pages.hpp"

namespace laborsim {

void WorkerStore::resize(std::size_t n) {
  for_each_column([n](const char*, auto& column) { resize_on_huge_pages(column, n); });
}

std::size_t WorkerStore::bytes_per_worker() {
  std::size_t bytes = 0;
  for_each_column([&bytes](const char*, auto& column) { bytes += sizeof(column[0]); });
  return bytes;
}

}  // namespace laborsim
