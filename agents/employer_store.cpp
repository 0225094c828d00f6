#include "agents/employer_store.hpp"

namespace laborsim {

void EmployerStore::resize(std::size_t n) {
  for_each_column([n](const char*, auto& column) { column.resize(n); });
}

}  // namespace laborsim
