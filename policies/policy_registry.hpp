#pragma once
// Factory of policy levers keyed by the `type` used in scenario files (Cantera-style registry).
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "policies/policy.hpp"

namespace laborsim {

class PolicyRegistry {
 public:
  //! Builds a lever from its scenario entry; `index` is its account in the ledger.
  using Factory = std::function<std::unique_ptr<Policy>(const PolicySpec& spec, std::size_t index)>;

  //! Throws std::invalid_argument when `type` is already registered.
  void add(const std::string& type, Factory factory);
  bool contains(const std::string& type) const { return factories_.count(type) != 0; }
  //! Registered types in alphabetical order.
  std::vector<std::string> types() const;
  //! Throws std::invalid_argument naming the known types when spec.type is unknown.
  std::unique_ptr<Policy> create(const PolicySpec& spec, std::size_t index) const;

 private:
  std::map<std::string, Factory> factories_;
};

//! The levers shipped with laborsim (policies/levers.hpp).
const PolicyRegistry& builtin_policies();

//! The scenario's levers, in its order (ledger index = position), from the built-in registry.
std::vector<std::unique_ptr<Policy>> create_policies(const std::vector<PolicySpec>& specs);

}  // namespace laborsim
