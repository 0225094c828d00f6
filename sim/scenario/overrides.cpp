#include "sim/scenario/overrides.hpp"

#include "sim/scenario/input_error.hpp"

namespace laborsim {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : text) {
    if (c == separator) {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  return parts;
}

bool is_index(const std::string& token) {
  if (token.empty() || token.size() > 9) return false;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Override parse_override(const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw InputError("--set " + text + ": expected PATH=VALUE, e.g. population.scale=0.1");
  }
  Override result;
  result.text = text;
  const std::string path = text.substr(0, equals);
  if (path.front() == '/') {
    nlohmann::json::json_pointer pointer;
    try {
      pointer = nlohmann::json::json_pointer(path);
    } catch (const nlohmann::json::exception&) {
      throw InputError("--set " + text + ": '" + path + "' is not a valid JSON pointer");
    }
    for (; !pointer.empty(); pointer.pop_back()) {
      result.path.insert(result.path.begin(), pointer.back());
    }
  } else {
    result.path = split(path, '.');
  }
  for (const auto& token : result.path) {
    if (token.empty()) throw InputError("--set " + text + ": empty step in path '" + path + "'");
  }
  const std::string value = text.substr(equals + 1);
  try {
    result.value = nlohmann::json::parse(value);
  } catch (const nlohmann::json::exception&) {
    result.value = value;  // not JSON: take it as a string
  }
  return result;
}

void apply_override(nlohmann::json& document, const Override& override_value) {
  nlohmann::json* node = &document;
  std::string where;
  for (std::size_t i = 0; i < override_value.path.size(); ++i) {
    const std::string& token = override_value.path[i];
    where += (where.empty() ? "" : ".") + token;
    nlohmann::json* next = nullptr;
    if (node->is_object()) {
      next = &(*node)[token];
    } else if (node->is_array()) {
      if (!is_index(token) || std::stoul(token) >= node->size()) {
        throw InputError("--set " + override_value.text + ": '" + where + "' is not an index of " +
                         "an array of " + std::to_string(node->size()) + " elements");
      }
      next = &(*node)[std::stoul(token)];
    } else if (node->is_null()) {
      *node = nlohmann::json::object();
      next = &(*node)[token];
    } else {
      throw InputError("--set " + override_value.text + ": cannot descend into '" + where +
                       "': the value there is not an object or array");
    }
    node = next;
  }
  *node = override_value.value;
}

}  // namespace laborsim
