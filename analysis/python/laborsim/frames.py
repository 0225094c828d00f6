"""Tidy pandas frames and whole-region totals from laborsim Datasets."""
import numpy as np
import xarray as xr

# Counts that add up over regions; rates and means do not (they are recomputed from counts).
_RATES = {"mean_wage", "demand_index", "grid_coverage", "grid_caseload", "job_finding_rate",
          "separation_rate", "take_up", "group_mean_spell", "sector_mean_wage"}


def to_frame(ds, axis="region", variables=None):
    """One row per (time, AXIS) — per (run, time, AXIS) for a sweep, (replicate, time, AXIS) for
    an arm —, one column per variable on that axis, with the run coordinates (arm, replicate,
    design values) as columns too. `axis`: region, group, sector, edge, size_class, policy, or
    None for the variables over time alone."""
    wanted_dims = {"time"} | ({axis} if axis else set())
    names = [name for name, v in ds.data_vars.items()
             if {d for d in v.dims if d not in ("run", "replicate")} == wanted_dims]
    if variables is not None:
        missing = set(variables) - set(names)
        if missing:
            raise KeyError(f"not variables over {sorted(wanted_dims)}: {sorted(missing)}")
        names = list(variables)
    if not names:
        raise KeyError(f"no variables over {sorted(wanted_dims)}")
    frame = ds[names].to_dataframe().reset_index()
    # Dimensions, then the other coordinates (month, region_kind, arm, design values), then data.
    coordinates = [c for c in frame.columns if c not in names]
    return frame[coordinates + names]


def totals(ds):
    """Sums over all regions of the counts on the region axis (a Dataset over time, and run or
    replicate when present); rates recomputed from summed counts: `unemployment_rate`,
    `vacancy_rate` (vacancies / (employed + vacancies)), `job_finding_rate`."""
    counts = [name for name, v in ds.data_vars.items()
              if "region" in v.dims and "time" in v.dims and name not in _RATES]
    total = ds[counts].sum("region")
    total["unemployment_rate"] = _ratio(total["unemployed"], total["labor_force"])
    total["vacancy_rate"] = _ratio(total["vacancies"], total["employed"] + total["vacancies"])
    total["job_finding_rate"] = _ratio(total["job_finders"], total["job_seekers"])
    return total


def unemployment_rate(ds, by_region=False):
    """Unemployed over labour force, over all regions (or per region), month by month."""
    if by_region:
        return _ratio(ds["unemployed"], ds["labor_force"])
    return _ratio(ds["unemployed"].sum("region"), ds["labor_force"].sum("region"))


def _ratio(numerator, denominator):
    return xr.where(denominator > 0, numerator / denominator.where(denominator > 0), 0.0)


def yearly_summary(ds):
    """The yearly table `laborsim run` and `laborsim inspect` print: per calendar year, the
    months simulated; labour force, employed, unemployed, unemployment rate (%) and migrants
    working away in the year's last month; mean monthly vacancies; hires and separations summed
    over the year (all regions)."""
    t = totals(ds)
    frame = t[["labor_force", "employed", "unemployed", "vacancies", "hires", "separations",
               "migrants_out"]].to_dataframe()
    frame["year"] = frame.index.year
    grouped = frame.groupby("year")
    table = grouped[["labor_force", "employed", "unemployed", "migrants_out"]].last()
    table.insert(0, "months", grouped.size())
    table.insert(4, "unemp_rate_%", 100 * table["unemployed"] / table["labor_force"])
    table.insert(5, "vacancies_mean", grouped["vacancies"].mean())
    table.insert(6, "hires", grouped["hires"].sum())
    table.insert(7, "separations", grouped["separations"].sum())
    return table
