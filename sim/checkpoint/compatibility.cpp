#include "sim/checkpoint/compatibility.hpp"

#include "sim/scenario/input_error.hpp"

namespace laborsim {
namespace {

// What a branch may change: it takes effect month by month, so a saved world does not carry it.
nlohmann::json world_shaping(nlohmann::json config) {
  for (const char* key : {"name", "description", "seed", "months", "policies", "arms", "output"}) {
    config.erase(key);
  }
  if (config.contains("economy") && config["economy"].is_object()) {
    config["economy"].erase("shocks");
  }
  return config;
}

nlohmann::json saved_config(const CheckpointFile& checkpoint) {
  try {
    return nlohmann::json::parse(checkpoint.info().config_json);
  } catch (const nlohmann::json::exception&) {
    throw std::runtime_error(checkpoint.path().string() + ": its scenario is not valid JSON");
  }
}

}  // namespace

std::string first_difference(const nlohmann::json& a, const nlohmann::json& b) {
  const nlohmann::json patch = nlohmann::json::diff(a, b);
  if (patch.empty()) return "";
  std::string path = patch.front().value("path", "");
  return path.empty() ? "/" : path;
}

void check_resumable(const CheckpointFile& checkpoint, const Scenario& scenario) {
  const std::string difference = first_difference(saved_config(checkpoint), scenario.config);
  if (!difference.empty()) {
    throw InputError(checkpoint.path().string() + ": written by a run of another scenario (" +
                     difference +
                     " differs): resume with the same scenario, overrides, --arm and "
                     "--replicate, or remove the checkpoint");
  }
}

void check_branchable(const CheckpointFile& checkpoint, const Scenario& scenario) {
  const std::string difference =
      first_difference(world_shaping(saved_config(checkpoint)), world_shaping(scenario.config));
  if (!difference.empty()) {
    throw InputError(checkpoint.path().string() + ": " + difference +
                     " differs from the checkpoint's scenario: a branch may change only its "
                     "levers, arms, economy shocks, seed, months and output");
  }
  const int month = checkpoint.info().month;
  if (scenario.months <= month) {
    throw InputError(checkpoint.path().string() + ": saved after month " + std::to_string(month) +
                     "; a branch from it needs months > " + std::to_string(month) + " (has " +
                     std::to_string(scenario.months) + ")");
  }
}

}  // namespace laborsim
