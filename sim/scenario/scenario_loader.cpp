#include "sim/scenario/scenario_loader.hpp"

#include <algorithm>
#include <filesystem>

#include "sim/scenario/embedded.hpp"
#include "sim/scenario/input_error.hpp"
#include "sim/scenario/json_schema.hpp"
#include "sim/scenario/json_text.hpp"

namespace laborsim {
namespace {

constexpr int kMaxExtendsDepth = 32;

nlohmann::json read_source(const std::string& source) {
  if (source.rfind(kBuiltinPrefix, 0) == 0) {
    const auto text = builtin_scenario_text(source);
    if (!text) throw InputError(source + ": no such built-in scenario (known: builtin:dingxi)");
    return parse_json_text(*text, source);
  }
  std::error_code error;  // a name too long or otherwise unusable is bad input, not a failure
  if (std::filesystem::is_directory(source, error)) throw InputError(source + ": is a directory");
  if (error && error != std::errc::no_such_file_or_directory) {
    throw InputError(source + ": cannot read: " + error.message());
  }
  return read_json_file(source);
}

// Objects merge key by key; anything else in `top` replaces what `base` had.
void merge_into(nlohmann::json& base, const nlohmann::json& top) {
  if (base.is_object() && top.is_object()) {
    for (const auto& [key, value] : top.items()) merge_into(base[key], value);
  } else {
    base = top;
  }
}

std::string resolve_relative(const std::string& reference, const std::string& from_source) {
  if (reference.rfind(kBuiltinPrefix, 0) == 0) return reference;
  const std::filesystem::path path(reference);
  if (path.is_absolute() || from_source.rfind(kBuiltinPrefix, 0) == 0) return reference;
  return (std::filesystem::path(from_source).parent_path() / path).lexically_normal().string();
}

nlohmann::json load_layers(const std::string& source, std::vector<std::string>& chain) {
  if (std::find(chain.begin(), chain.end(), source) != chain.end()) {
    std::string cycle;
    for (const auto& link : chain) cycle += link + " -> ";
    throw InputError(chain.back(), "/extends", "extends cycle: " + cycle + source);
  }
  if (chain.size() >= kMaxExtendsDepth) {
    throw InputError(source, "/extends", "extends chain deeper than 32 files");
  }
  chain.push_back(source);
  nlohmann::json document = read_source(source);
  if (!document.is_object()) throw InputError(source, "", "a scenario must be a JSON object");
  if (document.contains("extends")) {
    if (!document["extends"].is_string()) {
      throw InputError(source, "/extends", "must be a string (a file path or builtin:NAME)");
    }
    const std::string base_source =
        resolve_relative(document["extends"].get<std::string>(), source);
    nlohmann::json merged = load_layers(base_source, chain);
    document.erase("extends");
    merge_into(merged, document);
    document = std::move(merged);
  }
  chain.pop_back();
  return document;
}

const JsonSchema& scenario_schema() {
  // Parsed once: the schema is a constant compiled into the binary.
  static const JsonSchema schema(
      parse_json_text(embedded::scenario_schema_json, "scenario.schema.json"));
  return schema;
}

}  // namespace

std::optional<std::string_view> builtin_scenario_text(std::string_view name) {
  if (name == kDefaultScenario) return embedded::dingxi_json;
  return std::nullopt;
}

const nlohmann::json& scenario_schema_document() { return scenario_schema().document(); }

nlohmann::json load_scenario_document(const std::string& source,
                                      const std::vector<Override>& overrides) {
  std::vector<std::string> chain;
  return resolve_scenario_document(load_layers(source, chain), source, overrides);
}

nlohmann::json resolve_scenario_document(nlohmann::json document, const std::string& source,
                                         const std::vector<Override>& overrides) {
  for (const Override& override_value : overrides) {
    if (!override_value.path.empty() && override_value.path.front() == "extends") {
      throw InputError("--set " + override_value.text +
                       ": extends is resolved before overrides; name the base file in the "
                       "scenario instead");
    }
    apply_override(document, override_value);
  }
  scenario_schema().complete_and_check(document, source);
  return document;
}

Scenario load_scenario(const std::string& source, const std::vector<Override>& overrides) {
  return freeze_scenario(load_scenario_document(source, overrides), source);
}

}  // namespace laborsim
