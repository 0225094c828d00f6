#include "sim/scenario/overrides.hpp"

#include <gtest/gtest.h>

#include "sim/scenario/input_error.hpp"

namespace laborsim {
namespace {

using nlohmann::json;

TEST(Overrides, ParseDottedPathsAndJsonValues) {
  const Override number = parse_override("population.scale=0.25");
  EXPECT_EQ(number.path, (std::vector<std::string>{"population", "scale"}));
  EXPECT_EQ(number.value, json(0.25));
  EXPECT_EQ(parse_override("name=test run").value, json("test run"));  // not JSON: a string
  EXPECT_EQ(parse_override("name=\"42\"").value, json("42"));
  EXPECT_EQ(parse_override("economy.shocks=[]").value, json::array());
  EXPECT_EQ(parse_override("population.scale=nan").value, json("nan"));  // NaN is not JSON
}

TEST(Overrides, ParseJsonPointers) {
  const Override pointer = parse_override("/regions/0/a~1b=1");
  EXPECT_EQ(pointer.path, (std::vector<std::string>{"regions", "0", "a/b"}));
}

TEST(Overrides, RejectMalformedText) {
  EXPECT_THROW(parse_override("population.scale"), InputError);
  EXPECT_THROW(parse_override("=3"), InputError);
  EXPECT_THROW(parse_override("population..scale=3"), InputError);
  EXPECT_THROW(parse_override("/a/~2=3"), InputError);
}

TEST(Overrides, ApplyCreatesObjectsAndIndexesArrays) {
  json doc = {{"regions", json::array({{{"name", "A"}}, {{"name", "B"}}})}};
  apply_override(doc, parse_override("population.scale=0.5"));
  apply_override(doc, parse_override("regions.1.name=C"));
  EXPECT_EQ(doc["population"]["scale"], 0.5);
  EXPECT_EQ(doc["regions"][1]["name"], "C");
}

TEST(Overrides, ApplyRefusesMissingIndicesAndScalars) {
  json doc = {{"regions", json::array({{{"name", "A"}}})}, {"months", 3}};
  try {
    apply_override(doc, parse_override("regions.4.name=X"));
    FAIL();
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(),
                 "--set regions.4.name=X: 'regions.4' is not an index of an array of 1 elements");
  }
  EXPECT_THROW(apply_override(doc, parse_override("months.value=3")), InputError);
}

}  // namespace
}  // namespace laborsim
