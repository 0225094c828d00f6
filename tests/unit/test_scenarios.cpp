#include "unit/test_scenarios.hpp"

#include <fstream>

#include "sim/scenario/scenario_loader.hpp"

namespace laborsim::test {

std::string data_path(const std::string& name) {
  return std::string(LABORSIM_SOURCE_DIR) + "/tests/data/" + name;
}

Scenario small_dingxi(double scale, int months, const std::vector<std::string>& sets) {
  std::vector<Override> overrides{parse_override("population.scale=" + std::to_string(scale)),
                                  parse_override("months=" + std::to_string(months))};
  for (const auto& text : sets) overrides.push_back(parse_override(text));
  return load_scenario(data_path("small.json"), overrides);
}

Scenario toy_scenario(const std::vector<std::string>& sets) {
  std::vector<Override> overrides;
  for (const auto& text : sets) overrides.push_back(parse_override(text));
  return load_scenario(data_path("toy.json"), overrides);
}

}  // namespace laborsim::test
