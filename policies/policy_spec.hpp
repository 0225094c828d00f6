#pragma once
// What every lever entry of a scenario's `policies` list shares (configs/schema: policy_common):
// type, name, active months, target and budget, plus the entry itself for the lever's own
// parameters (validated, defaults filled in).
#include <climits>
#include <nlohmann/json.hpp>
#include <string>

#include "policies/ledger.hpp"
#include "policies/target.hpp"

namespace laborsim {

struct PolicySpec {
  std::string type;
  std::string name;
  int start_month = 0;      //!< first active month, months since the scenario start
  int end_month = INT_MAX;  //!< last active month (inclusive)
  Target target;
  Budget budget;
  nlohmann::json entry;  //!< the scenario entry, for lever parameters
  //! Names in the entry resolved to indices: `sector` (-1 if absent) and `destinations` (per
  //! region, 1 if listed; empty if absent).
  int sector = -1;
  std::vector<std::uint8_t> destinations;

  //! Whether the lever makes new offers (enrolments, hires, payments to newcomers) in `month`.
  //! Commitments made while active (a trainee's course, a subsidised job) run their course.
  bool active(int month) const { return month >= start_month && month <= end_month; }
};

}  // namespace laborsim
