#pragma once
// Bad input from the user (scenario files, --set overrides, command-line values): the CLI maps it
// to exit code 2 and writes nothing. Messages name the source, the JSON path and the broken rule.
#include <stdexcept>
#include <string>

namespace laborsim {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;

  //! "SOURCE: POINTER: RULE", e.g. "dingxi.json: /population/scale: must be at most 100".
  InputError(const std::string& source, const std::string& pointer, const std::string& rule)
      : std::runtime_error(source + ": " + (pointer.empty() ? "/" : pointer) + ": " + rule) {}
};

}  // namespace laborsim
