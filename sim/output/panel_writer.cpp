#include "sim/output/panel_writer.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <array>
#include <numeric>

#include "agents/key_groups.hpp"
#include "agents/random_stream.hpp"
#include "sim/output/hdf5_series.hpp"

namespace laborsim {
namespace {

struct PanelColumn {
  const char* name;
  hid_t (*file_type)();  // HDF5's type ids are run-time values, not constants
  const char* units;
  const char* long_name;
};

hid_t i8() { return H5T_STD_I8LE; }
hid_t u8() { return H5T_STD_U8LE; }
hid_t i16() { return H5T_STD_I16LE; }
hid_t u16() { return H5T_STD_U16LE; }
hid_t i32() { return H5T_STD_I32LE; }
hid_t f32() { return H5T_IEEE_F32LE; }

// The order of the columns written by PanelWriter::append.
constexpr std::array<PanelColumn, 10> kPanelColumns{{
    {"status", i8, "",
     "labour-market status at the end of the month: 0 inactive, 1 unemployed, 2 employed, 3 "
     "farming, 4 on a public-welfare post"},
    {"location", i16, "",
     "region where the person lives at the end of the month (index into /region)"},
    {"employer", i32, "", "employer agent id (-1 unless employed)"},
    {"wage", f32, "yuan/month", "monthly wage (0 unless employed)"},
    {"skill", f32, "1", "general skill (population mean 1 at the start)"},
    {"savings", f32, "yuan", "savings at the end of the month"},
    {"spell_months", u16, "months", "months in the current unemployment spell"},
    {"tenure_months", u16, "months", "months with the current employer"},
    {"age_months", u16, "months", "age; an agent reaching 60 years is replaced by a 16-year-old"},
    {"key_groups", u8, "",
     "key groups the person belongs to, one bit each in /group order (bit 0 first)"},
}};

}  // namespace

std::vector<WorkerId> sample_panel(std::uint64_t seed, std::size_t workers, std::size_t count) {
  if (count >= workers) {
    std::vector<WorkerId> everyone(workers);
    std::iota(everyone.begin(), everyone.end(), WorkerId{0});
    return everyone;
  }
  std::vector<std::uint64_t> keys(workers);
  for (std::size_t i = 0; i < workers; ++i) {
    RandomStream rng(seed, RandomPurpose::kPanel, static_cast<std::uint32_t>(i), kBeforeStart);
    keys[i] = (static_cast<std::uint64_t>(rng()) << 32) | i;  // ties broken by id
  }
  std::nth_element(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(count), keys.end());
  std::vector<WorkerId> ids(count);
  for (std::size_t k = 0; k < count; ++k) ids[k] = static_cast<WorkerId>(keys[k] & 0xFFFFFFFFu);
  std::sort(ids.begin(), ids.end());
  return ids;
}

PanelWriter::PanelWriter(hid_t file, std::string context, std::string start,
                         std::vector<WorkerId> members, const WorkerStore& workers,
                         int chunk_months, int compression_level)
    : context_(std::move(context)), start_(std::move(start)), members_(std::move(members)) {
  const H5Handle gcpl(H5Pcreate(H5P_GROUP_CREATE), H5Pclose, "group properties");
  check_h5(H5Pset_link_creation_order(gcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
           context_, "link creation order");
  check_h5(H5Pset_obj_track_times(gcpl.get(), 0), context_, "track times");
  group_ = H5Handle(H5Gcreate2(file, "panel", H5P_DEFAULT, gcpl.get(), H5P_DEFAULT), H5Gclose,
                    "create /panel");
  const hid_t group = group_.get();
  const auto persons = static_cast<hsize_t>(members_.size());
  write_int_attribute(group, "panel_workers", static_cast<long long>(persons));

  time_ = create_time_scale(group, start_, chunk_months);

  // The person axis: agent ids, and the traits that do not change.
  const hsize_t dims[1] = {persons};
  const H5Handle space(H5Screate_simple(1, dims, nullptr), H5Sclose, "person dataspace");
  const H5Handle plain = untimed_properties();
  person_ = H5Handle(H5Dcreate2(group, "person", H5T_STD_I64LE, space.get(), H5P_DEFAULT,
                                plain.get(), H5P_DEFAULT),
                     H5Dclose, "create person");
  const std::vector<long long> ids(members_.begin(), members_.end());
  check_h5(H5Dwrite(person_.get(), H5T_NATIVE_LLONG, H5S_ALL, H5S_ALL, H5P_DEFAULT, ids.data()),
           context_, "write person");
  check_h5(H5DSset_scale(person_.get(), "person"), context_, "person scale");
  describe(person_.get(), "", "worker agent id");
  std::vector<std::int16_t> home(members_.size());
  for (std::size_t k = 0; k < members_.size(); ++k)
    home[k] = static_cast<std::int16_t>(workers.home_region[members_[k]]);
  const H5Handle home_region(H5Dcreate2(group, "home_region", H5T_STD_I16LE, space.get(),
                                        H5P_DEFAULT, plain.get(), H5P_DEFAULT),
                             H5Dclose, "create home_region");
  check_h5(
      H5Dwrite(home_region.get(), H5T_NATIVE_INT16, H5S_ALL, H5S_ALL, H5P_DEFAULT, home.data()),
      context_, "write home_region");
  check_h5(H5DSattach_scale(home_region.get(), person_.get(), 0), context_, "attach person");
  describe(home_region.get(), "", "region of registered residence (hukou) (index into /region)");

  const std::vector<hsize_t> chunk{static_cast<hsize_t>(chunk_months),
                                   std::clamp<hsize_t>(persons, 1, 16384)};
  for (const PanelColumn& column : kPanelColumns) {
    H5Handle dataset = create_row_dataset(group, column.name, column.file_type(),
                                          std::max<hsize_t>(persons, 1), chunk, compression_level);
    check_h5(H5DSattach_scale(dataset.get(), time_.get(), 0), context_, "attach time scale");
    check_h5(H5DSattach_scale(dataset.get(), person_.get(), 1), context_, "attach person scale");
    describe(dataset.get(), column.units, column.long_name);
    columns_.push_back(std::move(dataset));
  }
}

PanelWriter::PanelWriter(hid_t file, std::string context, std::string start,
                         std::vector<WorkerId> members, int rows)
    : context_(std::move(context)),
      start_(std::move(start)),
      members_(std::move(members)),
      months_(rows) {
  group_ = H5Handle(H5Gopen2(file, "panel", H5P_DEFAULT), H5Gclose, context_ + ": open /panel");
  const hid_t group = group_.get();
  if (read_int_attribute(group, "panel_workers") != static_cast<long long>(members_.size())) {
    throw std::runtime_error(context_ + ": /panel follows other workers than this run samples");
  }
  auto open = [&](const char* name) {
    return H5Handle(H5Dopen2(group, name, H5P_DEFAULT), H5Dclose,
                    context_ + ": open /panel/" + name);
  };
  const auto kept = static_cast<hsize_t>(rows);
  time_ = open("time");
  extend_rows(time_.get(), kept, kScalarRows, context_);
  person_ = open("person");
  for (const PanelColumn& column : kPanelColumns) {
    H5Handle dataset = open(column.name);
    extend_rows(dataset.get(), kept, std::max<hsize_t>(members_.size(), 1), context_);
    columns_.push_back(std::move(dataset));
  }
}

template <class T, class Get>
void PanelWriter::write_column(std::size_t column, Get get) {
  buffer_.resize(members_.size() * sizeof(T));
  T* values = reinterpret_cast<T*>(buffer_.data());
  for (std::size_t k = 0; k < members_.size(); ++k) values[k] = static_cast<T>(get(members_[k]));
  const auto row = static_cast<hsize_t>(months_);
  const auto width = static_cast<hsize_t>(members_.size());
  extend_rows(columns_[column].get(), row + 1, width, context_);
  // The memory type follows T; HDF5 converts it to the column's file type.
  hid_t memory_type = H5T_NATIVE_FLOAT;
  if constexpr (std::is_same_v<T, std::int8_t>) memory_type = H5T_NATIVE_INT8;
  if constexpr (std::is_same_v<T, std::uint8_t>) memory_type = H5T_NATIVE_UINT8;
  if constexpr (std::is_same_v<T, std::int16_t>) memory_type = H5T_NATIVE_INT16;
  if constexpr (std::is_same_v<T, std::uint16_t>) memory_type = H5T_NATIVE_UINT16;
  if constexpr (std::is_same_v<T, std::int32_t>) memory_type = H5T_NATIVE_INT32;
  write_row(columns_[column].get(), values, memory_type, row, width, context_);
}

void PanelWriter::append(const WorkerStore& w) {
  if (members_.empty()) return;
  append_time(time_.get(), start_, months_, context_);
  write_column<std::int8_t>(0, [&](WorkerId i) { return static_cast<int>(w.status[i]); });
  write_column<std::int16_t>(1, [&](WorkerId i) { return w.location[i]; });
  write_column<std::int32_t>(2, [&](WorkerId i) {
    return w.employer[i] == kNoEmployer ? -1 : static_cast<std::int64_t>(w.employer[i]);
  });
  write_column<float>(3, [&](WorkerId i) { return w.wage[i]; });
  write_column<float>(4, [&](WorkerId i) { return w.skill[i]; });
  write_column<float>(5, [&](WorkerId i) { return w.savings[i]; });
  write_column<std::uint16_t>(6, [&](WorkerId i) { return w.spell_months[i]; });
  write_column<std::uint16_t>(7, [&](WorkerId i) { return w.tenure_months[i]; });
  write_column<std::uint16_t>(8, [&](WorkerId i) { return w.age_months[i]; });
  write_column<std::uint8_t>(9, [&](WorkerId i) { return key_groups(w, i); });
  ++months_;
}

}  // namespace laborsim
