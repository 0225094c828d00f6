#!/usr/bin/python3
"""Regenerates the parts of docs/ that the code determines, and which tests compare:
the key reference of docs/CONFIG.md (from the schema) and the default-run table of
docs/CALIBRATION.md (from `laborsim run -q`, which is deterministic).

Usage: /usr/bin/python3 scripts/refresh_docs.py [--laborsim build/bin/laborsim]
"""
import argparse
import pathlib
import re
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]


def default_run_table(laborsim):
    with tempfile.TemporaryDirectory() as folder:
        stdout = subprocess.run([laborsim, "run", "-q", "-o", f"{folder}/dingxi.h5"], check=True,
                                capture_output=True, text=True).stdout
    return stdout[stdout.index("year  months"):].rstrip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laborsim", default=str(ROOT / "build" / "bin" / "laborsim"))
    args = parser.parse_args()
    subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "schema_doc.py"), "--write",
                    str(ROOT / "docs" / "CONFIG.md")], check=True)
    calibration = ROOT / "docs" / "CALIBRATION.md"
    table = default_run_table(args.laborsim)
    text = re.sub(r"<!-- calibration:default-run:begin -->.*<!-- calibration:default-run:end -->",
                  lambda _: "<!-- calibration:default-run:begin -->\n```\n" + table +
                  "\n```\n<!-- calibration:default-run:end -->",
                  calibration.read_text(), flags=re.S)
    calibration.write_text(text)


if __name__ == "__main__":
    main()
