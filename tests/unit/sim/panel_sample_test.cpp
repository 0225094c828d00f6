// The worker panel's sample: exact size, no repeats, id order, keyed by the seed, uniform.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "sim/output/panel_writer.hpp"

namespace laborsim {
namespace {

TEST(PanelSample, HasTheSizeAskedInIdOrderWithoutRepeats) {
  const auto ids = sample_panel(42, 100000, 1000);
  ASSERT_EQ(ids.size(), 1000u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
  EXPECT_LT(ids.back(), 100000u);
}

TEST(PanelSample, IsKeyedByTheSeed) {
  EXPECT_EQ(sample_panel(42, 100000, 1000), sample_panel(42, 100000, 1000));
  EXPECT_NE(sample_panel(42, 100000, 1000), sample_panel(43, 100000, 1000));
}

TEST(PanelSample, TakesEveryoneWhenAskedForAsManyOrMore) {
  std::vector<WorkerId> all(50);
  std::iota(all.begin(), all.end(), WorkerId{0});
  EXPECT_EQ(sample_panel(1, 50, 50), all);
  EXPECT_EQ(sample_panel(1, 50, 1000), all);
  EXPECT_TRUE(sample_panel(1, 50, 0).empty());
}

TEST(PanelSample, IsUniformOverAgents) {
  // Agents are stored region by region: a sample biased to low ids would over-represent the
  // first regions. Each decile of ids should hold about a tenth of the sample.
  const std::size_t workers = 1000000, count = 20000;
  const auto ids = sample_panel(7, workers, count);
  std::array<int, 10> deciles{};
  for (const WorkerId i : ids) ++deciles[i * 10 / workers];
  for (const int n : deciles) EXPECT_NEAR(n, 2000, 200);  // sd about 42
}

}  // namespace
}  // namespace laborsim
