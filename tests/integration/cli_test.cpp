// The laborsim executable end to end: run, validate, schema, inspect, determinism.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "integration/cli_runner.hpp"
#include "sim/output/trajectory_reader.hpp"
#include "unit/temp_dir.hpp"

namespace laborsim {
namespace {

using test::run_cli;
using test::source_path;

const std::string kSmall = source_path("tests/data/small.json");

TEST(Cli, RunWritesTheTrajectoryAndPrintsAYearlySummary) {
  test::TempDir dir;
  const auto result = run_cli({"run", kSmall, "--months", "14", "-j", "2"}, dir.path(""));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // The default output path comes from the scenario: output.directory / name.h5.
  const auto output = dir.path("out/small.h5");
  EXPECT_TRUE(std::filesystem::exists(output));
  EXPECT_FALSE(std::filesystem::exists(output.string() + ".partial"));
  EXPECT_NE(result.out.find("year  months  labor_force"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\n2024      12  "), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\n2025       2  "), std::string::npos) << result.out;
  // Not a terminal: plain progress lines, and a closing line naming the file.
  EXPECT_NE(result.err.find("laborsim: month 12/14 (2024-12) unemployment"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("laborsim: wrote out/small.h5"), std::string::npos) << result.err;
  const TrajectoryFile file = read_trajectory(output.string());
  EXPECT_EQ(file.committed_months, 14);
  EXPECT_EQ(file.threads, 2);
  EXPECT_EQ(nlohmann::json::parse(file.config_json)["months"], 14);
}

// On a terminal the progress bar is redrawn in place. `script` gives the run a terminal.
TEST(Cli, ProgressIsABarOnATerminal) {
  test::TempDir dir;
  const std::string command = test::shell_quote(LABORSIM_BIN) + " run " +
                              test::shell_quote(kSmall) + " --months 3 -o " +
                              test::shell_quote(dir.path("t.h5").string());
  const auto result = test::run_with_terminal(command, dir.path(""));
  ASSERT_EQ(result.exit_code, 0) << result.out;
  EXPECT_NE(result.out.find("\r[##########"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("] 3/3 2024-03 unemployment "), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("laborsim: month "), std::string::npos);  // no plain lines
}

TEST(Cli, QuietRunSaysNothingOnStderr) {
  test::TempDir dir;
  const auto result = run_cli({"run", kSmall, "--months", "2", "-q", "-o", "x.h5"}, dir.path(""));
  ASSERT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
  EXPECT_TRUE(std::filesystem::exists(dir.path("x.h5")));
}

// The promise of DESIGN.md section 4, through the whole program: same scenario and seed, same
// datasets, at any thread count.
TEST(Cli, OutputDatasetsAreIdenticalAtOneTwoAndFourThreads) {
  test::TempDir dir;
  std::vector<TrajectoryFile> files;
  for (const std::string threads : {"1", "2", "4"}) {
    const std::string name = "j" + threads + ".h5";
    const auto result =
        run_cli({"run", kSmall, "--months", "6", "-q", "-j", threads, "-o", name}, dir.path(""));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    files.push_back(read_trajectory(dir.path(name).string()));
  }
  for (std::size_t k = 1; k < files.size(); ++k) {
    EXPECT_EQ(files[k].trajectory.months, files[0].trajectory.months);
    EXPECT_EQ(files[k].config_json, files[0].config_json);
  }
  EXPECT_EQ(files[2].threads, 4);
}

TEST(Cli, SeedChangesTheRunAndIsRecorded) {
  test::TempDir dir;
  ASSERT_EQ(run_cli({"run", kSmall, "--months", "3", "-q", "-o", "a.h5"}, dir.path("")).exit_code,
            0);
  ASSERT_EQ(
      run_cli({"run", kSmall, "--months", "3", "-q", "-o", "b.h5", "--seed", "99"}, dir.path(""))
          .exit_code,
      0);
  const auto a = read_trajectory(dir.path("a.h5").string());
  const auto b = read_trajectory(dir.path("b.h5").string());
  EXPECT_EQ(a.seed, "20240614");
  EXPECT_EQ(b.seed, "99");
  EXPECT_NE(a.trajectory.months, b.trajectory.months);
}

TEST(Cli, InspectShowsTheSameSummaryAsTheRun) {
  test::TempDir dir;
  const auto run = run_cli({"run", kSmall, "--months", "13", "-q", "-o", "r.h5"}, dir.path(""));
  ASSERT_EQ(run.exit_code, 0);
  const auto inspect = run_cli({"inspect", "r.h5"}, dir.path(""));
  ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
  const std::string table = run.out.substr(run.out.find("year  months"));
  EXPECT_NE(inspect.out.find(table), std::string::npos) << inspect.out;
  EXPECT_NE(inspect.out.find("months: 13 committed of 13, from 2024-01"), std::string::npos);
  EXPECT_NE(inspect.out.find("regions: 17 (7 home, 10 destination)"), std::string::npos);
  EXPECT_NE(inspect.out.find("variables (time, region): labor_force employed"), std::string::npos);
  EXPECT_NE(inspect.out.find("variables (time, edge): link_flow\n"), std::string::npos);
  EXPECT_EQ(inspect.out.find("panel:"), std::string::npos);  // no panel unless asked
}

TEST(Cli, InspectReportsAPanel) {
  test::TempDir dir;
  const auto run = run_cli(
      {"run", kSmall, "--months", "2", "-q", "--set", "output.panel_workers=40", "-o", "p.h5"},
      dir.path(""));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto inspect = run_cli({"inspect", "p.h5"}, dir.path(""));
  ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
  EXPECT_NE(inspect.out.find("panel: 40 workers\n"), std::string::npos) << inspect.out;
}

TEST(Cli, InspectPrintsAScenarioMergedWithDefaults) {
  test::TempDir dir;
  const auto result = run_cli({"inspect", kSmall, "--set", "months=5"}, dir.path(""));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto merged = nlohmann::json::parse(result.out);
  EXPECT_EQ(merged["name"], "small");
  EXPECT_EQ(merged["months"], 5);
  EXPECT_EQ(merged["regions"].size(), 17u);
  EXPECT_EQ(merged["search"]["offer_rounds"], 3);
}

TEST(Cli, SchemaPrintsTheSchemaFile) {
  test::TempDir dir;
  const auto result = run_cli({"schema"}, dir.path(""));
  ASSERT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, test::slurp(source_path("configs/schema/scenario.schema.json")));
  EXPECT_EQ(nlohmann::json::parse(result.out)["title"], "laborsim scenario");
}

TEST(Cli, ValidateAcceptsTheShippedScenarios) {
  test::TempDir dir;
  const auto dingxi = run_cli({"validate", source_path("configs/dingxi.json")}, dir.path(""));
  EXPECT_EQ(dingxi.exit_code, 0) << dingxi.err;
  EXPECT_NE(dingxi.out.find("valid scenario 'dingxi': 17 regions (7 home, 10 destination), 19 "
                            "links, 1534100 agents at scale 1, 60 months from 2024-01"),
            std::string::npos)
      << dingxi.out;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("configs/scenarios"))) {
    const auto result = run_cli({"validate", entry.path().string()}, dir.path(""));
    EXPECT_EQ(result.exit_code, 0) << entry.path() << result.err;
  }
}

TEST(Cli, EmbeddedDefaultEqualsConfigsDingxi) {
  test::TempDir dir;
  const auto embedded = run_cli({"inspect", "builtin:dingxi"}, dir.path(""));
  const auto file = run_cli({"inspect", source_path("configs/dingxi.json")}, dir.path(""));
  ASSERT_EQ(embedded.exit_code, 0);
  EXPECT_EQ(embedded.out, file.out);
}

}  // namespace
}  // namespace laborsim
