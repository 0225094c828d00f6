"""Policy effects of an arm against a baseline over replicates, as `laborsim compare` measures
them (sim/compare/effects.cpp; docs/OUTPUT.md, effects files): the two runs of a replicate share
their seed, so their difference is the arm's effect with little noise; the table gives the mean
over replicates and a 95 % interval (Student's t with R - 1 degrees of freedom)."""
import numpy as np
import pandas as pd
from scipy import stats

from laborsim.frames import unemployment_rate

UNITS = {
    "employed": "persons", "unemployed": "persons", "farming": "persons",
    "public_posts": "persons", "unemployment_rate": "percentage points", "job_years": "job-years",
    "wage_income": "yuan", "value_added": "yuan", "benefits_paid": "yuan", "spend": "yuan",
    "net_fiscal_cost": "yuan", "cost_per_job_year": "yuan/job-year",
}


def replicate_effects(baseline, arm):
    """Per replicate, the statistics of `effects` (a DataFrame: replicate x statistic).
    `baseline` and `arm` are Datasets with a `replicate` dimension (laborsim.open_arm), or single
    runs (one replicate)."""
    baseline, arm = _with_replicates(baseline), _with_replicates(arm)
    if baseline.sizes["time"] != arm.sizes["time"]:
        raise ValueError("the arm and the baseline cover different months")
    if list(baseline["replicate"].values) != list(arm["replicate"].values):
        raise ValueError("the arm and the baseline have different replicates")

    def total(ds, name):
        return ds[name].sum([d for d in ds[name].dims if d not in ("replicate", "time")])

    def change(name):
        return total(arm, name) - total(baseline, name)

    def wage_bill(ds):
        return (ds["mean_wage"] * ds["employed"]).sum("region")

    employed, posts = change("employed"), change("public_posts")
    spend = _spend(arm) - _spend(baseline)
    table = {
        "employed": employed.mean("time"),
        "unemployed": change("unemployed").mean("time"),
        "farming": change("farming").mean("time"),
        "public_posts": posts.mean("time"),
        "unemployment_rate": 100 * (unemployment_rate(arm) - unemployment_rate(baseline)).mean("time"),
        "job_years": ((employed + posts) / 12).sum("time"),
        "wage_income": (wage_bill(arm) - wage_bill(baseline)).sum("time"),
        "value_added": change("value_added").sum("time"),
        "benefits_paid": change("benefits_paid").sum("time"),
        "spend": spend.sum("time"),
    }
    frame = pd.DataFrame({name: value.values for name, value in table.items()},
                         index=pd.Index(arm["replicate"].values, name="replicate"))
    frame["net_fiscal_cost"] = frame["spend"] + frame["benefits_paid"]
    frame["cost_per_job_year"] = np.where(frame["job_years"] > 0,
                                          frame["spend"] / frame["job_years"].where(
                                              frame["job_years"] > 0), np.nan)
    return frame


def effects(baseline, arm):
    """The arm's effects against the baseline: a DataFrame indexed by statistic (employed,
    unemployed, farming, public_posts, unemployment_rate, job_years, wage_income, value_added,
    benefits_paid, spend, net_fiscal_cost, cost_per_job_year) with columns mean, low, high (95 %
    interval; NaN with one replicate), replicates, units. Cost per job-year is mean spend over
    mean job-years, its interval the spend over the job-years interval, as in compare."""
    per_replicate = replicate_effects(baseline, arm)
    n = len(per_replicate)
    rows = {}
    for name in per_replicate.columns:
        values = per_replicate[name].to_numpy(dtype=float)
        mean = values.mean()
        if n > 1:
            half = stats.t.ppf(0.975, n - 1) * values.std(ddof=1) / np.sqrt(n)
            low, high = mean - half, mean + half
        else:
            low = high = np.nan
        rows[name] = {"mean": mean, "low": low, "high": high}
    spend, jobs = rows["spend"], rows["job_years"]
    rows["cost_per_job_year"] = {
        "mean": spend["mean"] / jobs["mean"] if jobs["mean"] > 0 else np.nan,
        "low": spend["mean"] / jobs["high"] if jobs["high"] > 0 else np.nan,
        "high": spend["mean"] / jobs["low"] if jobs["low"] > 0 else np.nan,
    }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "statistic"
    table["replicates"] = n
    table["units"] = [UNITS[name] for name in table.index]
    return table


def _with_replicates(ds):
    return ds if "replicate" in ds.dims else ds.expand_dims(replicate=[int(ds.attrs.get("replicate", 0))])


def _spend(ds):
    if "spend" not in ds or ds.sizes.get("policy", 0) == 0:
        return ds["employed"].sum("region") * 0.0
    return ds["spend"].sum("policy")
