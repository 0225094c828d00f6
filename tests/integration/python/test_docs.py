"""The documentation matches the code: the key references in docs/CONFIG.md and docs/SWEEPS.md are
what the schemas generate, and docs/OUTPUT.md documents every dataset and attribute a run writes, with its units."""
import pathlib
import subprocess

import h5py
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("schema, document", [("scenario", "CONFIG.md"), ("sweep", "SWEEPS.md")])
def test_key_references_are_generated_from_the_schemas(schema, document):
    generated = subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "schema_doc.py"),
                                "--schema", str(ROOT / "configs" / "schema" / f"{schema}.schema.json")],
                               check=True, capture_output=True, text=True).stdout.strip()
    text = (ROOT / "docs" / document).read_text()
    section = text.split("<!-- schema:begin -->")[1].split("<!-- schema:end -->")[0].strip()
    assert section == generated, "run: /usr/bin/python3 scripts/refresh_docs.py"


def test_output_doc_lists_every_dataset_with_its_units_and_every_attribute(small_run):
    path, _, _ = small_run
    document = (ROOT / "docs" / "OUTPUT.md").read_text()
    rows = {line.split("|")[1].strip(): line for line in document.splitlines()
            if line.startswith("| `")}
    with h5py.File(path, "r") as f:
        for name, dataset in f.items():
            assert f"`{name}`" in rows, f"docs/OUTPUT.md does not document dataset {name}"
            units = dataset.attrs.get("units")
            if units is not None and name != "time":
                units = units.decode() if isinstance(units, bytes) else units
                assert f"| {units} |" in rows[f"`{name}`"], f"{name}: units {units} not in docs"
        for attribute in f.attrs:
            assert f"`{attribute}`" in rows, f"docs/OUTPUT.md does not document attribute {attribute}"


def test_calibration_doc_shows_what_the_default_run_gives(default_run):
    _, stdout = default_run
    table = stdout[stdout.index("year  months"):].strip()
    document = (ROOT / "docs" / "CALIBRATION.md").read_text()
    section = document.split("<!-- calibration:default-run:begin -->")[1].split(
        "<!-- calibration:default-run:end -->")[0]
    assert section.strip().strip("`").strip() == table, \
        "docs/CALIBRATION.md shows an old default run; run: /usr/bin/python3 scripts/refresh_docs.py"


def test_calibration_doc_lists_each_parameter_once():
    """A parameter listed twice in docs/CALIBRATION.md ends up with two stories; keep one."""
    import re
    document = (ROOT / "docs" / "CALIBRATION.md").read_text()
    section = document.split("## Model parameters")[1].split("\n## ")[0]
    seen = {}
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        keys = re.findall(r"`([^`]+)`", line.split("|")[1])
        prefix = keys[0].rsplit(".", 1)[0] + "." if "." in keys[0] else ""
        for key in keys:
            full = key if "." in key else prefix + key
            assert full not in seen, f"{full} is listed twice: {seen[full]!r} and {line!r}"
            seen[full] = line
