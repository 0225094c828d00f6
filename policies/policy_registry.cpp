#include "policies/policy_registry.hpp"

#include <stdexcept>

namespace laborsim {

void PolicyRegistry::add(const std::string& type, Factory factory) {
  if (!factories_.emplace(type, std::move(factory)).second) {
    throw std::invalid_argument("policy type '" + type + "' is registered twice");
  }
}

std::vector<std::string> PolicyRegistry::types() const {
  std::vector<std::string> names;
  for (const auto& [name, factory] : factories_) names.push_back(name);
  return names;
}

std::unique_ptr<Policy> PolicyRegistry::create(const std::string& type,
                                               const nlohmann::json& entry) const {
  const auto found = factories_.find(type);
  if (found == factories_.end()) {
    std::string known;
    for (const auto& name : types()) known += (known.empty() ? "" : ", ") + name;
    throw std::invalid_argument("unknown policy type '" + type +
                                "' (known: " + (known.empty() ? "none yet" : known) + ")");
  }
  return found->second(entry);
}

PolicyRegistry builtin_policies() { return PolicyRegistry{}; }

}  // namespace laborsim
