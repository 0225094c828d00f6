#include "sim/scenario/scenario_loader.hpp"

#include <gtest/gtest.h>

#include "sim/scenario/embedded.hpp"
#include "sim/scenario/input_error.hpp"
#include "unit/temp_dir.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

using nlohmann::json;

// The message of the InputError that loading `source` with `sets` throws ("" if none).
std::string load_error(const std::string& source, const std::vector<std::string>& sets = {}) {
  std::vector<Override> overrides;
  try {
    for (const auto& text : sets) overrides.push_back(parse_override(text));
    load_scenario(source, overrides);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

const std::string kMinimal = R"({
  "name": "minimal",
  "regions": [{"name": "Home", "kind": "home", "working_age_population": 100,
               "mean_wage_yuan_month": 3000}]
})";

TEST(ScenarioLoader, BuiltinDingxiIsValidAndComplete) {
  const Scenario s = load_scenario(std::string(kDefaultScenario));
  EXPECT_EQ(s.name, "dingxi");
  EXPECT_EQ(s.months, 60);
  EXPECT_EQ(s.start, (YearMonth{2024, 1}));
  ASSERT_EQ(s.regions.size(), 17u);
  const std::vector<std::string> counties{"Anding", "Tongwei",   "Longxi", "Weiyuan",
                                          "Lintao", "Zhangxian", "Minxian"};
  double working_age = 0;
  for (std::size_t r = 0; r < counties.size(); ++r) {
    EXPECT_EQ(s.regions[r].name, counties[r]);
    EXPECT_EQ(s.regions[r].kind, RegionKind::kHome);
    working_age += s.regions[r].working_age_population;
  }
  EXPECT_NEAR(working_age, 1.534e6, 1e3);  // Dingxi's 16-59 population
  EXPECT_EQ(s.regions[7].name, "Lanzhou");
  EXPECT_EQ(s.regions[7].kind, RegionKind::kDestination);
  EXPECT_EQ(s.grids.grids, 783);
  EXPECT_EQ(s.grids.grid_staff, 975);
  EXPECT_EQ(s.grids.employment_professionals, 112);
}

TEST(ScenarioLoader, FillsSchemaDefaults) {
  test::TempDir dir;
  const Scenario s = load_scenario(dir.write("minimal.json", kMinimal));
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.months, 60);
  EXPECT_DOUBLE_EQ(s.population.scale, 1.0);
  EXPECT_DOUBLE_EQ(s.regions[0].living_cost_yuan_month, 800);
  EXPECT_EQ(s.search.applications_per_month, 5);
  ASSERT_EQ(s.employers.sectors.size(), 1u);
  EXPECT_EQ(s.employers.sectors[0].name, "all");
  EXPECT_EQ(s.output.directory, "out");
  // The stored config is the complete merged document.
  EXPECT_EQ(s.config["search"]["offer_rounds"], 3);
  EXPECT_FALSE(s.config.contains("extends"));
}

TEST(ScenarioLoader, ExtendsChainsMergeObjectsAndReplaceArrays) {
  test::TempDir dir;
  dir.write("base/base.json", kMinimal);
  dir.write("base/middle.json", R"({"extends": "base.json", "months": 12,
                                    "population": {"scale": 0.5, "skill_sigma": 0.1}})");
  const std::string top = dir.write("top.json", R"({"extends": "base/middle.json",
      "name": "top", "population": {"scale": 0.25},
      "regions": [{"name": "Other", "kind": "home", "working_age_population": 40,
                   "mean_wage_yuan_month": 2000}]})");
  const Scenario s = load_scenario(top, {parse_override("months=6")});
  EXPECT_EQ(s.name, "top");
  EXPECT_EQ(s.months, 6);                           // --set beats every file
  EXPECT_DOUBLE_EQ(s.population.scale, 0.25);       // top file beats middle
  EXPECT_DOUBLE_EQ(s.population.skill_sigma, 0.1);  // middle's other keys survive the merge
  ASSERT_EQ(s.regions.size(), 1u);                  // arrays replace
  EXPECT_EQ(s.regions[0].name, "Other");
}

TEST(ScenarioLoader, ExtendsBuiltin) {
  const Scenario s = test::small_dingxi(0.01, 24);
  EXPECT_EQ(s.name, "small");
  EXPECT_EQ(s.regions.size(), 17u);
  EXPECT_DOUBLE_EQ(s.population.scale, 0.01);
}

// Found by the fuzz target (tests/fuzz/corpus/scenario/regression_extends_name_too_long.json):
// a name the file system cannot even look up is bad input (exit 2), not a failure.
TEST(ScenarioLoader, ExtendsANameTooLongIsBadInput) {
  test::TempDir dir;
  const std::string name(300, 'x');
  const std::string file = dir.write("long.json", R"({"extends": ")" + name + R"("})");
  try {
    load_scenario(file);
    FAIL() << "loaded a scenario extending a name too long for any file system";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find(name + ": cannot read: File name too long"),
              std::string::npos)
        << error.what();
  }
}

TEST(ScenarioLoader, RejectsUnknownKeysWithTheirPath) {
  test::TempDir dir;
  const auto file = dir.write("s.json", kMinimal);
  const std::string message = load_error(file, {"population.scael=0.5"});
  EXPECT_NE(message.find(file + ": /population: "), std::string::npos) << message;
  EXPECT_NE(message.find("'scael'"), std::string::npos) << message;
}

TEST(ScenarioLoader, RejectsWrongTypesOutOfRangeValuesAndNaN) {
  test::TempDir dir;
  const auto file = dir.write("s.json", kMinimal);
  EXPECT_EQ(load_error(file, {"months=0"}),
            file + ": /months: Expected number greater than or equal to 1; got 0");
  EXPECT_EQ(load_error(file, {"population.scale=101"}),
            file + ": /population/scale: Expected number less than or equal to 100; got 101");
  EXPECT_NE(load_error(file, {"months=twelve"}).find("/months: Value type not permitted"),
            std::string::npos);
  EXPECT_NE(load_error(file, {"population.scale=nan"}).find("/population/scale: "),
            std::string::npos);
  EXPECT_NE(load_error(file, {"start=2024-13"}).find("/start: Failed to match regex"),
            std::string::npos);
  EXPECT_NE(load_error(file, {"regions.0.kind=city"}).find("/regions/0/kind:"), std::string::npos);
}

TEST(ScenarioLoader, RejectsMalformedJsonDuplicateKeysAndOverflow) {
  test::TempDir dir;
  const auto broken = dir.write("broken.json", "{\n  \"name\": \"x\",\n  \"months\": ,\n}");
  const std::string syntax = load_error(broken);
  EXPECT_NE(syntax.find(broken + ": malformed JSON"), std::string::npos) << syntax;
  EXPECT_NE(syntax.find("line 3"), std::string::npos) << syntax;
  const auto twice =
      dir.write("twice.json", R"({"name": "a", "population": {"scale": 1, "scale": 2}})");
  EXPECT_EQ(load_error(twice), twice + ": /population/scale: duplicate key 'scale'");
  const auto huge = dir.write("huge.json", R"({"name": "a", "months": 1e999})");
  EXPECT_NE(load_error(huge).find("number overflow"), std::string::npos);
  EXPECT_NE(load_error(dir.path("missing.json").string()).find("cannot open file"),
            std::string::npos);
  EXPECT_NE(load_error(dir.path("").string()).find("is a directory"), std::string::npos);
  EXPECT_NE(load_error("builtin:nowhere").find("no such built-in scenario"), std::string::npos);
}

TEST(ScenarioLoader, RejectsBrokenReferences) {
  const std::string source(kDefaultScenario);
  EXPECT_EQ(load_error(source, {"links.0.to=Paris"}),
            source + ": /links/0/to: unknown region 'Paris'");
  EXPECT_EQ(load_error(source, {"links.0.to=Anding"}),
            source + ": /links/0/to: a link must join two different regions");
  EXPECT_EQ(load_error(source, {"regions.1.name=Anding"}),
            source + ": /regions/1/name: duplicate region name 'Anding' (first at /regions/0)");
  EXPECT_NE(load_error(source, {"regions.0.sector_shares={\"mining\": 1}"})
                .find("/regions/0/sector_shares/mining: unknown sector 'mining'"),
            std::string::npos);
  EXPECT_NE(load_error(source, {"economy.shocks=[{\"regions\": [\"Atlantis\"], \"start\": "
                                "\"2024-05\", \"duration_months\": 2, \"demand_change\": -0.1}]"})
                .find("/economy/shocks/0/regions/0: unknown region 'Atlantis'"),
            std::string::npos);
  EXPECT_NE(load_error(source, {"policies=[{\"type\": \"cash_for_all\", \"name\": \"x\"}]"})
                .find("/policies/0/type: Failed to match against any enum values (allowed: "),
            std::string::npos);
  EXPECT_EQ(load_error(source, {"policies=[{\"type\": \"training_subsidy\", \"name\": \"t\", "
                                "\"seatz\": 3}]"}),
            source +
                ": /policies/0: Object contains a property that could not be validated "
                "using 'properties' or 'additionalProperties' constraints: 'seatz'");
  EXPECT_EQ(load_error(source, {"policies=[{\"type\": \"training_subsidy\", \"name\": \"t\", "
                                "\"sector\": \"mining\"}]"}),
            source +
                ": /policies/0/sector: unknown sector 'mining' (known: agriculture, "
                "manufacturing, construction, services, public, platform)");
  EXPECT_NE(load_error(source, {"policies=[{\"type\": \"training_subsidy\", \"name\": \"t\", "
                                "\"target\": {\"regions\": [\"Paris\"]}}]"})
                .find("/policies/0/target/regions/0: unknown region 'Paris' (known: Anding, "),
            std::string::npos);
  const std::string twice =
      "policies=[{\"type\": \"training_subsidy\", \"name\": \"t\"}, "
      "{\"type\": \"ui_premium_reduction\", \"name\": \"t\"}]";
  EXPECT_EQ(load_error(source, {twice}),
            source + ": /policies/1/name: duplicate policy name 't' (first at /policies/0)");
  EXPECT_EQ(load_error(source, {"policies=[{\"type\": \"training_subsidy\", \"name\": \"t\", "
                                "\"start\": \"2025-03\", \"end\": \"2025-02\"}]"}),
            source + ": /policies/0/end: ends before it starts");
}

TEST(ScenarioLoader, FillsLeverDefaultsAndResolvesTargets) {
  const Scenario s = load_scenario(
      std::string(kDefaultScenario),
      {parse_override("policies=[{\"type\": \"probation_subsidy\", \"name\": \"interns\", "
                      "\"start\": \"2024-07\", \"budget\": {\"per_month_yuan\": 1000.5}}, "
                      "{\"type\": \"ui_premium_reduction\", \"name\": \"premiums\", "
                      "\"target\": {\"regions\": [\"Lanzhou\"], \"size_classes\": [\"micro\", "
                      "\"small\"], \"sectors\": [\"services\"]}}]")});
  ASSERT_EQ(s.policies.size(), 2u);
  const PolicySpec& interns = s.policies[0];
  EXPECT_EQ(interns.type, "probation_subsidy");
  EXPECT_EQ(interns.start_month, 6);
  EXPECT_EQ(interns.end_month, INT_MAX);
  EXPECT_EQ(interns.entry["monthly_yuan"], 1100);  // the lever's schema default
  EXPECT_EQ(interns.target.groups, group_bit(KeyGroup::kCollegeGraduate));  // its default target
  EXPECT_EQ(interns.budget.per_month, 100050);                              // fen
  EXPECT_EQ(interns.budget.total, Budget::kUnlimited);
  // Regions left empty: the home regions only.
  EXPECT_EQ(std::vector<std::uint8_t>(interns.target.regions.begin(), interns.target.regions.end()),
            std::vector<std::uint8_t>({1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
  const PolicySpec& premiums = s.policies[1];
  EXPECT_EQ(premiums.target.groups, 0);
  EXPECT_EQ(premiums.target.regions[7], 1);  // Lanzhou
  EXPECT_EQ(premiums.target.regions[0], 0);
  EXPECT_EQ(premiums.target.size_classes, 0b0011);
  EXPECT_EQ(premiums.target.sectors, std::vector<std::uint8_t>({0, 0, 0, 1, 0, 0}));
}

TEST(ScenarioLoader, RejectsDisconnectedDestinationsAndEmptyPopulations) {
  const std::string source(kDefaultScenario);
  // Qingdao's only link is to Shandong; cutting it leaves Qingdao unreachable.
  EXPECT_EQ(load_error(source, {"links.18.to=Jiangsu", "links.18.from=Fujian"}),
            source +
                ": /regions/16: region 'Qingdao' cannot be reached from any home region "
                "along /links");
  EXPECT_NE(load_error(source, {"population.scale=1e-7"}).find("below one agent"),
            std::string::npos);
  EXPECT_NE(load_error(source, {"regions.7.working_age_population=10"})
                .find("/regions/7/working_age_population: destinations have no simulated"),
            std::string::npos);
}

TEST(ScenarioLoader, ExtendsCannotBeOverridden) {
  EXPECT_NE(load_error(std::string(kDefaultScenario), {"extends=other.json"})
                .find("extends is resolved before overrides"),
            std::string::npos);
}

TEST(ScenarioLoader, DetectsExtendsCycles) {
  test::TempDir dir;
  const auto a = dir.write("a.json", R"({"extends": "b.json", "name": "a"})");
  dir.write("b.json", R"({"extends": "a.json"})");
  EXPECT_NE(load_error(a).find("extends cycle"), std::string::npos);
}

}  // namespace
}  // namespace laborsim
