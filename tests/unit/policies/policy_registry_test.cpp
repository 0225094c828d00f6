#include "policies/policy_registry.hpp"

#include <gtest/gtest.h>

#include "sim/simulation.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

// Records the hooks the engine calls, in order.
class RecordingPolicy : public Policy {
 public:
  explicit RecordingPolicy(std::vector<std::string>* log) : log_(log) {}
  std::string_view type() const override { return "recording"; }
  void initialize(PolicyContext& c) override { log_->push_back("init@" + std::to_string(c.month)); }
  void begin_month(PolicyContext& c) override {
    log_->push_back("begin@" + std::to_string(c.month) + ":" + std::to_string(c.workers.size()));
  }
  void end_month(PolicyContext& c) override { log_->push_back("end@" + std::to_string(c.month)); }
  void finalize(PolicyContext& c) override { log_->push_back("final@" + std::to_string(c.month)); }

 private:
  std::vector<std::string>* log_;
};

TEST(PolicyRegistry, CreatesRegisteredTypesAndNamesTheKnownOnesOtherwise) {
  PolicyRegistry registry;
  std::vector<std::string> log;
  registry.add("recording",
               [&log](const nlohmann::json&) { return std::make_unique<RecordingPolicy>(&log); });
  EXPECT_TRUE(registry.contains("recording"));
  EXPECT_EQ(registry.create("recording", {})->type(), "recording");
  try {
    registry.create("guarantee_loan", {});
    FAIL() << "unknown type accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "unknown policy type 'guarantee_loan' (known: recording)");
  }
  EXPECT_THROW(registry.add("recording", nullptr), std::invalid_argument);
}

TEST(PolicyRegistry, BuiltinRegistryIsEmptyUntilLeversLand) {
  EXPECT_TRUE(builtin_policies().types().empty());
}

TEST(Simulation, CallsPolicyHooksAtTheirPhasesEveryMonth) {
  const Scenario scenario = test::toy_scenario();
  std::vector<std::string> log;
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(std::make_unique<RecordingPolicy>(&log));
  Simulation simulation(scenario, std::move(policies));
  simulation.step();
  simulation.step();
  simulation.finish();
  const std::vector<std::string> expected{"init@0",       "begin@0:1000", "end@0",
                                          "begin@1:1000", "end@1",        "final@2"};
  EXPECT_EQ(log, expected);
}

}  // namespace
}  // namespace laborsim
