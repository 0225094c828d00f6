#include "agents/firm_size_class.hpp"

#include <gtest/gtest.h>

namespace laborsim {
namespace {

TEST(FirmSizeClass, FollowsTheNbsIndustrialThresholds) {
  EXPECT_EQ(size_class(0), SizeClass::kMicro);
  EXPECT_EQ(size_class(19), SizeClass::kMicro);
  EXPECT_EQ(size_class(20), SizeClass::kSmall);
  EXPECT_EQ(size_class(299), SizeClass::kSmall);
  EXPECT_EQ(size_class(300), SizeClass::kMedium);
  EXPECT_EQ(size_class(999), SizeClass::kMedium);
  EXPECT_EQ(size_class(1000), SizeClass::kLarge);
  EXPECT_EQ(kSizeClassNames[static_cast<std::size_t>(SizeClass::kLarge)], "large");
}

}  // namespace
}  // namespace laborsim
