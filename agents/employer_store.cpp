#include "agents/employer_store.hpp"

#include "agents/huge_pages.hpp"

namespace laborsim {

void EmployerStore::resize(std::size_t n) {
  for_each_column([n](const char*, auto& column) { resize_on_huge_pages(column, n); });
}

}  // namespace laborsim
