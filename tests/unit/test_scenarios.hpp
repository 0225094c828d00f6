#pragma once
// Scenarios shared by the unit tests.
#include <string>

#include "sim/scenario/scenario.hpp"

namespace laborsim::test {

//! Path of a file under tests/data.
std::string data_path(const std::string& name);

//! Dingxi at `scale` for `months` months (tests/data/small.json with overrides).
Scenario small_dingxi(double scale = 0.01, int months = 24,
                      const std::vector<std::string>& sets = {});

//! A two-region toy scenario (one home, one destination) for hand-built worlds.
Scenario toy_scenario(const std::vector<std::string>& sets = {});

}  // namespace laborsim::test
