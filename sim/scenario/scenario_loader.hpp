#pragma once
// From scenario file to frozen Scenario: read, resolve the `extends` chain, apply --set
// overrides, fill schema defaults, validate against the schema, check cross-references, freeze.
// Every failure is an InputError naming the file, the JSON path and the rule.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/scenario/overrides.hpp"
#include "sim/scenario/scenario.hpp"

namespace laborsim {

//! The merged, defaulted and schema-validated document. `source` is a path or "builtin:NAME".
nlohmann::json load_scenario_document(const std::string& source,
                                      const std::vector<Override>& overrides = {});

//! A document whose `extends` chain is already resolved (e.g. a merged scenario kept in memory)
//! with the overrides applied, defaults filled and validated, as load_scenario_document does.
nlohmann::json resolve_scenario_document(nlohmann::json document, const std::string& source,
                                         const std::vector<Override>& overrides = {});

//! Checks what the schema cannot (unique names, known references, a connected graph) and
//! freezes the document into a Scenario. `source` labels error messages.
Scenario freeze_scenario(const nlohmann::json& document, const std::string& source);

//! load_scenario_document + freeze_scenario.
Scenario load_scenario(const std::string& source, const std::vector<Override>& overrides = {});

//! The parsed scenario schema (configs/schema/scenario.schema.json, embedded).
const nlohmann::json& scenario_schema_document();

}  // namespace laborsim
