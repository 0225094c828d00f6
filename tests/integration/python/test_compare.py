"""laborsim compare end to end: one file per arm and replicate, each exactly what `laborsim run`
gives for that arm and seed (the arms share common random numbers), and an effects file whose
numbers follow from those runs."""
import json
import subprocess

import h5py
import numpy as np
import pytest
import xarray as xr

from h5compare import assert_same_contents

LEVERS = [
    {"type": "training_subsidy", "name": "courses", "seats_per_month": 3000},
    {"type": "employment_subsidy", "name": "hiring", "budget": {"per_month_yuan": 3000000}},
]
MONTHS = 8


@pytest.fixture(scope="module")
def comparison(tmp_path_factory, laborsim, source_dir):
    folder = tmp_path_factory.mktemp("compare")
    scenario = folder / "levers.json"
    scenario.write_text(json.dumps({
        "extends": str(source_dir / "tests" / "data" / "small.json"), "name": "levers",
        "months": MONTHS, "burn_in_months": 24, "policies": LEVERS}))
    out = folder / "out"
    result = subprocess.run([laborsim, "compare", str(scenario), "-o", str(out), "-r", "2", "-q"],
                            check=True, capture_output=True, text=True)
    return scenario, out, result.stdout


def datasets(path):
    with h5py.File(path, "r") as f:
        return {name: f[name][()] for name in f if isinstance(f[name], h5py.Dataset)}


def assert_same_datasets(a, b):
    x, y = datasets(a), datasets(b)
    assert x.keys() == y.keys()
    for name in x:
        assert np.array_equal(x[name], y[name]), name


def test_writes_every_arm_and_replicate_and_prints_the_effects(comparison):
    _, out, stdout = comparison
    names = sorted(p.name for p in out.iterdir())
    assert names == ["baseline.r0.h5", "baseline.r1.h5", "effects.h5", "policies.r0.h5",
                     "policies.r1.h5"]
    assert "effects against arm baseline" in stdout
    assert "arm policies (levers: courses,hiring)" in stdout
    assert "cost_per_job_year [yuan/job-year]" in stdout


def test_each_arm_is_what_laborsim_run_gives_for_it(comparison, laborsim, tmp_path):
    scenario, out, _ = comparison
    with xr.open_dataset(out / "effects.h5") as effects:
        seed1 = int(effects["seed"].values[1])
    with h5py.File(out / "policies.r0.h5", "r") as f:
        assert f.attrs["arm"] == "policies" and f.attrs["replicate"] == 1 - 1
    subprocess.run([laborsim, "run", str(scenario), "-o", str(tmp_path / "all.h5"), "-q"],
                   check=True, capture_output=True)
    assert_same_datasets(out / "policies.r0.h5", tmp_path / "all.h5")
    subprocess.run([laborsim, "run", str(scenario), "-o", str(tmp_path / "none.h5"), "-q",
                    "--set", "policies=[]", "--seed", str(seed1)], check=True, capture_output=True)
    assert_same_datasets(out / "baseline.r1.h5", tmp_path / "none.h5")


def test_run_of_one_arm_is_that_arms_first_replicate(comparison, laborsim, tmp_path):
    scenario, out, _ = comparison
    subprocess.run([laborsim, "run", str(scenario), "--arm", "baseline", "-o",
                    str(tmp_path / "baseline.h5"), "-q"], check=True, capture_output=True)
    assert_same_datasets(out / "baseline.r0.h5", tmp_path / "baseline.h5")
    with h5py.File(tmp_path / "baseline.h5", "r") as f:
        assert f.attrs["arm"] == "baseline"
        assert json.loads(f.attrs["config"])["policies"] == []
    bad = subprocess.run([laborsim, "run", str(scenario), "--arm", "nosuch", "-o",
                          str(tmp_path / "x.h5")], capture_output=True, text=True)
    assert bad.returncode == 2
    assert "no such arm (arms: baseline, policies)" in bad.stderr


def test_effects_follow_from_the_runs(comparison):
    _, out, _ = comparison
    with xr.open_dataset(out / "effects.h5") as effects:
        assert list(effects["arm"].values) == ["policies"]
        assert effects["effect"].dims == ("arm", "replicate", "statistic")
        for r in range(2):
            with xr.open_dataset(out / f"policies.r{r}.h5") as arm, \
                    xr.open_dataset(out / f"baseline.r{r}.h5") as base:
                employed = (arm["employed"].sum("region") - base["employed"].sum("region")).mean()
                spend = arm["spend"].sum().item()
                effect = effects["effect"].sel(arm="policies", replicate=r)
                assert effect.sel(statistic="employed").item() == pytest.approx(employed.item())
                assert effect.sel(statistic="spend").item() == pytest.approx(spend)
                assert effect.sel(statistic="job_years").item() == pytest.approx(
                    employed.item() * MONTHS / 12)
        mean = effects["effect_mean"].sel(arm="policies", statistic="spend").item()
        assert mean == pytest.approx(effects["effect"].sel(arm="policies", statistic="spend")
                                     .mean().item())
        assert (effects["effect_low"] <= effects["effect_high"]).sel(
            statistic="spend").all()


def test_nothing_to_compare_is_bad_input(laborsim, source_dir, tmp_path):
    result = subprocess.run([laborsim, "compare", str(source_dir / "tests" / "data" / "small.json"),
                             "-o", str(tmp_path / "out"), "-q"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "nothing to compare" in result.stderr
    assert not (tmp_path / "out").exists()


def test_run_of_an_arm_and_replicate_is_compares_file_for_them(comparison, laborsim, tmp_path):
    """`laborsim run --arm A --replicate R` writes the very file compare writes as A.rR.h5 (the
    same datasets and attributes: seed, replicate, arm, configuration)."""
    scenario, out, _ = comparison
    subprocess.run([laborsim, "run", str(scenario), "--arm", "policies", "--replicate", "1", "-o",
                    str(tmp_path / "policies.r1.h5"), "-q"], check=True, capture_output=True)
    assert_same_contents(out / "policies.r1.h5", tmp_path / "policies.r1.h5")
