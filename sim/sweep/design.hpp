#pragma once
// Design points of a sweep: which value each varied parameter takes in each point.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/sweep/sweep_spec.hpp"

namespace laborsim {

struct Design {
  std::vector<std::string> paths;                   //!< the varied parameters
  std::vector<std::vector<nlohmann::json>> points;  //!< points[p][k]: value of paths[k]
};

//! The design's points. Factorial: every combination, the last parameter varying fastest.
//! Latin hypercube: `samples` points with every stratum of every parameter used once, the
//! same on every machine for one seed. List and CSV: the points as given.
Design make_design(const SweepSpec& sweep);

//! The levels a factorial design uses for a parameter (its values, or `steps` points of its
//! range, rounded to 12 significant digits so manifests stay readable).
std::vector<nlohmann::json> factorial_levels(const ParameterSpec& parameter);

//! The value of a parameter at u in [0, 1): a position along its range (linear or log,
//! integers with equal weight each) or an index into its values.
nlohmann::json value_at(const ParameterSpec& parameter, double u);

}  // namespace laborsim
