#!/usr/bin/python3
"""LM-Bench table: build/bin/lmbench at sizes S, M, L and 1 and 2 threads, with the fused
Philox + update pass (`lmbench --limit`) at the same size and threads as the speed limit. With
--write FILE, the table replaces the part of FILE between the bench:lmbench markers.

Usage: /usr/bin/python3 bench/lmbench.py [--lmbench build/bin/lmbench] [--sizes S M L]
       [--threads 1 2] [--months 120] [--write docs/PERFORMANCE.md]
"""
import argparse
import json
import pathlib
import subprocess
import sys

from bench_common import machine_line, write_between

BEGIN = "<!-- bench:lmbench:begin -->"
END = "<!-- bench:lmbench:end -->"


def lmbench(binary, *args):
    result = subprocess.run([binary, *map(str, args)], check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def table(rows, months):
    lines = [
        machine_line(f"{months} months"),
        "",
        "| size | workers | threads | loop s | set-up s | worker-months/s | per core | speed-up | "
        "limit per core | of limit | unemployment (last 60) | peak RSS | bytes/worker |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    single = {r["size"]: r for r, _ in rows if r["threads"] == 1}
    for r, limit in rows:
        rate = r["worker_months_per_s"]
        base = single.get(r["size"])
        speedup = base["seconds"] / r["seconds"] if base else float("nan")
        limit_rate = limit["limit_worker_months_per_s"]
        lines.append(
            f"| {r['size']} | {r['workers']:,} | {r['threads']} | {r['seconds']:.2f} | "
            f"{r['setup_seconds']:.2f} | {rate:.3g} | {rate / r['threads']:.3g} | {speedup:.2f} | "
            f"{limit_rate / r['threads']:.3g} | {rate / limit_rate:.2f} | "
            f"{r['mean_unemployment_rate_last_60']:.4f} | {r['peak_rss_mb']:.0f} MiB | "
            f"{r['peak_rss_mb'] * 2**20 / r['workers']:.0f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lmbench", default="build/bin/lmbench")
    parser.add_argument("--sizes", nargs="+", default=["S", "M", "L"])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--months", type=int, default=120)
    parser.add_argument("--write", type=pathlib.Path, help="Markdown file to put the table in")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        for threads in args.threads:
            common = ("--size", size, "--months", args.months, "-j", threads)
            result = lmbench(args.lmbench, *common)
            limit = lmbench(args.lmbench, *common, "--limit")
            print(f"  {size}, {threads} threads: {result['seconds']:.2f} s "
                  f"(limit {limit['seconds']:.2f} s)", file=sys.stderr, flush=True)
            rows.append((result, limit))
    text = table(rows, args.months)
    print(text)
    if args.write:
        write_between(args.write, BEGIN, END, text)


if __name__ == "__main__":
    main()
