// ui_premium_reduction (阶段性降低失业保险费率, 稳岗返还). Two parts, either may be off:
// - a cut of the employer's unemployment-insurance premium by `rate_cut` per yuan of insured
//   wage (never below zero). Premiums are due on insured workers' wages only, so the employer's
//   labour cost per yuan of wage falls by rate_cut x the insured share of workers
//   (population.ui_coverage_share): covered employers plan, screen and pay with that lower
//   labour-cost factor. The ledger books the premiums forgone, assessed on the month's opening
//   payroll (posted wage x workforce, as the employers' books count it);
// - once a year, in `refund_calendar_month`, a refund of `refund_share_sme` (micro, small and
//   medium employers) or `refund_share_large` of the premiums an employer paid since the last
//   refund, to covered employers whose workforce did not shrink by more than `refund_max_shrink`
//   (`refund_max_shrink_small` for those with at most 30 employees) over that time. The refund
//   is cash in the employer's books: it keeps cash-poor employers paying wages and in business.
// When the budget cannot pay everyone, every covered employer gets the same smaller share (the
// cut or the refund scaled down pro rata), not the first in line.
// Sources: docs/MODEL.md, "Policy levers".
#include <algorithm>

#include "policies/levers.hpp"

namespace laborsim {
namespace {

constexpr std::uint32_t kSmallFirmEmployees = 30;

class UiPremiumReduction final : public Policy {
 public:
  UiPremiumReduction(const PolicySpec& spec, std::size_t index) : Policy(spec, index) {
    const nlohmann::json& p = spec.entry;
    rate_cut_ = p["rate_cut"];
    refund_share_sme_ = p["refund_share_sme"];
    refund_share_large_ = p["refund_share_large"];
    refund_month_ = p["refund_calendar_month"];
    max_shrink_ = p["refund_max_shrink"];
    max_shrink_small_ = p["refund_max_shrink_small"];
  }

  std::string_view type() const override { return "ui_premium_reduction"; }

  void carry(StateArchive& a) override {
    a.value("applied_cut", applied_cut_);
    a.array("premiums", premiums_);
    a.array("baseline", baseline_);
    a.array("founded", founded_);
    a.bitmap("relieved", relieved_);
  }

  void initialize(PolicyContext& c) override {
    const EmployerStore& e = c.employers;
    premiums_.assign(e.size(), 0.0);
    baseline_.assign(e.workforce.begin(), e.workforce.end());
    founded_.assign(e.founded_month.begin(), e.founded_month.end());
  }

  void begin_month(PolicyContext& c) override {
    relieved_.reset(c.employers.size());
    applied_cut_ = 0;
    if (!active(c)) return;
    const EmployerStore& e = c.employers;
    // Cut per yuan of wage: the premium's cut on the insured share of the payroll.
    const double cut =
        std::min(rate_cut_, c.environment.ui_premium_rate) * c.environment.ui_coverage_share;
    std::vector<Due> due;
    double total = 0;
    std::int64_t eligible = 0;
    for (std::size_t j = 0; j < e.size(); ++j) {
      if (!e.active[j] || !spec().target.covers_employer(e, j)) continue;
      ++eligible;
      const double forgone = cut * e.posted_wage[j] * e.workforce[j];
      if (!(forgone > 0)) continue;  // no payroll, no premium to cut
      due.push_back({static_cast<EmployerId>(j), forgone});
      total += forgone;
    }
    c.ledger.add_eligible(index(), eligible);
    const double share = affordable_share(c, total, due.size(), index());
    if (share > 0) {
      for (const Due& d : due) {
        if (!c.ledger.pay(index(), {Recipient::kNobody, d.employer},
                          agent_cost(c, share * d.amount))) {
          continue;
        }
        c.effects.employer_relief(e.size())[d.employer] += static_cast<float>(share * cut);
        relieved_.set(d.employer);
      }
      applied_cut_ = share * cut;
    }
    if (c.calendar_month == refund_month_) pay_refunds(c);
  }

  // Premiums paid this month, at the month's closing payroll, net of any cut.
  void end_month(PolicyContext& c) override {
    const EmployerStore& e = c.employers;
    const double full = c.environment.ui_premium_rate * c.environment.ui_coverage_share;
    for (std::size_t j = 0; j < e.size(); ++j) {
      if (e.founded_month[j] != founded_[j]) {  // the slot holds a new employer: a fresh record
        founded_[j] = e.founded_month[j];
        premiums_[j] = 0;
        baseline_[j] = e.workforce[j];
      }
      if (!e.active[j]) continue;
      const double rate = full - (relieved_.test(j) ? applied_cut_ : 0.0);
      premiums_[j] += rate * e.posted_wage[j] * e.workforce[j];
    }
  }

 private:
  struct Due {
    EmployerId employer;
    double amount;  //!< [yuan], per employer
  };

  void pay_refunds(PolicyContext& c) {
    EmployerStore& e = c.employers;
    std::vector<Due> due;
    double total = 0;
    for (std::size_t j = 0; j < e.size(); ++j) {
      const double premiums = premiums_[j];
      const std::uint32_t start = baseline_[j];
      premiums_[j] = 0;  // a new assessment year for everyone
      baseline_[j] = e.workforce[j];
      if (!e.active[j] || !(premiums > 0) || !spec().target.covers_employer(e, j)) continue;
      const double shrink =
          start > 0 ? (static_cast<double>(start) - e.workforce[j]) / static_cast<double>(start)
                    : 0.0;
      if (shrink > (start <= kSmallFirmEmployees ? max_shrink_small_ : max_shrink_)) continue;
      const double share =
          size_class(e.workforce[j]) == SizeClass::kLarge ? refund_share_large_ : refund_share_sme_;
      if (!(share * premiums > 0)) continue;
      due.push_back({static_cast<EmployerId>(j), share * premiums});
      total += share * premiums;
    }
    const double share = affordable_share(c, total, due.size(), index());
    if (!(share > 0)) return;
    for (const Due& d : due) {
      const Count count = relieved_.test(d.employer) ? Count::kAgain : Count::kNew;
      if (c.ledger.pay(index(), {Recipient::kNobody, d.employer}, agent_cost(c, share * d.amount),
                       count)) {
        e.cash[d.employer] += share * d.amount;
      }
    }
  }

  double rate_cut_ = 0;
  double refund_share_sme_ = 0;
  double refund_share_large_ = 0;
  int refund_month_ = 6;
  double max_shrink_ = 0;
  double max_shrink_small_ = 0;
  double applied_cut_ = 0;               //!< this month's cut per yuan of wage, after the budget
  std::vector<double> premiums_;         //!< per employer: paid since the last refund [yuan]
  std::vector<std::uint32_t> baseline_;  //!< per employer: workforce at the last refund
  std::vector<std::int32_t> founded_;    //!< per employer slot: whose record premiums_ holds
  Bitmap relieved_;                      //!< per employer: premium cut this month
};

}  // namespace

std::unique_ptr<Policy> make_ui_premium_reduction(const PolicySpec& spec, std::size_t index) {
  return std::make_unique<UiPremiumReduction>(spec, index);
}

}  // namespace laborsim
