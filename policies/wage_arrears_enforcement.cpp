// wage_arrears_enforcement (根治欠薪: labour inspection and the wage-guarantee system). Each month
// while active, labour inspectors take on `inspections_per_month` covered employers in business
// that owe wages (at full size; complaints bring the largest debts first, so the employers owing
// the most are inspected first), each inspection costing `cost_per_inspection_yuan`. An
// inspected employer must pay `recovery_share` of what it owes from its cash; of what its cash
// cannot cover, the wage-guarantee system (deposits, the general contractor's liability)
// advances `guarantee_share`, booked as the lever's spending. The money recovered goes to the
// employer's current workers' savings, and the employer's arrears fall by as much: it can post
// vacancies again, its workers quit less, and it is further from exit (sim/phases/accounts.cpp).
// Beneficiaries are the workers paid.
#include <algorithm>
#include <numeric>

#include "policies/lever_support.hpp"
#include "policies/levers.hpp"

namespace laborsim {
namespace {

class WageArrearsEnforcement final : public Policy {
 public:
  WageArrearsEnforcement(const PolicySpec& spec, std::size_t index) : Policy(spec, index) {
    const nlohmann::json& p = spec.entry;
    inspections_per_month_ = p["inspections_per_month"];
    cost_ = p["cost_per_inspection_yuan"];
    recovery_share_ = p["recovery_share"];
    guarantee_share_ = p["guarantee_share"];
  }

  std::string_view type() const override { return "wage_arrears_enforcement"; }

  void carry(StateArchive& a) override { a.value("quota", quota_); }

  void begin_month(PolicyContext& c) override {
    if (!active(c)) return;
    EmployerStore& e = c.employers;
    std::vector<EmployerId> owing;
    std::int64_t owed_workers = 0;  // the eligible: workers whose employer owes them wages
    for (std::size_t j = 0; j < e.size(); ++j) {
      if (e.active[j] && e.arrears[j] > 0 && spec().target.covers_employer(e, j)) {
        owing.push_back(static_cast<EmployerId>(j));
        owed_workers += e.workforce[j];
      }
    }
    c.ledger.add_eligible(index(), owed_workers);
    const double available = quota_.open(inspections_per_month_ / c.environment.agent_weight);
    const auto inspections =
        static_cast<std::size_t>(std::min<double>(available, static_cast<double>(owing.size())));
    std::partial_sort(owing.begin(), owing.begin() + static_cast<std::ptrdiff_t>(inspections),
                      owing.end(), [&e](EmployerId a, EmployerId b) {
                        return e.arrears[a] != e.arrears[b] ? e.arrears[a] > e.arrears[b] : a < b;
                      });
    std::vector<double> recovered(e.size(), 0.0);
    Bitmap inspected;
    inspected.reset(e.size());
    std::size_t done = 0;
    for (; done < inspections; ++done) {
      const EmployerId j = owing[done];
      if (!c.ledger.try_spend(index(), agent_cost(c, cost_), Count::kAgain)) break;
      const double due = recovery_share_ * e.arrears[j];
      const double from_cash = std::clamp(e.cash[j], 0.0, due);
      double advanced = guarantee_share_ * (due - from_cash);
      if (advanced > 0 &&
          !c.ledger.pay(index(), {Recipient::kNobody, j}, agent_cost(c, advanced), Count::kAgain)) {
        advanced = 0;  // the budget is spent: only the employer's own cash is recovered
      }
      e.cash[j] -= from_cash;
      e.arrears[j] = static_cast<float>(std::max(0.0, e.arrears[j] - from_cash - advanced));
      recovered[j] = from_cash + advanced;
      if (recovered[j] > 0) inspected.set(j);
    }
    quota_.use(static_cast<double>(done));
    pay_workers(c, inspected, recovered);
  }

 private:
  // The recovered wages go to the inspected employers' current workers, in equal shares.
  void pay_workers(PolicyContext& c, const Bitmap& inspected,
                   const std::vector<double>& recovered) {
    WorkerStore& w = c.workers;
    const Selection paid = select_workers(
        w.size(),
        [&](std::size_t i) {
          return w.status[i] == WorkerStatus::kEmployed && inspected.test(w.employer[i]);
        },
        [](std::size_t) { return true; });
    for (const WorkerId i : paid.picked) {
      const EmployerId j = w.employer[i];
      w.savings[i] += static_cast<float>(recovered[j] / c.employers.workforce[j]);
    }
    c.ledger.add_beneficiaries(index(), Count::kNew, static_cast<std::int64_t>(paid.picked.size()));
  }

  double inspections_per_month_ = 0;
  double cost_ = 0;
  double recovery_share_ = 1;
  double guarantee_share_ = 0;
  QuotaCarry quota_;
};

}  // namespace

std::unique_ptr<Policy> make_wage_arrears_enforcement(const PolicySpec& spec, std::size_t index) {
  return std::make_unique<WageArrearsEnforcement>(spec, index);
}

}  // namespace laborsim
