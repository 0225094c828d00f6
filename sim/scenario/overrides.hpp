#pragma once
// --set PATH=VALUE overrides. PATH is dotted ("population.scale", "regions.0.name") or a JSON
// pointer ("/population/scale"). VALUE is read as JSON when it parses as JSON, else as a string,
// so `--set name=test` and `--set months=12` both do what one expects.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace laborsim {

struct Override {
  std::string text;               //!< as given, for messages
  std::vector<std::string> path;  //!< object keys / array indices
  nlohmann::json value;
};

//! Throws InputError on a missing '=' or an empty path.
Override parse_override(const std::string& text);

//! Sets the value, creating missing objects on the way. Throws InputError when the path runs
//! through a non-container or an array index that does not exist.
void apply_override(nlohmann::json& document, const Override& override_value);

}  // namespace laborsim
