// Bad input: exit code 2, a message naming the JSON path and the rule, and no output file.
// Failures of the run itself: exit code 1.
#include <gtest/gtest.h>

#include <filesystem>

#include "integration/cli_runner.hpp"
#include "unit/temp_dir.hpp"

namespace laborsim {
namespace {

using test::run_cli;

struct BadInput {
  std::string name;
  std::string scenario_text;  //!< written to bad.json; empty = use small.json
  std::vector<std::string> extra_args;
  std::string expected_message;
};

// Named cases print as their name, not as bytes.
void PrintTo(const BadInput& input, std::ostream* out) { *out << input.name; }

class CliBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(CliBadInput, ExitsWithTwoNamesThePathAndWritesNothing) {
  const BadInput& input = GetParam();
  test::TempDir dir;
  std::string scenario = test::source_path("tests/data/small.json");
  if (!input.scenario_text.empty()) scenario = dir.write("bad.json", input.scenario_text);
  std::vector<std::string> args{"run", scenario, "-o", "never.h5"};
  args.insert(args.end(), input.extra_args.begin(), input.extra_args.end());
  const auto result = run_cli(args, dir.path(""));
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find(input.expected_message), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path("never.h5")));
  EXPECT_FALSE(std::filesystem::exists(dir.path("never.h5.partial")));
  EXPECT_EQ(result.out, "");
}

const std::string kExtendsSmall =
    "{\"extends\": \"" + test::source_path("tests/data/small.json") + "\", ";

INSTANTIATE_TEST_SUITE_P(
    Cases, CliBadInput,
    ::testing::Values(
        BadInput{"UnknownKey",
                 kExtendsSmall + "\"popluation\": {}}",
                 {},
                 "bad.json: /: Object contains a property that could not be validated using "
                 "'properties' or 'additionalProperties' constraints: 'popluation'"},
        BadInput{"WrongType",
                 kExtendsSmall + "\"months\": \"twelve\"}",
                 {},
                 "bad.json: /months: Value type not permitted by 'type' constraint "
                 "(expected \"integer\"); got \"twelve\""},
        BadInput{"OutOfRange",
                 "",
                 {"--set", "population.scale=0"},
                 "/population/scale: Expected number greater than 0; got 0"},
        BadInput{"NaN",
                 "",
                 {"--set", "employers.layoff_speed=NaN"},
                 "/employers/layoff_speed: Value type not permitted by 'type' constraint"},
        BadInput{"MalformedJson", "{\"name\": \"x\",, }", {}, "bad.json: malformed JSON: "},
        BadInput{"LinkToUnknownRegion",
                 "",
                 {"--set", "links.3.to=Tianshui"},
                 "/links/3/to: unknown region 'Tianshui'"},
        BadInput{"NegativeMonths",
                 "",
                 {"--months", "-3"},
                 "/months: Expected number greater than or equal to 1; got -3"},
        BadInput{"BadSetSyntax", "", {"--set", "months"}, "--set months: expected PATH=VALUE"},
        BadInput{"UnknownOption", "", {"--frobnicate"}, "--frobnicate"}),
    [](const auto& param_info) { return param_info.param.name; });

TEST(CliBadInput, MissingScenarioFile) {
  test::TempDir dir;
  const auto result = run_cli({"run", "nowhere.json", "-o", "never.h5"}, dir.path(""));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("nowhere.json: cannot open file"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path("never.h5")));
}

TEST(CliBadInput, ValidateReportsEveryViolation) {
  test::TempDir dir;
  const auto result = run_cli({"validate", test::source_path("tests/data/small.json"), "--set",
                               "months=0", "--set", "population.scale=1000"},
                              dir.path(""));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("/months:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("/population/scale:"), std::string::npos) << result.err;
}

TEST(CliFailure, UnwritableOutputExitsWithOne) {
  test::TempDir dir;
  // /proc has no free space to offer: refused before starting, naming the folder...
  const auto refused = run_cli({"run", test::source_path("tests/data/small.json"), "--months", "1",
                                "-o", "/proc/laborsim/x.h5"},
                               dir.path(""));
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("laborsim: failed: /proc: the run needs up to"), std::string::npos)
      << refused.err;
  // ...and forced, the first write fails, naming the output.
  const auto result = run_cli({"run", test::source_path("tests/data/small.json"), "--months", "1",
                               "-o", "/proc/laborsim/x.h5", "--force"},
                              dir.path(""));
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("laborsim: failed: /proc/laborsim"), std::string::npos) << result.err;
}

TEST(CliFailure, OutputPathThatIsAFolderIsBadInput) {
  test::TempDir dir;
  std::filesystem::create_directories(dir.path("folder.h5"));
  const auto result =
      run_cli({"run", test::source_path("tests/data/small.json"), "-o", "folder.h5"}, dir.path(""));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("output path is a directory"), std::string::npos);
}

}  // namespace
}  // namespace laborsim
