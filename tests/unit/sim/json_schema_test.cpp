#include "sim/scenario/json_schema.hpp"

#include <gtest/gtest.h>

#include <map>

namespace laborsim {
namespace {

using nlohmann::json;

const json kSchema = json::parse(R"({
  "type": "object", "additionalProperties": false,
  "properties": {
    "size": {"type": "integer", "minimum": 1, "maximum": 10, "default": 3},
    "inner": {"$ref": "#/definitions/inner", "default": {}},
    "items": {"type": "array", "items": {"$ref": "#/definitions/inner"}},
    "kind": {"enum": ["a", "b"]}
  },
  "definitions": {
    "inner": {"type": "object", "additionalProperties": false,
              "properties": {"rate": {"type": "number", "maximum": 0.5, "default": 0.25}}}
  }
})");

TEST(JsonSchema, FillsDefaultsThroughRefsAndArrayItems) {
  const JsonSchema schema(kSchema);
  json doc = {{"items", json::array({json::object(), {{"rate", 0.1}}})}};
  schema.fill_defaults(doc);
  EXPECT_EQ(doc["size"], 3);
  EXPECT_EQ(doc["inner"]["rate"], 0.25);
  EXPECT_EQ(doc["items"][0]["rate"], 0.25);
  EXPECT_EQ(doc["items"][1]["rate"], 0.1);  // given values stay
  EXPECT_FALSE(doc.contains("kind"));       // no default, stays absent
  EXPECT_TRUE(schema.validate(doc).empty());
}

TEST(JsonSchema, ReportsEachViolationWithPointerRuleAndValue) {
  const JsonSchema schema(kSchema);
  const json doc = {{"size", 11},
                    {"inner", {{"rate", 0.75}, {"extra", 1}}},
                    {"items", json::array({{{"rate", "x"}}})},
                    {"kind", "c"}};
  const auto violations = schema.validate(doc);
  std::map<std::string, std::string> by_pointer;
  for (const auto& v : violations) by_pointer[v.pointer] += v.rule;
  EXPECT_EQ(by_pointer["/size"], "Expected number less than or equal to 10; got 11");
  EXPECT_EQ(by_pointer["/inner/rate"], "Expected number less than or equal to 0.5; got 0.75");
  EXPECT_NE(by_pointer["/inner"].find("'extra'"), std::string::npos);
  EXPECT_NE(by_pointer["/items/0/rate"].find("(expected \"number\"); got \"x\""),
            std::string::npos);
  EXPECT_NE(by_pointer["/kind"].find("(allowed: [\"a\",\"b\"]); got \"c\""), std::string::npos);
  for (const auto& v : violations)
    EXPECT_EQ(v.rule.find("Failed to validate against"), std::string::npos);
}

}  // namespace
}  // namespace laborsim
