#include "sim/checkpoint/checkpoint_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sim/build_info.hpp"
#include "sim/output/hdf5_series.hpp"
#include "sim/scenario/input_error.hpp"

namespace laborsim {
namespace {

constexpr const char* kFormat = "laborsim-checkpoint";
// 1: the first layout. Raise it whenever what carry() functions save changes shape.
constexpr int kFormatVersion = 1;

// Saves each array as a one-dimensional dataset of bytes; names with slashes become groups.
class Hdf5StateWriter final : public StateArchive {
 public:
  Hdf5StateWriter(hid_t file, std::string context) : file_(file), context_(std::move(context)) {
    check_h5(H5Pset_create_intermediate_group(link_properties_.get(), 1), context_,
             "intermediate groups");
  }
  bool loading() const override { return false; }

 protected:
  void write(const std::string& path, const void* data, std::size_t bytes) override {
    const hsize_t dims[1] = {bytes};
    const H5Handle space(H5Screate_simple(1, dims, nullptr), H5Sclose, "dataspace of " + path);
    const H5Handle dataset(H5Dcreate2(file_, path.c_str(), H5T_NATIVE_UINT8, space.get(),
                                      link_properties_.get(), plain_.get(), H5P_DEFAULT),
                           H5Dclose, context_ + ": create " + path);
    if (bytes == 0) return;
    check_h5(H5Dwrite(dataset.get(), H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
             context_, "write " + path);
  }
  std::size_t size_of(const std::string&) override { return 0; }
  void read(const std::string&, void*, std::size_t) override {}

 private:
  hid_t file_;
  std::string context_;
  H5Handle link_properties_{H5Pcreate(H5P_LINK_CREATE), H5Pclose, "link properties"};
  H5Handle plain_ = untimed_properties();
};

class Hdf5StateReader final : public StateArchive {
 public:
  Hdf5StateReader(hid_t file, std::string context) : file_(file), context_(std::move(context)) {}
  bool loading() const override { return true; }

 protected:
  void write(const std::string&, const void*, std::size_t) override {}
  std::size_t size_of(const std::string& path) override {
    const H5Handle dataset = open(path);
    const H5Handle space(H5Dget_space(dataset.get()), H5Sclose, "dataspace of " + path);
    const hssize_t points = H5Sget_simple_extent_npoints(space.get());
    if (points < 0) throw std::runtime_error(context_ + ": cannot read the size of " + path);
    return static_cast<std::size_t>(points);
  }
  void read(const std::string& path, void* data, std::size_t bytes) override {
    if (bytes == 0) return;
    const H5Handle dataset = open(path);
    check_h5(H5Dread(dataset.get(), H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
             context_, "read " + path);
  }

 private:
  H5Handle open(const std::string& path) const {
    const hid_t dataset = H5Dopen2(file_, path.c_str(), H5P_DEFAULT);
    if (dataset < 0) throw std::runtime_error(context_ + ": checkpoint lacks " + path);
    return H5Handle(dataset, H5Dclose, "open " + path);
  }

  hid_t file_;
  std::string context_;
};

// Makes what was written to `path` durable before it replaces anything.
void sync_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string reason = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    throw std::runtime_error(path.string() + ": cannot sync: " + reason);
  }
  ::close(fd);
}

void write_info(hid_t root, const CheckpointInfo& info) {
  write_string_attribute(root, "format", kFormat);
  write_int_attribute(root, "format_version", kFormatVersion);
  write_string_attribute(root, "laborsim_version", info.laborsim_version);
  write_string_attribute(root, "git_commit", info.git_commit);
  write_int_attribute(root, "month", info.month);
  write_int_attribute(root, "first_recorded_month", info.first_recorded_month);
  write_string_attribute(root, "scenario", info.scenario);
  write_string_attribute(root, "seed_string", std::to_string(info.seed));
  write_int_attribute(root, "threads", info.threads);
  write_string_attribute(root, "config", info.config_json);
}

}  // namespace

std::filesystem::path checkpoint_path(const std::filesystem::path& output) {
  std::filesystem::path path = output;
  if (path.extension() == ".h5") path.replace_extension();
  path += ".ckpt.h5";
  return path;
}

void write_checkpoint(const std::filesystem::path& path, Simulation& simulation,
                      const CheckpointInfo& info) {
  const std::filesystem::path partial = path.string() + ".partial";
  const std::string context = partial.string();
  errno = 0;  // so that a failed write can say why (storage_failure)
  try {
    {
      H5Handle file = create_ordered_file(context);
      write_info(file.get(), info);
      Hdf5StateWriter archive(file.get(), context);
      simulation.save(archive);
      check_h5(file.close(), context, "close");
    }
    sync_file(partial);
  } catch (const std::exception& error) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);  // the previous checkpoint stays whole
    throw std::runtime_error(std::string(error.what()) + " (checkpoint not written; " +
                             path.string() + " kept as it was)");
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    throw std::runtime_error(partial.string() + ": cannot rename to " + path.string() + ": " +
                             error.message());
  }
}

CheckpointFile::CheckpointFile(const std::filesystem::path& path) : path_(path) {
  const std::string context = path.string();
  if (!std::filesystem::exists(path)) throw std::runtime_error(context + ": no such checkpoint");
  const hid_t file = H5Fopen(context.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) throw std::runtime_error(context + ": not a readable HDF5 checkpoint");
  file_ = H5Handle(file, H5Fclose, "open " + context);
  const hid_t root = file_.get();
  if (H5Aexists(root, "format") <= 0 || read_string_attribute(root, "format") != kFormat) {
    throw std::runtime_error(context + ": not a laborsim checkpoint");
  }
  const long long version = read_int_attribute(root, "format_version");
  info_.laborsim_version = read_string_attribute(root, "laborsim_version");
  info_.git_commit = read_string_attribute(root, "git_commit");
  // The state is saved byte for byte: only the build that wrote it can read it back exactly.
  if (version != kFormatVersion || info_.laborsim_version != laborsim_version() ||
      info_.git_commit != git_commit()) {
    throw InputError(context + ": written by laborsim " + info_.laborsim_version + " (" +
                     info_.git_commit + "), format " + std::to_string(version) +
                     "; this is laborsim " + std::string(laborsim_version()) + " (" +
                     std::string(git_commit()) +
                     "): a checkpoint resumes only with the build that wrote it");
  }
  info_.month = static_cast<int>(read_int_attribute(root, "month"));
  info_.first_recorded_month = static_cast<int>(read_int_attribute(root, "first_recorded_month"));
  info_.scenario = read_string_attribute(root, "scenario");
  info_.seed = std::stoull(read_string_attribute(root, "seed_string"));
  info_.threads = static_cast<int>(read_int_attribute(root, "threads"));
  info_.config_json = read_string_attribute(root, "config");
}

CheckpointFile::~CheckpointFile() = default;

StateArchive& CheckpointFile::archive() {
  if (!archive_) archive_ = std::make_unique<Hdf5StateReader>(file_.get(), path_.string());
  return *archive_;
}

}  // namespace laborsim
