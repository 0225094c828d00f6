#pragma once
// The phases of the monthly step (DESIGN.md section 3), in the order Simulation::step runs them.
// Each is one data-parallel pass over one store, deterministic at any thread count.
#include <vector>

#include "sim/observables.hpp"
#include "sim/world.hpp"

namespace laborsim {

//! 1. Regional labour demand: common and regional AR(1) plus scripted shocks.
void update_economy(World& world);

//! 3. Employers set this month's target workforce from demand and decide layoffs.
void plan_workforce(World& world);

//! 4. People age; those reaching 60 are replaced by 16-year-olds. Jobs end (exogenous
//!    separations, layoffs, labour-force exits); inactive people enter the labour force.
//!    Returning migrants go home.
void run_labor_flows(World& world);

//! 5. Start-ups: unemployed residents with enough savings and credit found small firms where
//!    demand is unserved, and work in them.
void start_businesses(World& world);

//! 6. Grid outreach: staff reach unemployed residents, key groups first, with job information
//!    and referrals (world.contacted).
void reach_out(World& world);

//! 6a. Employers post vacancies for the gap between target and workforce.
void post_vacancies(World& world);

//! 6b. Unemployed workers send applications to vacancies in regions they can reach.
void send_applications(World& world);
//! Most applications one searcher sends in a month when the mean is `mean` (Poisson, truncated).
std::size_t max_applications(double mean);

//! 7. Employers rank applicants and make offers over several rounds; workers take the best
//!    acceptable offer. Hired workers move to the employer's region.
void match_and_hire(World& world);

//! 7b. Employers with unfilled vacancies raise their posted wage; idle ones lower it slowly.
void adjust_posted_wages(World& world);

//! 7c. Employers' books: revenue, fixed and labour costs, cash, wage arrears; exit after
//!     sustained losses or heavy arrears.
void settle_accounts(World& world);

//! 8. Odd-jobs markets place some of the still-unemployed residents in short jobs for the month
//!    (world.odd_job), the hard to employ first.
void run_odd_jobs_markets(World& world);

//! 10. Benefits are paid, reservation wages fall over a spell, spells and tenures advance;
//!     skill (with pay and output) grows on the job and depreciates out of work.
//!     Returns benefits paid per region of residence [yuan, unweighted].
std::vector<double> settle_incomes(World& world);

//! 12. Per-region aggregates of the month, weighted to full population size.
Observation observe(const World& world, const std::vector<double>& benefits_paid);

}  // namespace laborsim
