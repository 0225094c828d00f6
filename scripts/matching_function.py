#!/usr/bin/python3
"""Emergent matching function of a run: OLS of log hires on log unemployment and log vacancies
(totals over regions, month by month), in the specifications docs/MODEL.md compares.

Usage: build/bin/laborsim run tests/data/credibility.json -q -o /tmp/c.h5
       /usr/bin/python3 scripts/matching_function.py /tmp/c.h5
"""
import sys

import h5py
import numpy as np


def ols(y, *xs):
    x = np.column_stack([np.ones(len(y))] + list(xs))
    return np.linalg.lstsq(x, y, rcond=None)[0]


def main(path):
    with h5py.File(path, "r") as f:
        total = {name: f[name][()].sum(axis=1) for name in
                 ("unemployed", "vacancies", "hires", "job_finders", "job_seekers", "labor_force")}
    u, v = total["unemployed"], total["vacancies"]
    rate = u / total["labor_force"]
    print(f"unemployment rate {rate.min():.3f} to {rate.max():.3f}")
    rows = [("hires out of unemployment on job seekers (the test's)", total["job_finders"][1:],
             total["job_seekers"][1:]),
            ("all hires on job seekers", total["hires"][1:], total["job_seekers"][1:]),
            ("all hires on unemployed at the start of the month", total["hires"][1:], u[:-1]),
            ("hires out of unemployment on unemployed at the start", total["job_finders"][1:], u[:-1])]
    for name, hires, searchers in rows:
        b = ols(np.log(hires), np.log(searchers), np.log(v[1:]))
        print(f"{name}: unemployment {b[1]:.2f}, vacancies {b[2]:.2f}, returns {b[1] + b[2]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
