// A laborsim built with LABORSIM_WITH_MPI=OFF refuses `sweep run --mpi` as bad input, naming the
// build option. The unit tests link that variant (the executable links the MPI one by default),
// so it stays compiled and tested.
#include <gtest/gtest.h>

#include <string>

#include "sim/scenario/input_error.hpp"
#include "sim/sweep/mpi_pool.hpp"

namespace laborsim {
namespace {

TEST(MpiPoolDisabled, RefusesMpiNamingTheBuildOption) {
  try {
    const MpiSession session;
    FAIL() << "an MPI session started in a build without MPI";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("built without MPI"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("-DLABORSIM_WITH_MPI=ON"), std::string::npos);
  }
}

}  // namespace
}  // namespace laborsim
