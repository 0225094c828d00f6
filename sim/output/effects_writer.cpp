#include "sim/output/effects_writer.hpp"

#include <hdf5_hl.h>

#include "sim/calendar.hpp"
#include "sim/output/hdf5_series.hpp"

namespace laborsim {
namespace {

constexpr int kEffectsFormatVersion = 1;

class EffectsFile {
 public:
  explicit EffectsFile(const std::filesystem::path& path)
      : context_(path.string()), file_(create_ordered_file(context_)) {}

  hid_t root() const { return file_.get(); }

  //! A dimension scale of integers.
  H5Handle integer_scale(const std::string& name, const std::vector<long long>& values,
                         const std::string& units, const std::string& long_name) {
    H5Handle scale = dataset(name, H5T_STD_I64LE, {values.size()});
    if (!values.empty()) {
      check_h5(
          H5Dwrite(scale.get(), H5T_NATIVE_LLONG, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          context_, "write " + name);
    }
    check_h5(H5DSset_scale(scale.get(), name.c_str()), context_, name + " scale");
    describe(scale.get(), units, long_name);
    return scale;
  }

  //! A float64 variable over `scales` (row-major values), with its attributes.
  void variable(const std::string& name, const std::vector<const H5Handle*>& scales,
                const std::vector<double>& values, const std::string& units,
                const std::string& long_name) {
    std::vector<hsize_t> dims;
    for (const H5Handle* scale : scales) {
      const H5Handle space(H5Dget_space(scale->get()), H5Sclose, "dataspace");
      hsize_t n = 0;
      H5Sget_simple_extent_dims(space.get(), &n, nullptr);
      dims.push_back(n);
    }
    const H5Handle data = dataset(name, H5T_IEEE_F64LE, dims);
    if (!values.empty()) {
      check_h5(
          H5Dwrite(data.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          context_, "write " + name);
    }
    for (unsigned d = 0; d < scales.size(); ++d) {
      check_h5(H5DSattach_scale(data.get(), scales[d]->get(), d), context_, "attach scale");
    }
    describe(data.get(), units, long_name);
  }

  void finish() { check_h5(file_.close(), context_, "close"); }

 private:
  H5Handle dataset(const std::string& name, hid_t type, const std::vector<hsize_t>& dims) {
    const H5Handle space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
                         H5Sclose, name + " dataspace");
    const H5Handle plain = untimed_properties();
    return H5Handle(H5Dcreate2(file_.get(), name.c_str(), type, space.get(), H5P_DEFAULT,
                               plain.get(), H5P_DEFAULT),
                    H5Dclose, "create " + name);
  }

  std::string context_;
  H5Handle file_;
};

}  // namespace

void write_effects(const std::filesystem::path& path, const EffectsMetadata& metadata,
                   const ComparisonResult& result) {
  const std::filesystem::path partial = path.string() + ".partial";
  {
    EffectsFile file(partial);
    const hid_t root = file.root();
    write_string_attribute(root, "format", "laborsim-effects");
    write_int_attribute(root, "format_version", kEffectsFormatVersion);
    write_string_attribute(root, "laborsim_version", metadata.laborsim_version);
    write_string_attribute(root, "git_commit", metadata.git_commit);
    write_string_attribute(root, "scenario", metadata.scenario);
    write_string_attribute(root, "reference_arm", metadata.reference_arm);
    write_string_attribute(root, "start", metadata.start);
    write_int_attribute(root, "replicates", static_cast<long long>(metadata.seeds.size()));
    write_string_attribute(root, "config", metadata.config_json);

    const std::size_t arms = result.arms.size();
    const std::size_t replicates = metadata.seeds.size();
    const std::size_t months = arms > 0 ? result.employed_by_month[0].size() : 0;
    const H5Handle arm = create_label_scale(root, "arm", result.arms,
                                            "comparison arm, measured against the reference arm");
    std::vector<long long> replicate_index, seeds;
    for (std::size_t r = 0; r < replicates; ++r) {
      replicate_index.push_back(static_cast<long long>(r));
      seeds.push_back(static_cast<long long>(metadata.seeds[r]));
    }
    const H5Handle replicate = file.integer_scale("replicate", replicate_index, "",
                                                  "replicate (all arms of one share its seed)");
    std::vector<std::string> statistic_names, statistic_units;
    for (const EffectInfo& e : kEffects) {
      statistic_names.emplace_back(e.name);
      statistic_units.emplace_back(e.units);
    }
    const H5Handle statistic = create_label_scale(root, "statistic", statistic_names,
                                                  "effect statistic (see statistic_units)");
    const H5Handle group =
        create_label_scale(root, "group", {kKeyGroupNames.begin(), kKeyGroupNames.end()},
                           "key group of employment policy");
    const auto first = YearMonth::parse(metadata.start).value_or(YearMonth{});
    std::vector<long long> days;
    for (std::size_t t = 0; t < months; ++t) {
      days.push_back(first.plus_months(static_cast<int>(t)).days_since(first));
    }
    H5Handle time = file.integer_scale("time", days, "days since " + metadata.start + "-01",
                                       "first day of the simulated month");
    write_string_attribute(time.get(), "calendar", "standard");

    // Per arm: its levers; per replicate: its seed; per statistic: its units.
    {
      const H5Handle type = utf8_string_type();
      const auto strings = [&](const std::string& name, const std::vector<std::string>& values,
                               const H5Handle& scale, const std::string& long_name) {
        const hsize_t n = values.size();
        const H5Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose, name);
        const H5Handle plain = untimed_properties();
        const H5Handle data(H5Dcreate2(root, name.c_str(), type.get(), space.get(), H5P_DEFAULT,
                                       plain.get(), H5P_DEFAULT),
                            H5Dclose, "create " + name);
        std::vector<const char*> texts;
        for (const std::string& v : values) texts.push_back(v.c_str());
        if (!texts.empty()) {
          check_h5(H5Dwrite(data.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data()),
                   name, "write");
        }
        check_h5(H5DSattach_scale(data.get(), scale.get(), 0), name, "attach scale");
        describe(data.get(), "", long_name);
      };
      strings("arm_levers", result.arm_levers, arm,
              "the arm's levers (policies[].name), comma-separated");
      strings("statistic_units", statistic_units, statistic, "units of the statistic");
    }
    std::vector<double> seed_values(seeds.begin(), seeds.end());
    file.variable("seed", {&replicate}, seed_values, "1",
                  "the replicate's seed (exact below 2^53)");

    std::vector<double> effect, group_employed, group_rate;
    std::vector<double> mean, low, high, group_rate_mean, group_rate_low, group_rate_high;
    for (std::size_t a = 0; a < arms; ++a) {
      for (std::size_t r = 0; r < replicates; ++r) {
        const ReplicateEffects& e = result.effects[a][r];
        effect.insert(effect.end(), e.statistic.begin(), e.statistic.end());
        group_employed.insert(group_employed.end(), e.group_employed.begin(),
                              e.group_employed.end());
        group_rate.insert(group_rate.end(), e.group_unemployment_rate.begin(),
                          e.group_unemployment_rate.end());
      }
      const ArmSummary& s = result.summaries[a];
      for (const Interval& i : s.statistic) {
        mean.push_back(i.mean);
        low.push_back(i.low);
        high.push_back(i.high);
      }
      for (const Interval& i : s.group_unemployment_rate) {
        group_rate_mean.push_back(i.mean);
        group_rate_low.push_back(i.low);
        group_rate_high.push_back(i.high);
      }
    }
    file.variable("effect", {&arm, &replicate, &statistic}, effect, "",
                  "the arm's effect against the reference arm in one replicate (units: "
                  "statistic_units)");
    file.variable("effect_mean", {&arm, &statistic}, mean, "", "mean effect over replicates");
    file.variable("effect_low", {&arm, &statistic}, low, "",
                  "lower bound of the 95 % interval of the mean effect (Student's t; NaN for one "
                  "replicate)");
    file.variable("effect_high", {&arm, &statistic}, high, "",
                  "upper bound of the 95 % interval of the mean effect");
    file.variable("group_employed_effect", {&arm, &replicate, &group}, group_employed, "persons",
                  "mean change in the group's people employed by employers");
    file.variable("group_unemployment_rate_effect", {&arm, &replicate, &group}, group_rate,
                  "percentage points", "mean change in the group's unemployment rate");
    file.variable("group_unemployment_rate_effect_mean", {&arm, &group}, group_rate_mean,
                  "percentage points", "mean over replicates of group_unemployment_rate_effect");
    file.variable("group_unemployment_rate_effect_low", {&arm, &group}, group_rate_low,
                  "percentage points", "lower bound of its 95 % interval");
    file.variable("group_unemployment_rate_effect_high", {&arm, &group}, group_rate_high,
                  "percentage points", "upper bound of its 95 % interval");
    std::vector<double> employed, rate, spend;
    for (std::size_t t = 0; t < months; ++t) {
      for (std::size_t a = 0; a < arms; ++a) {
        employed.push_back(result.employed_by_month[a][t]);
        rate.push_back(result.unemployment_rate_by_month[a][t]);
        spend.push_back(result.spend_by_month[a][t]);
      }
    }
    file.variable("employed_effect", {&time, &arm}, employed, "persons",
                  "change in people employed by employers in the month, mean over replicates");
    file.variable("unemployment_rate_effect", {&time, &arm}, rate, "percentage points",
                  "change in the unemployment rate in the month, mean over replicates");
    file.variable("arm_spend", {&time, &arm}, spend, "yuan",
                  "the arm's lever spending in the month, mean over replicates");
    file.finish();
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    throw std::runtime_error(partial.string() + ": cannot rename to " + path.string() + ": " +
                             error.message());
  }
}

}  // namespace laborsim
