// Checkpoints (sim/checkpoint/): a simulation saved between two months and restored continues
// exactly as the original, at any thread count, with every lever's state; a branch from a saved
// burn-in equals a run of the branch's scenario; what the files refuse, and how they say it.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include "sim/build_info.hpp"
#include "sim/checkpoint/checkpoint_file.hpp"
#include "sim/checkpoint/compatibility.hpp"
#include "sim/scenario/input_error.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "unit/temp_dir.hpp"

namespace laborsim {
namespace {

// Dingxi with its combination of twelve levers, small and short.
Scenario combination(const std::vector<std::string>& sets = {}) {
  std::vector<Override> overrides{parse_override("population.scale=0.01"),
                                  parse_override("burn_in_months=4"), parse_override("months=14")};
  for (const auto& text : sets) overrides.push_back(parse_override(text));
  return load_scenario(std::string(LABORSIM_SOURCE_DIR) + "/configs/scenarios/combination.json",
                       overrides);
}

CheckpointInfo info_of(const Simulation& simulation) {
  CheckpointInfo info;
  info.month = simulation.months_done();
  info.config_json = simulation.scenario().config.dump();
  info.scenario = simulation.scenario().name;
  info.seed = simulation.scenario().seed;
  info.laborsim_version = std::string(laborsim_version());
  info.git_commit = std::string(git_commit());
  return info;
}

// Saves a simulation of `s` after `months` months to `path`.
void save_after(const Scenario& s, int months, const std::filesystem::path& path) {
  Simulation simulation(s);
  for (int t = 0; t < months; ++t) simulation.step();
  write_checkpoint(path, simulation, info_of(simulation));
}

// The message of the std::runtime_error `act` throws ("(none)" when it throws none).
template <class Act>
std::string failure(Act act) {
  try {
    act();
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "(none)";
}

std::vector<Observation> finish(Simulation& simulation) {
  std::vector<Observation> months;
  while (simulation.months_done() < simulation.scenario().months) {
    months.push_back(simulation.step());
  }
  return months;
}

template <class Store>
void expect_same_columns(Store& a, Store& b) {
  a.for_each_column([&](const char* name, auto& column) {
    b.for_each_column([&](const char* other, auto& other_column) {
      if constexpr (std::is_same_v<decltype(column), decltype(other_column)>) {
        if (std::string(name) == other) {
          EXPECT_TRUE(column == other_column) << name;
        }
      }
    });
  });
}

TEST(Checkpoint, ARestoredSimulationContinuesExactlyAtAnyThreadCount) {
  const Scenario s = combination();
  test::TempDir dir;
  for (const int saved_at : {0, 5, 13}) {
    const auto path = dir.path("run" + std::to_string(saved_at) + ".ckpt.h5");
    std::vector<Observation> original;
    WorkerStore original_workers;
    EmployerStore original_employers;
    {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
      Simulation simulation(s);
      for (int t = 0; t < saved_at; ++t) simulation.step();
      write_checkpoint(path, simulation, info_of(simulation));
      original = finish(simulation);
      original_workers = simulation.world().workers;
      original_employers = simulation.world().employers;
    }
    for (const std::size_t threads : {1, 3}) {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
      CheckpointFile file(path);
      EXPECT_EQ(file.info().month, saved_at);
      Simulation restored = Simulation::restore(s, file.archive());
      EXPECT_EQ(restored.months_done(), saved_at);
      const std::vector<Observation> continued = finish(restored);
      ASSERT_EQ(continued.size(), original.size());
      for (std::size_t m = 0; m < original.size(); ++m) {
        EXPECT_TRUE(continued[m] == original[m])
            << "saved after month " << saved_at << ", " << threads << " threads: month "
            << saved_at + static_cast<int>(m) << " differs";
      }
      WorkerStore workers = restored.world().workers;
      EmployerStore employers = restored.world().employers;
      expect_same_columns(workers, original_workers);
      expect_same_columns(employers, original_employers);
    }
  }
}

TEST(Checkpoint, ABranchFromASavedBurnInEqualsARunOfTheBranchScenario) {
  const Scenario baseline = combination({"policies=[]", "arms=[]"});
  const Scenario levers = combination();
  test::TempDir dir;
  const auto path = dir.path("burn_in.ckpt.h5");
  save_after(baseline, 0, path);
  Simulation fresh(levers);
  CheckpointFile file(path);
  check_branchable(file, levers);  // only levers and arms differ
  Simulation branch = Simulation::branch(levers, file.archive());
  EXPECT_TRUE(finish(branch) == finish(fresh));
  // The control: the baseline itself goes another way than the levers do.
  Simulation without_levers = Simulation::branch(baseline, file.archive());
  Simulation with_levers(levers);
  EXPECT_FALSE(finish(without_levers) == finish(with_levers));
}

TEST(Checkpoint, ResumingOrBranchingRefusesScenariosThatDoNotFit) {
  const Scenario s = combination();
  test::TempDir dir;
  const auto path = dir.path("run.ckpt.h5");
  save_after(s, 3, path);
  const CheckpointFile file(path);
  EXPECT_NO_THROW(check_resumable(file, s));
  auto refusal = [&](auto check, const Scenario& other) {
    return failure([&] { check(file, other); });
  };
  EXPECT_THROW(check_resumable(file, combination({"seed=43"})), InputError);  // exit code 2
  EXPECT_NE(refusal(check_resumable, combination({"seed=43"})).find("(/seed differs)"),
            std::string::npos);
  // A branch may change the seed and the levers, not what shaped the saved world.
  EXPECT_NO_THROW(check_branchable(file, combination({"seed=43", "policies=[]", "arms=[]"})));
  const std::string shaped = refusal(check_branchable, combination({"population.scale=0.02"}));
  EXPECT_NE(shaped.find("/population/scale differs from the checkpoint's scenario"),
            std::string::npos)
      << shaped;
  const std::string short_run = refusal(check_branchable, combination({"months=3"}));
  EXPECT_NE(short_run.find("saved after month 3; a branch from it needs months > 3"),
            std::string::npos)
      << short_run;
}

TEST(Checkpoint, AMissingPieceOrAForeignFileIsNamed) {
  const Scenario s = combination();
  test::TempDir dir;
  const auto path = dir.path("run.ckpt.h5");
  save_after(s, 0, path);
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".partial"));
  {
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(file, 0);
    ASSERT_GE(H5Ldelete(file, "world/workers/skill", H5P_DEFAULT), 0);
    H5Fclose(file);
  }
  CheckpointFile damaged(path);
  const std::string lacking = failure([&] { Simulation::restore(s, damaged.archive()); });
  EXPECT_NE(lacking.find("run.ckpt.h5: checkpoint lacks world/workers/skill"), std::string::npos)
      << lacking;
  const std::string text = dir.write("text.ckpt.h5", "not HDF5");
  EXPECT_NE(failure([&] { CheckpointFile{text}; }).find("text.ckpt.h5: not a readable HDF5"),
            std::string::npos);
  EXPECT_NE(failure([&] {
              CheckpointFile{dir.path("missing.ckpt.h5")};
            }).find("missing.ckpt.h5: no such checkpoint"),
            std::string::npos);
}

TEST(Checkpoint, AFailedWriteKeepsThePreviousCheckpoint) {
  const Scenario s = combination();
  test::TempDir dir;
  const auto path = dir.path("run.ckpt.h5");
  Simulation simulation(s);
  write_checkpoint(path, simulation, info_of(simulation));
  simulation.step();
  // The temporary file cannot be created where a folder of its name stands.
  std::filesystem::create_directories(path.string() + ".partial");
  EXPECT_THROW(write_checkpoint(path, simulation, info_of(simulation)), std::runtime_error);
  EXPECT_EQ(CheckpointFile(path).info().month, 0);
}

TEST(Checkpoint, ItsPathSitsBesideTheOutput) {
  EXPECT_EQ(checkpoint_path("out/dingxi.h5"), std::filesystem::path("out/dingxi.ckpt.h5"));
  EXPECT_EQ(checkpoint_path("run"), std::filesystem::path("run.ckpt.h5"));
}

}  // namespace
}  // namespace laborsim
