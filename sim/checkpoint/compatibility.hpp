#pragma once
// Which scenarios may continue from a checkpoint: a resumed run only the very scenario that
// wrote it; a policy branch any scenario that changes only what takes effect from the
// checkpoint's month on (levers, arms, scripted demand shocks, seed, months, output), not what
// shaped the saved world (population, regions, links, employers, search, grids, ...).
#include <nlohmann/json.hpp>
#include <string>

#include "sim/checkpoint/checkpoint_file.hpp"
#include "sim/scenario/scenario.hpp"

namespace laborsim {

//! The JSON pointer of the first place where `a` and `b` differ; "" when they are equal.
std::string first_difference(const nlohmann::json& a, const nlohmann::json& b);

//! Throws InputError naming the checkpoint and the first differing key unless `scenario` is the
//! one the checkpoint's run simulates.
void check_resumable(const CheckpointFile& checkpoint, const Scenario& scenario);

//! Throws InputError naming the checkpoint and the key unless `scenario` may branch from the
//! checkpoint's world, and unless it runs past the checkpoint's month.
void check_branchable(const CheckpointFile& checkpoint, const Scenario& scenario);

}  // namespace laborsim
