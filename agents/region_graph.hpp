#pragma once
// The region graph: counties/districts where workers live (home regions) and the labour bases
// they travel to (destinations), joined by transport links. Built with Boost.Graph; the cheapest
// travel cost between every pair of regions is computed once, at construction.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace laborsim {

using RegionId = std::uint16_t;

enum class RegionKind : std::uint8_t { kHome = 0, kDestination = 1 };

std::string_view to_string(RegionKind kind);

struct RegionNode {
  std::string name;
  RegionKind kind = RegionKind::kHome;
};

struct RegionLink {
  RegionId from = 0;
  RegionId to = 0;
  double distance_km = 0;       //!< along the link [km]
  double travel_cost_yuan = 0;  //!< one-way fare [yuan]
};

class RegionGraph {
 public:
  //! Links are undirected. Throws std::invalid_argument on an index out of range.
  RegionGraph(std::vector<RegionNode> nodes, std::vector<RegionLink> links);

  std::size_t size() const { return nodes_.size(); }
  const RegionNode& node(RegionId r) const { return nodes_[r]; }
  bool is_destination(RegionId r) const { return nodes_[r].kind == RegionKind::kDestination; }
  const std::vector<RegionNode>& nodes() const { return nodes_; }
  const std::vector<RegionLink>& links() const { return links_; }
  std::optional<RegionId> find(std::string_view name) const;

  //! Cheapest one-way travel cost along links [yuan]; +infinity when unreachable, 0 to itself.
  double travel_cost(RegionId from, RegionId to) const { return cost_[from * size() + to]; }
  //! Length of that cheapest route [km].
  double route_km(RegionId from, RegionId to) const { return km_[from * size() + to]; }
  bool reachable(RegionId from, RegionId to) const;
  //! Indices into links() of the cheapest route from `from` to `to` (empty when unreachable or
  //! the same region), last link first.
  std::vector<std::uint32_t> route(RegionId from, RegionId to) const;

 private:
  std::vector<RegionNode> nodes_;
  std::vector<RegionLink> links_;
  std::vector<double> cost_;  // size() x size(), row = from
  std::vector<double> km_;
  static constexpr std::uint32_t kNoLink = 0xFFFFFFFFu;
  std::vector<std::uint32_t> last_link_;  // link into `to` on the cheapest route from `from`
};

}  // namespace laborsim
