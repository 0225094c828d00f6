#include "sim/compare/comparison.hpp"

#include "agents/random_stream.hpp"
#include "sim/scenario/input_error.hpp"

namespace laborsim {

std::vector<ArmSpec> comparison_arms(const Scenario& scenario) {
  std::vector<ArmSpec> arms = scenario.arms;
  if (arms.empty()) {
    if (scenario.policies.empty()) {
      throw InputError(scenario.name +
                       ": nothing to compare: the scenario has no policy levers and no arms");
    }
    ArmSpec all{"policies", "every lever of the scenario", {}};
    for (std::size_t k = 0; k < scenario.policies.size(); ++k) all.levers.push_back(k);
    arms = {ArmSpec{"baseline", "no levers", {}}, all};
  }
  if (arms.size() < 2) {
    throw InputError(scenario.name + ": /arms: a comparison needs at least two arms");
  }
  return arms;
}

ArmSpec find_arm(const Scenario& scenario, const std::string& name) {
  const std::vector<ArmSpec> arms = comparison_arms(scenario);
  std::string known;
  for (const ArmSpec& arm : arms) {
    if (arm.name == name) return arm;
    known += (known.empty() ? "" : ", ") + arm.name;
  }
  throw InputError(scenario.name + ": --arm " + name + ": no such arm (arms: " + known + ")");
}

std::uint64_t replicate_seed(std::uint64_t seed, int replicate) {
  if (replicate == 0) return seed;
  constexpr std::uint64_t kBelow53Bits = (std::uint64_t{1} << 53) - 1;
  return split_mix64(seed ^ split_mix64(static_cast<std::uint64_t>(replicate))) & kBelow53Bits;
}

Scenario reseeded(const Scenario& base, std::uint64_t seed) {
  Scenario s = base;
  s.seed = seed;
  s.config["seed"] = seed;
  return s;
}

Scenario arm_scenario(const Scenario& base, const ArmSpec& arm, std::uint64_t seed) {
  Scenario s = reseeded(base, seed);
  s.policies.clear();
  s.arms.clear();
  nlohmann::json policies = nlohmann::json::array();
  for (const std::size_t k : arm.levers) {
    s.policies.push_back(base.policies.at(k));
    policies.push_back(base.config["policies"].at(k));
  }
  s.config["policies"] = policies;
  s.config["arms"] = nlohmann::json::array();
  return s;
}

}  // namespace laborsim
