"""The worker panel (/panel): off by default; when it follows every agent, its states add up to
the run's aggregates exactly; a sample has the size asked for and opens in xarray."""
import pathlib
import subprocess

import h5py
import numpy as np
import pytest
import xarray as xr

MONTHS = 6
ROOT = pathlib.Path(__file__).resolve().parents[3]


def run(laborsim, source_dir, out, panel_workers):
    subprocess.run([laborsim, "run", str(source_dir / "tests" / "data" / "small.json"), "-q",
                    "--months", str(MONTHS), "--set", f"output.panel_workers={panel_workers}",
                    "-o", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def everyone(laborsim, source_dir, tmp_path_factory):
    """A run whose panel holds every worker agent (the cap is above the population)."""
    return run(laborsim, source_dir, tmp_path_factory.mktemp("panel") / "all.h5", 10_000_000)


def test_no_panel_by_default(small_run):
    path, _, _ = small_run
    with h5py.File(path, "r") as f:
        assert "panel" not in f


def test_a_panel_of_everyone_adds_up_to_the_aggregates(everyone):
    with h5py.File(everyone, "r") as f:
        scale = f.attrs["population_scale"]
        panel = f["panel"]
        status, location = panel["status"][()], panel["location"][()]
        regions = f["region"].size
        assert status.shape[0] == MONTHS
        assert (np.diff(panel["person"][()]) == 1).all(), "every agent, in id order"
        for t in range(MONTHS):
            for code, name in ((1, "unemployed"), (2, "employed")):
                counts = np.bincount(location[t][status[t] == code], minlength=regions) / scale
                np.testing.assert_allclose(counts, f[name][t], rtol=1e-12, err_msg=f"{name} {t}")
        employed = status == 2
        assert (panel["employer"][()][employed] >= 0).all() and (panel["employer"][()][~employed] == -1).all()
        assert (panel["wage"][()][~employed] == 0).all() and (panel["wage"][()][employed] > 0).all()
        wage_bill = (panel["wage"][()] * employed)[-1]
        mean_wage = np.bincount(location[-1], weights=wage_bill, minlength=regions) / np.maximum(
            np.bincount(location[-1][employed[-1]], minlength=regions), 1)
        np.testing.assert_allclose(mean_wage, f["mean_wage"][-1], rtol=1e-5)


@pytest.mark.parametrize("engine", ["netcdf4", "h5netcdf"])
def test_a_sample_has_the_size_asked_and_opens_in_xarray(laborsim, source_dir, tmp_path, engine):
    path = run(laborsim, source_dir, tmp_path / "sample.h5", 300)
    with xr.open_dataset(path, group="panel", engine=engine) as panel:
        assert dict(panel.sizes) == {"time": MONTHS, "person": 300}
        assert panel["status"].dims == ("time", "person")
        assert panel["time"].values[0] == np.datetime64("2024-01-01")
        assert panel["home_region"].dims == ("person",)
        ids = panel["person"].values
        assert len(set(ids)) == 300 and (np.diff(ids) > 0).all()
        assert panel["wage"].attrs["units"] == "yuan/month"


def test_output_doc_lists_every_panel_dataset_with_its_units(everyone):
    document = (ROOT / "docs" / "OUTPUT.md").read_text()
    rows = {line.split("|")[1].strip(): line for line in document.splitlines()
            if line.startswith("| `")}
    with h5py.File(everyone, "r") as f:
        for name, dataset in f["panel"].items():
            row = rows.get(f"`panel/{name}`")
            assert row, f"docs/OUTPUT.md does not document panel/{name}"
            units = dataset.attrs.get("units")
            if units is not None and name != "time":
                units = units.decode() if isinstance(units, bytes) else units
                assert f"| {units} |" in row, f"panel/{name}: units {units} not in docs"
        for attribute in f["panel"].attrs:
            assert f"`{attribute}`" in rows
