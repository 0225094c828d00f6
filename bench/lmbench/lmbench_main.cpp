// lmbench: LM-Bench (bench/lmbench/SPEC.md) with laborsim's techniques; prints one JSON line.
//   lmbench --size S|M|L [--months N] [--seed N] [-j T] [--series FILE] [--limit]
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <vector>

#include "agents/philox_lanes.hpp"
#include "lm_world.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

//! The speed limit: one pass over N workers a month, each drawing one Philox block and updating
//! one field with it — what any per-agent step must at least do.
nlohmann::json measure_limit(const lmbench::Size& size, int months, std::uint64_t seed) {
  std::vector<float> wage(size.workers, 3000.0f);
  const auto start = Clock::now();
  for (int month = 0; month < months; ++month) {
    tbb::parallel_for(std::size_t{0}, size.workers, std::size_t{65536}, [&](std::size_t begin) {
      const std::size_t end = std::min(size.workers, begin + 65536);
      laborsim::PhiloxLanes lanes;  // as fast as Philox goes here: 8 or 16 blocks at a time
      for (std::size_t i = begin; i < end; ++i) {
        const std::size_t lane = (i - begin) % laborsim::PhiloxLanes::kLanes;
        if (lane == 0) {
          lanes.fill(seed, static_cast<laborsim::RandomPurpose>(3), static_cast<std::uint32_t>(i),
                     static_cast<std::uint32_t>(month),
                     std::min(laborsim::PhiloxLanes::kLanes, end - i));
        }
        const auto w = lanes.block(lane);
        wage[i] *= 1.0f - 0.004f + 0.012f * static_cast<float>(w[0] * 0x1.0p-32);
      }
    });
  }
  const double seconds = seconds_since(start);
  double checksum = std::accumulate(wage.begin(), wage.end(), 0.0);
  return {{"size", size.name},
          {"workers", size.workers},
          {"months", months},
          {"seconds", seconds},
          {"limit_worker_months_per_s", static_cast<double>(size.workers) * months / seconds},
          {"checksum", checksum}};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"LM-Bench: the minimal labour-market benchmark (bench/lmbench/SPEC.md)"};
  std::string size_name = "S";
  int months = 120;
  std::uint64_t seed = 1;
  int threads = 0;
  std::string series;
  bool limit = false;
  app.add_option("--size", size_name, "S, M, L (or XL, 10^8 workers: the memory check)")
      ->check(CLI::IsMember({"S", "M", "L", "XL"}));
  app.add_option("--months", months, "Months to simulate")->check(CLI::Range(1, 100000));
  app.add_option("--seed", seed, "Seed of the random numbers");
  app.add_option("-j,--threads", threads, "Threads (0: all cores)")->check(CLI::NonNegativeNumber);
  app.add_option("--series", series, "Write the per-region records to this CSV file");
  app.add_flag("--limit", limit, "Measure the fused Philox + update pass instead");
  CLI11_PARSE(app, argc, argv);

  std::unique_ptr<tbb::global_control> control;
  if (threads > 0) {
    control = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                    static_cast<std::size_t>(threads));
  }
  const int used = static_cast<int>(
      tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
  const lmbench::Size size = lmbench::size_named(size_name);
  if (limit) {
    nlohmann::json result = measure_limit(size, months, seed);
    result["threads"] = used;
    std::cout << result.dump() << "\n";
    return 0;
  }

  const auto setup_start = Clock::now();
  lmbench::World world(size, seed);
  const double setup_seconds = seconds_since(setup_start);

  std::ofstream csv;
  if (!series.empty()) {
    csv.open(series);
    if (!csv) {
      std::cerr << "lmbench: cannot write " << series << "\n";
      return 1;
    }
    csv << "month,region,unemployed,vacancies,matches\n";
  }
  std::vector<double> unemployment_rate;
  double seconds = 0;
  for (int month = 0; month < months; ++month) {
    const auto start = Clock::now();
    const lmbench::MonthRecord record = world.step();
    seconds += seconds_since(start);
    const double unemployed =
        std::accumulate(record.unemployed.begin(), record.unemployed.end(), 0.0);
    unemployment_rate.push_back(unemployed / static_cast<double>(size.workers));
    if (csv.is_open()) {
      for (std::size_t r = 0; r < world.regions(); ++r) {
        csv << month << ',' << r << ',' << record.unemployed[r] << ',' << record.vacancies[r] << ','
            << record.matches[r] << '\n';
      }
    }
  }
  const std::size_t last = std::min<std::size_t>(60, unemployment_rate.size());
  const double mean_rate =
      std::accumulate(unemployment_rate.end() - static_cast<std::ptrdiff_t>(last),
                      unemployment_rate.end(), 0.0) /
      static_cast<double>(last);
  const nlohmann::json result{
      {"size", size.name},
      {"workers", size.workers},
      {"months", months},
      {"threads", used},
      {"seconds", seconds},
      {"setup_seconds", setup_seconds},
      {"worker_months_per_s", static_cast<double>(size.workers) * months / seconds},
      {"mean_unemployment_rate_last_60", mean_rate},
      {"peak_rss_mb", peak_rss_mb()},
  };
  std::cout << result.dump() << "\n";
  return 0;
}
