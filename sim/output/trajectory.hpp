#pragma once
// A run's per-region monthly outputs, in memory: what the HDF5 file holds, and what the
// summary table is computed from (for a run just made and for a file read back alike).
#include <string>
#include <vector>

#include "agents/region_graph.hpp"
#include "sim/calendar.hpp"
#include "sim/observables.hpp"
#include "sim/scenario/scenario.hpp"

namespace laborsim {

//! The labelled dimensions of a run's outputs besides time.
struct OutputAxes {
  std::vector<RegionNode> regions;
  std::vector<std::string> sectors;
  std::vector<std::string> edges;     //!< "From-To" per link
  std::vector<std::string> policies;  //!< lever names

  AxisSizes sizes() const {
    return {regions.size(), kKeyGroupCount,  sectors.size(),
            edges.size(),   kSizeClassCount, policies.size()};
  }
  std::vector<std::string> labels(Axis axis) const;
};

//! The axes of a scenario's outputs.
OutputAxes output_axes(const Scenario& scenario);

struct Trajectory {
  YearMonth start;
  OutputAxes axes;
  std::vector<Observation> months;  //!< months[t] is month start + t
};

//! One row of the summary table: one calendar year of the run.
struct YearSummary {
  int year = 0;
  int months = 0;           //!< simulated months in this year
  double labor_force = 0;   //!< at the year's last simulated month [persons]
  double employed = 0;      //!< idem
  double unemployed = 0;    //!< idem
  double vacancies = 0;     //!< mean monthly vacancies over the year [jobs]
  double hires = 0;         //!< sum over the year's months [persons]
  double separations = 0;   //!< idem
  double migrants_out = 0;  //!< at the year's last simulated month [persons]
  double unemployment_rate() const { return labor_force > 0 ? unemployed / labor_force : 0; }
};

//! Totals over all regions, year by year.
std::vector<YearSummary> summarize_by_year(const Trajectory& trajectory);

//! A fixed-width text table with one header line and one line per year.
std::string format_summary_table(const std::vector<YearSummary>& years);

}  // namespace laborsim
