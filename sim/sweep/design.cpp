#include "sim/sweep/design.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

#include "agents/random_stream.hpp"

namespace laborsim {
namespace {

//! Rounded to 12 significant digits: 0.30000000000000004 becomes 0.3 in the manifest and in the
//! value the run is given alike.
double readable(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.12g", x);
  return std::stod(text);
}

//! A number of the range at position u in [0, 1] (linear or log scale), not rounded.
double range_position(const ParameterSpec& parameter, double u, double upper) {
  if (parameter.log_scale) {
    const double low = std::log(parameter.min);
    return std::exp(low + u * (std::log(upper) - low));
  }
  return parameter.min + u * (upper - parameter.min);
}

nlohmann::json number(const ParameterSpec& parameter, double x) {
  if (parameter.integer) {
    return static_cast<long long>(std::clamp(x, parameter.min, parameter.max));
  }
  return readable(x);
}

//! A uniform number in [0, 1) keyed by (seed, parameter, sample, purpose): counter-based, so the
//! design is the same on every machine and compiler.
double design_uniform(std::uint64_t seed, std::uint64_t parameter, std::uint64_t sample,
                      std::uint64_t purpose) {
  std::uint64_t h = split_mix64(seed);
  h = split_mix64(h ^ parameter);
  h = split_mix64(h ^ (sample * 4 + purpose));
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

Design latin_hypercube(const SweepSpec& sweep) {
  const auto n = static_cast<std::size_t>(sweep.design.samples);
  Design design;
  design.points.resize(n);
  for (std::size_t k = 0; k < sweep.parameters.size(); ++k) {
    const ParameterSpec& parameter = sweep.parameters[k];
    design.paths.push_back(parameter.path);
    // A Fisher-Yates shuffle of the strata: sample i falls in stratum strata[i].
    std::vector<std::size_t> strata(n);
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) {
      const double u = design_uniform(sweep.design.seed, k, i - 1, 0);
      const auto j = std::min(static_cast<std::size_t>(u * static_cast<double>(i)), i - 1);
      std::swap(strata[i - 1], strata[j]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const double within = design_uniform(sweep.design.seed, k, i, 1);
      const double u = (static_cast<double>(strata[i]) + within) / static_cast<double>(n);
      design.points[i].push_back(value_at(parameter, std::min(u, std::nextafter(1.0, 0.0))));
    }
  }
  return design;
}

Design factorial(const SweepSpec& sweep) {
  Design design;
  std::vector<std::vector<nlohmann::json>> levels;
  std::size_t count = 1;
  for (const ParameterSpec& parameter : sweep.parameters) {
    design.paths.push_back(parameter.path);
    levels.push_back(factorial_levels(parameter));
    count *= levels.back().size();
  }
  for (std::size_t p = 0; p < count; ++p) {
    std::vector<nlohmann::json> point(levels.size());
    std::size_t rest = p;
    for (std::size_t k = levels.size(); k-- > 0;) {
      point[k] = levels[k][rest % levels[k].size()];
      rest /= levels[k].size();
    }
    design.points.push_back(std::move(point));
  }
  return design;
}

}  // namespace

std::vector<nlohmann::json> factorial_levels(const ParameterSpec& parameter) {
  if (!parameter.is_range()) return parameter.values;
  std::vector<nlohmann::json> levels;
  for (int s = 0; s < parameter.steps; ++s) {
    const double u = parameter.steps == 1 ? 0.0 : static_cast<double>(s) / (parameter.steps - 1);
    const double x = range_position(parameter, u, parameter.max);
    nlohmann::json level = number(parameter, parameter.integer ? std::round(x) : x);
    // Integer levels closer than one unit collapse; a level is never run twice.
    if (levels.empty() || levels.back() != level) levels.push_back(std::move(level));
  }
  return levels;
}

nlohmann::json value_at(const ParameterSpec& parameter, double u) {
  if (!parameter.is_range()) {
    const std::size_t count = parameter.values.size();
    return parameter
        .values[std::min(static_cast<std::size_t>(u * static_cast<double>(count)), count - 1)];
  }
  if (parameter.integer) {
    // Every integer of [min, max] gets an equal share of [0, 1) (of the log axis on a log scale).
    return number(parameter, std::floor(range_position(parameter, u, parameter.max + 1)));
  }
  return number(parameter, range_position(parameter, u, parameter.max));
}

Design make_design(const SweepSpec& sweep) {
  switch (sweep.design.type) {
    case DesignType::kFactorial:
      return factorial(sweep);
    case DesignType::kLatinHypercube:
      return latin_hypercube(sweep);
    case DesignType::kList:
    case DesignType::kCsv:
      break;
  }
  return Design{sweep.design.paths, sweep.design.points};
}

}  // namespace laborsim
