#include <gtest/gtest.h>
#include <hdf5_hl.h>

#include <filesystem>

#include "sim/output/trajectory_reader.hpp"
#include "sim/output/trajectory_writer.hpp"
#include "unit/temp_dir.hpp"

namespace laborsim {
namespace {

const std::vector<RegionNode> kRegions{{"Anding", RegionKind::kHome},
                                       {"兰州", RegionKind::kDestination}};

const std::vector<std::string> kSectors{"farming", "services", "platform"};
const OutputAxes kAxes{kRegions, kSectors, {"Anding-兰州"}, {}};

Observation month_values(int m) {
  Observation o(kAxes.sizes());
  for (const VariableInfo& v : kVariables) {
    for (std::size_t i = 0; i < o.length(v.variable); ++i) {
      o.at(v.variable, i) = 1000 * m + static_cast<double>(v.variable) + 0.25 - 7.0 * i;
    }
  }
  return o;
}

OutputMetadata metadata() {
  OutputMetadata m;
  m.scenario = "io";
  m.config_json = R"({"name":"io"})";
  m.start = "2024-11";
  m.seed = (1ULL << 53) - 1;
  m.months_planned = 3;
  m.threads = 2;
  m.laborsim_version = "9.9.9";
  m.git_commit = "abc";
  return m;
}

TEST(TrajectoryIo, WritesPartialThenRenamesAndReadsBackExactly) {
  test::TempDir dir;
  const auto path = dir.path("out/run.h5");
  {
    TrajectoryWriter writer(path, metadata(), kAxes, {}, OutputLayout{4, 2});
    for (int m = 0; m < 3; ++m) writer.append(month_values(m));
    EXPECT_TRUE(std::filesystem::exists(path.string() + ".partial"));
    EXPECT_FALSE(std::filesystem::exists(path));
    writer.finish();
  }
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".partial"));
  const TrajectoryFile file = read_trajectory(path.string());
  EXPECT_EQ(file.scenario, "io");
  EXPECT_EQ(file.seed, "9007199254740991");
  EXPECT_EQ(file.committed_months, 3);
  EXPECT_EQ(file.laborsim_version, "9.9.9");
  ASSERT_EQ(file.trajectory.months.size(), 3u);
  EXPECT_EQ(file.trajectory.axes.regions[1].name, "兰州");  // UTF-8 survives
  EXPECT_EQ(file.trajectory.axes.regions[1].kind, RegionKind::kDestination);
  EXPECT_EQ(file.trajectory.start, (YearMonth{2024, 11}));
  EXPECT_EQ(file.trajectory.axes.sectors, kSectors);
  EXPECT_EQ(file.trajectory.axes.edges, kAxes.edges);
  for (int m = 0; m < 3; ++m) EXPECT_TRUE(file.trajectory.months[m] == month_values(m));
}

TEST(TrajectoryIo, VariablesCarryDimensionScalesAndTimeIsInDays) {
  test::TempDir dir;
  const auto path = dir.path("run.h5");
  {
    TrajectoryWriter writer(path, metadata(), kAxes, {}, OutputLayout{});
    for (int m = 0; m < 3; ++m) writer.append(month_values(m));
    writer.finish();
  }
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  const hid_t time = H5Dopen2(file, "time", H5P_DEFAULT);
  const hid_t region = H5Dopen2(file, "region", H5P_DEFAULT);
  const hid_t hires = H5Dopen2(file, "hires", H5P_DEFAULT);
  EXPECT_GT(H5DSis_scale(time), 0);
  EXPECT_GT(H5DSis_attached(hires, time, 0), 0);
  EXPECT_GT(H5DSis_attached(hires, region, 1), 0);
  int days[3] = {-1, -1, -1};
  ASSERT_GE(H5Dread(time, H5T_NATIVE_INT, H5S_ALL, H5S_ALL, H5P_DEFAULT, days), 0);
  EXPECT_EQ(days[1], 30);       // November has 30 days
  EXPECT_EQ(days[2], 30 + 31);  // then December
  H5Dclose(hires);
  H5Dclose(region);
  H5Dclose(time);
  H5Fclose(file);
}

TEST(TrajectoryIo, AnUnfinishedRunLeavesOnlyAReadablePartialFile) {
  test::TempDir dir;
  const auto path = dir.path("run.h5");
  {
    TrajectoryWriter writer(path, metadata(), kAxes, {}, OutputLayout{});
    writer.append(month_values(0));
    writer.append(month_values(1));
  }  // destroyed without finish(), as when a run fails
  EXPECT_FALSE(std::filesystem::exists(path));
  const TrajectoryFile file = read_trajectory(path.string() + ".partial");
  EXPECT_EQ(file.committed_months, 2);
  ASSERT_EQ(file.trajectory.months.size(), 2u);
  EXPECT_TRUE(file.trajectory.months[1] == month_values(1));
}

TEST(TrajectoryIo, ReaderRejectsFilesThatAreNotTrajectories) {
  test::TempDir dir;
  EXPECT_THROW(read_trajectory(dir.write("x.h5", "not hdf5")), std::runtime_error);
  EXPECT_FALSE(is_hdf5_file(dir.path("missing.h5").string()));
}

// An interrupted writer leaves NAME.partial with its committed months; a writer continuing it
// from an earlier row drops the later rows and appends from there, in memory and in place alike.
class TrajectoryContinue : public ::testing::TestWithParam<bool> {};

TEST_P(TrajectoryContinue, AWriterContinuesAPartialFileFromAnEarlierRow) {
  const bool in_memory = GetParam();
  test::TempDir dir;
  const auto path = dir.path("run.h5");
  {
    TrajectoryWriter writer(path, metadata(), kAxes, {}, OutputLayout{4, 2, in_memory});
    for (int m = 0; m < 3; ++m) writer.append(month_values(m));
  }  // destroyed unfinished, as a killed run
  ASSERT_EQ(read_trajectory(path.string() + ".partial").committed_months, 3);
  {
    TrajectoryWriter writer(path, 1, in_memory);
    EXPECT_EQ(read_trajectory(path.string() + ".partial").committed_months, 1);
    for (int m = 1; m < 4; ++m) writer.append(month_values(10 + m));
    writer.finish();
  }
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".partial"));
  const TrajectoryFile file = read_trajectory(path.string());
  ASSERT_EQ(file.committed_months, 4);
  ASSERT_EQ(file.trajectory.months.size(), 4u);
  EXPECT_TRUE(file.trajectory.months[0] == month_values(0));
  for (int m = 1; m < 4; ++m) EXPECT_TRUE(file.trajectory.months[m] == month_values(10 + m)) << m;
}

TEST_P(TrajectoryContinue, RefusesAFileWithFewerCommittedMonths) {
  test::TempDir dir;
  const auto path = dir.path("run.h5");
  {
    TrajectoryWriter writer(path, metadata(), kAxes, {}, OutputLayout{4, 2, GetParam()});
    writer.append(month_values(0));
  }
  try {
    TrajectoryWriter writer(path, 2, GetParam());
    FAIL() << "continued from a row the file does not hold";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("commits 1 months, fewer than the 2"),
              std::string::npos)
        << error.what();
  }
  try {
    TrajectoryWriter writer(dir.path("other.h5"), 0, GetParam());
    FAIL() << "continued a file that does not exist";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("other.h5.partial: missing"), std::string::npos)
        << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(InMemoryAndInPlace, TrajectoryContinue, ::testing::Bool());

}  // namespace
}  // namespace laborsim
