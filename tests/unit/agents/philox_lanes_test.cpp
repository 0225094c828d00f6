#include "agents/philox_lanes.hpp"

#include <gtest/gtest.h>

namespace laborsim {
namespace {

// Every kernel this CPU runs gives, for every lane, the first block of the entity's stream,
// and a stream started from that block goes on exactly as one that computed it itself.
TEST(PhiloxLanes, EqualTheStreamsOfEveryEntityOnEveryKernel) {
  const std::uint64_t seed = 0xfedcba9876543210ULL;
  int kernels_run = 0;
  for (const PhiloxKernel kernel :
       {PhiloxKernel::kScalar, PhiloxKernel::kAvx2, PhiloxKernel::kAvx512}) {
    if (!philox_kernel_supported(kernel)) continue;
    ++kernels_run;
    // Whole chunks, partial ones (not a multiple of 8 or 16) and a first entity near 2^32.
    for (const auto& [first, count] : {std::pair<std::uint32_t, std::size_t>{0, 256},
                                       {1000003, 17},
                                       {77, 1},
                                       {4294967000u, 200}}) {
      PhiloxLanes lanes;
      lanes.fill(seed, RandomPurpose::kSeparation, first, 31, count, kernel);
      for (std::size_t l = 0; l < count; ++l) {
        const auto entity = static_cast<std::uint32_t>(first + l);
        RandomStream own(seed, RandomPurpose::kSeparation, entity, 31);
        RandomStream given(seed, RandomPurpose::kSeparation, entity, 31, lanes.block(l));
        for (int word = 0; word < 9; ++word) {  // past the first block, too
          ASSERT_EQ(own(), given())
              << philox_kernel_name(kernel) << " entity " << entity << " word " << word;
        }
      }
    }
  }
  EXPECT_GE(kernels_run, 1);
  EXPECT_TRUE(philox_kernel_supported(best_philox_kernel()));
}

// The lanes differ by purpose and time, as the streams do.
TEST(PhiloxLanes, DependOnPurposeAndTime) {
  PhiloxLanes a, b, c;
  a.fill(1, RandomPurpose::kSeparation, 0, 5, 16);
  b.fill(1, RandomPurpose::kSearch, 0, 5, 16);
  c.fill(1, RandomPurpose::kSeparation, 0, 6, 16);
  EXPECT_NE(a.block(3), b.block(3));
  EXPECT_NE(a.block(3), c.block(3));
}

}  // namespace
}  // namespace laborsim
