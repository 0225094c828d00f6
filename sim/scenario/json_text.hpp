#pragma once
// Strict JSON parsing for user input: syntax errors carry line and column, duplicate keys are
// rejected (nlohmann would silently keep the last one), non-finite numbers are rejected.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace laborsim {

//! Throws InputError naming `source` on malformed JSON or a duplicate key.
nlohmann::json parse_json_text(std::string_view text, const std::string& source);

//! Reads and parses a file; throws InputError when it cannot be read or parsed.
nlohmann::json read_json_file(const std::string& path);

//! JSON pointer syntax for one more step below `parent` ("/a" + "b" -> "/a/b", ~ and / escaped).
std::string json_pointer_child(const std::string& parent, const std::string& key);

}  // namespace laborsim
