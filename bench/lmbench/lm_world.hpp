#pragma once
// LM-Bench (bench/lmbench/SPEC.md): a minimal labour-market model on a torus of regions, as
// laborsim implements it — structure-of-arrays state, one Philox block per worker and month,
// deterministic counting sorts, and matching region by region in parallel.
#include <cstdint>
#include <string>
#include <vector>

namespace lmbench {

struct Size {
  std::string name;
  std::size_t workers;
  std::size_t firms;
  std::uint32_t side;  //!< regions = side x side
};

//! S, M, L or XL (the memory check); throws std::invalid_argument otherwise.
Size size_named(const std::string& name);

//! What a month recorded, per region.
struct MonthRecord {
  std::vector<std::uint32_t> unemployed;  //!< living in the region after matching
  std::vector<std::uint32_t> vacancies;   //!< posted before matching
  std::vector<std::uint32_t> matches;
};

class World {
 public:
  World(const Size& size, std::uint64_t seed);

  //! Simulates the next month and returns its records.
  MonthRecord step();

  std::size_t workers() const { return worker_.size(); }
  std::size_t regions() const { return regions_; }
  std::uint32_t month() const { return month_; }

 private:
  void pay_separate_and_search(std::uint32_t month);
  void match_region(std::uint32_t region, std::uint32_t month, MonthRecord& record);

  std::uint64_t seed_;
  std::uint32_t side_;
  std::size_t regions_;
  std::uint32_t month_ = 0;
  // Workers, one 20-byte record each: the monthly pass streams them, and a hire (a random
  // worker) touches one cache line rather than one per field.
  struct Worker {
    std::int32_t employer;  //!< -1: unemployed
    float wage;
    float reservation;
    std::uint16_t region;
    std::uint16_t spell;
    std::uint16_t tenure;
  };
  std::vector<Worker> worker_;
  // Firms, and the firms of each region (CSR, in firm order).
  std::vector<std::uint16_t> firm_region_;
  std::vector<std::uint8_t> target_;
  std::vector<std::int32_t> size_;
  std::vector<std::uint32_t> region_firm_begin_;
  std::vector<std::uint32_t> region_firms_;
  // This month's searchers, grouped by the region they search (counting sort, block order).
  struct Searcher {
    std::uint32_t key;
    std::uint32_t worker;
  };
  std::vector<std::vector<Searcher>> block_searchers_;     //!< per block, in worker order
  std::vector<std::vector<std::uint16_t>> block_targets_;  //!< the region each one searches
  std::vector<std::uint32_t> block_region_counts_;         //!< [block][region]
  std::vector<std::uint32_t> block_unemployed_;            //!< [block][region], after separation
  std::vector<Searcher> searchers_;
  std::vector<std::uint32_t> searcher_begin_;  //!< per region, regions + 1
};

}  // namespace lmbench
