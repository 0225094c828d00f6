// The normal quantile behind match qualities: known values, symmetry, agreement with the CDF, and
// the match-standard shortcut that compares uniforms instead of qualities.
#include "agents/normal_quantile.hpp"

#include <gtest/gtest.h>

#include "sim/phases/employer_economics.hpp"
#include "unit/test_scenarios.hpp"

namespace laborsim {
namespace {

TEST(NormalQuantile, KnownValues) {
  EXPECT_DOUBLE_EQ(normal_quantile(0.5), 0.0);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(normal_quantile(0.8413447460685429), 1.0, 1e-13);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-12);  // the far tail (r > 5)
  EXPECT_NEAR(normal_quantile(0.001), -3.090232306167813, 1e-13);
}

TEST(NormalQuantile, IsSymmetricAndInvertsTheCdf) {
  for (double p = 1e-6; p < 1; p += 0.0137) {
    // 1 - p rounds, and the quantile is steep in the tails: not exact there.
    EXPECT_NEAR(normal_quantile(p), -normal_quantile(1 - p), 1e-9) << p;
    EXPECT_NEAR(normal_cdf(normal_quantile(p)), p, 1e-13) << p;
  }
}

TEST(NormalQuantile, ComparingUniformsDecidesLikeComparingQualities) {
  const Scenario s = test::toy_scenario({"search.match_quality_sigma=0.5"});
  int reached = 0, agree = 0;
  for (WorkerId i = 0; i < 2000; ++i) {
    const double standard = 0.5 + (i % 10) * 0.1;
    const double least = least_match_uniform(s, standard);
    const bool by_uniform = match_uniform(s, i, 3, 7) >= least;
    const bool by_quality = match_quality(s, i, 3, 7) >= static_cast<float>(standard);
    reached += by_uniform;
    agree += by_uniform == by_quality;
  }
  EXPECT_GE(agree, 1999);  // a float rounding at the boundary at most
  // Log-normal with mean 1 and sigma 0.5: P(q >= 1) = Phi(-0.25) = 0.40; over the standards
  // 0.5..1.4 about 0.49 on average.
  EXPECT_NEAR(reached / 2000.0, 0.49, 0.04);
  const Scenario sure = test::toy_scenario({"search.match_quality_sigma=0"});
  EXPECT_EQ(least_match_uniform(sure, 0.9), 0.0);
  EXPECT_EQ(least_match_uniform(sure, 1.1), 1.0);
}

}  // namespace
}  // namespace laborsim
