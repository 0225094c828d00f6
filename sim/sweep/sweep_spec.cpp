#include "sim/sweep/sweep_spec.hpp"

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "sim/scenario/embedded.hpp"
#include "sim/scenario/input_error.hpp"
#include "sim/scenario/json_schema.hpp"
#include "sim/scenario/json_text.hpp"

namespace laborsim {
namespace {

const JsonSchema& sweep_schema() {
  static const JsonSchema schema(parse_json_text(embedded::sweep_schema_json, "sweep.schema.json"));
  return schema;
}

//! A CSV cell as JSON when it parses as JSON ("0.5", "true", "\"text\""), else as a string.
nlohmann::json cell_value(const std::string& cell) {
  const nlohmann::json parsed = nlohmann::json::parse(cell, nullptr, /*allow_exceptions=*/false);
  return parsed.is_discarded() ? nlohmann::json(cell) : parsed;
}

std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  const auto end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

//! One CSV line split into cells (RFC 4180 quoting: "a,b" is one cell, "" is a quote).
std::vector<std::string> split_csv_line(const std::string& line, const std::string& where) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  bool was_quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = was_quoted = true;
    } else if (c == ',') {
      cells.push_back(was_quoted ? cell : trim(cell));
      cell.clear();
      was_quoted = false;
    } else {
      cell += c;
    }
  }
  if (quoted) throw InputError(where + ": unterminated quoted cell");
  cells.push_back(was_quoted ? cell : trim(cell));
  return cells;
}

void read_csv_design(const std::filesystem::path& file, DesignSpec& design) {
  std::ifstream in(file);
  if (!in) throw InputError(file.string() + ": cannot read the design's CSV file");
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (trim(line).empty()) continue;
    const std::string where = file.string() + ":" + std::to_string(line_number);
    std::vector<std::string> cells = split_csv_line(line, where);
    if (design.paths.empty()) {
      for (const std::string& cell : cells) {
        if (cell.empty()) throw InputError(where + ": the header has an empty column name");
      }
      design.paths = std::move(cells);
      continue;
    }
    if (cells.size() != design.paths.size()) {
      throw InputError(where + ": " + std::to_string(cells.size()) +
                       " cells where the header has " + std::to_string(design.paths.size()));
    }
    std::vector<nlohmann::json> point;
    for (const std::string& cell : cells) point.push_back(cell_value(cell));
    design.points.push_back(std::move(point));
  }
  if (design.paths.empty()) throw InputError(file.string() + ": the design's CSV file is empty");
  if (design.points.empty()) {
    throw InputError(file.string() + ": the design's CSV file has a header but no points");
  }
}

void read_list_design(const nlohmann::json& points, const std::string& source, DesignSpec& design) {
  for (const auto& [path, value] : points.front().items()) design.paths.push_back(path);
  const std::set<std::string> expected(design.paths.begin(), design.paths.end());
  for (std::size_t p = 0; p < points.size(); ++p) {
    std::set<std::string> keys;
    std::vector<nlohmann::json> point;
    for (const auto& [path, value] : points[p].items()) {
      keys.insert(path);
      point.push_back(value);
    }
    if (keys != expected) {
      throw InputError(source, "/design/points/" + std::to_string(p),
                       "every point must name the same paths as the first");
    }
    design.points.push_back(std::move(point));
  }
}

ParameterSpec read_parameter(const nlohmann::json& node, const std::string& source,
                             const std::string& pointer, DesignType design) {
  ParameterSpec parameter;
  parameter.path = node.at("path").get<std::string>();
  const bool has_values = node.contains("values");
  const bool has_range = node.contains("min") || node.contains("max");
  if (has_values == has_range) {
    throw InputError(source, pointer, "give either `values` or `min` and `max`");
  }
  if (has_values) {
    if (node.contains("steps")) throw InputError(source, pointer, "`steps` needs a range");
    for (const auto& value : node.at("values")) parameter.values.push_back(value);
    return parameter;
  }
  if (!node.contains("min") || !node.contains("max")) {
    throw InputError(source, pointer, "a range needs both `min` and `max`");
  }
  parameter.min = node.at("min").get<double>();
  parameter.max = node.at("max").get<double>();
  parameter.steps = node.value("steps", 0);
  parameter.log_scale = node.value("scale", "linear") == "log";
  parameter.integer = node.value("integer", false);
  if (parameter.max < parameter.min) {
    throw InputError(source, pointer + "/max", "must be at least min");
  }
  if (parameter.log_scale && parameter.min <= 0) {
    throw InputError(source, pointer + "/min", "a log scale needs a positive min");
  }
  if (parameter.integer &&
      (std::floor(parameter.min) != parameter.min || std::floor(parameter.max) != parameter.max)) {
    throw InputError(source, pointer, "an integer range needs integer min and max");
  }
  if (design == DesignType::kFactorial && parameter.steps == 0) {
    throw InputError(source, pointer,
                     "a factorial design needs `steps` (levels of the range) or `values`");
  }
  return parameter;
}

DesignType design_type(const std::string& name) {
  if (name == "factorial") return DesignType::kFactorial;
  if (name == "latin_hypercube") return DesignType::kLatinHypercube;
  if (name == "list") return DesignType::kList;
  return DesignType::kCsv;
}

}  // namespace

const nlohmann::json& sweep_schema_document() { return sweep_schema().document(); }

SweepSpec load_sweep(const std::filesystem::path& file) {
  const std::string source = file.string();
  nlohmann::json document = read_json_file(source);
  sweep_schema().complete_and_check(document, source);

  SweepSpec sweep;
  sweep.document = document;
  sweep.name = document.at("name").get<std::string>();
  sweep.description = document.at("description").get<std::string>();
  const std::filesystem::path folder = file.parent_path();
  const std::string scenario = document.at("scenario").get<std::string>();
  sweep.scenario =
      scenario.rfind(kBuiltinPrefix, 0) == 0 || std::filesystem::path(scenario).is_absolute()
          ? scenario
          : (folder / scenario).lexically_normal().string();
  for (const auto& [path, value] : document.at("set").items()) {
    sweep.set.push_back(parse_override(path + "=" + value.dump()));
  }
  sweep.arms = document.at("arms").get<std::vector<std::string>>();
  sweep.replicates = document.at("replicates").get<int>();

  const nlohmann::json& design = document.at("design");
  sweep.design.type = design_type(design.at("type").get<std::string>());
  const bool takes_parameters = sweep.design.type == DesignType::kFactorial ||
                                sweep.design.type == DesignType::kLatinHypercube;
  if (takes_parameters) {
    if (!document.contains("parameters") || document.at("parameters").empty()) {
      throw InputError(
          source, "/parameters",
          "a " + design.at("type").get<std::string>() + " design needs at least one parameter");
    }
    const nlohmann::json& parameters = document.at("parameters");
    for (std::size_t k = 0; k < parameters.size(); ++k) {
      sweep.parameters.push_back(read_parameter(
          parameters[k], source, "/parameters/" + std::to_string(k), sweep.design.type));
    }
  } else if (document.contains("parameters")) {
    throw InputError(source, "/parameters",
                     "a list or CSV design names its parameters in its points; remove this key");
  }
  if (sweep.design.type == DesignType::kLatinHypercube) {
    sweep.design.samples = design.at("samples").get<int>();
    sweep.design.seed = design.at("seed").get<std::uint64_t>();
  } else if (sweep.design.type == DesignType::kList) {
    read_list_design(design.at("points"), source, sweep.design);
  } else if (sweep.design.type == DesignType::kCsv) {
    const std::filesystem::path csv = folder / design.at("file").get<std::string>();
    read_csv_design(csv, sweep.design);
  }
  std::set<std::string> seen;
  const auto check_path = [&](const std::string& path, const std::string& pointer) {
    const Override parsed = parse_override(path + "=0");
    std::string key;
    for (const std::string& token : parsed.path) key += "/" + token;
    if (!seen.insert(key).second)
      throw InputError(source, pointer, "path " + path + " is varied twice");
    for (const Override& fixed : sweep.set) {
      if (fixed.path == parsed.path) {
        throw InputError(source, pointer, "path " + path + " is also fixed in `set`");
      }
    }
  };
  for (std::size_t k = 0; k < sweep.parameters.size(); ++k) {
    check_path(sweep.parameters[k].path, "/parameters/" + std::to_string(k) + "/path");
  }
  for (const std::string& path : sweep.design.paths) check_path(path, "/design");
  return sweep;
}

}  // namespace laborsim
