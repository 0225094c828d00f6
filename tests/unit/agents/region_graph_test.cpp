#include "agents/region_graph.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace laborsim {
namespace {

RegionGraph line_graph() {
  // A - B - C, with a direct A - C link that costs more than going through B; D is cut off.
  return RegionGraph({{"A", RegionKind::kHome},
                      {"B", RegionKind::kHome},
                      {"C", RegionKind::kDestination},
                      {"D", RegionKind::kDestination}},
                     {{0, 1, 100, 30}, {1, 2, 1500, 500}, {0, 2, 1200, 600}});
}

TEST(RegionGraph, TravelCostIsTheCheapestPath) {
  const RegionGraph g = line_graph();
  EXPECT_DOUBLE_EQ(g.travel_cost(0, 0), 0);
  EXPECT_DOUBLE_EQ(g.travel_cost(0, 1), 30);
  EXPECT_DOUBLE_EQ(g.travel_cost(0, 2), 530);  // via B, not the 600 direct link
  EXPECT_DOUBLE_EQ(g.travel_cost(2, 0), 530);  // links are undirected
  EXPECT_DOUBLE_EQ(g.route_km(0, 2), 1600);    // kilometres along that cheapest route
}

TEST(RegionGraph, RoutesListTheLinksOfTheCheapestPath) {
  const RegionGraph g = line_graph();
  EXPECT_EQ(g.route(0, 2), (std::vector<std::uint32_t>{1, 0}));  // B-C, then A-B
  EXPECT_EQ(g.route(2, 0), (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(g.route(0, 1), (std::vector<std::uint32_t>{0}));
  EXPECT_TRUE(g.route(0, 0).empty());
  EXPECT_TRUE(g.route(0, 3).empty());
}

TEST(RegionGraph, UnreachableRegionsAreInfinitelyFar) {
  const RegionGraph g = line_graph();
  EXPECT_TRUE(std::isinf(g.travel_cost(0, 3)));
  EXPECT_FALSE(g.reachable(0, 3));
  EXPECT_TRUE(g.reachable(3, 3));
}

TEST(RegionGraph, FindsRegionsByName) {
  const RegionGraph g = line_graph();
  EXPECT_EQ(g.find("C"), RegionId{2});
  EXPECT_FALSE(g.find("Z").has_value());
  EXPECT_EQ(to_string(g.node(2).kind), "destination");
}

TEST(RegionGraph, RejectsLinksToMissingRegions) {
  EXPECT_THROW(RegionGraph({{"A", RegionKind::kHome}}, {{0, 1, 1, 1}}), std::invalid_argument);
}

}  // namespace
}  // namespace laborsim
