// labor_transfer (有组织劳务输出: chartered trains and buses, labour-base agreements). Each month
// while active, `seats_per_month` seats (at full size, spread over the covered home regions by
// working-age population) go to covered residents at home who look for work this month — the
// unemployed, and farmers in their search season — at random among them. A seat holder weighs a
// job in a partner destination (`destinations`, default every destination) as if the fare were
// `fare_share` cheaper, and looks at `partner_looks` extra vacancies in the partner destinations
// (labour-base agreements bring their jobs to the seat holders' notice). A seat is booked and
// paid when given, at `fare_share` of the mean cheapest fare from the holder's home to the
// partner bases (chartered transport is paid for by the seat, whoever ends up travelling), in id
// order while the budget lasts. The lever attributes to itself the seat holders hired in a
// partner base.
#include <algorithm>
#include <cmath>

#include "policies/lever_support.hpp"
#include "policies/levers.hpp"

namespace laborsim {
namespace {

class LaborTransfer final : public Policy {
 public:
  LaborTransfer(const PolicySpec& spec, std::size_t index) : Policy(spec, index) {
    const nlohmann::json& p = spec.entry;
    seats_per_month_ = p["seats_per_month"];
    fare_share_ = p["fare_share"];
    partner_looks_ = p["partner_looks"];
  }

  std::string_view type() const override { return "labor_transfer"; }

  void carry(StateArchive& a) override {
    a.array("partners", partners_);
    a.array("seat_cost", seat_cost_);
    a.bitmap("seat", seat_);
    a.bitmap("chosen", chosen_);
  }

  void initialize(PolicyContext& c) override {
    c.effects.log_hires = true;
    const RegionGraph& g = c.regions;
    partners_.assign(g.size(), 0);
    for (RegionId r = 0; r < g.size(); ++r) {
      partners_[r] = spec().destinations.empty() ? g.is_destination(r) : spec().destinations[r];
    }
    // A seat from each covered home region costs the mean fare share to the partner bases.
    seat_cost_.assign(g.size(), 0.0);
    for (RegionId o = 0; o < g.size(); ++o) {
      double fares = 0, routes = 0;
      for (RegionId d = 0; d < g.size(); ++d) {
        if (!covered_route(c, o, d)) continue;
        fares += fare(c, o, d);
        routes += 1;
      }
      if (routes > 0) seat_cost_[o] = fares / routes;
    }
  }

  void before_search(PolicyContext& c) override {
    seat_.reset(c.workers.size());
    if (!active(c) || !(seats_per_month_ > 0)) return;
    const RegionGraph& g = c.regions;
    const std::size_t regions = g.size();
    if (c.ledger.room(index()) == 0) return;
    PolicyEffects& effects = c.effects;
    if (effects.transfer_seat.size() == 0) {
      effects.transfer_seat.reset(c.workers.size());
      effects.fare_relief.assign(regions * regions, 0.0f);
    }
    for (RegionId o = 0; o < regions; ++o) {
      for (RegionId d = 0; d < regions; ++d) {
        if (!covered_route(c, o, d)) continue;
        float& relief = effects.fare_relief[o * regions + d];
        relief = std::max(
            relief, static_cast<float>(fare(c, o, d) / c.environment.travel_cost_horizon_months));
      }
    }
    effects.partner_looks = std::max(effects.partner_looks, static_cast<float>(partner_looks_));
    const WorkerStore& w = c.workers;
    ration_and_serve(
        c, index(), spec().target, purpose(0), seats_per_month_ / c.environment.agent_weight,
        [&](std::size_t i) {
          const bool looking = w.status[i] == WorkerStatus::kUnemployed ||
                               (w.status[i] == WorkerStatus::kFarming && c.looking.test(i));
          return looking && w.location[i] == w.home_region[i] && spec().target.covers_worker(w, i);
        },
        [&](std::size_t i) {
          if (!c.ledger.pay(index(), {static_cast<std::uint32_t>(i)},
                            agent_cost(c, seat_cost_[w.home_region[i]]))) {
            return false;
          }
          seat_.set(i);
          effects.transfer_seat.set(i);
          return true;
        },
        chosen_);
  }

  // Seat holders hired in a partner destination.
  void end_month(PolicyContext& c) override {
    if (seat_.size() == 0) return;
    const WorkerStore& w = c.workers;
    for (const Hire& hire : c.effects.hires) {
      const RegionId to = c.employers.region[hire.employer];
      if (seat_.test(hire.worker) && covered_route(c, w.home_region[hire.worker], to)) {
        c.ledger.add_jobs(index(), 1);
      }
    }
  }

 private:
  // From a covered home region to a partner destination within search reach.
  bool covered_route(const PolicyContext& c, RegionId from, RegionId to) const {
    return spec().target.regions[from] && !c.regions.is_destination(from) && partners_[to] &&
           c.regions.travel_cost(from, to) <= c.environment.max_travel_cost_yuan;
  }
  // What the lever pays for one trip [yuan].
  double fare(const PolicyContext& c, RegionId from, RegionId to) const {
    return fare_share_ * c.regions.travel_cost(from, to);
  }

  double seats_per_month_ = 0;
  double fare_share_ = 1;
  double partner_looks_ = 0;
  std::vector<std::uint8_t> partners_;  //!< per region: a partner destination
  std::vector<double> seat_cost_;       //!< per home region: the price of a seat [yuan]
  Bitmap seat_;                         //!< per worker: holds one of this lever's seats
  Bitmap chosen_;
};

}  // namespace

std::unique_ptr<Policy> make_labor_transfer(const PolicySpec& spec, std::size_t index) {
  return std::make_unique<LaborTransfer>(spec, index);
}

}  // namespace laborsim
