// job_search_subsidy (一次性求职创业补贴, 一次性创业补贴): one-time subsidies. While active, each
// covered unemployed resident at home who has not had one claims `amount_yuan` with probability
// `take_up_monthly` a month (the eligible apply; not all do). The money goes to savings, and for
// the next `effort_months` months (the month of the claim included) the recipient looks at
// (1 + `effort_boost`) times the usual number of vacancies while unemployed: a subsidy that pays
// for the costs of searching (travel to recruitment fairs, application costs) buys more search.
// With `startup_yuan`, a covered resident who founds a business receives that much as the firm's
// cash. The lever attributes to itself recipients hired within their effort months and the
// businesses it subsidised.
#include "policies/lever_support.hpp"
#include "policies/levers.hpp"

namespace laborsim {
namespace {

class JobSearchSubsidy final : public Policy {
 public:
  JobSearchSubsidy(const PolicySpec& spec, std::size_t index) : Policy(spec, index) {
    const nlohmann::json& p = spec.entry;
    amount_ = p["amount_yuan"];
    take_up_ = p["take_up_monthly"];
    effort_boost_ = p["effort_boost"];
    effort_months_ = p["effort_months"];
    startup_ = p["startup_yuan"];
  }

  std::string_view type() const override { return "job_search_subsidy"; }

  void carry(StateArchive& a) override {
    a.bitmap("received", received_);
    a.bitmap("window", window_);
    a.array("receipts", receipts_);
  }

  void initialize(PolicyContext& c) override {
    received_.reset(c.workers.size());
    c.effects.log_hires = true;
    if (startup_ > 0) c.effects.log_foundings = true;
  }

  void begin_month(PolicyContext& c) override {
    WorkerStore& w = c.workers;
    forget_replaced(w);
    if (active(c) && amount_ > 0) grant(c);
    // Recipients of the last effort_months months (the latest receipts) search harder while
    // unemployed.
    window_.reset(w.size());
    for (auto r = receipts_.rbegin(); r != receipts_.rend() && c.month - r->month < effort_months_;
         ++r) {
      window_.set(r->worker);
      if (effort_boost_ > 0 && w.status[r->worker] == WorkerStatus::kUnemployed) {
        c.effects.worker_search_effort(w.size())[r->worker] *=
            static_cast<float>(1 + effort_boost_);
      }
    }
  }

  void end_month(PolicyContext& c) override {
    for (const Hire& hire : c.effects.hires) {
      if (window_.test(hire.worker)) c.ledger.add_jobs(index(), 1);
    }
    if (!active(c) || !(startup_ > 0)) return;
    for (const Founding& f : c.effects.foundings) {
      if (!spec().target.covers_worker(c.workers, f.worker)) continue;
      if (!c.ledger.pay(index(), {f.worker, f.employer}, agent_cost(c, startup_))) break;
      c.employers.cash[f.employer] += startup_;
      c.ledger.add_jobs(index(), 1);
    }
  }

 private:
  struct Receipt {
    WorkerId worker;
    int month;
    std::uint16_t age;  //!< at receipt: a younger agent with this id is someone else
  };

  // Claims this month: the covered unemployed at home who never had one, each with the take-up
  // probability from the lever's own stream; paid in id order while the budget lasts.
  void grant(PolicyContext& c) {
    WorkerStore& w = c.workers;
    const auto month = static_cast<std::uint32_t>(c.month);
    const Selection claims = select_workers(
        w.size(),
        [&](std::size_t i) {
          return unemployed_at_home(w, i) && !received_.test(i) &&
                 spec().target.covers_worker(w, i);
        },
        [&](std::size_t i) {
          RandomStream rng(c.seed, purpose(0), static_cast<std::uint32_t>(i), month);
          return rng.bernoulli(take_up_);
        });
    c.ledger.add_eligible(index(), claims.eligible);
    for (const WorkerId i : claims.picked) {
      if (!c.ledger.pay(index(), {i}, agent_cost(c, amount_))) break;
      w.savings[i] += static_cast<float>(amount_);
      received_.set(i);
      receipts_.push_back({i, c.month, w.age_months[i]});
    }
  }

  // An agent replaced by a newcomer (a retiree's id reused) may claim again.
  void forget_replaced(const WorkerStore& w) {
    std::size_t kept = 0;
    for (const Receipt& r : receipts_) {
      if (w.age_months[r.worker] < r.age) {
        received_.clear(r.worker);
      } else {
        receipts_[kept++] = r;
      }
    }
    receipts_.resize(kept);
  }

  double amount_ = 0;
  double take_up_ = 0;
  double effort_boost_ = 0;
  int effort_months_ = 0;
  double startup_ = 0;
  Bitmap received_;                //!< per worker: has had the subsidy
  Bitmap window_;                  //!< per worker: had it within the last effort_months
  std::vector<Receipt> receipts_;  //!< in order of receipt
};

}  // namespace

std::unique_ptr<Policy> make_job_search_subsidy(const PolicySpec& spec, std::size_t index) {
  return std::make_unique<JobSearchSubsidy>(spec, index);
}

}  // namespace laborsim
