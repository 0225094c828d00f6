#pragma once
// A sweep file (configs/schema/sweep.schema.json), read and checked: the base scenario, the
// parameters to vary, the design that combines them, the arms and the replicates.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/overrides.hpp"

namespace laborsim {

//! One varied scenario value: explicit `values`, or a numeric range [min, max].
struct ParameterSpec {
  std::string path;                    //!< as written: dotted or a JSON pointer
  std::vector<nlohmann::json> values;  //!< explicit levels; empty for a range
  double min = 0;
  double max = 0;
  int steps = 0;  //!< factorial levels of a range (0: not given)
  bool log_scale = false;
  bool integer = false;
  bool is_range() const { return values.empty(); }
};

enum class DesignType { kFactorial, kLatinHypercube, kList, kCsv };

struct DesignSpec {
  DesignType type = DesignType::kFactorial;
  int samples = 0;                                  //!< Latin hypercube points
  std::uint64_t seed = 1;                           //!< Latin hypercube random numbers
  std::vector<std::string> paths;                   //!< list/CSV: the parameter paths
  std::vector<std::vector<nlohmann::json>> points;  //!< list/CSV: values per point, by path
};

struct SweepSpec {
  std::string name;
  std::string description;
  std::string scenario;       //!< builtin:NAME or a path resolved against the sweep file
  std::vector<Override> set;  //!< fixed overrides of every run
  std::vector<ParameterSpec> parameters;
  DesignSpec design;
  std::vector<std::string> arms;  //!< empty: the scenario's levers as configured
  int replicates = 1;
  nlohmann::json document;  //!< the sweep file with defaults filled, as stored
};

//! Reads, fills defaults, validates against the sweep schema and checks what it cannot say
//! (a parameter gives values or a range, ranges a factorial design can enumerate, CSV
//! contents). Throws InputError naming the file, the JSON path and the rule.
SweepSpec load_sweep(const std::filesystem::path& file);

//! The sweep schema (configs/schema/sweep.schema.json, embedded).
const nlohmann::json& sweep_schema_document();

}  // namespace laborsim
