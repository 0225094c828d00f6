#pragma once
// What the levers change in the engine's phases, as data: levers write it in their hooks, the
// phases read it in their parallel passes (no virtual call per agent). An empty array means no
// lever uses that channel this month, and the phase runs exactly as without levers: a lever
// that offers nothing leaves every result bit-identical to the baseline.
#include <cstdint>
#include <vector>

#include "agents/bitmap.hpp"
#include "agents/employer_store.hpp"
#include "agents/worker_store.hpp"
#include "policies/target.hpp"

namespace laborsim {

//! A hire made in this month's matching.
struct Hire {
  WorkerId worker;
  EmployerId employer;
  WorkerStatus from;  //!< the worker's status before the hire
};

//! Start-up finance a lever offers this month (guarantee loans): a covered unemployed resident
//! founding a business may add `credit_yuan` to own savings and bank credit. Entry serves
//! founders in worker-id order while the offer's quota and budget room last.
struct StartupOffer {
  std::size_t lever = 0;           //!< the offering lever's ledger account
  const Target* target = nullptr;  //!< whom it covers
  double credit_yuan = 0;          //!< per founder
  double quota = 0;                //!< founders it can still finance this month [agents]
  double cost_fen = 0;             //!< what financing one founder costs the lever this month [fen]
  double room_fen = 0;             //!< budget room left this month [fen]; < 0: unlimited
};

//! A business founded this month by a resident (sim/phases/entry.cpp).
struct Founding {
  WorkerId worker;
  EmployerId employer;
  int offer;           //!< index into startup_offers of the finance used; -1: own means only
  double credit_yuan;  //!< the finance taken [yuan]
};

struct PolicyEffects {
  // --- This month's offers: cleared by start_month() before the levers' begin_month. ---

  //! Per employer: cut of the full labour cost per yuan of wage (premium cuts) [-]. The employer
  //! plans, screens and pays with labour-cost factor c - relief.
  std::vector<float> employer_cost_relief;
  //! Per worker: subsidy an employer covered by `subsidised_employers` would receive, per month
  //! of the job, for hiring the worker this month [yuan/month] (hiring and probation subsidies).
  //! Employers hire such a worker at a lower match standard: the job costs them less.
  std::vector<float> hiring_subsidy;
  Bitmap subsidised_employers;
  //! Per worker: multiplier of the vacancies the worker looks at this month (lock-in while in
  //! training below 1, job-search subsidies above 1) [-].
  std::vector<float> search_effort;
  //! This month's hires, in worker-id order; recorded by matching while `log_hires` is set.
  std::vector<Hire> hires;
  //! Seats on organised labour transfer this month (labor_transfer): a seat holder living in
  //! region o weighs a job in region r as costing fare_relief[o x regions + r] a month less (the
  //! fare paid, spread over the search horizon), and looks at `partner_looks` extra vacancies in
  //! the regions with fare relief from o (labour-base agreements: information on their jobs).
  //! Unused while transfer_seat.size() is 0.
  Bitmap transfer_seat;
  std::vector<float> fare_relief;  //!< regions x regions, row = where the seat holder lives
  float partner_looks = 0;
  //! Start-up finance on offer this month, and this month's foundings by residents (recorded
  //! while `log_foundings` is set or an offer exists).
  std::vector<StartupOffer> startup_offers;
  std::vector<Founding> foundings;

  // --- Kept from month to month. ---

  //! Set by a lever that needs to see the month's hires, or its foundings.
  bool log_hires = false;
  bool log_foundings = false;
  //! Per worker: 1 + the sector of a training certificate, 0 for none; empty: nobody has one.
  std::vector<std::uint8_t> certificate;
  //! Per sector: employers of the sector judge a certificate holder's match as this much better.
  std::vector<float> certificate_bonus;

  void start_month() {
    employer_cost_relief.clear();
    hiring_subsidy.clear();
    search_effort.clear();
    hires.clear();
    transfer_seat.reset(0);
    fare_relief.clear();
    partner_looks = 0;
    startup_offers.clear();
    foundings.clear();
  }

  //! The arrays, allocated on first use in a month (zero relief, zero subsidy, effort 1).
  std::vector<float>& employer_relief(std::size_t employers) {
    if (employer_cost_relief.empty()) employer_cost_relief.assign(employers, 0.0f);
    return employer_cost_relief;
  }
  std::vector<float>& worker_hiring_subsidy(std::size_t workers, std::size_t employers) {
    if (hiring_subsidy.empty()) {
      hiring_subsidy.assign(workers, 0.0f);
      subsidised_employers.reset(employers);
    }
    return hiring_subsidy;
  }
  std::vector<float>& worker_search_effort(std::size_t workers) {
    if (search_effort.empty()) search_effort.assign(workers, 1.0f);
    return search_effort;
  }
  std::vector<std::uint8_t>& worker_certificates(std::size_t workers, std::size_t sectors) {
    if (certificate.empty()) certificate.assign(workers, 0);
    if (certificate_bonus.size() < sectors) certificate_bonus.resize(sectors, 0.0f);
    return certificate;
  }
};

}  // namespace laborsim
