"""What the benchmark scripts share: the machine and commit they ran on, and writing a table
between two markers of a Markdown file (docs/PERFORMANCE.md)."""
import datetime
import os
import pathlib
import platform
import subprocess
import sys


def cpu_model():
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def git_commit():
    try:
        return subprocess.run(["git", "describe", "--always", "--dirty"], check=True,
                              capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine_line(what):
    """The line above a table: machine, commit, date and what was measured."""
    return (f"Machine: {cpu_model()}, {os.cpu_count()} logical CPUs; commit {git_commit()}; "
            f"{datetime.date.today().isoformat()}; {what}.")


def write_between(path, begin, end, text):
    """Replaces the part of the file at `path` between the `begin` and `end` markers."""
    document = path.read_text()
    if begin not in document or end not in document:
        sys.exit(f"{path}: no {begin} ... {end} markers to write between")
    head, rest = document.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{begin}\n{text}\n{end}{tail}")
