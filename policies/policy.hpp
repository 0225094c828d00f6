#pragma once
// The policy-lever interface. A lever sees the world only through the PolicyContext the engine
// hands it at each hook; it keeps no globals. Levers are created by name from a PolicyRegistry.
#include <cstdint>
#include <string_view>

#include "agents/employer_store.hpp"
#include "agents/grid_store.hpp"
#include "agents/region_graph.hpp"
#include "agents/worker_store.hpp"

namespace laborsim {

struct PolicyContext {
  std::uint32_t month = 0;  //!< months since the scenario's start
  std::uint64_t seed = 0;   //!< scenario seed, for the lever's own RandomStreams
  const RegionGraph& regions;
  WorkerStore& workers;
  EmployerStore& employers;
  GridStore& grids;
};

class Policy {
 public:
  virtual ~Policy() = default;
  //! The `type` that names this lever in scenario files.
  virtual std::string_view type() const = 0;
  //! Once, after the population is synthesised and before the first month.
  virtual void initialize(PolicyContext& /*context*/) {}
  //! Phase 2 of every month: open windows, reset monthly budgets, pick beneficiaries.
  virtual void begin_month(PolicyContext& /*context*/) {}
  //! Phase 11 of every month: account for what the month cost and bought.
  virtual void end_month(PolicyContext& /*context*/) {}
  //! Once, after the last month.
  virtual void finalize(PolicyContext& /*context*/) {}
};

}  // namespace laborsim
