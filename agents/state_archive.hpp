#pragma once
// Saving and restoring the state that carries from month to month (checkpoints,
// docs/RELIABILITY.md). Every piece of state says once which of its members carry, in a
// carry(StateArchive&) function that both saves and loads, so that what is written and what is read
// cannot drift apart. Storage is behind this interface (sim/checkpoint/ writes HDF5); agents and
// levers know only named arrays of trivially copyable values.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "agents/bitmap.hpp"

namespace laborsim {

class StateArchive {
 public:
  virtual ~StateArchive() = default;

  //! True while restoring: carry() functions read into their members instead of writing them.
  virtual bool loading() const = 0;

  //! Saves or restores `values` as the array `name` (under the current section).
  template <class T>
  void array(const std::string& name, std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>, "only plain values carry byte for byte");
    if (!loading()) {
      save_bytes(name, values.data(), values.size() * sizeof(T));
      return;
    }
    const std::size_t bytes = stored_bytes(name);
    if (bytes % sizeof(T) != 0) {
      throw std::runtime_error(path(name) + ": holds " + std::to_string(bytes) +
                               " bytes, not a whole number of " + std::to_string(sizeof(T)) +
                               "-byte values");
    }
    values.resize(bytes / sizeof(T));
    load_bytes(name, values.data(), bytes);
  }

  //! Saves or restores one value.
  template <class T>
  void value(const std::string& name, T& v) {
    static_assert(std::is_trivially_copyable_v<T>, "only plain values carry byte for byte");
    if (!loading()) {
      save_bytes(name, &v, sizeof(T));
      return;
    }
    const std::size_t bytes = stored_bytes(name);
    if (bytes != sizeof(T)) {
      throw std::runtime_error(path(name) + ": holds " + std::to_string(bytes) +
                               " bytes where one " + std::to_string(sizeof(T)) +
                               "-byte value belongs");
    }
    load_bytes(name, &v, bytes);
  }

  void bitmap(const std::string& name, Bitmap& bits) { array(name, bits.words()); }

  //! Puts what `carry` saves or restores under `section` (a group of the checkpoint).
  template <class Carry>
  void section(const std::string& section, Carry&& carry) {
    const std::string outer = prefix_;
    prefix_ += section + "/";
    carry();
    prefix_ = outer;
  }

  //! The full name of `name` in the current section, as errors report it.
  std::string path(const std::string& name) const { return prefix_ + name; }

 protected:
  //! Writes `bytes` bytes as the array at `path`.
  virtual void write(const std::string& path, const void* data, std::size_t bytes) = 0;
  //! The size of the array at `path`; throws naming the path when it is missing.
  virtual std::size_t size_of(const std::string& path) = 0;
  //! Reads the array at `path` (of size_of(path) bytes) into `data`.
  virtual void read(const std::string& path, void* data, std::size_t bytes) = 0;

 private:
  void save_bytes(const std::string& name, const void* data, std::size_t bytes) {
    write(path(name), data, bytes);
  }
  std::size_t stored_bytes(const std::string& name) { return size_of(path(name)); }
  void load_bytes(const std::string& name, void* data, std::size_t bytes) {
    read(path(name), data, bytes);
  }

  std::string prefix_;
};

}  // namespace laborsim
