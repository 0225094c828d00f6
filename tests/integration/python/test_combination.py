"""The combination scenario (configs/scenarios/combination.json): Dingxi's package of levers with
its reported budgets, its arms (baseline, each lever alone, the combination), compared on a small
sample: every arm runs, budgets hold, and the combination spends and acts more than any lever
alone."""
import json
import subprocess

import pytest
import xarray as xr

MONTHS = 6


@pytest.fixture(scope="module")
def combination(tmp_path_factory, laborsim, source_dir):
    out = tmp_path_factory.mktemp("combination")
    subprocess.run([laborsim, "compare", str(source_dir / "configs" / "scenarios" / "combination.json"),
                    "-o", str(out), "-r", "1", "-q", "--months", str(MONTHS),
                    "--set", "population.scale=0.02", "--set", "burn_in_months=12"],
                   check=True, capture_output=True, text=True)
    scenario = json.loads((source_dir / "configs" / "scenarios" / "combination.json").read_text())
    return out, scenario


def test_every_arm_runs_and_is_measured_against_the_baseline(combination):
    out, scenario = combination
    arms = [arm["name"] for arm in scenario["arms"]]
    assert arms[0] == "baseline"
    with xr.open_dataset(out / "effects.h5") as effects:
        assert list(effects["arm"].values) == arms[1:]
        assert effects.attrs["reference_arm"] == "baseline"
    for arm in arms:
        assert (out / f"{arm}.r0.h5").exists()


def test_budgets_hold_lever_by_lever(combination):
    out, scenario = combination
    budgets = {p["name"]: p.get("budget", {}) for p in scenario["policies"]}
    with xr.open_dataset(out / "combination.r0.h5") as run:
        spend = run["spend"].to_pandas()
        assert list(spend.columns) == [p["name"] for p in scenario["policies"]]
        for name, budget in budgets.items():
            if "per_month_yuan" in budget:
                assert (spend[name] <= budget["per_month_yuan"] + 0.005).all(), name
            if "per_year_yuan" in budget:  # the run lies within one calendar year
                assert spend[name].sum() <= budget["per_year_yuan"] + 0.005, name
        assert (spend.sum() > 0).sum() >= 10  # nearly every lever found people to serve


def test_the_combination_spends_more_than_any_lever_alone(combination):
    out, _ = combination
    with xr.open_dataset(out / "effects.h5") as effects:
        spend = effects["effect"].sel(statistic="spend", replicate=0).to_pandas()
        assert spend["combination"] == max(spend)
        assert (effects["employed_effect"].sel(arm="combination").values != 0).any()
