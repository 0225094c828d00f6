#include "agents/region_graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace laborsim {

std::string_view to_string(RegionKind kind) {
  return kind == RegionKind::kHome ? "home" : "destination";
}

namespace {

struct LinkProperties {
  double cost = 0;
  double km = 0;
  std::uint32_t index = 0;  // position in the scenario's links
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                    boost::no_property, LinkProperties>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

}  // namespace

RegionGraph::RegionGraph(std::vector<RegionNode> nodes, std::vector<RegionLink> links)
    : nodes_(std::move(nodes)), links_(std::move(links)) {
  const std::size_t n = nodes_.size();
  Graph graph(n);
  for (const RegionLink& link : links_) {
    if (link.from >= n || link.to >= n) throw std::invalid_argument("region link out of range");
    boost::add_edge(link.from, link.to,
                    LinkProperties{link.travel_cost_yuan, link.distance_km,
                                   static_cast<std::uint32_t>(&link - links_.data())},
                    graph);
  }
  cost_.assign(n * n, std::numeric_limits<double>::infinity());
  km_.assign(n * n, std::numeric_limits<double>::infinity());
  last_link_.assign(n * n, kNoLink);
  std::vector<double> distance(n);
  std::vector<Vertex> predecessor(n);
  for (std::size_t source = 0; source < n; ++source) {
    boost::dijkstra_shortest_paths(graph, source,
                                   boost::weight_map(boost::get(&LinkProperties::cost, graph))
                                       .distance_map(distance.data())
                                       .predecessor_map(predecessor.data())
                                       .distance_inf(std::numeric_limits<double>::infinity()));
    for (std::size_t target = 0; target < n; ++target) {
      cost_[source * n + target] = distance[target];
      // Walk the predecessor chain to sum the kilometres of the cheapest route.
      if (std::isinf(distance[target])) continue;
      double km = 0;
      for (Vertex v = target; v != source; v = predecessor[v]) {
        const auto [edge, found] = boost::edge(predecessor[v], v, graph);
        if (!found) continue;
        km += graph[edge].km;
        if (v == target) last_link_[source * n + target] = graph[edge].index;
      }
      km_[source * n + target] = km;
    }
  }
}

std::optional<RegionId> RegionGraph::find(std::string_view name) const {
  for (std::size_t r = 0; r < nodes_.size(); ++r) {
    if (nodes_[r].name == name) return static_cast<RegionId>(r);
  }
  return std::nullopt;
}

std::vector<std::uint32_t> RegionGraph::route(RegionId from, RegionId to) const {
  std::vector<std::uint32_t> links;
  if (!reachable(from, to)) return links;
  // Cheapest paths from one source form a tree: step back from `to` link by link.
  for (RegionId v = to; v != from;) {
    const std::uint32_t link = last_link_[from * size() + v];
    links.push_back(link);
    v = links_[link].from == v ? links_[link].to : links_[link].from;
  }
  return links;
}

bool RegionGraph::reachable(RegionId from, RegionId to) const {
  return !std::isinf(travel_cost(from, to));
}

}  // namespace laborsim
