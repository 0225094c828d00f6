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

//! job_search_subsidy: one-time job-search subsidies that pay for more search, and one-time
//! start-up subsidies for residents who found a business.
std::unique_ptr<Policy> make_job_search_subsidy(const PolicySpec& spec, std::size_t index);

//! grid_outreach: funded contacts by employment-service staff for the key groups, beyond the
//! grids' own capacity (job-information pushes and referrals).
std::unique_ptr<Policy> make_grid_outreach(const PolicySpec& spec, std::size_t index);

//! labor_transfer: organised transport to the labour bases (seats that pay the fare) and
//! labour-base agreements that bring their vacancies to the seat holders' notice.
std::unique_ptr<Policy> make_labor_transfer(const PolicySpec& spec, std::size_t index);

//! guarantee_loan: guaranteed business loans with subsidised interest for founders in key
//! groups and for cash-poor small and micro firms; defaults paid by the guarantee fund.
std::unique_ptr<Policy> make_guarantee_loan(const PolicySpec& spec, std::size_t index);

//! public_welfare_posts: non-market posts for the hard to employ, paid by the lever, with a
//! maximum duration.
std::unique_ptr<Policy> make_public_welfare_posts(const PolicySpec& spec, std::size_t index);

//! wage_arrears_enforcement: labour inspections of employers that owe wages, recovery from
//! their cash and advances from the wage-guarantee system.
std::unique_ptr<Policy> make_wage_arrears_enforcement(const PolicySpec& spec, std::size_t index);

}  // namespace laborsim
