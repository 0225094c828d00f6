#include "sim/cli/commands.hpp"
#include "sim/scenario/embedded.hpp"

namespace laborsim::cli {

std::string ScenarioArgs::source() const {
  return scenario.empty() ? std::string(kDefaultScenario) : scenario;
}

std::vector<Override> ScenarioArgs::overrides() const {
  std::vector<Override> result;
  for (const std::string& text : sets) result.push_back(parse_override(text));
  if (seed) result.push_back(parse_override("seed=" + std::to_string(*seed)));
  if (months) result.push_back(parse_override("months=" + std::to_string(*months)));
  return result;
}

}  // namespace laborsim::cli
