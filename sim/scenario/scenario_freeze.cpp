// freeze_scenario: the checks a JSON Schema cannot express, then the typed Scenario.
#include <algorithm>
#include <cmath>
#include <map>

#include "sim/scenario/input_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace laborsim {
namespace {

using nlohmann::json;

std::string at(const std::string& base, std::size_t index, const std::string& key = "") {
  return base + "/" + std::to_string(index) + (key.empty() ? "" : "/" + key);
}

// Names that must be unique within one list of the scenario (regions, sectors, levers, arms):
// a second use is an error that points at the first.
class UniqueNames {
 public:
  UniqueNames(std::string list, std::string what, std::string source)
      : list_(std::move(list)), what_(std::move(what)), source_(std::move(source)) {}
  void add(const std::string& name, std::size_t index) {
    if (const auto [it, fresh] = seen_.emplace(name, index); !fresh) {
      throw InputError(
          source_, at(list_, index, "name"),
          "duplicate " + what_ + " name '" + name + "' (first at " + at(list_, it->second) + ")");
    }
  }

 private:
  std::string list_, what_, source_;
  std::map<std::string, std::size_t> seen_;
};

YearMonth parse_month(const json& value, const std::string& source, const std::string& pointer) {
  const auto parsed = YearMonth::parse(value.get<std::string>());
  if (!parsed) throw InputError(source, pointer, "expected YYYY-MM");
  return *parsed;
}

std::vector<SectorSpec> freeze_sectors(const json& doc, const std::string& source) {
  std::vector<SectorSpec> sectors;
  UniqueNames names("/employers/sectors", "sector", source);
  const json& list = doc["employers"]["sectors"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& s = list[i];
    SectorSpec sector{s["name"],
                      s["mean_firm_size"],
                      s["wage_multiplier"],
                      s["job_share_home"],
                      s["job_share_destination"],
                      s.value("separation_rate_monthly",
                              doc["employers"]["separation_rate_monthly"].get<double>()),
                      s["open_to_startups"]};
    names.add(sector.name, i);
    sectors.push_back(std::move(sector));
  }
  return sectors;
}

std::vector<double> freeze_sector_shares(const json& region, RegionKind kind,
                                         const std::vector<SectorSpec>& sectors,
                                         const std::string& source, const std::string& pointer) {
  std::vector<double> shares(sectors.size(), 0.0);
  if (region.contains("sector_shares")) {
    for (const auto& [name, share] : region["sector_shares"].items()) {
      std::size_t index = 0;
      while (index < sectors.size() && sectors[index].name != name) ++index;
      if (index == sectors.size()) {
        throw InputError(source, pointer + "/sector_shares/" + name,
                         "unknown sector '" + name + "' (declare it in /employers/sectors)");
      }
      shares[index] = share.get<double>();
    }
  } else {
    for (std::size_t s = 0; s < sectors.size(); ++s) {
      shares[s] =
          kind == RegionKind::kHome ? sectors[s].job_share_home : sectors[s].job_share_destination;
    }
  }
  double total = 0;
  for (double share : shares) total += share;
  if (!(total > 0)) {
    throw InputError(source, pointer + "/sector_shares",
                     "the region's sector shares add up to zero: no sector to employ anyone");
  }
  for (double& share : shares) share /= total;
  return shares;
}

std::vector<RegionSpec> freeze_regions(const json& doc, const std::vector<SectorSpec>& sectors,
                                       const std::string& source) {
  std::vector<RegionSpec> regions;
  UniqueNames names("/regions", "region", source);
  const json& list = doc["regions"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& r = list[i];
    const std::string pointer = at("/regions", i);
    RegionSpec region;
    region.name = r["name"];
    region.kind = r["kind"] == "home" ? RegionKind::kHome : RegionKind::kDestination;
    region.working_age_population = r["working_age_population"];
    region.initial_migrant_share = r["initial_migrant_share"];
    region.initial_farming_share = r["initial_farming_share"];
    region.migrant_jobs = r["migrant_jobs"];
    region.mean_wage_yuan_month = r["mean_wage_yuan_month"];
    region.living_cost_yuan_month = r["living_cost_yuan_month"];
    region.urban_communities = r["urban_communities"];
    region.urban_hukou_share = r["urban_hukou_share"];
    region.seasonal_demand = r["seasonal_demand"].get<std::array<double, 12>>();
    names.add(region.name, i);
    if (region.kind == RegionKind::kDestination) {
      if (region.working_age_population > 0) {
        throw InputError(source, pointer + "/working_age_population",
                         "destinations have no simulated residents; describe their demand "
                         "with migrant_jobs");
      }
      if (region.initial_migrant_share > 0) {
        throw InputError(source, pointer + "/initial_migrant_share",
                         "applies to home regions only");
      }
    } else if (region.migrant_jobs > 0) {
      throw InputError(source, pointer + "/migrant_jobs",
                       "applies to destinations only; home-region jobs follow from the labour "
                       "force");
    }
    region.sector_shares = freeze_sector_shares(r, region.kind, sectors, source, pointer);
    regions.push_back(std::move(region));
  }
  return regions;
}

PopulationSpec freeze_population(const json& p, const std::string& source) {
  PopulationSpec population;
  population.scale = p["scale"];
  population.participation_rate = p["participation_rate"];
  population.initial_unemployment_rate = p["initial_unemployment_rate"];
  population.skill_sigma = p["skill_sigma"];
  population.ui_coverage_share = p["ui_coverage_share"];
  population.labor_force_exit_rate_monthly = p["labor_force_exit_rate_monthly"];
  population.returns_to_schooling = p["returns_to_schooling"];
  population.ex_serviceman_share = p["ex_serviceman_share"];
  population.poverty_alleviation_share = p["poverty_alleviation_share"];
  population.disability_share = p["disability_share"];
  population.skill_growth_monthly = p["skill_growth_monthly"];
  population.skill_depreciation_monthly = p["skill_depreciation_monthly"];
  population.initial_savings_months = p["initial_savings_months"];
  population.saving_rate = p["saving_rate"];
  const json& shares = p["education_shares"];
  const char* levels[4] = {"primary", "junior_secondary", "senior_secondary", "college"};
  double total = 0;
  for (std::size_t e = 0; e < 4; ++e) {
    population.education_shares[e] = shares[levels[e]];
    total += population.education_shares[e];
  }
  if (!(total > 0)) {
    throw InputError(source, "/population/education_shares", "the shares add up to zero");
  }
  for (double& share : population.education_shares) share /= total;
  return population;
}

std::array<double, kKeyGroupCount> freeze_priority_weights(const json& weights) {
  std::array<double, kKeyGroupCount> result{};
  for (std::size_t k = 0; k < kKeyGroupCount; ++k) {
    result[k] = weights[std::string(kKeyGroupNames[k])];
  }
  return result;
}

RegionId region_index(const std::vector<RegionSpec>& regions, const json& name,
                      const std::string& source, const std::string& pointer) {
  for (std::size_t r = 0; r < regions.size(); ++r) {
    if (regions[r].name == name.get<std::string>()) return static_cast<RegionId>(r);
  }
  throw InputError(source, pointer, "unknown region '" + name.get<std::string>() + "'");
}

std::vector<RegionLink> freeze_links(const json& doc, const std::vector<RegionSpec>& regions,
                                     const std::string& source) {
  std::vector<RegionLink> links;
  std::map<std::pair<RegionId, RegionId>, std::size_t> seen;
  const json& list = doc["links"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& l = list[i];
    RegionLink link{region_index(regions, l["from"], source, at("/links", i, "from")),
                    region_index(regions, l["to"], source, at("/links", i, "to")), l["distance_km"],
                    l["travel_cost_yuan"]};
    if (link.from == link.to) {
      throw InputError(source, at("/links", i, "to"), "a link must join two different regions");
    }
    const auto key = std::minmax(link.from, link.to);
    if (const auto [it, fresh] = seen.emplace(key, i); !fresh) {
      throw InputError(source, at("/links", i),
                       "duplicate link between '" + regions[link.from].name + "' and '" +
                           regions[link.to].name + "' (first at " + at("/links", it->second) + ")");
    }
    links.push_back(link);
  }
  return links;
}

void check_population(const Scenario& scenario, const std::string& source) {
  double agents = 0;
  bool any_home = false;
  for (const RegionSpec& region : scenario.regions) {
    if (region.kind != RegionKind::kHome) continue;
    any_home = true;
    agents += std::round(region.working_age_population * scenario.population.scale);
  }
  if (!any_home) throw InputError(source, "/regions", "no home region: nobody to simulate");
  if (agents < 1) {
    throw InputError(source, "/regions",
                     "the home regions' working_age_population times population.scale is "
                     "below one agent");
  }
  if (agents > 2.0e9) {
    throw InputError(source, "/population/scale",
                     "more than 2e9 agents requested (" + std::to_string(agents) + ")");
  }
}

// Every region must be reachable from some home region, or nobody could ever work there.
void check_connectivity(const Scenario& scenario, const std::string& source) {
  const RegionGraph graph = scenario.region_graph();
  for (std::size_t r = 0; r < scenario.regions.size(); ++r) {
    bool reached = false;
    for (std::size_t h = 0; h < scenario.regions.size() && !reached; ++h) {
      reached = scenario.regions[h].kind == RegionKind::kHome &&
                graph.reachable(static_cast<RegionId>(h), static_cast<RegionId>(r));
    }
    if (!reached) {
      throw InputError(source, at("/regions", r),
                       "region '" + scenario.regions[r].name +
                           "' cannot be reached from any home region along /links");
    }
  }
}

void check_grids(const Scenario& scenario, const std::string& source) {
  int communities = 0;
  for (const RegionSpec& region : scenario.regions) communities += region.urban_communities;
  if (scenario.grids.grids > 0 && communities == 0) {
    throw InputError(source, "/grids/grids",
                     "grids need urban communities: set urban_communities on some region");
  }
  if (scenario.grids.grids > 0 && scenario.grids.grids < communities) {
    throw InputError(source, "/grids/grids",
                     "fewer grids (" + std::to_string(scenario.grids.grids) +
                         ") than urban communities (" + std::to_string(communities) + ")");
  }
}

// Index of `name` in `names`, or an InputError naming the list of known ones.
std::size_t index_of(const std::vector<std::string>& names, const std::string& name,
                     const std::string& what, const std::string& source,
                     const std::string& pointer) {
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (names[k] == name) return k;
  }
  std::string known;
  for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
  throw InputError(source, pointer, "unknown " + what + " '" + name + "' (known: " + known + ")");
}

Target freeze_target(const json& t, const Scenario& s, const std::string& source,
                     const std::string& pointer) {
  std::vector<std::string> regions, sectors;
  for (const RegionSpec& region : s.regions) regions.push_back(region.name);
  for (const SectorSpec& sector : s.employers.sectors) sectors.push_back(sector.name);
  const std::vector<std::string> groups(kKeyGroupNames.begin(), kKeyGroupNames.end());
  const std::vector<std::string> classes(kSizeClassNames.begin(), kSizeClassNames.end());
  Target target;
  for (std::size_t k = 0; k < t["groups"].size(); ++k) {
    target.groups |= group_bit(static_cast<KeyGroup>(index_of(
        groups, t["groups"][k], "key group", source, pointer + "/groups/" + std::to_string(k))));
  }
  target.regions.assign(s.regions.size(), 0);
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    target.regions[r] = t["regions"].empty() && s.regions[r].kind == RegionKind::kHome;
  }
  for (std::size_t k = 0; k < t["regions"].size(); ++k) {
    target.regions[index_of(regions, t["regions"][k], "region", source,
                            pointer + "/regions/" + std::to_string(k))] = 1;
  }
  for (std::size_t k = 0; k < t["size_classes"].size(); ++k) {
    target.size_classes |= static_cast<std::uint8_t>(
        1u << index_of(classes, t["size_classes"][k], "size class", source,
                       pointer + "/size_classes/" + std::to_string(k)));
  }
  if (!t["sectors"].empty()) target.sectors.assign(sectors.size(), 0);
  for (std::size_t k = 0; k < t["sectors"].size(); ++k) {
    target.sectors[index_of(sectors, t["sectors"][k], "sector", source,
                            pointer + "/sectors/" + std::to_string(k))] = 1;
  }
  return target;
}

Fen budget_limit(const json& budget, const char* key) {
  return budget.contains(key) ? fen_from_yuan(budget[key].get<double>()) : Budget::kUnlimited;
}

std::vector<PolicySpec> freeze_policies(const json& doc, const Scenario& s,
                                        const std::string& source) {
  std::vector<PolicySpec> policies;
  UniqueNames names("/policies", "policy", source);
  const json& list = doc["policies"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& p = list[i];
    const std::string pointer = at("/policies", i);
    PolicySpec spec;
    spec.type = p["type"];
    spec.name = p["name"];
    names.add(spec.name, i);
    if (p.contains("start")) {
      spec.start_month = parse_month(p["start"], source, pointer + "/start").months_since(s.start);
    }
    if (p.contains("end")) {
      spec.end_month = parse_month(p["end"], source, pointer + "/end").months_since(s.start);
      if (spec.end_month < spec.start_month) {
        throw InputError(source, pointer + "/end", "ends before it starts");
      }
    }
    spec.target = freeze_target(p["target"], s, source, pointer + "/target");
    const json& budget = p["budget"];
    spec.budget = {budget_limit(budget, "per_month_yuan"), budget_limit(budget, "per_year_yuan"),
                   budget_limit(budget, "total_yuan")};
    if (p.contains("sector")) {
      std::vector<std::string> sectors;
      for (const SectorSpec& sector : s.employers.sectors) sectors.push_back(sector.name);
      spec.sector =
          static_cast<int>(index_of(sectors, p["sector"], "sector", source, pointer + "/sector"));
    }
    if (p.contains("destinations")) {
      std::vector<std::string> regions;
      for (const RegionSpec& region : s.regions) regions.push_back(region.name);
      spec.destinations.assign(s.regions.size(), 0);
      for (std::size_t k = 0; k < p["destinations"].size(); ++k) {
        const std::string where = pointer + "/destinations/" + std::to_string(k);
        const std::size_t r = index_of(regions, p["destinations"][k], "region", source, where);
        if (s.regions[r].kind != RegionKind::kDestination) {
          throw InputError(source, where, "'" + s.regions[r].name + "' is not a destination");
        }
        spec.destinations[r] = 1;
      }
    }
    spec.entry = p;
    policies.push_back(std::move(spec));
  }
  return policies;
}

std::vector<ArmSpec> freeze_arms(const json& doc, const Scenario& s, const std::string& source) {
  std::vector<std::string> levers;
  for (const PolicySpec& policy : s.policies) levers.push_back(policy.name);
  std::vector<ArmSpec> arms;
  UniqueNames names("/arms", "arm", source);
  const json& list = doc["arms"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& a = list[i];
    const std::string pointer = at("/arms", i);
    ArmSpec arm{a["name"], a["description"], {}};
    names.add(arm.name, i);
    for (std::size_t k = 0; k < a["levers"].size(); ++k) {
      arm.levers.push_back(index_of(levers, a["levers"][k], "lever (policies[].name)", source,
                                    pointer + "/levers/" + std::to_string(k)));
    }
    std::sort(arm.levers.begin(), arm.levers.end());
    arms.push_back(std::move(arm));
  }
  return arms;
}

}  // namespace

RegionGraph Scenario::region_graph() const {
  std::vector<RegionNode> nodes;
  for (const RegionSpec& region : regions) nodes.push_back({region.name, region.kind});
  return RegionGraph(std::move(nodes), links);
}

Scenario freeze_scenario(const json& doc, const std::string& source) {
  Scenario s;
  s.name = doc["name"];
  s.description = doc["description"];
  s.seed = doc["seed"];
  s.start = parse_month(doc["start"], source, "/start");
  s.months = doc["months"];
  s.burn_in_months = doc["burn_in_months"];

  s.population = freeze_population(doc["population"], source);

  s.employers.sectors = freeze_sectors(doc, source);
  const json& e = doc["employers"];
  s.employers.size_tail_exponent = e["size_tail_exponent"];
  s.employers.max_to_min_firm_size = e["max_to_min_firm_size"];
  s.employers.wage_dispersion_sigma = e["wage_dispersion_sigma"];
  s.employers.initial_vacancy_rate = e["initial_vacancy_rate"];
  s.employers.separation_rate_monthly = e["separation_rate_monthly"];
  s.employers.layoff_speed = e["layoff_speed"];
  s.employers.social_insurance_rate = e["social_insurance_rate"];
  s.employers.ui_premium_rate = e["ui_premium_rate"];
  s.employers.markup = e["markup"];
  s.employers.labor_demand_elasticity = e["labor_demand_elasticity"];
  s.employers.wage_raise_monthly = e["wage_raise_monthly"];
  s.employers.wage_cut_monthly = e["wage_cut_monthly"];
  s.employers.minimum_wage_yuan_month = e["minimum_wage_yuan_month"];
  s.employers.firm_demand_sigma = e["firm_demand_sigma"];
  s.employers.firm_demand_persistence = e["firm_demand_persistence"];
  s.employers.fixed_cost_share = e["fixed_cost_share"];
  s.employers.vacancy_cost_share = e["vacancy_cost_share"];
  s.employers.initial_cash_months = e["initial_cash_months"];
  s.employers.exit_after_loss_months = e["exit_after_loss_months"];
  s.employers.exit_arrears_months = e["exit_arrears_months"];
  s.employers.arrears_quit_rate_monthly = e["arrears_quit_rate_monthly"];
  s.employers.entry_slots_share = e["entry_slots_share"];
  const json& n = doc["entrepreneurship"];
  s.entrepreneurship = {n["outside_entry_rate_monthly"], n["attempt_rate_monthly"],
                        n["capital_yuan"], n["credit_multiple"], n["mean_size_workers"]};

  s.regions = freeze_regions(doc, s.employers.sectors, source);
  s.links = freeze_links(doc, s.regions, source);

  const json& q = doc["search"];
  s.search = {q["applications_per_month"],
              q["offer_rounds"],
              q["spell_screening_per_month"],
              q["spell_screening_max_months"],
              q["match_quality_sigma"],
              q["hiring_threshold"],
              q["initial_reservation_ratio"],
              q["reservation_ratio_after_job_loss"],
              q["reservation_wage_decay_monthly"],
              q["reservation_wage_floor_yuan_month"],
              q["max_travel_cost_yuan"],
              q["travel_cost_horizon_months"],
              q["return_home_probability"],
              q["return_home_monthly"],
              q["on_the_job_search_monthly"],
              q["on_the_job_applications_per_month"],
              q["job_switch_premium"]};

  const json& b = doc["benefits"];
  s.benefits = {b["ui_benefit_yuan_month"], b["max_duration_months"], b["min_contribution_months"]};

  const json& c = doc["economy"];
  s.economy.persistence = c["persistence"];
  s.economy.common_sigma = c["common_sigma"];
  s.economy.regional_sigma = c["regional_sigma"];
  for (std::size_t i = 0; i < c["shocks"].size(); ++i) {
    const json& k = c["shocks"][i];
    ShockSpec shock;
    for (std::size_t j = 0; j < k["regions"].size(); ++j) {
      shock.regions.push_back(
          region_index(s.regions, k["regions"][j], source,
                       at("/economy/shocks", i, "regions/" + std::to_string(j))));
    }
    shock.start_month =
        parse_month(k["start"], source, at("/economy/shocks", i, "start")).months_since(s.start);
    shock.duration_months = k["duration_months"];
    shock.demand_change = k["demand_change"];
    s.economy.shocks.push_back(std::move(shock));
  }

  const json& g = doc["grids"];
  s.grids.grids = g["grids"];
  s.grids.employment_professionals = g["employment_professionals"];
  s.grids.grid_staff = g["grid_staff"];
  s.grids.information_staff = g["information_staff"];
  s.grids.liaison_staff = g["liaison_staff"];
  s.grids.contacts_per_staff_month = g["contacts_per_staff_month"];
  s.grids.extra_applications = g["extra_applications"];
  s.grids.referral_rank_bonus = g["referral_rank_bonus"];
  s.grids.priority_weights = freeze_priority_weights(g["priority_weights"]);
  const json& j = doc["odd_jobs"];
  s.odd_jobs.markets_per_county = j["markets_per_county"];
  s.odd_jobs.placements_per_market_month = j["placements_per_market_month"];
  s.odd_jobs.earnings_yuan_month = j["earnings_yuan_month"];
  s.odd_jobs.priority_weights = freeze_priority_weights(j["priority_weights"]);

  const json& f = doc["farming"];
  s.farming.enabled = f["enabled"];
  s.farming.income_yuan_month = f["income_yuan_month"];
  s.farming.take_up_monthly = f["take_up_monthly"];
  s.farming.stint_end_monthly = f["stint_end_monthly"].get<std::array<double, 12>>();
  s.farming.search_monthly = f["search_monthly"].get<std::array<double, 12>>();

  const json& o = doc["output"];
  s.output = {o["directory"], o["compression_level"], o["chunk_months"], o["panel_workers"]};

  s.policies = freeze_policies(doc, s, source);
  s.arms = freeze_arms(doc, s, source);

  check_population(s, source);
  check_connectivity(s, source);
  check_grids(s, source);
  s.config = doc;
  return s;
}

}  // namespace laborsim
