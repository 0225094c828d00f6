#pragma once
// Files compiled into the binary (see cmake/EmbedFile.cmake), so `laborsim run` and
// `laborsim schema` work from any directory without the source tree.
#include <optional>
#include <string>
#include <string_view>

namespace laborsim {
namespace embedded {
extern const std::string_view scenario_schema_json;  // configs/schema/scenario.schema.json
extern const std::string_view sweep_schema_json;     // configs/schema/sweep.schema.json
extern const std::string_view dingxi_json;           // configs/dingxi.json
}  // namespace embedded

//! Prefix naming a scenario compiled into the binary, e.g. "builtin:dingxi".
inline constexpr std::string_view kBuiltinPrefix = "builtin:";
//! The scenario `laborsim run` simulates when given none.
inline constexpr std::string_view kDefaultScenario = "builtin:dingxi";

//! Text of a built-in scenario by its full name ("builtin:dingxi"); nullopt when unknown.
std::optional<std::string_view> builtin_scenario_text(std::string_view name);

}  // namespace laborsim
