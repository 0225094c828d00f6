#pragma once
// What of the World carries from one month to the next, for checkpoints: every store column,
// the economy, the move costs, the per-worker and per-employer flags and the per-region tallies
// of the last month. The scenario, the region graph (rebuilt from the scenario) and the matching
// scratch buffers (rebuilt every month) are not saved.
#include "agents/state_archive.hpp"
#include "sim/world.hpp"

namespace laborsim {

//! Saves `world` into `archive`, or restores it from there when the archive is loading; a
//! restored world must have been built from the same scenario (World(scenario)).
void carry_world(StateArchive& archive, World& world);

}  // namespace laborsim
