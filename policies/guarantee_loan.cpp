// guarantee_loan (创业担保贷款): business loans guaranteed by a public fund, with interest
// subsidised by the lever.
// - Individuals: while active, up to `loans_per_month` covered unemployed residents (at full
//   size; a fractional quota carried over) who try to found a business but lack the capital may
//   borrow `loan_yuan` (sim/phases/entry.cpp: the loan relaxes the credit constraint that
//   otherwise stops them). The firm starts with the founder's own means and the loan as cash.
// - Small and micro firms: up to `firm_loans_per_month` covered employers in business whose cash
//   is below a month's labour cost borrow `firm_loan_yuan` (at most `firm_loan_max_payroll_months`
//   of their labour cost) as cash, chosen at random from the lever's stream.
// Loans run `term_months`: the borrower repays the principal in equal monthly parts and pays the
// interest (`interest_rate_annual`) the lever does not (`interest_subsidy_share`), all from the
// firm's cash. When a borrowing firm exits, the guarantee fund pays the lender
// `guarantee_share` of what is outstanding: defaults follow from the firms' fortunes rather than
// from an assumed rate. The lever's spending is the interest subsidies and the guarantee
// payments; it attributes to itself the financed start-ups' founders and hires.
#include <algorithm>

#include "policies/lever_support.hpp"
#include "policies/levers.hpp"

namespace laborsim {
namespace {

class GuaranteeLoan final : public Policy {
 public:
  GuaranteeLoan(const PolicySpec& spec, std::size_t index) : Policy(spec, index) {
    const nlohmann::json& p = spec.entry;
    loans_per_month_ = p["loans_per_month"];
    loan_ = p["loan_yuan"];
    firm_loans_per_month_ = p["firm_loans_per_month"];
    firm_loan_ = p["firm_loan_yuan"];
    firm_loan_payroll_months_ = p["firm_loan_max_payroll_months"];
    term_ = p["term_months"];
    rate_monthly_ = p["interest_rate_annual"].get<double>() / 12;
    subsidy_share_ = p["interest_subsidy_share"];
    guarantee_share_ = p["guarantee_share"];
  }

  std::string_view type() const override { return "guarantee_loan"; }

  void carry(StateArchive& a) override {
    a.value("offer", offer_);
    a.value("individual_quota", individual_quota_);
    a.value("firm_quota", firm_quota_);
    a.array("loans", loans_);
  }

  void initialize(PolicyContext& c) override { c.effects.log_foundings = true; }

  void begin_month(PolicyContext& c) override {
    offer_ = -1;
    const Fen room = c.ledger.room(index());
    if (!active(c) || room == 0) return;  // no money, no guarantees
    // Eligible: covered unemployed residents of founding age (who may borrow to start a
    // business) and the cash-poor covered firms (counted in lend_to_firms).
    const WorkerStore& w = c.workers;
    c.ledger.add_eligible(index(), select_workers(
                                       w.size(),
                                       [&](std::size_t i) {
                                         return unemployed_at_home(w, i) &&
                                                w.age_months[i] >= kFounderMinAgeMonths &&
                                                w.age_months[i] <= kFounderMaxAgeMonths &&
                                                spec().target.covers_worker(w, i);
                                       },
                                       [](std::size_t) { return false; })
                                       .eligible);
    // Start-up loans: an offer entry draws down founder by founder; the month's interest
    // subsidy of each new loan is reserved in the budget.
    const double quota = individual_quota_.open(loans_per_month_ / c.environment.agent_weight);
    if (quota >= 1) {
      offer_ = static_cast<int>(c.effects.startup_offers.size());
      c.effects.startup_offers.push_back(
          {index(), &spec().target, loan_, quota,
           static_cast<double>(agent_cost(c, subsidy_share_ * rate_monthly_ * loan_)),
           room == Budget::kUnlimited ? -1.0 : static_cast<double>(room)});
    }
    lend_to_firms(c);
  }

  void end_month(PolicyContext& c) override {
    EmployerStore& e = c.employers;
    // The month's start-ups financed by this lever.
    const std::size_t earlier = loans_.size();
    if (offer_ >= 0) {
      double used = 0;
      for (const Founding& f : c.effects.foundings) {
        if (f.offer != offer_) continue;
        loans_.push_back(
            {f.employer, e.founded_month[f.employer], f.credit_yuan, term_, c.month, true});
        // The loan costs the lever nothing yet; booked at zero it enters the audit trail.
        c.ledger.pay(index(), {f.worker, f.employer}, 0);
        used += 1;
      }
      individual_quota_.use(used);
    }
    // Financed start-ups' hires (the founder included in the founding month).
    for (const Loan& loan : loans_) {
      if (loan.startup && e.founded_month[loan.employer] == loan.founded) {
        c.ledger.add_jobs(index(), e.hires[loan.employer]);
      }
    }
    // Interest, repayments and defaults, new loans first (their subsidy was reserved).
    std::size_t kept = 0;
    std::vector<Loan> ordered(loans_.begin() + static_cast<std::ptrdiff_t>(earlier), loans_.end());
    ordered.insert(ordered.end(), loans_.begin(),
                   loans_.begin() + static_cast<std::ptrdiff_t>(earlier));
    for (std::size_t k = 0; k < ordered.size(); ++k) {
      Loan loan = ordered[k];
      const EmployerId j = loan.employer;
      if (!e.active[j] || e.founded_month[j] != loan.founded) {
        // The firm is gone: the guarantee fund pays its share of what is outstanding.
        const double payout = guarantee_share_ * loan.outstanding;
        if (payout > 0) {
          c.ledger.pay(index(), {Recipient::kNobody, j}, agent_cost(c, payout), Count::kAgain);
        }
        continue;
      }
      const double interest = rate_monthly_ * loan.outstanding;
      double subsidy = subsidy_share_ * interest;
      // A borrower was counted when the loan was made.
      const Count count = loan.month_made == c.month ? Count::kAgain : Count::kContinuing;
      if (subsidy > 0 &&
          !c.ledger.pay(index(), {Recipient::kNobody, j}, agent_cost(c, subsidy), count)) {
        subsidy = 0;  // the budget is spent: the borrower pays all the interest
      }
      const double principal = loan.outstanding / loan.months_left;
      e.cash[j] -= interest - subsidy + principal;
      loan.outstanding -= principal;
      if (--loan.months_left > 0) ordered[kept++] = loan;
    }
    ordered.resize(kept);
    loans_ = std::move(ordered);
  }

 private:
  struct Loan {
    EmployerId employer;
    std::int32_t founded;  //!< the employer's founding month: a slot reused is another firm
    double outstanding;    //!< principal still owed [yuan]
    int months_left;
    int month_made;
    bool startup;  //!< a start-up loan (its hires are the lever's), not a firm loan
  };

  // Loans to cash-poor covered small and micro employers in business, at random among them.
  void lend_to_firms(PolicyContext& c) {
    EmployerStore& e = c.employers;
    const double quota = firm_quota_.open(firm_loans_per_month_ / c.environment.agent_weight);
    Bitmap borrowing;  // one loan at a time
    borrowing.reset(e.size());
    for (const Loan& loan : loans_) borrowing.set(loan.employer);
    std::vector<std::pair<std::uint32_t, EmployerId>> candidates;  // (random key, employer)
    for (std::size_t j = 0; j < e.size(); ++j) {
      if (!e.active[j] || !spec().target.covers_employer(e, j) || borrowing.test(j)) continue;
      const double payroll = c.environment.labor_cost_factor * e.posted_wage[j] * e.workforce[j];
      if (!(payroll > 0) || e.cash[j] >= payroll) continue;
      RandomStream rng(c.seed, purpose(1), static_cast<std::uint32_t>(j),
                       static_cast<std::uint32_t>(c.month));
      candidates.push_back({rng(), static_cast<EmployerId>(j)});
    }
    c.ledger.add_eligible(index(), static_cast<std::int64_t>(candidates.size()));
    std::sort(candidates.begin(), candidates.end());
    double lent = 0;
    for (const auto& [key, j] : candidates) {
      if (lent + 1 > quota) break;
      const double payroll = c.environment.labor_cost_factor * e.posted_wage[j] * e.workforce[j];
      const double amount = std::min(firm_loan_, firm_loan_payroll_months_ * payroll);
      // The first month's interest subsidy must fit the budget for the loan to be granted.
      if (!c.ledger.fits(index(), agent_cost(c, subsidy_share_ * rate_monthly_ * amount))) break;
      e.cash[j] += amount;
      loans_.push_back({j, e.founded_month[j], amount, term_, c.month, false});
      c.ledger.pay(index(), {Recipient::kNobody, j}, 0);
      lent += 1;
    }
    firm_quota_.use(lent);
  }

  double loans_per_month_ = 0;
  double loan_ = 0;
  double firm_loans_per_month_ = 0;
  double firm_loan_ = 0;
  double firm_loan_payroll_months_ = 0;
  int term_ = 1;
  double rate_monthly_ = 0;
  double subsidy_share_ = 0;
  double guarantee_share_ = 0;
  int offer_ = -1;  //!< this month's entry in effects.startup_offers
  QuotaCarry individual_quota_;
  QuotaCarry firm_quota_;
  std::vector<Loan> loans_;  //!< running loans
};

}  // namespace

std::unique_ptr<Policy> make_guarantee_loan(const PolicySpec& spec, std::size_t index) {
  return std::make_unique<GuaranteeLoan>(spec, index);
}

}  // namespace laborsim
