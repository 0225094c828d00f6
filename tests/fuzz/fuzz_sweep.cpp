// libFuzzer target: any bytes as a sweep file load or are refused with an InputError.
#include "sim/sweep/sweep_spec.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = laborsim::fuzz::as_file(data, size, ".sweep.json");
  return laborsim::fuzz::load_or_refuse([&] { laborsim::load_sweep(path); });
}
