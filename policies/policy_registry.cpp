#include "policies/policy_registry.hpp"

#include <stdexcept>

#include "policies/levers.hpp"

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

std::unique_ptr<Policy> PolicyRegistry::create(const PolicySpec& spec, std::size_t index) const {
  const auto found = factories_.find(spec.type);
  if (found == factories_.end()) {
    std::string known;
    for (const auto& name : types()) known += (known.empty() ? "" : ", ") + name;
    throw std::invalid_argument("unknown policy type '" + spec.type +
                                "' (known: " + (known.empty() ? "none" : known) + ")");
  }
  return found->second(spec, index);
}

const PolicyRegistry& builtin_policies() {
  static const PolicyRegistry registry = [] {
    PolicyRegistry r;
    r.add("employment_subsidy", make_employment_subsidy);
    r.add("grid_outreach", make_grid_outreach);
    r.add("guarantee_loan", make_guarantee_loan);
    r.add("job_search_subsidy", make_job_search_subsidy);
    r.add("labor_transfer", make_labor_transfer);
    r.add("probation_subsidy", make_probation_subsidy);
    r.add("public_welfare_posts", make_public_welfare_posts);
    r.add("training_subsidy", make_training_subsidy);
    r.add("ui_premium_reduction", make_ui_premium_reduction);
    r.add("wage_arrears_enforcement", make_wage_arrears_enforcement);
    return r;
  }();
  return registry;
}

std::vector<std::unique_ptr<Policy>> create_policies(const std::vector<PolicySpec>& specs) {
  std::vector<std::unique_ptr<Policy>> policies;
  for (std::size_t k = 0; k < specs.size(); ++k) {
    policies.push_back(builtin_policies().create(specs[k], k));
  }
  return policies;
}

}  // namespace laborsim
