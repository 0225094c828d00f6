#include "agents/random_stream.hpp"

#include <gtest/gtest.h>

#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <set>

namespace laborsim {
namespace {

// Known-answer vectors of Philox4x32-10 from Random123's kat_vectors file.
TEST(Philox, MatchesRandom123KnownAnswers) {
  r123::Philox4x32 philox;
  auto zero = philox({{0, 0, 0, 0}}, {{0, 0}});
  EXPECT_EQ(zero[0], 0x6627e8d5u);
  EXPECT_EQ(zero[1], 0xe169c58du);
  EXPECT_EQ(zero[2], 0xbc57ac4cu);
  EXPECT_EQ(zero[3], 0x9b00dbd8u);
  auto pi = philox({{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}}, {{0xa4093822, 0x299f31d0}});
  EXPECT_EQ(pi[0], 0xd16cfe09u);
  EXPECT_EQ(pi[3], 0x24126ea1u);
}

TEST(RandomStream, IsPhiloxOfSeedEntityTimePurpose) {
  const std::uint64_t seed = 0x0123456789abcdefULL;
  RandomStream stream(seed, RandomPurpose::kSearch, 42, 7);
  r123::Philox4x32 philox;
  const auto block0 = philox({{42, 7, static_cast<std::uint32_t>(RandomPurpose::kSearch), 0}},
                             {{0x89abcdefu, 0x01234567u}});
  const auto block1 = philox({{42, 7, static_cast<std::uint32_t>(RandomPurpose::kSearch), 1}},
                             {{0x89abcdefu, 0x01234567u}});
  for (int i = 0; i < 4; ++i) EXPECT_EQ(stream(), block0[i]);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(stream(), block1[i]);
}

TEST(RandomStream, DiffersByEveryKeyPart) {
  auto first = [](std::uint64_t seed, RandomPurpose purpose, std::uint32_t entity,
                  std::uint32_t time) { return RandomStream(seed, purpose, entity, time)(); };
  const auto base = first(1, RandomPurpose::kSearch, 5, 3);
  EXPECT_EQ(base, first(1, RandomPurpose::kSearch, 5, 3));
  EXPECT_NE(base, first(2, RandomPurpose::kSearch, 5, 3));
  EXPECT_NE(base, first(1, RandomPurpose::kSeparation, 5, 3));
  EXPECT_NE(base, first(1, RandomPurpose::kSearch, 6, 3));
  EXPECT_NE(base, first(1, RandomPurpose::kSearch, 5, 4));
  EXPECT_NE(base, first(1ULL << 32, RandomPurpose::kSearch, 5, 3));  // high seed bits count
}

TEST(RandomStream, UniformAndBelowStayInRangeWithTheRightMean) {
  RandomStream stream(9, RandomPurpose::kSearch, 0, 0);
  double sum = 0;
  std::set<std::uint32_t> seen;
  for (int i = 0; i < 100000; ++i) {
    const double u = stream.uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    const std::uint32_t k = stream.below(7);
    ASSERT_LT(k, 7u);
    seen.insert(k);
  }
  EXPECT_NEAR(sum / 100000, 0.5, 0.005);
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_FALSE(stream.bernoulli(0.0));
  EXPECT_TRUE(stream.bernoulli(1.0));
}

TEST(RandomStream, DrivesBoostDistributions) {
  RandomStream stream(3, RandomPurpose::kEconomy, 1, 1);
  boost::random::normal_distribution<double> normal(2.0, 0.5);
  double sum = 0, squares = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double x = normal(stream);
    sum += x;
    squares += x * x;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 2.0, 0.01);
  EXPECT_NEAR(std::sqrt(squares / n - mean * mean), 0.5, 0.01);
}

TEST(SplitMix, SeparatesNeighbouringSeeds) {
  EXPECT_NE(split_mix64(1), split_mix64(2));
  EXPECT_NE(split_mix64(1) + 1, split_mix64(2));
  EXPECT_EQ(split_mix64(0), 0xe220a8397b1dcdafULL);  // reference value of SplitMix64(0)
}

}  // namespace
}  // namespace laborsim
