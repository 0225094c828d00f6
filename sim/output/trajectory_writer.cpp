#include "sim/output/trajectory_writer.hpp"

#include <hdf5_hl.h>

#include "sim/calendar.hpp"

namespace laborsim {
namespace {

constexpr int kFormatVersion = 1;

// Dataset creation: chunked along time, deflate + shuffle, no object timestamps (so identical
// runs give byte-identical files).
H5Handle creation_properties(const std::vector<hsize_t>& chunk, int compression_level) {
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

}  // namespace

TrajectoryWriter::TrajectoryWriter(std::filesystem::path final_path, const OutputMetadata& metadata,
                                   const OutputAxes& axes,
                                   const std::vector<StaticRegionVariable>& static_variables,
                                   const OutputLayout& layout)
    : final_path_(std::move(final_path)),
      partial_path_(final_path_.string() + ".partial"),
      context_(partial_path_.string()),
      start_(metadata.start),
      sizes_(axes.sizes()) {
  if (final_path_.has_parent_path()) {
    std::error_code error;
    std::filesystem::create_directories(final_path_.parent_path(), error);
    if (error) {
      throw std::runtime_error(final_path_.parent_path().string() +
                               ": cannot create output folder: " + error.message());
    }
  }
  const H5Handle fcpl(H5Pcreate(H5P_FILE_CREATE), H5Pclose, "file properties");
  // Without creation-order tracking, readers list variables alphabetically.
  check_h5(H5Pset_link_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
           context_, "link creation order");
  const hid_t file = H5Fcreate(context_.c_str(), H5F_ACC_TRUNC, fcpl.get(), H5P_DEFAULT);
  if (file < 0) throw std::runtime_error(context_ + ": cannot create HDF5 file");
  file_ = H5Handle(file, H5Fclose, "create " + context_);
  const hid_t root = file_.get();

  write_string_attribute(root, "format", "laborsim-trajectory");
  write_int_attribute(root, "format_version", kFormatVersion);
  write_string_attribute(root, "laborsim_version", metadata.laborsim_version);
  write_string_attribute(root, "git_commit", metadata.git_commit);

  create_time_axis(layout.chunk_months);

  // The axes: dimension scales of variable-length UTF-8 labels.
  constexpr std::array<std::string_view, kAxisCount> long_names{
      "region name", "key group of employment policy (groups overlap)", "sector of employment",
      "link between two regions (From-To)"};
  for (std::size_t a = 0; a < kAxisCount; ++a) {
    axes_[a] = create_label_scale(std::string(kAxisNames[a]), axes.labels(static_cast<Axis>(a)),
                                  std::string(long_names[a]));
  }
  const H5Handle& region = axes_[static_cast<std::size_t>(Axis::kRegion)];
  std::vector<const char*> kinds;
  for (const RegionNode& node : axes.regions) kinds.push_back(to_string(node.kind).data());
  const H5Handle string_type = utf8_string_type();
  const hsize_t region_dims[1] = {sizes_.regions};
  const H5Handle region_space(H5Screate_simple(1, region_dims, nullptr), H5Sclose,
                              "region dataspace");
  const H5Handle plain = untimed_properties();
  const H5Handle kind(H5Dcreate2(root, "region_kind", string_type.get(), region_space.get(),
                                 H5P_DEFAULT, plain.get(), H5P_DEFAULT),
                      H5Dclose, "create region_kind");
  check_h5(H5Dwrite(kind.get(), string_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, kinds.data()),
           context_, "write region_kind");
  check_h5(H5DSattach_scale(kind.get(), region.get(), 0), context_, "attach region scale");
  describe(kind.get(), "", "home: residents are simulated; destination: a labour base");

  for (const StaticRegionVariable& variable : static_variables) {
    const H5Handle dataset(H5Dcreate2(root, variable.name.c_str(), H5T_STD_I64LE,
                                      region_space.get(), H5P_DEFAULT, plain.get(), H5P_DEFAULT),
                           H5Dclose, "create " + variable.name);
    check_h5(H5Dwrite(dataset.get(), H5T_NATIVE_LLONG, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                      variable.values.data()),
             context_, "write " + variable.name);
    check_h5(H5DSattach_scale(dataset.get(), region.get(), 0), context_, "attach region scale");
    describe(dataset.get(), variable.units, variable.long_name);
  }

  create_variables(layout);

  write_string_attribute(root, "scenario", metadata.scenario);
  write_string_attribute(root, "description", metadata.description);
  write_string_attribute(root, "start", metadata.start);
  write_int_attribute(root, "seed", static_cast<long long>(metadata.seed));
  write_string_attribute(root, "seed_string", std::to_string(metadata.seed));
  write_int_attribute(root, "replicate", metadata.replicate);
  write_int_attribute(root, "threads", metadata.threads);
  write_int_attribute(root, "months_planned", metadata.months_planned);
  write_double_attribute(root, "population_scale", metadata.population_scale);
  write_string_attribute(root, "config", metadata.config_json);
  write_int_attribute(root, "committed_months", 0);
  check_h5(H5Fflush(root, H5F_SCOPE_GLOBAL), context_, "flush");
}

void TrajectoryWriter::create_time_axis(int chunk_months) {
  const hsize_t dims[1] = {0};
  const hsize_t max_dims[1] = {H5S_UNLIMITED};
  const H5Handle space(H5Screate_simple(1, dims, max_dims), H5Sclose, "time dataspace");
  const H5Handle dcpl = creation_properties({static_cast<hsize_t>(chunk_months)}, 0);
  time_ = H5Handle(H5Dcreate2(file_.get(), "time", H5T_STD_I32LE, space.get(), H5P_DEFAULT,
                              dcpl.get(), H5P_DEFAULT),
                   H5Dclose, "create time");
  check_h5(H5DSset_scale(time_.get(), "time"), context_, "time scale");
  // "days since" decodes to dates in xarray; "months since" does not.
  const auto start = YearMonth::parse(start_);
  write_string_attribute(time_.get(), "units",
                         "days since " + (start ? start->to_string() : start_) + "-01");
  write_string_attribute(time_.get(), "calendar", "standard");
  write_string_attribute(time_.get(), "long_name", "first day of the simulated month");

  month_ = H5Handle(H5Dcreate2(file_.get(), "month", H5T_STD_I32LE, space.get(), H5P_DEFAULT,
                               dcpl.get(), H5P_DEFAULT),
                    H5Dclose, "create month");
  check_h5(H5DSattach_scale(month_.get(), time_.get(), 0), context_, "attach time scale");
  describe(month_.get(), "1", "months since the scenario start (0 = first simulated month)");
}

H5Handle TrajectoryWriter::create_label_scale(const std::string& name,
                                              const std::vector<std::string>& labels,
                                              const std::string& long_name) {
  const H5Handle string_type = utf8_string_type();
  const hsize_t dims[1] = {labels.size()};
  const H5Handle space(H5Screate_simple(1, dims, nullptr), H5Sclose, name + " dataspace");
  const H5Handle plain = untimed_properties();
  H5Handle scale(H5Dcreate2(file_.get(), name.c_str(), string_type.get(), space.get(), H5P_DEFAULT,
                            plain.get(), H5P_DEFAULT),
                 H5Dclose, "create " + name);
  std::vector<const char*> texts;
  for (const std::string& label : labels) texts.push_back(label.c_str());
  check_h5(H5Dwrite(scale.get(), string_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data()),
           context_, "write " + name);
  check_h5(H5DSset_scale(scale.get(), name.c_str()), context_, name + " scale");
  describe(scale.get(), "", long_name);
  return scale;
}

void TrajectoryWriter::create_variables(const OutputLayout& layout) {
  for (const VariableInfo& variable : kVariables) {
    const hsize_t width = sizes_.of(variable.axis);
    const H5Handle& axis = axes_[static_cast<std::size_t>(variable.axis)];
    const hsize_t dims[2] = {0, width};
    const hsize_t max_dims[2] = {H5S_UNLIMITED, width};
    const H5Handle space(H5Screate_simple(2, dims, max_dims), H5Sclose, "variable dataspace");
    const H5Handle dcpl = creation_properties(
        {static_cast<hsize_t>(layout.chunk_months), std::max<hsize_t>(width, 1)},
        layout.compression_level);
    const std::string name(variable.name);
    H5Handle dataset(H5Dcreate2(file_.get(), name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT,
                                dcpl.get(), H5P_DEFAULT),
                     H5Dclose, "create " + name);
    check_h5(H5DSattach_scale(dataset.get(), time_.get(), 0), context_, "attach time scale");
    check_h5(H5DSattach_scale(dataset.get(), axis.get(), 1), context_, "attach axis scale");
    describe(dataset.get(), std::string(variable.units), std::string(variable.long_name));
    variables_.push_back({std::move(dataset), width});
  }
}

TrajectoryWriter::~TrajectoryWriter() {
  // Close everything; an unfinished file stays as NAME.partial with its committed months.
  variables_.clear();
  month_.close();
  time_.close();
  for (H5Handle& axis : axes_) axis.close();
  file_.close();
}

void TrajectoryWriter::extend(const H5Handle& dataset, hsize_t rows, hsize_t width) {
  const hsize_t dims[2] = {rows, width};  // a 1-D dataset reads only the first
  check_h5(H5Dset_extent(dataset.get(), dims), context_, "extend dataset");
}

void TrajectoryWriter::write_row(const H5Handle& dataset, const void* data, hid_t memory_type,
                                 int rank, hsize_t row, hsize_t width) {
  const H5Handle file_space(H5Dget_space(dataset.get()), H5Sclose, "dataspace");
  const hsize_t start[2] = {row, 0};
  const hsize_t count[2] = {1, width};
  check_h5(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
           context_, "select row");
  const hsize_t memory_dims[1] = {rank == 1 ? 1 : width};
  const H5Handle memory_space(H5Screate_simple(1, memory_dims, nullptr), H5Sclose, "row space");
  check_h5(
      H5Dwrite(dataset.get(), memory_type, memory_space.get(), file_space.get(), H5P_DEFAULT, data),
      context_, "write row");
}

void TrajectoryWriter::append(const Observation& observation) {
  const auto row = static_cast<hsize_t>(committed_);
  const auto start = YearMonth::parse(start_).value_or(YearMonth{});
  const int month_index = committed_;
  const auto days = static_cast<std::int32_t>(start.plus_months(month_index).days_since(start));
  extend(time_, row + 1, 1);
  extend(month_, row + 1, 1);
  write_row(time_, &days, H5T_NATIVE_INT32, 1, row, 1);
  write_row(month_, &month_index, H5T_NATIVE_INT, 1, row, 1);
  for (std::size_t v = 0; v < kVariables.size(); ++v) {
    const TimeSeries& series = variables_[v];
    extend(series.dataset, row + 1, series.width);
    write_row(series.dataset, observation.row(kVariables[v].variable), H5T_NATIVE_DOUBLE, 2, row,
              series.width);
  }
  // Data first, flushed; only then the counter that says the month is there.
  check_h5(H5Fflush(file_.get(), H5F_SCOPE_GLOBAL), context_, "flush");
  write_int_attribute(file_.get(), "committed_months", committed_ + 1);
  check_h5(H5Fflush(file_.get(), H5F_SCOPE_GLOBAL), context_, "flush");
  ++committed_;
}

void TrajectoryWriter::finish() {
  if (finished_) return;
  variables_.clear();
  month_.close();
  time_.close();
  for (H5Handle& axis : axes_) axis.close();
  check_h5(file_.close(), context_, "close");
  std::error_code error;
  std::filesystem::rename(partial_path_, final_path_, error);
  if (error) {
    throw std::runtime_error(partial_path_.string() + ": cannot rename to " + final_path_.string() +
                             ": " + error.message());
  }
  finished_ = true;
}

}  // namespace laborsim
