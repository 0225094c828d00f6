#include "sim/output/trajectory_writer.hpp"

#include <hdf5_hl.h>

#include "sim/output/hdf5_series.hpp"

namespace laborsim {
namespace {

// 2: the policy axis and the lever outputs (spend, beneficiaries, ...).
constexpr int kFormatVersion = 2;

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
  in_memory_ = layout.in_memory;
  file_ = in_memory_ ? create_ordered_file(context_, in_memory_access().get())
                     : create_ordered_file(context_);
  const hid_t root = file_.get();

  write_string_attribute(root, "format", "laborsim-trajectory");
  write_int_attribute(root, "format_version", kFormatVersion);
  write_string_attribute(root, "laborsim_version", metadata.laborsim_version);
  write_string_attribute(root, "git_commit", metadata.git_commit);

  create_time_axis(layout.chunk_months);

  // The axes: dimension scales of variable-length UTF-8 labels.
  constexpr std::array<std::string_view, kAxisCount> long_names{
      "region name",
      "key group of employment policy (groups overlap)",
      "sector of employment",
      "link between two regions (From-To)",
      "enterprise size class by employees (NBS 2017: micro < 20, small < 300, medium < 1000)",
      "policy lever, by its name in the scenario"};
  for (std::size_t a = 0; a < kAxisCount; ++a) {
    axes_[a] = create_label_scale(file_.get(), std::string(kAxisNames[a]),
                                  axes.labels(static_cast<Axis>(a)), std::string(long_names[a]));
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
  write_string_attribute(root, "arm", metadata.arm);
  write_int_attribute(root, "threads", metadata.threads);
  write_int_attribute(root, "months_planned", metadata.months_planned);
  write_double_attribute(root, "population_scale", metadata.population_scale);
  write_string_attribute(root, "config", metadata.config_json);
  write_string_attribute(root, "origin", metadata.origin);
  write_int_attribute(root, "committed_months", 0);
  if (!in_memory_) publish();
}

void TrajectoryWriter::publish() {
  if (in_memory_) {
    write_file_image(file_.get(), partial_path_);
  } else {
    check_h5(H5Fflush(file_.get(), H5F_SCOPE_GLOBAL), context_, "flush");
  }
}

TrajectoryWriter::TrajectoryWriter(std::filesystem::path final_path, int rows, bool in_memory)
    : final_path_(std::move(final_path)),
      partial_path_(final_path_.string() + ".partial"),
      in_memory_(in_memory),
      context_(partial_path_.string()) {
  if (!std::filesystem::exists(partial_path_)) {
    throw std::runtime_error(context_ + ": missing: nothing to continue the run's output from");
  }
  const hid_t file =
      H5Fopen(context_.c_str(), H5F_ACC_RDWR, in_memory_ ? in_memory_access().get() : H5P_DEFAULT);
  if (file < 0) throw std::runtime_error(context_ + ": cannot open the run's unfinished output");
  file_ = H5Handle(file, H5Fclose, "open " + context_);
  const hid_t root = file_.get();
  start_ = read_string_attribute(root, "start");
  const long long committed = read_int_attribute(root, "committed_months");
  if (committed < rows) {
    throw std::runtime_error(context_ + ": commits " + std::to_string(committed) +
                             " months, fewer than the " + std::to_string(rows) +
                             " the checkpoint continues from");
  }
  auto open = [&](const std::string& name) {
    return H5Handle(H5Dopen2(root, name.c_str(), H5P_DEFAULT), H5Dclose,
                    context_ + ": open " + name);
  };
  const auto kept = static_cast<hsize_t>(rows);
  time_ = open("time");
  extend_rows(time_.get(), kept, kScalarRows, context_);
  month_ = open("month");
  extend_rows(month_.get(), kept, kScalarRows, context_);
  for (const VariableInfo& variable : kVariables) {
    H5Handle dataset = open(std::string(variable.name));
    const H5Handle space(H5Dget_space(dataset.get()), H5Sclose, "dataspace");
    hsize_t dims[2] = {0, 0};
    check_h5(H5Sget_simple_extent_dims(space.get(), dims, nullptr), context_, "extent");
    extend_rows(dataset.get(), kept, dims[1], context_);
    variables_.push_back({std::move(dataset), dims[1]});
  }
  write_int_attribute(root, "committed_months", rows);
  publish();
  committed_ = rows;
}

void TrajectoryWriter::create_time_axis(int chunk_months) {
  time_ = create_time_scale(file_.get(), start_, chunk_months);
  month_ = create_row_dataset(file_.get(), "month", H5T_STD_I32LE, kScalarRows,
                              {static_cast<hsize_t>(chunk_months)}, 0);
  check_h5(H5DSattach_scale(month_.get(), time_.get(), 0), context_, "attach time scale");
  describe(month_.get(), "1", "months since the scenario start (0 = first simulated month)");
}

void TrajectoryWriter::create_variables(const OutputLayout& layout) {
  for (const VariableInfo& variable : kVariables) {
    const hsize_t width = sizes_.of(variable.axis);
    const H5Handle& axis = axes_[static_cast<std::size_t>(variable.axis)];
    const std::string name(variable.name);
    H5Handle dataset =
        create_row_dataset(file_.get(), name, H5T_IEEE_F64LE, width,
                           {static_cast<hsize_t>(layout.chunk_months), std::max<hsize_t>(width, 1)},
                           layout.compression_level);
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

void TrajectoryWriter::append(const Observation& observation) {
  const auto row = static_cast<hsize_t>(committed_);
  append_time(time_.get(), start_, committed_, context_);
  extend_rows(month_.get(), row + 1, kScalarRows, context_);
  write_row(month_.get(), &committed_, H5T_NATIVE_INT, row, kScalarRows, context_);
  for (std::size_t v = 0; v < kVariables.size(); ++v) {
    const TimeSeries& series = variables_[v];
    extend_rows(series.dataset.get(), row + 1, series.width, context_);
    write_row(series.dataset.get(), observation.row(kVariables[v].variable), H5T_NATIVE_DOUBLE, row,
              series.width, context_);
  }
  // Written in place: data first, flushed; only then the counter that says the month is there.
  if (!in_memory_) check_h5(H5Fflush(file_.get(), H5F_SCOPE_GLOBAL), context_, "flush");
  write_int_attribute(file_.get(), "committed_months", committed_ + 1);
  publish();
  ++committed_;
}

void TrajectoryWriter::finish() {
  if (finished_) return;
  variables_.clear();
  month_.close();
  time_.close();
  for (H5Handle& axis : axes_) axis.close();
  std::error_code error;
  if (in_memory_) {
    write_file_image(file_.get(), final_path_);
    check_h5(file_.close(), context_, "close");
    std::filesystem::remove(partial_path_, error);
  } else {
    check_h5(file_.close(), context_, "close");
    std::filesystem::rename(partial_path_, final_path_, error);
  }
  if (error) {
    throw std::runtime_error(partial_path_.string() + ": cannot move to " + final_path_.string() +
                             ": " + error.message());
  }
  finished_ = true;
}

}  // namespace laborsim
