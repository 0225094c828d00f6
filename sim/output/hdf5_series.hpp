#pragma once
// Building blocks of time series in HDF5, shared by the trajectory and the panel writers:
// datasets that grow by one row a month, a time dimension scale that xarray decodes to dates,
// and reproducible dataset properties (no object timestamps, so identical runs give
// byte-identical files).
#include <filesystem>
#include <string>
#include <vector>

#include "sim/output/hdf5_handle.hpp"

namespace laborsim {

//! Creates (truncates) an HDF5 file that tracks link creation order, so readers list its
//! variables in the order they were written rather than alphabetically.
H5Handle create_ordered_file(const std::string& path, hid_t access = H5P_DEFAULT);

//! File access properties that keep the whole file in memory (HDF5's core driver, no backing
//! store): nothing reaches the disk but what write_file_image() writes.
H5Handle in_memory_access();

//! Writes the current image of `file` (flushed first) to `path` atomically: PATH.new, then a
//! rename over PATH. A reader of PATH sees the previous image or this one, never a mixture.
void write_file_image(hid_t file, const std::filesystem::path& path);

//! Chunked along the first axis, deflate + shuffle at `compression_level` (0: none).
H5Handle chunked_properties(const std::vector<hsize_t>& chunk, int compression_level);
//! Contiguous, for datasets written once.
H5Handle untimed_properties();

//! CF-style `units` (skipped when empty) and `long_name` attributes.
void describe(hid_t dataset, const std::string& units, const std::string& long_name);

//! A dimension scale `name` of variable-length UTF-8 labels, with a long_name.
H5Handle create_label_scale(hid_t location, const std::string& name,
                            const std::vector<std::string>& labels, const std::string& long_name);

//! The width of a rank-1 row dataset (one value a row, e.g. time).
inline constexpr hsize_t kScalarRows = ~hsize_t{0};

//! An empty (0 x width) dataset, unlimited along its rows; rank 1 when width is kScalarRows.
//! A zero width (an axis with no entries, such as the policies of a run without levers) gives a
//! 2-D dataset with no columns.
H5Handle create_row_dataset(hid_t location, const std::string& name, hid_t file_type, hsize_t width,
                            const std::vector<hsize_t>& chunk, int compression_level);

//! Sets a row-wise dataset's extent to `rows` (x width for 2-D ones).
void extend_rows(hid_t dataset, hsize_t rows, hsize_t width, const std::string& context);

//! Writes `width` values of `memory_type` as row `row` (kScalarRows: one value; 0: nothing).
void write_row(hid_t dataset, const void* data, hid_t memory_type, hsize_t row, hsize_t width,
               const std::string& context);

//! The `time` dimension scale of `location`: int32 days since the first day of `start`
//! (YYYY-MM), one row per month, with the attributes xarray needs to decode dates.
H5Handle create_time_scale(hid_t location, const std::string& start, int chunk_months);

//! Appends month `index` (0 = the start month) to a time scale made by create_time_scale.
void append_time(hid_t time, const std::string& start, int index, const std::string& context);

}  // namespace laborsim
