// libFuzzer target: any bytes as a scenario file load or are refused with an InputError.
#include "sim/scenario/scenario_loader.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = laborsim::fuzz::as_file(data, size, ".json");
  return laborsim::fuzz::load_or_refuse([&] { laborsim::load_scenario(path); });
}
