#pragma once
// The arms of a counterfactual comparison (laborsim compare): which levers each arm runs, the
// scenario of an arm in a replicate, and the replicates' seeds. Every arm of a replicate runs
// with the same seed, so arms share all random numbers their levers do not change (common
// random numbers): the difference between two arms is the levers' effect with little noise.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace laborsim {

//! The arms to compare: the scenario's `arms`, or, when it lists none, `baseline` (no levers)
//! and `policies` (every lever). The first is the reference. Throws InputError when there is
//! nothing to compare (fewer than two arms).
std::vector<ArmSpec> comparison_arms(const Scenario& scenario);

//! The arm named `name` among comparison_arms(scenario); throws InputError naming the arms
//! when there is none.
ArmSpec find_arm(const Scenario& scenario, const std::string& name);

//! The seed of replicate `replicate`: the scenario's own for replicate 0 (so that replicate 0 of
//! an arm is what `laborsim run` gives for it), SplitMix64-derived below 2^53 for the others.
std::uint64_t replicate_seed(std::uint64_t seed, int replicate);

//! `base` with seed `seed`, in the stored configuration too.
Scenario reseeded(const Scenario& base, std::uint64_t seed);

//! `base` with only `arm`'s levers, seed `seed`, no arms, and the stored configuration changed
//! to match, so that `laborsim run` of that configuration reproduces the arm.
Scenario arm_scenario(const Scenario& base, const ArmSpec& arm, std::uint64_t seed);

}  // namespace laborsim
