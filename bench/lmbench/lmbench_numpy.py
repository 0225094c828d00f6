#!/usr/bin/python3
"""LM-Bench (bench/lmbench/SPEC.md) written independently in numpy: the port the spec promises is
possible, and the check that build/bin/lmbench follows its own spec (the tests compare their
unemployment rates). Vectorised over workers; the matching loops over regions.

Usage: /usr/bin/python3 bench/lmbench/lmbench_numpy.py [--size S] [--months 120] [--seed 1]
Prints one JSON line like lmbench's (seconds, worker_months_per_s, mean_unemployment_rate_last_60).
"""
import argparse
import json
import time

import numpy as np

SIZES = {"S": (100_000, 5_000, 10), "M": (1_000_000, 50_000, 20), "L": (10_000_000, 500_000, 60)}


def simulate(size, months, seed):
    workers, firms, side = SIZES[size]
    regions = side * side
    rng = np.random.default_rng(seed)
    firm_region = rng.integers(0, regions, firms)
    target = rng.integers(10, 31, firms)
    firms_of = [np.flatnonzero(firm_region == r) for r in range(regions)]
    region = rng.integers(0, regions, workers)
    employer = np.full(workers, -1)
    wage = np.zeros(workers)
    reservation = rng.uniform(1600, 4800, workers)
    employed = rng.random(workers) < 0.9
    for r in range(regions):
        chosen = np.flatnonzero(employed & (region == r))
        if len(firms_of[r]) and len(chosen):
            employer[chosen] = rng.choice(firms_of[r], len(chosen))
    hired = employer >= 0
    wage[hired] = rng.uniform(2000, 6000, hired.sum())
    reservation[hired] = 0.8 * wage[hired]
    size_ = np.bincount(employer[hired], minlength=firms)
    x, y = np.arange(regions) % side, np.arange(regions) // side
    neighbours = np.stack([y * side + (x + 1) % side, y * side + (x - 1) % side,
                           ((y + 1) % side) * side + x, ((y - 1) % side) * side + x], axis=1)
    rates = []
    start = time.perf_counter()
    for _ in range(months):
        working = employer >= 0
        wage[working] *= 1 + rng.uniform(-0.004, 0.008, working.sum())
        reservation[~working] *= 0.99
        leaving = working & (rng.random(workers) < 0.02)
        np.subtract.at(size_, employer[leaving], 1)
        employer[leaving] = -1
        vacancies = np.maximum(0, target - size_)
        seekers = np.flatnonzero(employer < 0)
        searched = region[seekers].copy()
        away = rng.random(len(seekers)) >= 0.8
        searched[away] = neighbours[searched[away], rng.integers(0, 4, away.sum())]
        order = np.argsort(searched, kind="stable")
        seekers, searched = seekers[order], searched[order]
        bounds = np.searchsorted(searched, np.arange(regions + 1))
        for r in range(regions):
            pool = seekers[bounds[r]:bounds[r + 1]]
            slots = np.repeat(firms_of[r], vacancies[firms_of[r]])
            u, v = len(pool), len(slots)
            wanted = min(u, v, 0.6 * np.sqrt(u * v))
            m = int(wanted) + (rng.random() < wanted - int(wanted))
            if m == 0:
                continue
            chosen = rng.choice(pool, m, replace=False)
            places = rng.choice(slots, m, replace=False)
            employer[chosen] = places
            region[chosen] = r
            wage[chosen] = 1.1 * reservation[chosen]
            np.add.at(size_, places, 1)
        rates.append((employer < 0).sum() / workers)
    seconds = time.perf_counter() - start
    last = rates[-60:]
    return {"size": size, "workers": workers, "months": months, "seconds": seconds,
            "worker_months_per_s": workers * months / seconds,
            "mean_unemployment_rate_last_60": float(np.mean(last))}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="S", choices=sorted(SIZES))
    parser.add_argument("--months", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(json.dumps(simulate(args.size, args.months, args.seed)))


if __name__ == "__main__":
    main()
