// training_subsidy (职业技能培训补贴): subsidised vocational training seats. Each month while
// active, `seats_per_month` seats (at full population size, spread over the covered home regions by
// working-age population) go to covered unemployed residents at home not already enrolled,
// rationed at random among them (agents/rationing.hpp) and paid `cost_yuan` each at enrolment,
// as far as the budget goes. The course runs `duration_months` from the next month: meanwhile the
// trainee looks at `search_while_enrolled` of the usual vacancies (lock-in) and leaves the course
// if hired. Completing it raises skill by `skill_gain` log points and, with a `sector`, gives a
// certificate that the sector's employers value like a better match (`sector_match_bonus`). The
// lever attributes to itself the hires of completers within six months of completing.
#include <cmath>

#include "policies/lever_support.hpp"
#include "policies/levers.hpp"

namespace laborsim {
namespace {

constexpr int kPlacementWindowMonths = 6;

class TrainingSubsidy final : public Policy {
 public:
  TrainingSubsidy(const PolicySpec& spec, std::size_t index) : Policy(spec, index) {
    const nlohmann::json& p = spec.entry;
    seats_per_month_ = p["seats_per_month"];
    cost_ = p["cost_yuan"];
    duration_ = p["duration_months"];
    skill_factor_ = static_cast<float>(std::exp(p["skill_gain"].get<double>()));
    search_while_enrolled_ = p["search_while_enrolled"];
    sector_ = spec.sector;
    sector_bonus_ = p["sector_match_bonus"];
  }

  std::string_view type() const override { return "training_subsidy"; }

  void carry(StateArchive& a) override {
    a.array("trainees", trainees_);
    a.array("completers", completers_);
    a.bitmap("enrolled", enrolled_);
    a.bitmap("recently_trained", recently_trained_);
    a.bitmap("chosen", chosen_);
  }

  void initialize(PolicyContext& c) override {
    c.effects.log_hires = true;
    enrolled_.reset(c.workers.size());
    recently_trained_.reset(c.workers.size());
    if (sector_ >= 0) {
      c.effects.worker_certificates(c.workers.size(), c.environment.sectors);
      float& bonus = c.effects.certificate_bonus[static_cast<std::size_t>(sector_)];
      bonus = std::max(bonus, static_cast<float>(sector_bonus_));
    }
  }

  // Trainees search less while the course lasts (lock-in).
  void begin_month(PolicyContext& c) override {
    if (trainees_.empty()) return;
    std::vector<float>& effort = c.effects.worker_search_effort(c.workers.size());
    for (const Trainee& t : trainees_) {
      if (t.month_enrolled < c.month)
        effort[t.worker] *= static_cast<float>(search_while_enrolled_);
    }
  }

  void place(PolicyContext& c) override {
    if (!active(c) || !(seats_per_month_ > 0)) return;
    const WorkerStore& w = c.workers;
    const double seats =
        affordable_places(c, index(), seats_per_month_ / c.environment.agent_weight, cost_);
    if (!(seats > 0)) return;
    ration_and_serve(
        c, index(), spec().target, purpose(0), seats,
        [&](std::size_t i) {
          return unemployed_at_home(w, i) && !enrolled_.test(i) &&
                 spec().target.covers_worker(w, i);
        },
        [&](std::size_t i) {
          if (!c.ledger.pay(index(), {static_cast<std::uint32_t>(i)}, agent_cost(c, cost_))) {
            return false;
          }
          enrolled_.set(i);
          trainees_.push_back({static_cast<WorkerId>(i), c.month, duration_, w.age_months[i]});
          return true;
        },
        chosen_);
  }

  void end_month(PolicyContext& c) override {
    WorkerStore& w = c.workers;
    for (const Hire& hire : c.effects.hires) {
      if (recently_trained_.test(hire.worker)) c.ledger.add_jobs(index(), 1);
    }
    // Completers leave the placement window after six months (or when replaced by a newcomer).
    std::size_t kept = 0;
    for (const Completer& done : completers_) {
      if (c.month - done.month >= kPlacementWindowMonths) {
        recently_trained_.clear(done.worker);
      } else {
        completers_[kept++] = done;
      }
    }
    completers_.resize(kept);
    kept = 0;
    std::int64_t in_course = 0;
    for (Trainee t : trainees_) {
      // Hired, gone, or replaced by a newcomer of the same agent id: the course ends unfinished.
      if (w.status[t.worker] != WorkerStatus::kUnemployed || w.age_months[t.worker] < t.age) {
        enrolled_.clear(t.worker);
        continue;
      }
      if (t.month_enrolled < c.month) {
        --t.months_left;
        ++in_course;
      }
      if (t.months_left > 0) {
        trainees_[kept++] = t;
        continue;
      }
      enrolled_.clear(t.worker);
      w.skill[t.worker] *= skill_factor_;
      if (sector_ >= 0) c.effects.certificate[t.worker] = static_cast<std::uint8_t>(sector_ + 1);
      recently_trained_.set(t.worker);
      completers_.push_back({t.worker, c.month});
    }
    trainees_.resize(kept);
    // Trainees who spent the month in a course begun earlier were served this month too.
    c.ledger.add_beneficiaries(index(), Count::kContinuing, in_course);
  }

 private:
  struct Trainee {
    WorkerId worker;
    int month_enrolled;
    int months_left;
    std::uint16_t age;  //!< at enrolment: a younger agent with this id is someone else
  };
  struct Completer {
    WorkerId worker;
    int month;
  };

  double seats_per_month_ = 0;
  double cost_ = 0;
  int duration_ = 1;
  float skill_factor_ = 1;
  double search_while_enrolled_ = 1;
  int sector_ = -1;
  double sector_bonus_ = 0;
  std::vector<Trainee> trainees_;  //!< enrolled, by month of enrolment then worker id
  std::vector<Completer> completers_;
  Bitmap enrolled_;
  Bitmap recently_trained_;
  Bitmap chosen_;
};

}  // namespace

std::unique_ptr<Policy> make_training_subsidy(const PolicySpec& spec, std::size_t index) {
  return std::make_unique<TrainingSubsidy>(spec, index);
}

}  // namespace laborsim
