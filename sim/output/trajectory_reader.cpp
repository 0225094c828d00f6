#include "sim/output/trajectory_reader.hpp"

#include <algorithm>
#include <filesystem>

#include "sim/output/hdf5_handle.hpp"

namespace laborsim {

bool is_hdf5_file(const std::string& path) {
  return std::filesystem::is_regular_file(path) && H5Fis_hdf5(path.c_str()) > 0;
}

namespace {

//! The attributes and axes, and the committed months' values when `with_months`.
TrajectoryFile read_file(const std::string& path, bool with_months) {
  if (!is_hdf5_file(path)) throw std::runtime_error(path + ": not an HDF5 file");
  const H5Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "open " + path);
  const hid_t root = file.get();
  TrajectoryFile result;
  result.format = read_string_attribute(root, "format");
  if (result.format != "laborsim-trajectory") {
    throw std::runtime_error(path + ": not a laborsim trajectory (format '" + result.format + "')");
  }
  result.format_version = read_int_attribute(root, "format_version");
  result.scenario = read_string_attribute(root, "scenario");
  result.laborsim_version = read_string_attribute(root, "laborsim_version");
  result.git_commit = read_string_attribute(root, "git_commit");
  result.seed = read_string_attribute(root, "seed_string");
  result.months_planned = read_int_attribute(root, "months_planned");
  result.committed_months = read_int_attribute(root, "committed_months");
  result.threads = read_int_attribute(root, "threads");
  result.config_json = read_string_attribute(root, "config");
  if (H5Lexists(root, "panel", H5P_DEFAULT) > 0) {
    const H5Handle panel(H5Gopen2(root, "panel", H5P_DEFAULT), H5Gclose, "open /panel in " + path);
    result.panel_workers = read_int_attribute(panel.get(), "panel_workers");
  }

  Trajectory& t = result.trajectory;
  const auto start = YearMonth::parse(read_string_attribute(root, "start"));
  if (!start) throw std::runtime_error(path + ": bad start attribute");
  t.start = *start;
  const auto names = read_string_dataset(root, "region");
  const auto kinds = read_string_dataset(root, "region_kind");
  for (std::size_t r = 0; r < names.size(); ++r) {
    t.axes.regions.push_back(RegionNode{
        names[r], kinds[r] == "destination" ? RegionKind::kDestination : RegionKind::kHome});
  }
  const auto months = static_cast<std::size_t>(result.committed_months);
  if (read_string_dataset(root, "group").size() != kKeyGroupCount) {
    throw std::runtime_error(path + ": its key groups differ from this laborsim's");
  }
  t.axes.sectors = read_string_dataset(root, "sector");
  t.axes.edges = read_string_dataset(root, "edge");
  // Format version 1 (before policy levers) has no policy axis.
  if (H5Lexists(root, "policy", H5P_DEFAULT) > 0) {
    t.axes.policies = read_string_dataset(root, "policy");
  }
  if (read_string_dataset(root, "size_class").size() != kSizeClassCount) {
    throw std::runtime_error(path + ": its size classes differ from this laborsim's");
  }
  if (!with_months) return result;
  const AxisSizes sizes = t.axes.sizes();
  t.months.assign(months, Observation(sizes));
  for (const VariableInfo& variable : kVariables) {
    const std::size_t width = sizes.of(variable.axis);
    if (width == 0) continue;  // nothing to read (and absent from version 1 files)
    std::vector<double> values(months * width);
    const std::string name(variable.name);
    // Format version 1 files predate public-welfare posts: none were held.
    if (result.format_version < 2 && H5Lexists(root, name.c_str(), H5P_DEFAULT) <= 0) continue;
    const H5Handle dataset(H5Dopen2(root, name.c_str(), H5P_DEFAULT), H5Dclose,
                           "open " + name + " in " + path);
    const H5Handle file_space(H5Dget_space(dataset.get()), H5Sclose, "dataspace of " + name);
    hsize_t dims[2] = {0, 0};
    H5Sget_simple_extent_dims(file_space.get(), dims, nullptr);
    if (dims[0] < months || dims[1] != width) {
      throw std::runtime_error(path + ": " + name + " has the wrong shape");
    }
    if (months == 0) continue;
    const hsize_t start_at[2] = {0, 0};
    const hsize_t count[2] = {months, width};
    check_h5(
        H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start_at, nullptr, count, nullptr),
        path, "select " + name);
    const H5Handle memory_space(H5Screate_simple(2, count, nullptr), H5Sclose, "memory space");
    check_h5(H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, memory_space.get(), file_space.get(),
                     H5P_DEFAULT, values.data()),
             path, "read " + name);
    for (std::size_t m = 0; m < months; ++m) {
      std::copy_n(values.data() + m * width, width, t.months[m].row(variable.variable));
    }
  }
  return result;
}

}  // namespace

TrajectoryFile read_trajectory(const std::string& path) { return read_file(path, true); }

TrajectoryFile read_trajectory_header(const std::string& path) { return read_file(path, false); }

}  // namespace laborsim
