"""Golden baselines (tests/baselines): three small canonical runs must reproduce every dataset of
their committed fingerprints exactly. A deliberate model change refreshes them with
scripts/update-baselines and says so in its commit."""
import subprocess
import sys

import pytest

from conftest import LABORSIM, SOURCE_DIR

sys.path.insert(0, str(SOURCE_DIR / "scripts"))
import baselines  # noqa: E402

SPECS = baselines.specs()


def test_three_canonical_baselines_are_committed():
    names = [spec["name"] for spec in SPECS]
    assert names == ["dingxi", "combination", "coastal_downturn"]
    for name in names:
        assert baselines.load(name)["spec"] == next(s for s in SPECS if s["name"] == name)


@pytest.mark.parametrize("spec", SPECS, ids=[spec["name"] for spec in SPECS])
def test_run_reproduces_its_baseline_exactly(spec, tmp_path):
    expected = baselines.load(spec["name"])["datasets"]
    actual = baselines.fingerprint(baselines.run(LABORSIM, spec, tmp_path))
    moved = baselines.differences(expected, actual)
    assert not moved, (
        f"{spec['name']} no longer reproduces tests/baselines/{spec['name']}.json:\n  "
        + "\n  ".join(moved)
        + "\nIf the change is meant to change the model's numbers, run scripts/update-baselines "
          "and say so in the commit.")
    # The monthly variables are all there, with one sum per recorded month.
    assert len(actual["unemployed"]["monthly_sum"]) == spec["months"]


def test_a_changed_seed_is_caught(tmp_path):
    """Negative control: the comparison fails, naming datasets and months, when numbers move."""
    spec = SPECS[0]
    expected = baselines.load(spec["name"])["datasets"]
    actual = baselines.fingerprint(baselines.run(LABORSIM, spec, tmp_path, extra=["--seed", "7"]))
    moved = baselines.differences(expected, actual)
    assert any(line.startswith("unemployed: differs from month 0") for line in moved), moved
    # Labels and coordinates do not depend on the seed.
    assert not any(line.startswith(("region:", "time:")) for line in moved), moved


def test_differences_name_missing_and_reshaped_datasets():
    a = {"x": {"shape": [2], "dtype": "float64", "sha256": "0", "monthly_sum": ["1", "2"]},
         "y": {"shape": [3], "dtype": "int64", "sha256": "1"}}
    b = {"x": {"shape": [2], "dtype": "float64", "sha256": "9", "monthly_sum": ["1", "3"]},
         "y": {"shape": [4], "dtype": "int64", "sha256": "1"},
         "z": {"shape": [1], "dtype": "int64", "sha256": "2"}}
    assert baselines.differences(a, b) == [
        "x: differs from month 1 (1 months differ; month 1 sum 2 became 3)",
        "y: int64[3] became int64[4]",
        "z: new dataset, not in the baseline",
    ]
    assert baselines.differences(b, a)[-1] == "z: missing from the run"


def test_update_refuses_an_unknown_baseline():
    result = subprocess.run([sys.executable, str(SOURCE_DIR / "scripts" / "update-baselines"),
                             "--laborsim", LABORSIM, "nosuch"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "no baseline named nosuch" in result.stderr
    assert "coastal_downturn, combination, dingxi" in result.stderr
