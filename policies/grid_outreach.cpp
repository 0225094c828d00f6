// grid_outreach (the "311" service, funded): extra contacts by grid and employment-service staff
// beyond the grids' own capacity (sim/phases/grid_outreach.cpp), for the covered key groups. Each
// month while active, `contacts_per_month` contacts (at full size, spread over the covered home
// regions by working-age population) go to covered unemployed residents at home whom the grids
// have not reached this month, at random among them, each costing `cost_per_contact_yuan` while
// the budget lasts. A contact works like the grids' own: job-information pushes (extra
// applications at home) and a referral that employers rank higher. The lever attributes to
// itself the hires of those it reached that month.
#include "policies/lever_support.hpp"
#include "policies/levers.hpp"

namespace laborsim {
namespace {

class GridOutreach final : public Policy {
 public:
  GridOutreach(const PolicySpec& spec, std::size_t index) : Policy(spec, index) {
    const nlohmann::json& p = spec.entry;
    contacts_per_month_ = p["contacts_per_month"];
    cost_ = p["cost_per_contact_yuan"];
  }

  std::string_view type() const override { return "grid_outreach"; }

  void carry(StateArchive& a) override {
    a.bitmap("reached", reached_);
    a.bitmap("chosen", chosen_);
  }

  void initialize(PolicyContext& c) override { c.effects.log_hires = true; }

  void before_search(PolicyContext& c) override {
    reached_.reset(c.workers.size());
    if (!active(c) || !(contacts_per_month_ > 0)) return;
    const WorkerStore& w = c.workers;
    const double contacts =
        affordable_places(c, index(), contacts_per_month_ / c.environment.agent_weight, cost_);
    if (!(contacts > 0)) return;
    ration_and_serve(
        c, index(), spec().target, purpose(0), contacts,
        [&](std::size_t i) {
          return unemployed_at_home(w, i) && !c.contacted.test(i) &&
                 spec().target.covers_worker(w, i);
        },
        [&](std::size_t i) {
          if (!c.ledger.pay(index(), {static_cast<std::uint32_t>(i)}, agent_cost(c, cost_))) {
            return false;
          }
          c.contacted.set(i);
          reached_.set(i);
          return true;
        },
        chosen_);
  }

  void end_month(PolicyContext& c) override {
    for (const Hire& hire : c.effects.hires) {
      if (reached_.size() > 0 && reached_.test(hire.worker)) c.ledger.add_jobs(index(), 1);
    }
  }

 private:
  double contacts_per_month_ = 0;
  double cost_ = 0;
  Bitmap reached_;  //!< per worker: reached by this lever this month
  Bitmap chosen_;
};

}  // namespace

std::unique_ptr<Policy> make_grid_outreach(const PolicySpec& spec, std::size_t index) {
  return std::make_unique<GridOutreach>(spec, index);
}

}  // namespace laborsim
