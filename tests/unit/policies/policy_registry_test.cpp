#include "policies/policy_registry.hpp"

#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.hpp"
#include "sim/simulation.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

PolicySpec spec_of(const std::string& type, const std::string& name = "lever") {
  PolicySpec spec;
  spec.type = type;
  spec.name = name;
  return spec;
}

// Records the hooks the engine calls, in order.
class RecordingPolicy : public Policy {
 public:
  explicit RecordingPolicy(std::vector<std::string>* log)
      : Policy(spec_of("recording"), 0), log_(log) {}
  std::string_view type() const override { return "recording"; }
  void initialize(PolicyContext& c) override { log_->push_back("init@" + std::to_string(c.month)); }
  void begin_month(PolicyContext& c) override {
    log_->push_back("begin@" + std::to_string(c.month) + ":" + std::to_string(c.workers.size()));
  }
  void before_search(PolicyContext& c) override {
    log_->push_back("search@" + std::to_string(c.month));
  }
  void place(PolicyContext& c) override { log_->push_back("place@" + std::to_string(c.month)); }
  void end_month(PolicyContext& c) override { log_->push_back("end@" + std::to_string(c.month)); }
  void finalize(PolicyContext& c) override { log_->push_back("final@" + std::to_string(c.month)); }

 private:
  std::vector<std::string>* log_;
};

TEST(PolicyRegistry, CreatesRegisteredTypesAndNamesTheKnownOnesOtherwise) {
  PolicyRegistry registry;
  std::vector<std::string> log;
  registry.add("recording", [&log](const PolicySpec&, std::size_t) {
    return std::make_unique<RecordingPolicy>(&log);
  });
  EXPECT_TRUE(registry.contains("recording"));
  EXPECT_EQ(registry.create(spec_of("recording"), 0)->type(), "recording");
  try {
    registry.create(spec_of("guarantee_loan"), 0);
    FAIL() << "unknown type accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "unknown policy type 'guarantee_loan' (known: recording)");
  }
  EXPECT_THROW(registry.add("recording", nullptr), std::invalid_argument);
}

// The schema's list of lever types, its lever definitions and the registry agree: a scenario can
// name exactly the levers laborsim can build.
TEST(PolicyRegistry, BuiltinLeversAreExactlyThoseTheSchemaAccepts) {
  const nlohmann::json& schema = scenario_schema_document();
  const nlohmann::json& types = schema["definitions"]["policy"]["properties"]["type"]["enum"];
  std::vector<std::string> listed(types.begin(), types.end());
  EXPECT_EQ(listed, builtin_policies().types());
  EXPECT_EQ(schema["definitions"]["policy"]["allOf"].size(), listed.size());
  for (const std::string& type : listed) {
    ASSERT_TRUE(schema["definitions"].contains(type)) << type;
    EXPECT_EQ(schema["definitions"][type]["properties"]["type"]["const"], type);
    const Scenario scenario =
        test::toy_scenario({"policies=[{\"type\": \"" + type + "\", \"name\": \"x\"}]"});
    EXPECT_EQ(builtin_policies().create(scenario.policies.at(0), 0)->type(), type) << type;
  }
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
  const std::vector<std::string> expected{"init@0", "begin@0:1000", "search@0", "place@0",
                                          "end@0",  "begin@1:1000", "search@1", "place@1",
                                          "end@1",  "final@2"};
  EXPECT_EQ(log, expected);
}

}  // namespace
}  // namespace laborsim
