// The MPI pool of a laborsim built without MPI (LABORSIM_WITH_MPI=OFF): --mpi is refused.
#include "sim/scenario/input_error.hpp"
#include "sim/sweep/mpi_pool.hpp"

namespace laborsim {

MpiSession::MpiSession() {
  throw InputError(
      "sweep run --mpi: this laborsim was built without MPI (configure with "
      "-DLABORSIM_WITH_MPI=ON and Open MPI installed)");
}

MpiSession::~MpiSession() = default;

PoolReport run_pool_mpi(const MpiSession&, RunLauncher&, const Manifest&,
                        const std::vector<std::size_t>&, std::size_t, bool) {
  return {};
}

}  // namespace laborsim
