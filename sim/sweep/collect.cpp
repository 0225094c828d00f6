#include "sim/sweep/collect.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <limits>
#include <set>

#include "sim/output/hdf5_series.hpp"
#include "sim/output/trajectory_reader.hpp"
#include "sim/scenario/input_error.hpp"
#include "sim/sweep/sweep_status.hpp"

namespace laborsim {
namespace {

constexpr int kSummaryFormatVersion = 1;
constexpr int kCompressionLevel = 4;

//! Names the summary itself uses; a parameter path equal to one of them gets a prefix.
const std::set<std::string>& reserved_names() {
  static const std::set<std::string> names = [] {
    std::set<std::string> n{"run", "point", "arm", "replicate", "seed", "time", "month"};
    for (const std::string_view axis : kAxisNames) n.emplace(axis);
    for (const VariableInfo& v : kVariables) n.emplace(v.name);
    return n;
  }();
  return names;
}

//! The coordinate name of a parameter path: "population.scale" for "population.scale" and
//! "/population/scale" alike.
std::string coordinate_name(const std::string& path) {
  std::string name = path;
  if (!name.empty() && name.front() == '/') name.erase(0, 1);
  std::replace(name.begin(), name.end(), '/', '.');
  return reserved_names().count(name) ? "parameter_" + name : name;
}

class SummaryFile {
 public:
  explicit SummaryFile(const std::filesystem::path& path)
      : context_(path.string()), file_(create_ordered_file(context_)) {}
  hid_t root() const { return file_.get(); }
  const std::string& context() const { return context_; }

  //! A 1-D variable along `scale` of fixed-size numbers.
  void numbers(const std::string& name, const H5Handle& scale, hid_t file_type, hid_t memory_type,
               const void* data, hsize_t count, const std::string& long_name) {
    const H5Handle space(H5Screate_simple(1, &count, nullptr), H5Sclose, name + " dataspace");
    const H5Handle plain = untimed_properties();
    const H5Handle dataset(H5Dcreate2(root(), name.c_str(), file_type, space.get(), H5P_DEFAULT,
                                      plain.get(), H5P_DEFAULT),
                           H5Dclose, "create " + name);
    check_h5(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), context_,
             "write " + name);
    check_h5(H5DSattach_scale(dataset.get(), scale.get(), 0), context_, "attach run scale");
    describe(dataset.get(), "", long_name);
  }

  //! A 1-D variable along `scale` of variable-length strings.
  void strings(const std::string& name, const H5Handle& scale,
               const std::vector<std::string>& values, const std::string& long_name) {
    std::vector<const char*> pointers;
    for (const std::string& v : values) pointers.push_back(v.c_str());
    const H5Handle type = utf8_string_type();
    numbers(name, scale, type.get(), type.get(), pointers.data(), values.size(), long_name);
  }

 private:
  std::string context_;
  H5Handle file_;
};

//! A parameter's values over the runs, written as the narrowest type that holds them all.
void write_parameter(SummaryFile& file, const H5Handle& run_scale, const std::string& path,
                     const std::vector<nlohmann::json>& values) {
  const std::string name = coordinate_name(path);
  const std::string long_name = "design value of " + path;
  const auto all = [&](auto predicate) {
    return std::all_of(values.begin(), values.end(), predicate);
  };
  if (all([](const nlohmann::json& v) { return v.is_number_integer() || v.is_boolean(); })) {
    std::vector<long long> numbers;
    for (const auto& v : values)
      numbers.push_back(v.is_boolean() ? v.get<bool>() : v.get<long long>());
    file.numbers(name, run_scale, H5T_STD_I64LE, H5T_NATIVE_LLONG, numbers.data(), numbers.size(),
                 long_name);
  } else if (all([](const nlohmann::json& v) { return v.is_number(); })) {
    std::vector<double> numbers;
    for (const auto& v : values) numbers.push_back(v.get<double>());
    file.numbers(name, run_scale, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, numbers.data(), numbers.size(),
                 long_name);
  } else {
    std::vector<std::string> texts;
    for (const auto& v : values) texts.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    file.strings(name, run_scale, texts, long_name + " (JSON text unless a string)");
  }
}

//! The axes every collected run must share, and the union of their levers.
struct SharedAxes {
  Trajectory first;  //!< axes and start of the first run (its months are not kept)
  std::size_t months = 0;
  std::vector<std::string> policies;
};

SharedAxes shared_axes(const SweepFolder& folder, const Manifest& manifest,
                       const std::vector<std::size_t>& runs) {
  SharedAxes shared;
  std::string first_id;
  for (const std::size_t index : runs) {
    const std::string& id = manifest.runs[index].id;
    // Attributes and axes only: the months are read once, when they are written.
    const TrajectoryFile file = read_trajectory_header(folder.output(id).string());
    const Trajectory& t = file.trajectory;
    const auto months = static_cast<std::size_t>(file.committed_months);
    if (first_id.empty()) {
      first_id = id;
      shared.months = months;
      shared.first.start = t.start;
      shared.first.axes = t.axes;
    } else {
      const auto differ = [&](const std::string& what) {
        throw InputError("sweep collect: runs " + first_id + " and " + id + " differ in their " +
                         what +
                         "; collect stacks runs on shared axes (vary it in separate sweeps)");
      };
      if (t.start != shared.first.start) differ("start month");
      if (months != shared.months) differ("months");
      if (t.axes.labels(Axis::kRegion) != shared.first.axes.labels(Axis::kRegion))
        differ("regions");
      if (t.axes.sectors != shared.first.axes.sectors) differ("sectors");
      if (t.axes.edges != shared.first.axes.edges) differ("links");
    }
    for (const std::string& lever : t.axes.policies) {
      if (std::find(shared.policies.begin(), shared.policies.end(), lever) ==
          shared.policies.end()) {
        shared.policies.push_back(lever);
      }
    }
  }
  return shared;
}

//! The runs to collect: every run, or with `partial` the done ones; refuses an unfinished sweep.
std::vector<std::size_t> runs_to_collect(const SweepFolder& folder, const Manifest& manifest,
                                         bool partial) {
  std::vector<std::size_t> runs;
  for (std::size_t i = 0; i < manifest.runs.size(); ++i) {
    if (folder.is_done(manifest.runs[i].id)) runs.push_back(i);
  }
  if (runs.size() < manifest.runs.size() && !partial) {
    const SweepStatus status = sweep_status(folder, manifest);
    throw InputError("sweep collect: " + std::to_string(manifest.runs.size() - runs.size()) +
                     " of " + std::to_string(manifest.runs.size()) + " runs are not done (" +
                     std::to_string(status.failed) + " failed, " + std::to_string(status.running) +
                     " running, " + std::to_string(status.pending) +
                     " pending); finish them with laborsim sweep run, or collect what is done "
                     "with --partial");
  }
  if (runs.empty()) {
    throw InputError("sweep collect: no run of " + folder.root.string() + " is done");
  }
  return runs;
}

void write_header(hid_t root, const Manifest& manifest, const SharedAxes& shared,
                  std::size_t collected) {
  write_string_attribute(root, "format", "laborsim-sweep-summary");
  write_int_attribute(root, "format_version", kSummaryFormatVersion);
  write_string_attribute(root, "sweep", manifest.name);
  write_string_attribute(root, "description", manifest.description);
  write_string_attribute(root, "sweep_file", manifest.sweep_document.dump());
  write_string_attribute(root, "laborsim_version", manifest.laborsim_version);
  write_string_attribute(root, "git_commit", manifest.git_commit);
  write_string_attribute(root, "start", shared.first.start.to_string());
  write_int_attribute(root, "runs_planned", static_cast<long long>(manifest.runs.size()));
  write_int_attribute(root, "runs_collected", static_cast<long long>(collected));
}

//! The run coordinates (point, arm, replicate, seed, one per varied path); returns their names
//! as the CF `coordinates` attribute lists them.
std::string write_run_coordinates(SummaryFile& file, const H5Handle& run_scale,
                                  const Manifest& manifest, const std::vector<std::size_t>& runs) {
  std::vector<std::string> arms;
  std::vector<long long> points, replicates;
  std::vector<unsigned long long> seeds;
  for (const std::size_t i : runs) {
    const PlannedRun& run = manifest.runs[i];
    arms.push_back(run.arm);
    points.push_back(static_cast<long long>(run.point));
    replicates.push_back(run.replicate);
    seeds.push_back(run.seed);
  }
  file.numbers("point", run_scale, H5T_STD_I64LE, H5T_NATIVE_LLONG, points.data(), points.size(),
               "design point of the run");
  file.strings("arm", run_scale, arms, "policy arm of the run (empty: the levers as configured)");
  file.numbers("replicate", run_scale, H5T_STD_I64LE, H5T_NATIVE_LLONG, replicates.data(),
               replicates.size(), "replicate of the run");
  file.numbers("seed", run_scale, H5T_STD_U64LE, H5T_NATIVE_ULLONG, seeds.data(), seeds.size(),
               "seed the run simulated with");
  std::string coordinates = "point arm replicate seed";
  for (std::size_t k = 0; k < manifest.paths.size(); ++k) {
    std::vector<nlohmann::json> values;
    for (const std::size_t i : runs) values.push_back(manifest.runs[i].values[k]);
    write_parameter(file, run_scale, manifest.paths[k], values);
    coordinates += " " + coordinate_name(manifest.paths[k]);
  }
  return coordinates;
}

//! A monthly variable stacked over runs: (run, time, its axis).
struct StackedVariable {
  H5Handle dataset;
  const VariableInfo* info;
  hsize_t width;
};

//! Creates every stacked variable with a non-empty axis (lever outputs only when runs have
//! levers): scales attached, described as in the runs' files.
std::vector<StackedVariable> create_stacked_variables(
    SummaryFile& file, std::size_t runs, const H5Handle& run_scale, const H5Handle& time,
    hsize_t months, const std::array<H5Handle, kAxisCount>& scales, const AxisSizes& sizes,
    const std::string& coordinates) {
  std::vector<StackedVariable> stacked;
  for (const VariableInfo& variable : kVariables) {
    const hsize_t width = sizes.of(variable.axis);
    if (width == 0 || months == 0) continue;
    const hsize_t dims[3] = {runs, months, width};
    const H5Handle space(H5Screate_simple(3, dims, nullptr), H5Sclose, "dataspace");
    const H5Handle dcpl = chunked_properties({1, months, width}, kCompressionLevel);
    const std::string name(variable.name);
    H5Handle dataset(H5Dcreate2(file.root(), name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT,
                                dcpl.get(), H5P_DEFAULT),
                     H5Dclose, "create " + name);
    const H5Handle& axis = scales[static_cast<std::size_t>(variable.axis)];
    check_h5(H5DSattach_scale(dataset.get(), run_scale.get(), 0), file.context(), "attach run");
    check_h5(H5DSattach_scale(dataset.get(), time.get(), 1), file.context(), "attach time");
    check_h5(H5DSattach_scale(dataset.get(), axis.get(), 2), file.context(), "attach axis");
    describe(dataset.get(), std::string(variable.units), std::string(variable.long_name));
    write_string_attribute(dataset.get(), "coordinates", coordinates);
    stacked.push_back({std::move(dataset), &variable, width});
  }
  return stacked;
}

//! Writes one run's months of `variable` as row `row`; lever outputs go to the columns of the
//! run's levers in the summary's union, NaN (absent, not zero) in the others.
void write_run(const StackedVariable& variable, hsize_t row, const Trajectory& run,
               const std::vector<std::string>& policies, hsize_t months,
               const std::string& context) {
  const bool by_lever = variable.info->axis == Axis::kPolicy;
  std::vector<double> block(months * variable.width,
                            by_lever ? std::numeric_limits<double>::quiet_NaN() : 0.0);
  for (hsize_t m = 0; m < months; ++m) {
    const Observation& o = run.months[m];
    for (std::size_t i = 0; i < o.length(variable.info->variable); ++i) {
      const std::size_t column =
          by_lever ? static_cast<std::size_t>(
                         std::find(policies.begin(), policies.end(), run.axes.policies[i]) -
                         policies.begin())
                   : i;
      block[m * variable.width + column] = o.at(variable.info->variable, i);
    }
  }
  const H5Handle file_space(H5Dget_space(variable.dataset.get()), H5Sclose, "dataspace");
  const hsize_t start[3] = {row, 0, 0};
  const hsize_t count[3] = {1, months, variable.width};
  check_h5(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
           context, "select run");
  const H5Handle memory_space(H5Screate_simple(3, count, nullptr), H5Sclose, "run space");
  check_h5(H5Dwrite(variable.dataset.get(), H5T_NATIVE_DOUBLE, memory_space.get(), file_space.get(),
                    H5P_DEFAULT, block.data()),
           context, "write run");
}

}  // namespace

CollectReport collect_sweep(const SweepFolder& folder, const Manifest& manifest,
                            const std::filesystem::path& output, bool partial) {
  const std::vector<std::size_t> runs = runs_to_collect(folder, manifest, partial);
  const SharedAxes shared = shared_axes(folder, manifest, runs);
  const std::filesystem::path partial_path = output.string() + ".partial";
  {
    SummaryFile file(partial_path);
    const hid_t root = file.root();
    write_header(root, manifest, shared, runs.size());
    std::vector<std::string> ids;
    for (const std::size_t i : runs) ids.push_back(manifest.runs[i].id);
    const H5Handle run_scale =
        create_label_scale(root, "run", ids, "run id in the sweep's manifest");
    const std::string coordinates = write_run_coordinates(file, run_scale, manifest, runs);

    // Time and the other axes, as in a run's file.
    const std::string start = shared.first.start.to_string();
    const H5Handle time =
        create_time_scale(root, start, static_cast<int>(std::max<std::size_t>(shared.months, 1)));
    for (std::size_t m = 0; m < shared.months; ++m) {
      append_time(time.get(), start, static_cast<int>(m), file.context());
    }
    OutputAxes axes = shared.first.axes;
    axes.policies = shared.policies;
    std::array<H5Handle, kAxisCount> scales;
    for (std::size_t a = 0; a < kAxisCount; ++a) {
      scales[a] =
          create_label_scale(root, std::string(kAxisNames[a]), axes.labels(static_cast<Axis>(a)),
                             std::string(kAxisNames[a]) + " (as in the runs' files)");
    }
    const auto months = static_cast<hsize_t>(shared.months);
    const std::vector<StackedVariable> stacked = create_stacked_variables(
        file, runs.size(), run_scale, time, months, scales, axes.sizes(), coordinates);

    // Run by run: one run's trajectory in memory at a time.
    for (std::size_t r = 0; r < runs.size(); ++r) {
      const TrajectoryFile run = read_trajectory(folder.output(manifest.runs[runs[r]].id).string());
      for (const StackedVariable& variable : stacked) {
        write_run(variable, r, run.trajectory, axes.policies, months, file.context());
      }
    }
  }
  std::filesystem::rename(partial_path, output);
  return {runs.size(), manifest.runs.size()};
}

}  // namespace laborsim
