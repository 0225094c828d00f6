// public_welfare_posts (公益性岗位): non-market posts for the hard to employ — cleaning, care,
// village upkeep — paid by the lever. While active, the lever keeps `posts` posts (at full size,
// spread over the covered home regions by working-age population) filled with covered
// unemployed residents at home, at random among them; each holder earns `wage_yuan_month`, paid
// month by month in id order while the budget lasts, and is in the labour force and employed in
// the ILO sense (status kPublicPost), neither unemployed nor working for an employer. A post
// ends when a holder has held it `max_duration_months`, when the budget cannot pay its month, or
// when the holder leaves (a market job found by on-the-job search, retirement, leaving the labour
// force); its holder then looks for work as a job loser. New posts are given until `end`; posts
// given earlier run their course. The lever attributes to itself the posts it fills.
#include "policies/lever_support.hpp"
#include "policies/levers.hpp"

namespace laborsim {
namespace {

class PublicWelfarePosts final : public Policy {
 public:
  PublicWelfarePosts(const PolicySpec& spec, std::size_t index) : Policy(spec, index) {
    const nlohmann::json& p = spec.entry;
    posts_ = p["posts"];
    wage_ = p["wage_yuan_month"];
    max_months_ = p["max_duration_months"];
  }

  std::string_view type() const override { return "public_welfare_posts"; }

  void carry(StateArchive& a) override {
    a.array("holders", holders_);
    a.bitmap("chosen", chosen_);
  }

  // Phase 8: posts that ended are freed, running ones paid, vacant ones filled.
  void place(PolicyContext& c) override {
    WorkerStore& w = c.workers;
    std::size_t kept = 0;
    for (const Holder& h : holders_) {
      const bool still_holds =
          w.status[h.worker] == WorkerStatus::kPublicPost && w.age_months[h.worker] >= h.age;
      if (!still_holds) continue;  // left for a market job, the labour force, or retired
      if (w.tenure_months[h.worker] >= max_months_ ||
          !c.ledger.pay(index(), {h.worker}, agent_cost(c, wage_), Count::kContinuing)) {
        end_post(c, h.worker);
        continue;
      }
      holders_[kept++] = h;
    }
    holders_.resize(kept);
    if (!active(c)) return;
    const double vacant =
        posts_ / c.environment.agent_weight - static_cast<double>(holders_.size());
    if (!(vacant > 0)) return;
    ration_and_serve(
        c, index(), spec().target, purpose(0), vacant,
        [&](std::size_t i) {
          return unemployed_at_home(w, i) && spec().target.covers_worker(w, i);
        },
        [&](std::size_t i) {
          if (!c.ledger.pay(index(), {static_cast<std::uint32_t>(i)}, agent_cost(c, wage_))) {
            return false;
          }
          start_post(w, i);
          holders_.push_back({static_cast<WorkerId>(i), w.age_months[i]});
          c.ledger.add_jobs(index(), 1);
          return true;
        },
        chosen_);
  }

 private:
  struct Holder {
    WorkerId worker;
    std::uint16_t age;  //!< at the start: a younger agent with this id is someone else
  };

  void start_post(WorkerStore& w, std::size_t i) const {
    w.status[i] = WorkerStatus::kPublicPost;
    w.employer[i] = kNoEmployer;
    w.wage[i] = static_cast<float>(wage_);
    w.output[i] = 0;
    w.spell_months[i] = 0;
    w.tenure_months[i] = 0;
    w.benefit_months_left[i] = 0;
  }

  // The holder is unemployed again, asking what a job loser asks of the post's wage.
  static void end_post(PolicyContext& c, WorkerId i) {
    WorkerStore& w = c.workers;
    w.status[i] = WorkerStatus::kUnemployed;
    w.reservation_wage[i] =
        static_cast<float>(c.environment.reservation_ratio_after_job_loss * w.wage[i]);
    w.wage[i] = 0;
    w.spell_months[i] = 0;
    w.tenure_months[i] = 0;
  }

  double posts_ = 0;
  double wage_ = 0;
  int max_months_ = 0;
  std::vector<Holder> holders_;  //!< in order of placement
  Bitmap chosen_;
};

}  // namespace

std::unique_ptr<Policy> make_public_welfare_posts(const PolicySpec& spec, std::size_t index) {
  return std::make_unique<PublicWelfarePosts>(spec, index);
}

}  // namespace laborsim
