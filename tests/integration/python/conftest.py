"""Fixtures shared by the Python output tests: one small run made by the test session itself."""
import os
import pathlib
import subprocess

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("LABORSIM_SOURCE_DIR", pathlib.Path(__file__).parents[3]))
LABORSIM = os.environ.get("LABORSIM_BIN", str(SOURCE_DIR / "build" / "bin" / "laborsim"))


def parse_summary(stdout):
    """The summary table printed by `laborsim run`, as {year: {column: value}}."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("year  months"))
    header = lines[start].split()
    table = {}
    for line in lines[start + 1:]:
        fields = line.split()
        if len(fields) != len(header):
            break
        row = dict(zip(header, (float(f) for f in fields)))
        table[int(row["year"])] = row
    return table


@pytest.fixture(scope="session")
def source_dir():
    """The laborsim source tree."""
    return SOURCE_DIR


@pytest.fixture(scope="session")
def laborsim():
    """Path of the laborsim executable under test."""
    return LABORSIM


@pytest.fixture(scope="session")
def default_run(tmp_path_factory):
    """Runs the embedded Dingxi scenario as `make run` does; returns (path, stdout)."""
    out = tmp_path_factory.mktemp("default") / "dingxi.h5"
    result = subprocess.run([LABORSIM, "run", "-q", "-o", str(out)], check=True, capture_output=True,
                            text=True)
    return out, result.stdout


@pytest.fixture(scope="session")
def small_run(tmp_path_factory):
    """Runs tests/data/small.json for 18 months; returns (path, summary table, months)."""
    out = tmp_path_factory.mktemp("run") / "small.h5"
    months = 18
    result = subprocess.run(
        [LABORSIM, "run", str(SOURCE_DIR / "tests" / "data" / "small.json"), "-o", str(out),
         "--months", str(months), "-q"],
        check=True, capture_output=True, text=True)
    return out, parse_summary(result.stdout), months
