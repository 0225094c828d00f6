#!/usr/bin/python3
"""Emergent matching function of a run: OLS of log hires on log searchers and log vacancies
(totals over regions, month by month, with dummies for the calendar month), in the
specifications docs/MODEL.md compares.

Usage: build/bin/laborsim run tests/data/credibility.json -q -o /tmp/c.h5
       /usr/bin/python3 scripts/matching_function.py /tmp/c.h5
"""
import sys

import h5py
import numpy as np


def ols(y, months, *xs):
    """Coefficients of xs in a regression of y on a constant, xs and calendar-month dummies
    (the run starts in January)."""
    dummies = [(months % 12 == m).astype(float) for m in range(1, 12)]
    x = np.column_stack([np.ones(len(y))] + list(xs) + dummies)
    return np.linalg.lstsq(x, y, rcond=None)[0][1:1 + len(xs)]


def main(path):
    with h5py.File(path, "r") as f:
        total = {name: f[name][()].sum(axis=1) for name in
                 ("unemployed", "vacancies", "hires", "job_finders", "job_seekers", "labor_force",
                  "farmers_looking", "farmers_hired")}
    u, v = total["unemployed"], total["vacancies"]
    rate = u / total["labor_force"]
    print(f"unemployment rate {rate.min():.3f} to {rate.max():.3f}")
    non_employed_hires = total["job_finders"] + total["farmers_hired"]
    non_employed_searchers = total["job_seekers"] + total["farmers_looking"]
    rows = [("hires out of non-employment on non-employed searchers (the test's)",
             non_employed_hires[1:], non_employed_searchers[1:]),
            ("hires out of unemployment on job seekers", total["job_finders"][1:],
             total["job_seekers"][1:]),
            ("all hires on non-employed searchers", total["hires"][1:], non_employed_searchers[1:]),
            ("all hires on unemployed at the start of the month", total["hires"][1:], u[:-1]),
            ("hires out of unemployment on unemployed at the start", total["job_finders"][1:],
             u[:-1])]
    months = np.arange(1, len(u))
    for name, hires, searchers in rows:
        b = ols(np.log(hires), months, np.log(searchers), np.log(v[1:]))
        print(f"{name}: searchers {b[0]:.2f}, vacancies {b[1]:.2f}, returns {b[0] + b[1]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
