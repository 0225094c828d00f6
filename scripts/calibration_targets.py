#!/usr/bin/python3
"""Calibration targets (tests/data/calibration_targets.json) and the statistics of a run that
they compare with. Used by scripts/refresh_docs.py (the table in docs/CALIBRATION.md) and by
tests/integration/python/test_calibration_targets.py.

Usage: /usr/bin/python3 scripts/calibration_targets.py RUN.h5   (prints the table)
"""
import json
import pathlib
import sys

import h5py
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
TARGETS = ROOT / "tests" / "data" / "calibration_targets.json"


def load_targets():
    return json.loads(TARGETS.read_text())["targets"]


def _home(f):
    return np.array([k.decode() if isinstance(k, bytes) else k for k in f["region_kind"][()]]) == "home"


def _years(f):
    return f["month"].size // 12


def statistics(path):
    """The statistic of every target the model can compute, from the run at `path` (a target
    for something not simulated, such as the total population, has none)."""
    with h5py.File(path, "r") as f:
        home = _home(f)
        employed = f["employed"][()]
        wage = f["mean_wage"][()]
        transferred = [f["transferred_this_year"][12 * y + 11][home].sum() for y in range(_years(f))]
        income = [f["migrant_labor_income"][12 * y:12 * y + 12][:, home].sum()
                  for y in range(_years(f))]
        return {
            "people_aged_16_59": float((f["labor_force"][0] + f["inactive"][0]).sum()),
            "communities": float(f["communities"][()].sum()),
            "odd_jobs_markets": float(f["odd_jobs_markets"][()].sum()),
            "unemployment_rate_pct": float(
                100 * np.mean(f["unemployed"][()].sum(1) / f["labor_force"][()].sum(1))),
            "transferred_workers_per_year": float(np.mean(transferred)),
            "migrant_wage_away": float((employed[:, ~home] * wage[:, ~home]).sum() /
                                       employed[:, ~home].sum()),
            "grids": float(f["grids"][()].sum()),
            "grid_staff": float(f["grid_staff"][()].sum()),
            "employment_professionals": float(f["employment_professionals"][()].sum()),
            "odd_jobs_per_month": float(f["odd_jobs"][()].sum(1).mean()),
            "income_per_transferred_worker": float(np.mean(np.array(income) / np.array(transferred))),
        }


def _number(x):
    return "–" if x is None else f"{x:,.4g}" if abs(x) < 100 else f"{x:,.0f}"


def table(path):
    """The Markdown table of targets, bands and what the run gives."""
    values = statistics(path)
    rows = ["| target | statistic | figure | accepted | model | source |", "|---|---|---:|---:|---:|---|"]
    for t in load_targets():
        band = "reported only" if t["low"] is None else (
            _number(t["low"]) if t["low"] == t["high"] else f"{_number(t['low'])} – {_number(t['high'])}")
        note = f" {t['note']}" if "note" in t else ""
        rows.append(f"| `{t['name']}` | {t['statistic']} | {_number(t['target'])} | {band} | "
                    f"{_number(values.get(t['name']))} | {t['source']}.{note} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table(sys.argv[1]))
