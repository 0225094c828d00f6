#pragma once
// Shared by the libFuzzer targets: each input becomes a file, as a researcher's would, and the
// loader must either accept it or refuse it with an InputError (exit code 2 in the CLI). Any other
// exception escapes and libFuzzer reports it, as it does crashes and sanitizer findings.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "sim/scenario/input_error.hpp"

namespace laborsim::fuzz {

//! Writes `data` to this process's scratch file with the given extension and returns its path.
inline std::string as_file(const std::uint8_t* data, std::size_t size, const char* extension) {
  static const std::string path = (std::filesystem::temp_directory_path() /
                                   ("laborsim_fuzz_" + std::to_string(::getpid()) + extension))
                                      .string();
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return path;
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  return path;
}

template <class Load>
int load_or_refuse(Load load) {
  try {
    load();
  } catch (const InputError&) {  // refused cleanly: what bad input must get
  }
  return 0;
}

}  // namespace laborsim::fuzz
