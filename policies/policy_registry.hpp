#pragma once
// Factory of policy levers keyed by the `type` used in scenario files (Cantera-style registry).
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "policies/policy.hpp"

namespace laborsim {

class PolicyRegistry {
 public:
  //! Builds a lever from its scenario entry (type, name, parameters).
  using Factory = std::function<std::unique_ptr<Policy>(const nlohmann::json& entry)>;

  //! Throws std::invalid_argument when `type` is already registered.
  void add(const std::string& type, Factory factory);
  bool contains(const std::string& type) const { return factories_.count(type) != 0; }
  //! Registered types in alphabetical order.
  std::vector<std::string> types() const;
  //! Throws std::invalid_argument naming the known types when `type` is unknown.
  std::unique_ptr<Policy> create(const std::string& type, const nlohmann::json& entry) const;

 private:
  std::map<std::string, Factory> factories_;
};

//! The levers shipped with laborsim. None yet: the scenario schema accepts an empty list only.
PolicyRegistry builtin_policies();

}  // namespace laborsim
