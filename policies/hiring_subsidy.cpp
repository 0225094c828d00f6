// Hiring subsidies: employment_subsidy (一次性吸纳就业补贴 and 社会保险补贴 for hiring key groups)
// and probation_subsidy (就业见习补贴 for graduates). While active, every covered unemployed
// worker carries an offer: an employer covered by the target that hires them this month receives
// `one_time_yuan` at once and `monthly_yuan` each month the job lasts, for at most
// `duration_months`. Employers value the offer per month of the time they commit to: an
// average job (1 / the separation rate) for an employment subsidy, the probation itself for a
// probation subsidy (the employer may let the probationer go when it ends). They hire such a
// worker at a lower match standard, as if the job cost that much less (sim/phases/matching.cpp).
// Payments go to the employer's cash in hire order; once the budget is spent, hires go unsubsidised
// and running subsidies stop. The lever attributes its subsidised hires to itself (gross: some
// would have been hired anyway; laborsim compare measures the net).
#include <algorithm>

#include "agents/parallel.hpp"
#include "policies/levers.hpp"

namespace laborsim {
namespace {

class HiringSubsidy final : public Policy {
 public:
  //! `probation`: the employer commits only to the subsidised months.
  HiringSubsidy(const PolicySpec& spec, std::size_t index, std::string_view type, bool probation)
      : Policy(spec, index), type_(type), probation_(probation) {
    const nlohmann::json& p = spec.entry;
    one_time_ = p["one_time_yuan"];
    monthly_ = p["monthly_yuan"];
    duration_ = p["duration_months"];
  }

  std::string_view type() const override { return type_; }

  void carry(StateArchive& a) override {
    a.value("value_monthly", value_monthly_);
    a.bitmap("offered", offered_);
    a.bitmap("covered_employers", covered_employers_);
    a.array("jobs", jobs_);
  }

  void initialize(PolicyContext& c) override {
    c.effects.log_hires = true;
    // The subsidy is worth its payments spread over the months the employer commits to: an
    // average job lasts 1 / separation rate months; a probation, its subsidised months.
    const double tenure =
        probation_
            ? duration_
            : std::clamp(1.0 / std::max(c.environment.separation_rate_monthly, 1e-6), 1.0, 240.0);
    value_monthly_ = (one_time_ + monthly_ * std::min<double>(duration_, tenure)) / tenure;
  }

  void begin_month(PolicyContext& c) override {
    offered_.reset(c.workers.size());
    covered_employers_.reset(c.employers.size());
    if (!active(c) || c.ledger.room(index()) == 0 || !(value_monthly_ > 0)) return;
    const WorkerStore& w = c.workers;
    const EmployerStore& e = c.employers;
    std::vector<float>& subsidy = c.effects.worker_hiring_subsidy(w.size(), e.size());
    for (std::size_t j = 0; j < e.size(); ++j) {
      if (e.active[j] && spec().target.covers_employer(e, j)) {
        covered_employers_.set(j);
        c.effects.subsidised_employers.set(j);
      }
    }
    const auto value = static_cast<float>(value_monthly_);
    BlockCounts offered(block_count(w.size(), kWorkerBlock), 1);
    for_each_block(w.size(), kWorkerBlock, [&](std::size_t b, std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        if (w.status[i] != WorkerStatus::kUnemployed || !spec().target.covers_worker(w, i)) {
          continue;
        }
        subsidy[i] += value;
        offered_.set(i);
        ++offered.block(b)[0];
      }
    });
    c.ledger.add_eligible(index(), offered.total()[0]);
  }

  void end_month(PolicyContext& c) override {
    EmployerStore& e = c.employers;
    const WorkerStore& w = c.workers;
    // This month's hires of workers who carried the offer, by covered employers.
    const std::size_t running = jobs_.size();
    for (const Hire& hire : c.effects.hires) {
      if (hire.from != WorkerStatus::kUnemployed || !offered_.test(hire.worker) ||
          !covered_employers_.test(hire.employer)) {
        continue;
      }
      if (one_time_ > 0) {
        if (!c.ledger.pay(index(), {hire.worker, hire.employer}, agent_cost(c, one_time_))) {
          continue;  // the budget is spent: an unsubsidised hire
        }
        e.cash[hire.employer] += one_time_;
      }
      jobs_.push_back({hire.worker, hire.employer, duration_, one_time_ > 0});
      c.ledger.add_jobs(index(), 1);
    }
    // Monthly payments while the job lasts (new jobs from this month on).
    std::size_t kept = 0;
    for (std::size_t k = 0; k < jobs_.size(); ++k) {
      SubsidisedJob job = jobs_[k];
      const bool new_job = k >= running;
      if (w.status[job.worker] != WorkerStatus::kEmployed ||
          w.employer[job.worker] != job.employer || job.months_left <= 0) {
        continue;  // the job ended or its subsidy ran out
      }
      if (monthly_ > 0) {
        const Count count =
            !new_job ? Count::kContinuing : (job.paid_at_hire ? Count::kAgain : Count::kNew);
        if (!c.ledger.pay(index(), {job.worker, job.employer}, agent_cost(c, monthly_), count)) {
          continue;  // the budget is spent: the subsidy stops
        }
        e.cash[job.employer] += monthly_;
      }
      --job.months_left;
      if (monthly_ > 0 && job.months_left > 0) jobs_[kept++] = job;
    }
    jobs_.resize(kept);
  }

 private:
  struct SubsidisedJob {
    WorkerId worker;
    EmployerId employer;
    int months_left;
    bool paid_at_hire;
  };

  std::string_view type_;
  bool probation_;
  double one_time_ = 0;
  double monthly_ = 0;
  int duration_ = 0;
  double value_monthly_ = 0;
  Bitmap offered_;                   //!< per worker: carried the offer this month
  Bitmap covered_employers_;         //!< per employer: covered by the target this month
  std::vector<SubsidisedJob> jobs_;  //!< running monthly subsidies, in hire order
};

}  // namespace

std::unique_ptr<Policy> make_employment_subsidy(const PolicySpec& spec, std::size_t index) {
  return std::make_unique<HiringSubsidy>(spec, index, "employment_subsidy", false);
}

std::unique_ptr<Policy> make_probation_subsidy(const PolicySpec& spec, std::size_t index) {
  return std::make_unique<HiringSubsidy>(spec, index, "probation_subsidy", true);
}

}  // namespace laborsim
