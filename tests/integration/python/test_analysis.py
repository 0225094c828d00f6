"""The Python analysis package (analysis/python/laborsim): readers, frames, effects, plots and the
HTML report, on runs the tests make; and the R reader giving the very numbers Python reads."""
import base64
import json
import os
import pathlib
import re
import shutil
import subprocess

import h5py
import numpy as np
import pandas as pd
import pytest
import xarray as xr

import laborsim as analysis  # the package; `laborsim` is the fixture naming the executable
from laborsim import plots
from laborsim.effects import replicate_effects

LEVERS = [
    {"type": "training_subsidy", "name": "courses", "seats_per_month": 3000},
    {"type": "public_welfare_posts", "name": "posts", "posts": 2000},
]


def inspect_table(laborsim_bin, path):
    """The yearly table of `laborsim inspect RUN` as a DataFrame indexed by year."""
    text = subprocess.run([laborsim_bin, "inspect", str(path)], check=True, capture_output=True,
                          text=True).stdout
    lines = text[text.index("year  months"):].splitlines()
    rows = [line.split() for line in lines[1:] if re.match(r"^\d{4} ", line)]
    return pd.DataFrame(rows, columns=lines[0].split()).astype(float).set_index("year")


@pytest.fixture(scope="module")
def comparison(laborsim, source_dir, tmp_path_factory):
    """`laborsim compare` of the small scenario with two levers, 3 replicates of 10 months."""
    folder = tmp_path_factory.mktemp("analysis-compare")
    scenario = folder / "levers.json"
    scenario.write_text(json.dumps({"extends": str(source_dir / "tests" / "data" / "small.json"),
                                    "name": "levers", "months": 10, "burn_in_months": 24,
                                    "policies": LEVERS}))
    subprocess.run([laborsim, "compare", str(scenario), "-o", str(folder / "out"), "-r", "3", "-q"],
                   check=True, capture_output=True)
    return folder / "out"


@pytest.fixture(scope="module")
def sweep(laborsim, source_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("analysis-sweep") / "sweep"
    for command in (["plan", str(source_dir / "tests" / "data" / "sweep.json"), "-o", str(folder)],
                    ["run", str(folder), "-q"], ["collect", str(folder)]):
        subprocess.run([laborsim, "sweep", *command], check=True, capture_output=True)
    return folder


def test_open_run_labels_dates_and_provenance(small_run, laborsim):
    path, _, months = small_run
    ds = analysis.open_run(path)
    config = analysis.config(ds)
    assert list(ds["region"].values) == [r["name"] for r in config["regions"]]
    assert ds.sizes["time"] == months
    assert pd.Timestamp(ds["time"].values[0]) == pd.Timestamp("2024-01-01")
    assert pd.Timestamp(ds["time"].values[-1]) == pd.Timestamp("2025-06-01")
    assert "region_kind" in ds.coords and "month" in ds.coords
    info = analysis.provenance(ds)
    assert info["seed"] == config["seed"] and info["scenario"] == "small"
    with h5py.File(path, "r") as raw:  # the very values the C++ side wrote, in the same order
        np.testing.assert_array_equal(ds["unemployed"].values, raw["unemployed"][()])
        np.testing.assert_array_equal(ds["group_employed"].values, raw["group_employed"][()])


def test_yearly_summary_equals_laborsim_inspect(small_run, laborsim):
    path, _, _ = small_run
    mine = analysis.yearly_summary(analysis.open_run(path))
    theirs = inspect_table(laborsim, path)
    assert list(mine.index) == list(theirs.index)
    for column in ("months", "labor_force", "employed", "unemployed", "vacancies_mean", "hires",
                   "separations", "migrants_out"):
        np.testing.assert_array_equal(mine[column].round().values, theirs[column].values, column)
    np.testing.assert_allclose(mine["unemp_rate_%"].values, theirs["unemp_rate_%"].values,
                               atol=0.005)


def test_to_frame_is_tidy_and_totals_recompute_rates(small_run):
    path, _, months = small_run
    ds = analysis.open_run(path)
    frame = analysis.to_frame(ds)
    assert len(frame) == months * ds.sizes["region"]
    assert {"time", "region", "unemployed", "vacancies", "mean_wage"} <= set(frame.columns)
    anding = frame[frame.region == "Anding"].set_index("time")["unemployed"]
    np.testing.assert_array_equal(anding.values, ds["unemployed"].sel(region="Anding").values)
    groups = analysis.to_frame(ds, axis="group", variables=["group_unemployed"])
    assert list(groups.columns) == ["time", "group", "month", "group_unemployed"]
    with pytest.raises(KeyError, match="not variables over"):
        analysis.to_frame(ds, axis="group", variables=["unemployed"])
    totals = analysis.totals(ds)
    np.testing.assert_allclose(totals["unemployment_rate"].values,
                               ds["unemployed"].sum("region").values /
                               ds["labor_force"].sum("region").values)


def test_open_panel_follows_the_sampled_workers(laborsim, source_dir, tmp_path):
    out = tmp_path / "panel.h5"
    subprocess.run([laborsim, "run", str(source_dir / "tests" / "data" / "small.json"), "-q",
                    "--months", "3", "--set", "output.panel_workers=200", "-o", str(out)],
                   check=True, capture_output=True)
    panel = analysis.open_panel(out)
    assert dict(panel.sizes) == {"time": 3, "person": 200}
    assert set(np.unique(panel["status"].values)) <= {0, 1, 2, 3, 4}


def test_a_partial_run_is_cut_to_its_committed_months(small_run, tmp_path):
    path, _, months = small_run
    partial = tmp_path / "cut.h5.partial"
    shutil.copy(path, partial)
    with h5py.File(partial, "r+") as f:
        f.attrs["committed_months"] = np.int64(5)
    assert analysis.open_run(partial).sizes["time"] == 5


def test_readers_refuse_other_files_with_the_reason(small_run, tmp_path):
    path, _, _ = small_run
    with pytest.raises(ValueError, match="not a laborsim-sweep-summary file"):
        analysis.open_sweep(path)
    with pytest.raises(FileNotFoundError, match="laborsim sweep collect"):
        analysis.open_sweep(tmp_path)
    with pytest.raises(FileNotFoundError, match="no such file"):
        analysis.open_run(tmp_path / "nonesuch.h5")


def test_effects_equal_what_compare_measured(comparison):
    baseline = analysis.open_arm(comparison, "baseline")
    arm = analysis.open_arm(comparison, "policies")
    assert list(arm["replicate"].values) == [0, 1, 2]
    table = analysis.effects(baseline, arm)
    per_replicate = replicate_effects(baseline, arm)
    with analysis.open_effects(comparison) as measured:
        for statistic in table.index:
            recorded = measured.sel(arm="policies", statistic=statistic)
            np.testing.assert_allclose(per_replicate[statistic].values,
                                       recorded["effect"].values, rtol=1e-9, err_msg=statistic)
            for column in ("mean", "low", "high"):
                np.testing.assert_allclose(table.loc[statistic, column],
                                           float(recorded[f"effect_{column}"]), rtol=1e-9,
                                           err_msg=f"{statistic} {column}")
    assert table.loc["spend", "mean"] > 0 and table.loc["public_posts", "mean"] > 0
    assert (table["replicates"] == 3).all() and table.loc["spend", "units"] == "yuan"


def test_open_sweep_has_a_run_dimension_with_the_design(sweep):
    ds = analysis.open_sweep(sweep)
    assert ds.sizes["run"] == 8
    frame = analysis.to_frame(ds)
    assert len(frame) == 8 * 12 * 17
    assert {"run", "arm", "replicate", "policies.0.posts", "unemployed"} <= set(frame.columns)
    one = analysis.open_run(sweep / "runs" / "00006.h5")
    np.testing.assert_array_equal(ds["employed"].sel(run="00006").values, one["employed"].values)


def test_plots_and_the_report_are_made(small_run, comparison, sweep, tmp_path):
    path, _, _ = small_run
    figures = plots.dashboard(analysis.open_run(path))
    assert set(figures) == {"unemployment_by_region", "vacancy_rate_by_region", "beveridge_curve",
                            "flows", "migration_map"}  # no levers, no policy figure
    for name, figure in figures.items():
        for suffix in (".png", ".svg"):
            out = plots.save(figure, tmp_path / f"{name}{suffix}")
            assert out.stat().st_size > 10_000, out
    with_levers = plots.dashboard(analysis.open_run(comparison / "policies.r0.h5"))
    assert "policy_spend" in with_levers
    assert plots.save(plots.sweep_plot(analysis.open_sweep(sweep)),
                      tmp_path / "sweep.png").stat().st_size > 10_000

    report = tmp_path / "report.html"
    result = subprocess.run(["/usr/bin/python3", "-m", "laborsim.report",
                             str(comparison / "policies.r0.h5"), "-o", str(report)],
                            capture_output=True, text=True, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    page = report.read_text()
    images = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page)
    assert len(images) == 6
    assert all(base64.b64decode(image)[:8] == b"\x89PNG\r\n\x1a\n" for image in images)
    assert "Policy levers over the run" in page and "posts" in page
    summary = analysis.yearly_summary(analysis.open_run(comparison / "policies.r0.h5"))
    assert f"{summary['labor_force'].iloc[-1]:,.0f}" in page
    bad = subprocess.run(["/usr/bin/python3", "-m", "laborsim.report", str(tmp_path / "x.h5")],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "no such file" in bad.stderr


def test_the_package_installs_with_pip(source_dir, tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(source_dir / "analysis" / "python", copy,
                    ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    target = tmp_path / "site"
    subprocess.run(["/usr/bin/python3", "-m", "pip", "install", "--quiet", "--no-deps",
                    "--no-build-isolation", "--no-index", "--target", str(target), str(copy)],
                   check=True, capture_output=True)
    probe = subprocess.run(["/usr/bin/python3", "-c", "import laborsim; print(laborsim.__file__)"],
                           capture_output=True, text=True, check=True,
                           env=dict(os.environ, PYTHONPATH=str(target)))
    assert pathlib.Path(probe.stdout.strip()).is_relative_to(target)


def test_r_reads_the_numbers_python_reads(small_run, source_dir, tmp_path):
    path, _, _ = small_run
    out = tmp_path / "region.csv"
    script = (f"for (f in list.files('{source_dir}/analysis/R/R', full.names = TRUE)) source(f);"
              f"run <- laborsim_read_run('{path}');"
              f"write.csv(run$region, '{out}', row.names = FALSE)")
    subprocess.run(["Rscript", "-e", "options(digits = 17)", "-e", script], check=True,
                   capture_output=True)
    from_r = pd.read_csv(out, parse_dates=["time"])
    from_python = analysis.to_frame(analysis.open_run(path))
    assert list(from_r["region"]) == list(from_python["region"])
    assert list(from_r["time"]) == list(from_python["time"])
    variables = set(from_python.columns) - {"time", "region", "month", "region_kind"}
    assert set(from_r.columns) - {"time", "region"} == variables
    for column in variables:
        np.testing.assert_allclose(from_r[column].values, from_python[column].values, rtol=1e-14,
                                   err_msg=column)


def test_the_r_package_installs_and_reads_a_run(small_run, source_dir, tmp_path):
    path, _, months = small_run
    library = tmp_path / "rlib"
    library.mkdir()
    subprocess.run(["R", "CMD", "INSTALL", f"--library={library}",
                    str(source_dir / "analysis" / "R")], check=True, capture_output=True)
    result = subprocess.run(
        ["Rscript", "-e", f"library(laborsim, lib.loc = '{library}');"
                          f"run <- laborsim_read_run('{path}'); cat(nrow(run$region))"],
        check=True, capture_output=True, text=True)
    assert int(result.stdout) == months * 17

