#include "sim/output/hdf5_handle.hpp"

#include <cerrno>
#include <cstring>

namespace laborsim {

H5Handle utf8_string_type() {
  H5Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check_h5(H5Tset_size(type.get(), H5T_VARIABLE), "string type", "set size");
  check_h5(H5Tset_cset(type.get(), H5T_CSET_UTF8), "string type", "set charset");
  return type;
}

std::string storage_failure() {
  const int error = errno;
  if (error == ENOSPC || error == EDQUOT || error == EFBIG) {
    return std::string(": ") + std::strerror(error);
  }
  return "";
}

void check_h5(herr_t status, const std::string& context, const std::string& what) {
  if (status < 0) {
    throw std::runtime_error(context + ": HDF5 " + what + " failed" + storage_failure());
  }
}

void write_string_attribute(hid_t object, const std::string& name, const std::string& value) {
  const H5Handle type = utf8_string_type();
  const H5Handle space(H5Screate(H5S_SCALAR), H5Sclose, "dataspace for " + name);
  const H5Handle attribute(
      H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
      "attribute " + name);
  const char* text = value.c_str();
  check_h5(H5Awrite(attribute.get(), type.get(), &text), name, "attribute write");
}

namespace {

template <class T>
void write_scalar_attribute(hid_t object, const std::string& name, hid_t type, T value) {
  if (H5Aexists(object, name.c_str()) > 0) {
    const H5Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose,
                             "open attribute " + name);
    check_h5(H5Awrite(attribute.get(), type, &value), name, "attribute write");
    return;
  }
  const H5Handle space(H5Screate(H5S_SCALAR), H5Sclose, "dataspace for " + name);
  const H5Handle attribute(
      H5Acreate2(object, name.c_str(), type, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
      "attribute " + name);
  check_h5(H5Awrite(attribute.get(), type, &value), name, "attribute write");
}

}  // namespace

void write_int_attribute(hid_t object, const std::string& name, long long value) {
  write_scalar_attribute(object, name, H5T_NATIVE_LLONG, value);
}

void write_double_attribute(hid_t object, const std::string& name, double value) {
  write_scalar_attribute(object, name, H5T_NATIVE_DOUBLE, value);
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  const H5Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose,
                           "open attribute " + name);
  const H5Handle file_type(H5Aget_type(attribute.get()), H5Tclose, "type of " + name);
  if (H5Tis_variable_str(file_type.get()) > 0) {
    const H5Handle type = utf8_string_type();
    char* text = nullptr;
    check_h5(H5Aread(attribute.get(), type.get(), &text), name, "attribute read");
    std::string value = text != nullptr ? text : "";
    H5free_memory(text);
    return value;
  }
  std::string value(H5Tget_size(file_type.get()), '\0');
  check_h5(H5Aread(attribute.get(), file_type.get(), value.data()), name, "attribute read");
  return value.substr(0, value.find('\0'));
}

long long read_int_attribute(hid_t object, const std::string& name) {
  const H5Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose,
                           "open attribute " + name);
  long long value = 0;
  check_h5(H5Aread(attribute.get(), H5T_NATIVE_LLONG, &value), name, "attribute read");
  return value;
}

std::vector<std::string> read_string_dataset(hid_t file, const std::string& name) {
  const H5Handle dataset(H5Dopen2(file, name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
  const H5Handle space(H5Dget_space(dataset.get()), H5Sclose, "dataspace of " + name);
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count <= 0) return {};
  std::vector<char*> texts(static_cast<std::size_t>(count), nullptr);
  const H5Handle type = utf8_string_type();
  check_h5(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data()), name,
           "read");
  std::vector<std::string> values;
  for (char* text : texts) values.emplace_back(text != nullptr ? text : "");
  check_h5(H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, texts.data()), name, "reclaim");
  return values;
}

}  // namespace laborsim
