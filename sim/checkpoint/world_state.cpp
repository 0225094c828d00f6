#include "sim/checkpoint/world_state.hpp"

namespace laborsim {
namespace {

template <class Store>
void carry_columns(StateArchive& archive, Store& store) {
  store.for_each_column([&](const char* name, auto& column) { archive.array(name, column); });
}

void carry_grids(StateArchive& archive, GridStore& g) {
  archive.array("region", g.region);
  archive.array("community", g.community);
  archive.array("grid_staff", g.grid_staff);
  archive.array("professionals", g.professionals);
  archive.array("information_staff", g.information_staff);
  archive.array("liaison_staff", g.liaison_staff);
}

// The effects the levers keep from month to month (the month's offers are cleared before the
// levers' first hook and need no saving).
void carry_effects(StateArchive& archive, PolicyEffects& effects) {
  archive.value("log_hires", effects.log_hires);
  archive.value("log_foundings", effects.log_foundings);
  archive.array("certificate", effects.certificate);
  archive.array("certificate_bonus", effects.certificate_bonus);
}

}  // namespace

void carry_world(StateArchive& archive, World& world) {
  archive.value("month", world.month);
  archive.section("workers", [&] { carry_columns(archive, world.workers); });
  archive.section("employers", [&] {
    carry_columns(archive, world.employers);
    archive.array("region_begin", world.employers.region_begin);
  });
  archive.section("grids", [&] { carry_grids(archive, world.grids); });
  archive.section("economy", [&] {
    archive.value("common", world.economy.common);
    archive.array("regional", world.economy.regional);
    archive.array("demand_index", world.economy.demand_index);
  });
  archive.section("effects", [&] { carry_effects(archive, world.effects); });
  archive.array("move_cost", world.move_cost);
  archive.bitmap("atypical_separation", world.atypical_separation);
  archive.bitmap("in_arrears", world.in_arrears);
  archive.bitmap("contacted", world.contacted);
  archive.bitmap("away_this_year", world.away_this_year);
  archive.bitmap("searching_on_the_job", world.searching_on_the_job);
  archive.bitmap("odd_job", world.odd_job);
  archive.array("grid_contacts", world.grid_contacts);
  archive.array("grid_eligible", world.grid_eligible);
  archive.array("moves", world.moves);
  archive.array("job_finders", world.job_finders);
  archive.array("job_to_job_moves", world.job_to_job_moves);
  archive.array("farmers_hired", world.farmers_hired);
  archive.array("stint_ends", world.stint_ends);
  archive.array("odd_job_placements", world.odd_job_placements);
  archive.array("potential_jobs", world.potential_jobs);
  archive.array("active_jobs", world.active_jobs);
  archive.value("skill_normalization", world.skill_normalization);
  archive.value("labor_cost_factor", world.labor_cost_factor);
  archive.value("entry_rate_monthly", world.entry_rate_monthly);
}

}  // namespace laborsim
