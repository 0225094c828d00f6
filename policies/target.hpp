#pragma once
// Whom a lever reaches: key groups (workers), counties (a worker's home region, an employer's
// region), enterprise size classes and sectors (employers). Each criterion left empty in the
// scenario covers everyone it could; regions left empty cover the home regions, the prefecture's
// own counties (a lever reaches employers in the labour bases only when they are listed).
#include <cstdint>
#include <vector>

#include "agents/employer_store.hpp"
#include "agents/firm_size_class.hpp"
#include "agents/key_groups.hpp"
#include "agents/worker_store.hpp"

namespace laborsim {

struct Target {
  std::uint8_t groups = 0;            //!< group_bit() of the key groups covered; 0: everyone
  std::vector<std::uint8_t> regions;  //!< per region: 1 if covered
  std::uint8_t size_classes = 0;      //!< bit per SizeClass covered; 0: every class
  std::vector<std::uint8_t> sectors;  //!< per sector: 1 if covered; empty: every sector

  //! Worker i belongs (now) to a covered key group and lives in a covered home region.
  bool covers_worker(const WorkerStore& w, std::size_t i) const {
    return regions[w.home_region[i]] && (groups == 0 || (key_groups(w, i) & groups) != 0);
  }
  //! Employer j is in a covered region and sector, and of a covered size class by its current
  //! workforce (an employer agent's workforce is its size in persons).
  bool covers_employer(const EmployerStore& e, std::size_t j) const {
    return regions[e.region[j]] && (sectors.empty() || sectors[e.sector[j]]) &&
           (size_classes == 0 ||
            ((size_classes >> static_cast<unsigned>(size_class(e.workforce[j]))) & 1u));
  }
};

}  // namespace laborsim
