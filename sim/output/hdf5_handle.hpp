#pragma once
// RAII ownership of HDF5 identifiers and small helpers shared by the writer and the reader.
#include <hdf5.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace laborsim {

class H5Handle {
 public:
  using Closer = herr_t (*)(hid_t);

  H5Handle() = default;
  //! Takes ownership of `id`; throws std::runtime_error("HDF5: <what> failed") when id < 0.
  H5Handle(hid_t id, Closer closer, const std::string& what) : id_(id), closer_(closer) {
    if (id < 0) throw std::runtime_error("HDF5: " + what + " failed");
  }
  ~H5Handle() { close(); }
  H5Handle(H5Handle&& other) noexcept : id_(other.id_), closer_(other.closer_) { other.id_ = -1; }
  H5Handle& operator=(H5Handle&& other) noexcept {
    if (this != &other) {
      close();
      id_ = other.id_;
      closer_ = other.closer_;
      other.id_ = -1;
    }
    return *this;
  }
  H5Handle(const H5Handle&) = delete;
  H5Handle& operator=(const H5Handle&) = delete;

  hid_t get() const { return id_; }
  //! Closes now; returns the HDF5 status (negative on failure, e.g. a failed final flush).
  herr_t close() {
    herr_t status = 0;
    if (id_ >= 0 && closer_ != nullptr) status = closer_(id_);
    id_ = -1;
    return status;
  }

 private:
  hid_t id_ = -1;
  Closer closer_ = nullptr;
};

//! Variable-length UTF-8 string type (fixed-length string datasets crash netCDF-C 4.9).
H5Handle utf8_string_type();

//! ": No space left on device" (or the quota's, or the file-size limit's) when the last failed
//! system call ran out of room, else "": HDF5 does not say why a write failed.
std::string storage_failure();
//! Throws std::runtime_error("<context>: HDF5 <what> failed[: reason]") when status < 0.
void check_h5(herr_t status, const std::string& context, const std::string& what);

void write_string_attribute(hid_t object, const std::string& name, const std::string& value);
void write_int_attribute(hid_t object, const std::string& name, long long value);
void write_double_attribute(hid_t object, const std::string& name, double value);

//! Reads a scalar string attribute (variable- or fixed-length); throws when absent.
std::string read_string_attribute(hid_t object, const std::string& name);
long long read_int_attribute(hid_t object, const std::string& name);

//! Reads a 1-D variable-length string dataset.
std::vector<std::string> read_string_dataset(hid_t file, const std::string& name);

}  // namespace laborsim
