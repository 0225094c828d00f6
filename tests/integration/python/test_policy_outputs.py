"""A run with policy levers: the policy axis and the lever outputs open in xarray with their labels,
budgets hold month by month in the file, take-up is new beneficiaries over eligible, and the
levers leave the rest of the output consistent (the labour-force identity still holds)."""
import json
import subprocess

import numpy as np
import pytest
import xarray as xr

LEVERS = [
    {"type": "training_subsidy", "name": "care_courses", "sector": "services",
     "seats_per_month": 3000, "budget": {"per_month_yuan": 2000000}},
    {"type": "employment_subsidy", "name": "hire_hard", "start": "2024-03",
     "budget": {"total_yuan": 20000000}},
]


@pytest.fixture(scope="module")
def lever_run(tmp_path_factory, laborsim, source_dir):
    folder = tmp_path_factory.mktemp("levers")
    scenario = folder / "levers.json"
    scenario.write_text(json.dumps({"extends": str(source_dir / "tests" / "data" / "small.json"),
                                    "name": "levers", "months": 10, "policies": LEVERS}))
    out = folder / "levers.h5"
    inspect = None
    subprocess.run([laborsim, "run", str(scenario), "-o", str(out), "-q"], check=True,
                   capture_output=True)
    inspect = subprocess.run([laborsim, "inspect", str(out)], check=True, capture_output=True,
                             text=True).stdout
    return out, inspect


@pytest.mark.parametrize("engine", ["netcdf4", "h5netcdf"])
def test_policy_axis_and_variables(lever_run, engine):
    path, _ = lever_run
    with xr.open_dataset(path, engine=engine) as ds:
        assert list(ds["policy"].values) == ["care_courses", "hire_hard"]
        for name in ["spend", "beneficiaries", "new_beneficiaries", "eligible", "take_up",
                     "attributed_jobs"]:
            assert ds[name].dims == ("time", "policy"), name
        assert ds["spend"].attrs["units"] == "yuan"


def test_budgets_hold_and_take_up_is_new_over_eligible(lever_run):
    path, _ = lever_run
    with xr.open_dataset(path) as ds:
        spend = ds["spend"].to_pandas()
        assert (spend["care_courses"] <= 2000000 + 0.005).all()
        assert spend["care_courses"].sum() > 0
        assert spend["hire_hard"].sum() <= 20000000 + 0.005
        assert (spend["hire_hard"].iloc[:2] == 0).all()  # starts in March
        assert spend["hire_hard"].iloc[2:].sum() > 0
        take_up = ds["take_up"].values
        eligible = ds["eligible"].values
        expected = np.where(eligible > 0, ds["new_beneficiaries"].values / np.maximum(eligible, 1), 0)
        np.testing.assert_allclose(take_up, expected, rtol=1e-12)
        assert (ds["new_beneficiaries"] <= ds["beneficiaries"]).all()
        lf = ds["labor_force"].values
        np.testing.assert_allclose(lf, ds["employed"].values + ds["farming"].values
                                   + ds["public_posts"].values + ds["unemployed"].values,
                                   rtol=1e-12)


def test_inspect_reports_each_levers_totals(lever_run):
    path, inspect = lever_run
    with xr.open_dataset(path) as ds:
        for lever in ["care_courses", "hire_hard"]:
            total = ds["spend"].sel(policy=lever).sum().item()
            assert f"lever {lever}: spent {total:.0f} yuan" in inspect
