#!/usr/bin/python3
"""Regenerates the parts of docs/ that the code determines, and which tests compare:
the key references of docs/CONFIG.md and docs/SWEEPS.md (from the schemas) and the default-run and calibration-target
tables of docs/CALIBRATION.md (from `laborsim run -q`, which is deterministic).

Usage: /usr/bin/python3 scripts/refresh_docs.py [--laborsim build/bin/laborsim]
"""
import argparse
import pathlib
import re
import subprocess
import tempfile

import calibration_targets

ROOT = pathlib.Path(__file__).resolve().parents[1]


def replace_section(text, name, body):
    return re.sub(f"<!-- {name}:begin -->.*<!-- {name}:end -->",
                  lambda _: f"<!-- {name}:begin -->\n{body}\n<!-- {name}:end -->", text, flags=re.S)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laborsim", default=str(ROOT / "build" / "bin" / "laborsim"))
    args = parser.parse_args()
    for schema, document in (("scenario", "CONFIG.md"), ("sweep", "SWEEPS.md")):
        subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "schema_doc.py"), "--schema",
                        str(ROOT / "configs" / "schema" / f"{schema}.schema.json"), "--write",
                        str(ROOT / "docs" / document)], check=True)
    calibration = ROOT / "docs" / "CALIBRATION.md"
    with tempfile.TemporaryDirectory() as folder:
        run = f"{folder}/dingxi.h5"
        stdout = subprocess.run([args.laborsim, "run", "-q", "-o", run], check=True,
                                capture_output=True, text=True).stdout
        summary = stdout[stdout.index("year  months"):].rstrip()
        targets = calibration_targets.table(run)
    text = replace_section(calibration.read_text(), "calibration:default-run",
                           "```\n" + summary + "\n```")
    calibration.write_text(replace_section(text, "calibration:targets", targets))


if __name__ == "__main__":
    main()
