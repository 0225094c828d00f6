// Sweep files and designs: factorial and Latin-hypercube sizes and coverage, list and CSV
// imports, the plan's runs and seeds, and the errors of bad sweep files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "sim/compare/comparison.hpp"
#include "sim/scenario/input_error.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/sweep/design.hpp"
#include "sim/sweep/manifest.hpp"
#include "unit/temp_dir.hpp"

namespace laborsim {
namespace {

const std::string kSmall = std::string(LABORSIM_SOURCE_DIR) + "/tests/data/small.json";

SweepSpec sweep_from(const test::TempDir& dir, const nlohmann::json& document) {
  return load_sweep(dir.write("sweep.json", document.dump()));
}

nlohmann::json sweep_with(const nlohmann::json& parameters, const nlohmann::json& design) {
  return {{"name", "t"}, {"scenario", kSmall}, {"parameters", parameters}, {"design", design}};
}

std::string error_of(const test::TempDir& dir, const nlohmann::json& document) {
  try {
    sweep_from(dir, document);
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(SweepDesign, FactorialIsEveryCombinationWithTheLastParameterFastest) {
  const test::TempDir dir;
  const SweepSpec sweep =
      sweep_from(dir, sweep_with({{{"path", "a"}, {"values", {1, 2, 3}}},
                                  {{"path", "b"}, {"min", 0.1}, {"max", 0.3}, {"steps", 3}},
                                  {{"path", "c"}, {"values", {"x", "y"}}}},
                                 {{"type", "factorial"}}));
  const Design design = make_design(sweep);
  ASSERT_EQ(design.points.size(), 3u * 3u * 2u);
  EXPECT_EQ(design.paths, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(design.points[0], (std::vector<nlohmann::json>{1, 0.1, "x"}));
  EXPECT_EQ(design.points[1], (std::vector<nlohmann::json>{1, 0.1, "y"}));
  EXPECT_EQ(design.points[2], (std::vector<nlohmann::json>{1, 0.2, "x"}));
  EXPECT_EQ(design.points[17], (std::vector<nlohmann::json>{3, 0.3, "y"}));
  std::set<std::string> distinct;
  for (const auto& point : design.points) distinct.insert(nlohmann::json(point).dump());
  EXPECT_EQ(distinct.size(), design.points.size());
}

TEST(SweepDesign, RangeLevelsAreEvenlySpacedOnTheirScale) {
  ParameterSpec linear{"p", {}, 0.0, 1.0, 5};
  EXPECT_EQ(factorial_levels(linear), (std::vector<nlohmann::json>{0.0, 0.25, 0.5, 0.75, 1.0}));
  ParameterSpec log_scale{"p", {}, 1.0, 1000.0, 4, /*log_scale=*/true};
  EXPECT_EQ(factorial_levels(log_scale), (std::vector<nlohmann::json>{1.0, 10.0, 100.0, 1000.0}));
  ParameterSpec integers{"p", {}, 1.0, 3.0, 5, false, /*integer=*/true};
  const auto levels = factorial_levels(integers);  // 1, 1.5, 2, 2.5, 3 round to 1 2 3 (no repeats)
  ASSERT_EQ(levels.size(), 3u);
  EXPECT_TRUE(levels[0].is_number_integer());
  EXPECT_EQ(levels, (std::vector<nlohmann::json>{1, 2, 3}));  // 1.5 rounds up to 2, 2.5 to 3
}

TEST(SweepDesign, LatinHypercubeUsesEveryStratumOfEveryParameterOnce) {
  const test::TempDir dir;
  const int n = 40;
  const auto document =
      sweep_with({{{"path", "x"}, {"min", 10.0}, {"max", 20.0}},
                  {{"path", "y"}, {"min", 0.001}, {"max", 10.0}, {"scale", "log"}},
                  {{"path", "k"}, {"min", 1}, {"max", 4}, {"integer", true}},
                  {{"path", "v"}, {"values", {"a", "b", "c", "d"}}}},
                 {{"type", "latin_hypercube"}, {"samples", n}, {"seed", 7}});
  const Design design = make_design(sweep_from(dir, document));
  ASSERT_EQ(design.points.size(), static_cast<std::size_t>(n));
  std::vector<int> x_strata(n, 0), y_strata(n, 0);
  std::vector<int> k_counts(5, 0);
  std::map<std::string, int> v_counts;
  for (const auto& point : design.points) {
    const double x = point[0].get<double>();
    const double y = point[1].get<double>();
    ASSERT_GE(x, 10.0);
    ASSERT_LT(x, 20.0);
    ASSERT_GE(y, 0.001);
    ASSERT_LT(y, 10.0);
    ++x_strata[static_cast<int>((x - 10.0) / 10.0 * n)];
    ++y_strata[static_cast<int>((std::log(y) - std::log(0.001)) /
                                (std::log(10.0) - std::log(0.001)) * n)];
    ASSERT_TRUE(point[2].is_number_integer());
    ++k_counts[point[2].get<int>()];
    ++v_counts[point[3].get<std::string>()];
  }
  EXPECT_EQ(x_strata, std::vector<int>(n, 1));
  EXPECT_EQ(y_strata, std::vector<int>(n, 1));
  EXPECT_EQ(k_counts, (std::vector<int>{0, 10, 10, 10, 10}));  // 40 strata over 4 integers
  EXPECT_EQ(v_counts, (std::map<std::string, int>{{"a", 10}, {"b", 10}, {"c", 10}, {"d", 10}}));

  // The seed fixes the design; another seed gives another.
  EXPECT_EQ(make_design(sweep_from(dir, document)).points, design.points);
  auto reseeded_document = document;
  reseeded_document["design"]["seed"] = 8;
  EXPECT_NE(make_design(sweep_from(dir, reseeded_document)).points, design.points);
}

TEST(SweepDesign, ListAndCsvDesignsAreTakenAsGiven) {
  const test::TempDir dir;
  const SweepSpec list = sweep_from(dir, {{"name", "t"},
                                          {"scenario", kSmall},
                                          {"design",
                                           {{"type", "list"},
                                            {"points",
                                             {{{"months", 6}, {"population.scale", 0.01}},
                                              {{"months", 9}, {"population.scale", 0.02}}}}}}});
  const Design from_list = make_design(list);
  EXPECT_EQ(from_list.paths, (std::vector<std::string>{"months", "population.scale"}));
  EXPECT_EQ(from_list.points[1], (std::vector<nlohmann::json>{9, 0.02}));

  // A CSV as SALib or the EMA Workbench write it, with a quoted cell and a string.
  dir.write("design.csv", "population.scale, months ,name\n0.01,6,\"a,b\"\n\n0.02 ,9,plain\n");
  const SweepSpec csv = sweep_from(
      dir,
      {{"name", "t"}, {"scenario", kSmall}, {"design", {{"type", "csv"}, {"file", "design.csv"}}}});
  const Design from_csv = make_design(csv);
  EXPECT_EQ(from_csv.paths, (std::vector<std::string>{"population.scale", "months", "name"}));
  ASSERT_EQ(from_csv.points.size(), 2u);
  EXPECT_EQ(from_csv.points[0], (std::vector<nlohmann::json>{0.01, 6, "a,b"}));
  EXPECT_EQ(from_csv.points[1], (std::vector<nlohmann::json>{0.02, 9, "plain"}));

  dir.write("short.csv", "months,seed\n6\n");
  const auto error = error_of(
      dir,
      {{"name", "t"}, {"scenario", kSmall}, {"design", {{"type", "csv"}, {"file", "short.csv"}}}});
  EXPECT_NE(error.find("short.csv:2: 1 cells where the header has 2"), std::string::npos) << error;
}

TEST(SweepDesign, BadSweepFilesNameTheRule) {
  const test::TempDir dir;
  const auto factorial = nlohmann::json{{"type", "factorial"}};
  EXPECT_NE(error_of(dir, sweep_with({{{"path", "a"}, {"min", 0}, {"max", 1}}}, factorial))
                .find("/parameters/0: a factorial design needs `steps`"),
            std::string::npos);
  EXPECT_NE(error_of(dir, sweep_with({{{"path", "a"}, {"values", {1}}, {"min", 0}, {"max", 1}}},
                                     factorial))
                .find("give either `values` or `min` and `max`"),
            std::string::npos);
  EXPECT_NE(
      error_of(dir, sweep_with({{{"path", "a"}, {"min", 2}, {"max", 1}, {"steps", 2}}}, factorial))
          .find("/parameters/0/max: must be at least min"),
      std::string::npos);
  EXPECT_NE(error_of(dir, sweep_with({{{"path", "a.b"}, {"values", {1}}},
                                      {{"path", "/a/b"}, {"values", {2}}}},
                                     factorial))
                .find("path /a/b is varied twice"),
            std::string::npos);
  EXPECT_NE(error_of(dir, sweep_with({}, {{"type", "latin_hypercube"}})).find("samples"),
            std::string::npos);
  EXPECT_NE(error_of(dir, {{"name", "t"}, {"design", factorial}, {"stray", 1}}).find("stray"),
            std::string::npos);
}

TEST(SweepPlan, RunsArePointsTimesArmsTimesReplicatesWithDerivedSeeds) {
  const test::TempDir dir;
  nlohmann::json document = sweep_with({{{"path", "population.scale"}, {"values", {0.01, 0.02}}},
                                        {{"path", "months"}, {"values", {3, 4, 5}}}},
                                       {{"type", "factorial"}});
  document["set"] = {{"policies", {{{"type", "public_welfare_posts"}, {"name", "posts"}}}}};
  document["arms"] = {"baseline", "policies"};
  document["replicates"] = 3;
  nlohmann::json base;
  const Manifest manifest = plan_sweep(sweep_from(dir, document), base);
  ASSERT_EQ(manifest.runs.size(), 2u * 3u * 2u * 3u);
  EXPECT_EQ(manifest.estimates.size(), 6u);
  const std::uint64_t seed = base.at("seed").get<std::uint64_t>();
  std::set<std::string> ids;
  for (std::size_t i = 0; i < manifest.runs.size(); ++i) {
    const PlannedRun& run = manifest.runs[i];
    ids.insert(run.id);
    EXPECT_EQ(run.point, i / 6);
    EXPECT_EQ(run.arm, i % 6 < 3 ? "baseline" : "policies");
    EXPECT_EQ(run.replicate, static_cast<int>(i % 3));
    EXPECT_EQ(run.seed, replicate_seed(seed, run.replicate));
  }
  EXPECT_EQ(ids.size(), manifest.runs.size());
  EXPECT_EQ(manifest.runs[7].id, "00007");
  // Twice the scale, twice the workers and the cost.
  EXPECT_NEAR(manifest.estimates[3].workers, 2 * manifest.estimates[0].workers, 2.0);
  EXPECT_GT(manifest.estimates[2].core_seconds, manifest.estimates[0].core_seconds);
  EXPECT_GT(manifest.estimates[2].bytes, manifest.estimates[0].bytes);  // 5 months, not 3

  const std::vector<std::string> args =
      run_arguments(SweepFolder{"/s"}, manifest, manifest.runs[4]);
  EXPECT_EQ(args,
            (std::vector<std::string>{"run", "/s/scenario.json", "--set", "population.scale=0.01",
                                      "--set", "months=3", "--replicate", "1", "--arm", "policies",
                                      "-o", "/s/runs/00004.h5"}));
}

TEST(SweepPlan, AnArmTheScenarioLacksFailsAtPlanTime) {
  const test::TempDir dir;
  nlohmann::json document =
      sweep_with({{{"path", "months"}, {"values", {3}}}}, {{"type", "factorial"}});
  document["set"] = {{"policies", {{{"type", "public_welfare_posts"}, {"name", "posts"}}}}};
  document["arms"] = {"baseline", "nonesuch"};
  nlohmann::json base;
  try {
    plan_sweep(sweep_from(dir, document), base);
    FAIL() << "planned a sweep with an unknown arm";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("/arms/1: small: --arm nonesuch: no such arm (arms: baseline, policies)"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace laborsim
