#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/scenario/embedded.hpp"

namespace laborsim::cli {

int schema_command() {
  std::cout << embedded::scenario_schema_json;
  return kExitOk;
}

}  // namespace laborsim::cli
