"""Golden baselines: small canonical runs whose every output dataset is fingerprinted.

A fingerprint records, per dataset of the trajectory file, its shape, type, the SHA-256 of its
bytes and — for monthly variables — the sum over its non-time axes for each month, written with
17 significant digits (exact for doubles), so that a change shows where and when the numbers
moved, not just that they did. Attributes (commit, threads, the configuration text) are left out:
they change with the build, not the model.

Used by scripts/update-baselines (writes tests/baselines/NAME.json) and by
tests/integration/python/test_baselines.py (compares a fresh run with them exactly).
"""
import hashlib
import json
import pathlib
import subprocess

import h5py
import numpy as np

SOURCE_DIR = pathlib.Path(__file__).resolve().parents[1]
BASELINE_DIR = SOURCE_DIR / "tests" / "baselines"


def specs():
    """The baselines listed in tests/baselines/baselines.json."""
    return json.loads((BASELINE_DIR / "baselines.json").read_text())["baselines"]


def run(laborsim, spec, out_dir, threads=2, extra=()):
    """Runs one baseline's scenario (with `extra` arguments, if any); returns the trajectory
    file's path."""
    scenario = spec["scenario"]
    if not scenario.startswith("builtin:"):
        scenario = str(SOURCE_DIR / scenario)
    out = pathlib.Path(out_dir) / f"{spec['name']}.h5"
    command = [str(laborsim), "run", scenario, "--months", str(spec["months"]), "-j", str(threads),
               "-q", "-o", str(out)]
    for assignment in spec.get("set", []):
        command += ["--set", assignment]
    command += list(extra)
    subprocess.run(command, check=True, capture_output=True, text=True)
    return out


def _exact(value):
    return format(float(value), ".17g")


def fingerprint(path):
    """{dataset name: {shape, dtype, sha256[, monthly_sum]}} of a trajectory file."""
    result = {}
    with h5py.File(path, "r") as f:
        months = f["time"].shape[0]
        names = []
        f.visititems(lambda name, obj: names.append(name) if isinstance(obj, h5py.Dataset) else None)
        for name in sorted(names):
            data = f[name][()]
            if data.dtype.kind == "O":  # variable-length strings (labels)
                raw = "\x1f".join(x.decode() if isinstance(x, bytes) else str(x)
                                  for x in data.ravel()).encode()
            else:
                raw = np.ascontiguousarray(data).tobytes()
            entry = {"shape": list(data.shape), "dtype": str(data.dtype),
                     "sha256": hashlib.sha256(raw).hexdigest()}
            if data.dtype.kind == "f" and data.ndim >= 1 and data.shape[0] == months and name != "time":
                entry["monthly_sum"] = [_exact(row.sum()) for row in data.reshape(months, -1)]
            result[name] = entry
    return result


def differences(expected, actual):
    """What differs between two fingerprints, one line each (empty when identical)."""
    lines = []
    for name in sorted(set(expected) | set(actual)):
        if name not in actual:
            lines.append(f"{name}: missing from the run")
            continue
        if name not in expected:
            lines.append(f"{name}: new dataset, not in the baseline")
            continue
        a, b = expected[name], actual[name]
        if a == b:
            continue
        if a["shape"] != b["shape"] or a["dtype"] != b["dtype"]:
            lines.append(f"{name}: {a['dtype']}{a['shape']} became {b['dtype']}{b['shape']}")
            continue
        moved = [m for m, (x, y) in enumerate(zip(a.get("monthly_sum", []),
                                                  b.get("monthly_sum", []))) if x != y]
        if moved:
            m = moved[0]
            lines.append(f"{name}: differs from month {m} ({len(moved)} months differ; "
                         f"month {m} sum {a['monthly_sum'][m]} became {b['monthly_sum'][m]})")
        else:
            lines.append(f"{name}: contents differ (sha256)")
    return lines


def baseline_path(name):
    return BASELINE_DIR / f"{name}.json"


def load(name):
    return json.loads(baseline_path(name).read_text())


def write(name, spec, print_):
    """Writes a baseline file: the spec it came from and the fingerprint, one dataset a line (so
    that a refresh's diff names the datasets that moved)."""
    lines = [f" {json.dumps(key)}: {json.dumps(entry)}" for key, entry in print_.items()]
    text = ('{"spec": ' + json.dumps(spec) + ',\n"datasets": {\n' + ",\n".join(lines) + "\n}}\n")
    baseline_path(name).write_text(text)
