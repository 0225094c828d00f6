#pragma once
// The levers shipped with laborsim, one file each; builtin_policies() registers them under the
// `type` their scenario entries use. Mechanisms and sources: docs/MODEL.md, "Policy levers".
#include <cstddef>
#include <memory>

#include "policies/policy.hpp"

namespace laborsim {

//! ui_premium_reduction: a cut of employers' unemployment-insurance premium and yearly refunds
//! of premiums to employers that kept their workforce (稳岗返还).
std::unique_ptr<Policy> make_ui_premium_reduction(const PolicySpec& spec, std::size_t index);

//! employment_subsidy: one-time and monthly (social-insurance) subsidies to employers for hiring
//! people of the targeted key groups out of unemployment.
std::unique_ptr<Policy> make_employment_subsidy(const PolicySpec& spec, std::size_t index);

//! probation_subsidy: employment-probation (internship) subsidies for employers taking on
//! unemployed graduates, for the months of the probation.
std::unique_ptr<Policy> make_probation_subsidy(const PolicySpec& spec, std::size_t index);

//! training_subsidy: subsidised vocational training seats for the unemployed: a course that
//! locks trainees out of most search while it lasts and raises their skill when completed.
std::unique_ptr<Policy> make_training_subsidy(const PolicySpec& spec, std::size_t index);

}  // namespace laborsim
