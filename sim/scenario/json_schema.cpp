#include "sim/scenario/json_schema.hpp"

#include <regex>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "sim/scenario/input_error.hpp"
#include "sim/scenario/json_text.hpp"

namespace laborsim {

struct JsonSchema::Compiled {
  valijson::Schema schema;
};

JsonSchema::JsonSchema(nlohmann::json schema)
    : schema_(std::move(schema)), compiled_(std::make_unique<Compiled>()) {
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter adapter(schema_);
  parser.populateSchema(adapter, compiled_->schema);
}

JsonSchema::~JsonSchema() = default;

const nlohmann::json& JsonSchema::resolve(const nlohmann::json& node) const {
  const nlohmann::json* current = &node;
  // Only local references ("#/definitions/x") are used by laborsim's schemas.
  for (int depth = 0; depth < 32 && current->is_object() && current->contains("$ref"); ++depth) {
    const std::string ref = (*current)["$ref"].get<std::string>();
    if (ref.rfind("#", 0) != 0) break;
    current = &schema_.at(nlohmann::json::json_pointer(ref.substr(1)));
  }
  return *current;
}

void JsonSchema::fill_defaults(nlohmann::json& instance) const { fill(instance, schema_); }

namespace {

// Whether `instance` meets an `if` of the one form laborsim's schemas use to pick a subschema:
// required keys whose values equal their `const` (e.g. the `type` of a policy lever).
bool meets_condition(const nlohmann::json& instance, const nlohmann::json& condition) {
  if (!instance.is_object()) return false;
  for (const auto& key : condition.value("required", nlohmann::json::array())) {
    if (!instance.contains(key.get<std::string>())) return false;
  }
  if (condition.contains("properties")) {
    for (const auto& [key, rule] : condition["properties"].items()) {
      if (rule.contains("const") && (!instance.contains(key) || instance[key] != rule["const"])) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

void JsonSchema::fill(nlohmann::json& instance, const nlohmann::json& node) const {
  const nlohmann::json& schema = resolve(node);
  if (!schema.is_object()) return;
  if (instance.is_object() && schema.contains("properties")) {
    for (const auto& [key, property] : schema["properties"].items()) {
      if (!instance.contains(key)) {
        // A default may sit beside a $ref (the property's own) or in the referenced schema.
        if (property.contains("default")) {
          instance[key] = property["default"];
        } else if (resolve(property).contains("default")) {
          instance[key] = resolve(property)["default"];
        } else {
          continue;
        }
      }
      fill(instance[key], property);
    }
  }
  if (instance.is_array() && schema.contains("items") && schema["items"].is_object()) {
    for (auto& item : instance) fill(item, schema["items"]);
  }
  // allOf of if/then pairs: the subschema the instance selects supplies its defaults.
  if (schema.contains("allOf")) {
    for (const auto& part : schema["allOf"]) {
      if (!part.contains("if")) {
        fill(instance, part);
      } else if (part.contains("then") && meets_condition(instance, part["if"])) {
        fill(instance, part["then"]);
      }
    }
  }
}

const nlohmann::json* JsonSchema::node_at(const std::vector<std::string>& tokens) const {
  const nlohmann::json* node = &resolve(schema_);
  for (const std::string& token : tokens) {
    // A property of a subschema picked by if/then (policy levers): the first branch that has it.
    const nlohmann::json* branch_property = nullptr;
    if (node->contains("allOf")) {
      for (const auto& part : (*node)["allOf"]) {
        const nlohmann::json& branch = resolve(part.contains("then") ? part["then"] : part);
        if (branch.contains("properties") && branch["properties"].contains(token)) {
          branch_property = &branch["properties"][token];
          break;
        }
      }
    }
    if (node->contains("properties") && (*node)["properties"].contains(token)) {
      node = &resolve((*node)["properties"][token]);
    } else if (branch_property != nullptr) {
      node = &resolve(*branch_property);
    } else if (node->contains("items") && (*node)["items"].is_object()) {
      node = &resolve((*node)["items"]);
    } else if (node->contains("additionalProperties") &&
               (*node)["additionalProperties"].is_object()) {
      node = &resolve((*node)["additionalProperties"]);
    } else {
      return nullptr;
    }
  }
  return node;
}

namespace {

// valijson prints bounds with six decimals ("100.000000"); readers want "100".
std::string trim_decimals(std::string text) {
  static const std::regex decimals(R"((\d+)\.(\d*?)0+\b)");
  text = std::regex_replace(text, decimals, "$1.$2");
  static const std::regex bare_point(R"((\d+)\.(\D|$))");
  return std::regex_replace(text, bare_point, "$1$2");
}

bool is_wrapper_message(const std::string& description) {
  return description.rfind("Failed to validate against schema associated with property", 0) == 0 ||
         description.rfind("Failed to validate item #", 0) == 0 ||
         description.rfind("Failed to validate against child schema", 0) == 0 ||
         description.rfind("Failed to validate against a conditional schema", 0) == 0;
}

std::string short_dump(const nlohmann::json& value) {
  std::string text = value.dump();
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

}  // namespace

std::string JsonSchema::explain(const std::vector<std::string>& tokens,
                                const std::string& description,
                                const nlohmann::json& instance) const {
  std::string rule = trim_decimals(description);
  if (!rule.empty() && rule.back() == '.') rule.pop_back();
  const nlohmann::json* node = node_at(tokens);
  if (node != nullptr) {
    if (node->contains("type") && rule.find("'type' constraint") != std::string::npos) {
      rule += " (expected " + (*node)["type"].dump() + ")";
    } else if (node->contains("enum") && rule.find("enum") != std::string::npos) {
      rule += " (allowed: " + (*node)["enum"].dump() + ")";
    } else if (node->contains("pattern") && rule.find("pattern") != std::string::npos) {
      rule += " " + (*node)["pattern"].get<std::string>();
    }
  }
  nlohmann::json::json_pointer pointer;
  for (const auto& token : tokens) pointer /= token;
  if (!tokens.empty() && instance.contains(pointer)) {
    const auto& value = instance.at(pointer);
    if (!value.is_object() && !value.is_array()) rule += "; got " + short_dump(value);
  }
  return rule;
}

std::vector<SchemaViolation> JsonSchema::validate(const nlohmann::json& instance) const {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(instance);
  std::vector<SchemaViolation> violations;
  if (validator.validate(compiled_->schema, adapter, &results)) return violations;
  for (const auto& error : results) {
    if (is_wrapper_message(error.description)) continue;
    // valijson's context is "<root>", "[key]", "[0]", ...
    std::vector<std::string> tokens;
    for (const std::string& part : error.context) {
      if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
        tokens.push_back(part.substr(1, part.size() - 2));
      }
    }
    std::string pointer;
    for (const auto& token : tokens) pointer = json_pointer_child(pointer, token);
    violations.push_back({pointer, explain(tokens, error.description, instance)});
  }
  return violations;
}

void JsonSchema::complete_and_check(nlohmann::json& instance, const std::string& source) const {
  fill_defaults(instance);
  const auto violations = validate(instance);
  if (violations.empty()) return;
  std::string message;
  for (const auto& violation : violations) {
    if (!message.empty()) message += "\n";
    message += source + ": " + (violation.pointer.empty() ? "/" : violation.pointer) + ": " +
               violation.rule;
  }
  throw InputError(message);
}

}  // namespace laborsim
