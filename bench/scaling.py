#!/usr/bin/python3
"""Whole-run scaling benchmark of laborsim.

Runs the embedded Dingxi scenario scaled to 10^5, 10^6, 10^7 and 1.5 x 10^7 workers (a province:
Gansu's labour force) for 120 months at 1 and 2 threads,
each run in its own process (so peak memory is the run's own), and reports worker-months per
second per core of the monthly loop, set-up and output time, and peak resident memory per worker.
With --write FILE, the table replaces the part of FILE between the bench:scaling markers.

Usage: /usr/bin/python3 bench/scaling.py [--laborsim build/bin/laborsim] [--months 120]
       [--workers 1e5 1e6 1e7 1.5e7] [--threads 1 2] [--write docs/PERFORMANCE.md]
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

from bench_common import machine_line, write_between

DINGXI_WORKING_AGE = 1_534_100  # people aged 16-59 in configs/dingxi.json at scale 1
BEGIN = "<!-- bench:scaling:begin -->"
END = "<!-- bench:scaling:end -->"


def run_once(laborsim, workers, threads, months, folder):
    scale = workers / DINGXI_WORKING_AGE
    metrics = folder / f"metrics_{workers}_{threads}.json"
    output = folder / f"run_{workers}_{threads}.h5"
    # Without burn-in, set-up is population synthesis alone; the loop is what is compared.
    subprocess.run([laborsim, "run", "--set", f"population.scale={scale!r}",
                    "--set", "burn_in_months=0", "--months", str(months),
                    "-j", str(threads), "-q", "-o", str(output), "--metrics-json", str(metrics)],
                   check=True, stdout=subprocess.DEVNULL)
    result = json.loads(metrics.read_text())
    output.unlink()
    return result


def table(rows, months):
    lines = [
        machine_line(f"{months} months of the Dingxi scenario"),
        "",
        "| workers | threads | loop s | set-up s | output s | worker-months/s | "
        "per core | speed-up | peak RSS | bytes/worker |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    single = {r["workers"]: r for r in rows if r["threads"] == 1}
    for r in rows:
        rate = r["worker_months_per_second"]
        base = single.get(r["workers"])
        speedup = (base["step_seconds"] / r["step_seconds"]) if base else float("nan")
        lines.append(
            f"| {r['workers']:,} | {r['threads']} | {r['step_seconds']:.2f} | "
            f"{r['setup_seconds']:.2f} | {r['output_seconds']:.2f} | {rate:.3g} | "
            f"{rate / r['threads']:.3g} | {speedup:.2f} | {r['peak_rss_bytes'] / 2**20:.0f} MiB | "
            f"{r['peak_rss_bytes'] / r['workers']:.0f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laborsim", default="build/bin/laborsim")
    parser.add_argument("--months", type=int, default=120)
    parser.add_argument("--workers", type=float, nargs="+", default=[1e5, 1e6, 1e7, 1.5e7])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--write", type=pathlib.Path, help="Markdown file to put the table in")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="laborsim-bench-") as folder:
        for workers in args.workers:
            for threads in args.threads:
                result = run_once(args.laborsim, int(workers), threads, args.months,
                                  pathlib.Path(folder))
                print(f"  {result['workers']:>10,} workers, {threads} threads: "
                      f"{result['step_seconds']:.2f} s", file=sys.stderr, flush=True)
                rows.append(result)
    text = table(rows, args.months)
    print(text)
    if args.write:
        write_between(args.write, BEGIN, END, text)


if __name__ == "__main__":
    main()
