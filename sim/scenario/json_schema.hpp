#pragma once
// A JSON Schema (draft 7) document: validation with valijson, plus what valijson leaves out —
// filling in `default` values and explaining a violation with the rule the schema states.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace laborsim {

struct SchemaViolation {
  std::string pointer;  //!< JSON pointer of the offending value in the instance
  std::string rule;     //!< what is wrong, in words
};

class JsonSchema {
 public:
  explicit JsonSchema(nlohmann::json schema);
  ~JsonSchema();
  JsonSchema(const JsonSchema&) = delete;
  JsonSchema& operator=(const JsonSchema&) = delete;

  const nlohmann::json& document() const { return schema_; }

  //! Adds every missing property that has a `default`, recursively (objects, array items, $ref).
  void fill_defaults(nlohmann::json& instance) const;

  //! Every violation, most specific first; empty when the instance is valid.
  std::vector<SchemaViolation> validate(const nlohmann::json& instance) const;

  //! Fills defaults, validates, and throws InputError listing every violation, one per line as
  //! "SOURCE: POINTER: RULE", when the instance is not valid.
  void complete_and_check(nlohmann::json& instance, const std::string& source) const;

 private:
  const nlohmann::json& resolve(const nlohmann::json& node) const;
  void fill(nlohmann::json& instance, const nlohmann::json& node) const;
  //! The subschema describing the instance value at `pointer` (null json when unknown).
  const nlohmann::json* node_at(const std::vector<std::string>& tokens) const;
  std::string explain(const std::vector<std::string>& tokens, const std::string& description,
                      const nlohmann::json& instance) const;

  nlohmann::json schema_;
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace laborsim
