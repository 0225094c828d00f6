#pragma once
// Runs a scenario to its end in a test and keeps every month's observation.
#include <vector>

#include "sim/simulation.hpp"

namespace laborsim::test {

inline std::vector<Observation> run_months(const Scenario& scenario) {
  Simulation simulation(scenario);
  std::vector<Observation> months;
  for (int m = 0; m < scenario.months; ++m) months.push_back(simulation.step());
  return months;
}

}  // namespace laborsim::test
