#include "sim/output/hdf5_series.hpp"

#include <fcntl.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sim/calendar.hpp"

namespace laborsim {

H5Handle create_ordered_file(const std::string& path, hid_t access) {
  const H5Handle fcpl(H5Pcreate(H5P_FILE_CREATE), H5Pclose, "file properties");
  check_h5(H5Pset_link_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
           path, "link creation order");
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), access);
  if (file < 0) throw std::runtime_error(path + ": cannot create HDF5 file" + storage_failure());
  return H5Handle(file, H5Fclose, "create " + path);
}

H5Handle in_memory_access() {
  H5Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "file access properties");
  check_h5(H5Pset_fapl_core(fapl.get(), 1 << 20, /*backing_store=*/0), "file access properties",
           "core driver");
  return fapl;
}

void write_file_image(hid_t file, const std::filesystem::path& path) {
  const std::string context = path.string();
  check_h5(H5Fflush(file, H5F_SCOPE_GLOBAL), context, "flush");
  const ssize_t size = H5Fget_file_image(file, nullptr, 0);
  if (size < 0) throw std::runtime_error(context + ": HDF5 file image failed");
  std::vector<char> image(static_cast<std::size_t>(size));
  if (H5Fget_file_image(file, image.data(), image.size()) != size) {
    throw std::runtime_error(context + ": HDF5 file image failed");
  }
  const std::filesystem::path fresh = context + ".new";
  const int fd = ::open(fresh.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(fresh.string() + ": cannot create: " + std::strerror(errno));
  std::size_t written = 0;
  while (written < image.size()) {
    const ssize_t n = ::write(fd, image.data() + written, image.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string reason = n < 0 ? std::strerror(errno) : "nothing written";
      ::close(fd);
      ::unlink(fresh.c_str());  // the previous image at `path` stays whole
      throw std::runtime_error(fresh.string() + ": cannot write " + std::to_string(image.size()) +
                               " bytes: " + reason);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(fresh.c_str());
    throw std::runtime_error(fresh.string() + ": cannot write: " + reason);
  }
  std::error_code error;
  std::filesystem::rename(fresh, path, error);
  if (error) {
    throw std::runtime_error(fresh.string() + ": cannot rename to " + context + ": " +
                             error.message());
  }
}

H5Handle chunked_properties(const std::vector<hsize_t>& chunk, int compression_level) {
  H5Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "dataset properties");
  check_h5(H5Pset_obj_track_times(dcpl.get(), 0), "dataset properties", "track times");
  check_h5(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()),
           "dataset properties", "chunk");
  if (compression_level > 0) {
    check_h5(H5Pset_shuffle(dcpl.get()), "dataset properties", "shuffle");
    check_h5(H5Pset_deflate(dcpl.get(), static_cast<unsigned>(compression_level)),
             "dataset properties", "deflate");
  }
  return dcpl;
}

H5Handle untimed_properties() {
  H5Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "dataset properties");
  check_h5(H5Pset_obj_track_times(dcpl.get(), 0), "dataset properties", "track times");
  return dcpl;
}

void describe(hid_t dataset, const std::string& units, const std::string& long_name) {
  if (!units.empty()) write_string_attribute(dataset, "units", units);
  write_string_attribute(dataset, "long_name", long_name);
}

H5Handle create_label_scale(hid_t location, const std::string& name,
                            const std::vector<std::string>& labels, const std::string& long_name) {
  const H5Handle string_type = utf8_string_type();
  const hsize_t dims[1] = {labels.size()};
  const H5Handle space(H5Screate_simple(1, dims, nullptr), H5Sclose, name + " dataspace");
  const H5Handle plain = untimed_properties();
  H5Handle scale(H5Dcreate2(location, name.c_str(), string_type.get(), space.get(), H5P_DEFAULT,
                            plain.get(), H5P_DEFAULT),
                 H5Dclose, "create " + name);
  std::vector<const char*> texts;
  for (const std::string& label : labels) texts.push_back(label.c_str());
  if (!texts.empty()) {
    check_h5(H5Dwrite(scale.get(), string_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data()),
             name, "write");
  }
  check_h5(H5DSset_scale(scale.get(), name.c_str()), name, "set scale");
  describe(scale.get(), "", long_name);
  return scale;
}

H5Handle create_row_dataset(hid_t location, const std::string& name, hid_t file_type, hsize_t width,
                            const std::vector<hsize_t>& chunk, int compression_level) {
  const int rank = width == kScalarRows ? 1 : 2;
  const hsize_t dims[2] = {0, width == kScalarRows ? 0 : width};
  // A chunk may not exceed a fixed dimension: an empty axis is declared growable.
  const hsize_t max_dims[2] = {H5S_UNLIMITED, width == 0 ? H5S_UNLIMITED : width};
  const H5Handle space(H5Screate_simple(rank, dims, max_dims), H5Sclose, name + " dataspace");
  const H5Handle dcpl = chunked_properties(chunk, compression_level);
  return H5Handle(H5Dcreate2(location, name.c_str(), file_type, space.get(), H5P_DEFAULT,
                             dcpl.get(), H5P_DEFAULT),
                  H5Dclose, "create " + name);
}

void extend_rows(hid_t dataset, hsize_t rows, hsize_t width, const std::string& context) {
  const hsize_t dims[2] = {rows, width == kScalarRows ? 0 : width};  // 1-D: the first only
  check_h5(H5Dset_extent(dataset, dims), context, "extend dataset");
}

void write_row(hid_t dataset, const void* data, hid_t memory_type, hsize_t row, hsize_t width,
               const std::string& context) {
  if (width == 0) return;
  if (width == kScalarRows) width = 1;
  const H5Handle file_space(H5Dget_space(dataset), H5Sclose, "dataspace");
  const hsize_t start[2] = {row, 0};
  const hsize_t count[2] = {1, width};
  check_h5(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
           context, "select row");
  const hsize_t memory_dims[1] = {width};
  const H5Handle memory_space(H5Screate_simple(1, memory_dims, nullptr), H5Sclose, "row space");
  check_h5(H5Dwrite(dataset, memory_type, memory_space.get(), file_space.get(), H5P_DEFAULT, data),
           context, "write row");
}

H5Handle create_time_scale(hid_t location, const std::string& start, int chunk_months) {
  H5Handle time = create_row_dataset(location, "time", H5T_STD_I32LE, kScalarRows,
                                     {static_cast<hsize_t>(chunk_months)}, 0);
  check_h5(H5DSset_scale(time.get(), "time"), "time", "set scale");
  // "days since" decodes to dates in xarray; "months since" does not.
  const auto month = YearMonth::parse(start);
  write_string_attribute(time.get(), "units",
                         "days since " + (month ? month->to_string() : start) + "-01");
  write_string_attribute(time.get(), "calendar", "standard");
  write_string_attribute(time.get(), "long_name", "first day of the simulated month");
  return time;
}

void append_time(hid_t time, const std::string& start, int index, const std::string& context) {
  const auto first = YearMonth::parse(start).value_or(YearMonth{});
  const auto days = static_cast<std::int32_t>(first.plus_months(index).days_since(first));
  extend_rows(time, static_cast<hsize_t>(index) + 1, kScalarRows, context);
  write_row(time, &days, H5T_NATIVE_INT32, static_cast<hsize_t>(index), kScalarRows, context);
}

}  // namespace laborsim
