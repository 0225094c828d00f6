"""The HDF5 output opens as-is in xarray (netcdf4 and h5netcdf engines) and h5py, with named
dimensions, decoded dates, labelled regions, provenance, and the values the run printed."""
import json

import h5py
import numpy as np
import pytest
import xarray as xr

TIME_REGION_VARIABLES = ["labor_force", "employed", "unemployed", "job_seekers", "inactive", "vacancies", "hires",
                         "separations", "mean_wage", "value_added", "benefits_paid", "migrants_out",
                         "demand_index"]
COUNTIES = ["Anding", "Tongwei", "Longxi", "Weiyuan", "Lintao", "Zhangxian", "Minxian"]


@pytest.fixture(params=["netcdf4", "h5netcdf"])
def dataset(request, small_run):
    path, _, _ = small_run
    with xr.open_dataset(path, engine=request.param) as ds:
        yield ds.load()


def test_dimensions_and_variables(dataset, small_run):
    _, _, months = small_run
    assert dict(dataset.sizes) == {"time": months, "region": 17, "group": 6, "sector": 6, "edge": 19, "size_class": 4, "policy": 0}
    for name in TIME_REGION_VARIABLES:
        assert dataset[name].dims == ("time", "region"), name
        assert "units" in dataset[name].attrs and "long_name" in dataset[name].attrs
    assert dataset["region_kind"].dims == ("region",)
    assert dataset["month"].dims == ("time",)
    # Creation order is kept: variables come back in the order the writer made them.
    names = list(dataset.data_vars)
    assert names.index("labor_force") < names.index("employed") < names.index("demand_index")


def test_coordinates_are_labelled_and_decoded(dataset, small_run):
    _, _, months = small_run
    assert list(dataset["region"].values[:7]) == COUNTIES
    assert dataset["region"].values[7] == "Lanzhou"
    assert list(dataset["region_kind"].values) == ["home"] * 7 + ["destination"] * 10
    assert dataset["time"].values[0] == np.datetime64("2024-01-01")
    assert dataset["time"].values[-1] == np.datetime64("2025-06-01")
    assert list(dataset["month"].values) == list(range(months))


def test_provenance_attributes(dataset, small_run):
    _, _, months = small_run
    attrs = dataset.attrs
    assert attrs["format"] == "laborsim-trajectory"
    assert attrs["scenario"] == "small"
    assert attrs["seed_string"] == "20240614" and int(attrs["seed"]) == 20240614
    assert int(attrs["committed_months"]) == months
    config = json.loads(attrs["config"])
    assert config["months"] == months and config["population"]["scale"] == 0.01
    assert attrs["git_commit"]  # a hash, or "unknown" outside a git checkout
    assert attrs["laborsim_version"]


def test_values_match_the_printed_summary(dataset, small_run):
    _, summary, _ = small_run
    totals = dataset.sum("region")
    for year, row in summary.items():
        in_year = totals.sel(time=str(year))
        last = in_year.isel(time=-1)
        assert row["months"] == in_year.sizes["time"]
        assert row["labor_force"] == pytest.approx(float(last["labor_force"]), abs=0.51)
        assert row["employed"] == pytest.approx(float(last["employed"]), abs=0.51)
        assert row["unemployed"] == pytest.approx(float(last["unemployed"]), abs=0.51)
        assert row["migrants_out"] == pytest.approx(float(last["migrants_out"]), abs=0.51)
        assert row["hires"] == pytest.approx(float(in_year["hires"].sum()), abs=0.51)
        assert row["separations"] == pytest.approx(float(in_year["separations"].sum()), abs=0.51)
        assert row["vacancies_mean"] == pytest.approx(float(in_year["vacancies"].mean()), abs=0.51)
        rate = 100 * float(last["unemployed"]) / float(last["labor_force"])
        assert row["unemp_rate_%"] == pytest.approx(rate, abs=0.006)


def test_stocks_are_consistent(dataset):
    lf = dataset["labor_force"]
    np.testing.assert_allclose(lf, dataset["employed"] + dataset["farming"] + dataset["unemployed"])
    # Farmers live at home, and Dingxi's stints away end with the seasons.
    assert (dataset["farming"].sel(region="Lanzhou") == 0).all()
    assert float(dataset["farming"].sum()) > 0
    assert float(dataset["stint_ends"].sel(region="Lanzhou").sum()) > 0
    assert float(dataset["stint_ends"].sel(region="Anding").sum()) == 0
    # Residents aged 16-59 at one agent per hundred people, weighted back: about 1.534 M.
    total = float((lf + dataset["inactive"]).isel(time=0).sum())
    assert total == pytest.approx(1.534e6, rel=0.001)
    assert (dataset["migrants_out"].sel(region="Lanzhou") == 0).all()


GROUPS = ["rural_migrant_worker", "urban_resident", "ex_serviceman", "college_graduate",
          "lifted_out_of_poverty", "hard_to_employ"]


def test_key_group_outputs(dataset):
    assert list(dataset["group"].values) == GROUPS
    for name in ["group_labor_force", "group_employed", "group_farming", "group_public_posts",
                 "group_unemployed", "group_long_term_unemployed", "group_mean_spell"]:
        assert dataset[name].dims == ("time", "group"), name
    lf = dataset["group_labor_force"]
    np.testing.assert_allclose(
        lf, dataset["group_employed"] + dataset["group_farming"] + dataset["group_public_posts"]
        + dataset["group_unemployed"])
    assert (dataset["group_public_posts"] == 0).all()  # no lever pays posts in this run
    # Only rural-hukou people farm.
    assert (dataset["group_farming"].sel(group="urban_resident") == 0).all()
    # Rural and urban hukou partition the labour force.
    total = dataset["labor_force"].sum("region")
    np.testing.assert_allclose(lf.sel(group="rural_migrant_worker") + lf.sel(group="urban_resident"),
                               total)
    assert (dataset["group_long_term_unemployed"] <= dataset["group_unemployed"]).all()
    assert float(dataset["group_mean_spell"].sel(group="hard_to_employ").mean()) > 0


def test_sector_outputs_add_up_to_the_regions(dataset):
    assert list(dataset["sector"].values) == ["agriculture", "manufacturing", "construction",
                                              "services", "public", "platform"]
    for sector_name, region_name in [("sector_employed", "employed"), ("sector_hires", "hires"),
                                     ("sector_separations", "separations"),
                                     ("sector_vacancies", "vacancies"),
                                     ("sector_value_added", "value_added")]:
        assert dataset[sector_name].dims == ("time", "sector")
        np.testing.assert_allclose(dataset[sector_name].sum("sector"),
                                   dataset[region_name].sum("region"), rtol=1e-9)


def test_firm_dynamics_outputs(dataset):
    totals = dataset.sum("region")
    assert (totals["employers"] > 0).all()
    assert float(totals["employer_exits"].sum()) > 0
    assert float(totals["employer_entries"].sum()) > 0
    # Start-ups founded since the start only accumulate or die: never more than were founded.
    assert (totals["startups_active"] <= totals["employer_entries"].cumsum("time") + 1e-9).all()
    assert (dataset["employees_in_arrears"] <= dataset["employed"] + 1e-9).all()
    assert (dataset["wage_arrears"] >= 0).all()


def test_tidy_frame_via_xarray(dataset):
    frame = dataset[["employed", "unemployed"]].to_dataframe().reset_index()
    assert set(frame.columns) >= {"time", "region", "employed", "unemployed"}
    assert len(frame) == dataset.sizes["time"] * 17


def test_h5py_sees_dimension_scales_and_utf8(small_run):
    path, _, _ = small_run
    with h5py.File(path, "r") as f:
        assert f["hires"].dims[0][0].name == "/time"
        assert f["hires"].dims[1][0].name == "/region"
        assert f["hires"].compression == "gzip" and f["hires"].shuffle
        assert f["hires"].maxshape == (None, 17)
        assert f["region"].asstr()[0] == "Anding"
        assert f["time"].attrs["units"] in ("days since 2024-01-01", b"days since 2024-01-01")


def test_size_classes_partition_employers_and_their_flows(dataset):
    assert list(dataset["size_class"].values) == ["micro", "small", "medium", "large"]
    for total, by_class in (("employed", "size_class_employed"), ("hires", "size_class_hires"),
                            ("separations", "size_class_separations"),
                            ("employers", "size_class_employers")):
        np.testing.assert_allclose(dataset[total].sum("region"), dataset[by_class].sum("size_class"),
                                   rtol=1e-12, err_msg=by_class)
    # Most employers are micro, but most jobs are not (a heavy-tailed size distribution).
    employers = dataset["size_class_employers"].isel(time=-1)
    employed = dataset["size_class_employed"].isel(time=-1)
    assert employers.sel(size_class="micro") > employers.sum() / 2
    assert employed.sel(size_class="micro") < employed.sum() / 2
