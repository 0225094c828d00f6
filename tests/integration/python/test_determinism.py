"""Same scenario and seed, same file contents at any thread count: every dataset (the worker panel
included), coordinate and attribute except `threads` is identical between runs at 1 and 4
threads."""
import subprocess

from h5compare import assert_same_contents


def run(laborsim, source_dir, out, threads):
    subprocess.run([laborsim, "run", str(source_dir / "tests" / "data" / "small.json"), "-q",
                    "--months", "5", "-j", str(threads), "--set", "output.panel_workers=500", "-o", str(out)], check=True,
                   capture_output=True)


def test_every_dataset_and_attribute_is_identical_across_thread_counts(laborsim, source_dir,
                                                                       tmp_path):
    run(laborsim, source_dir, tmp_path / "one.h5", 1)
    run(laborsim, source_dir, tmp_path / "four.h5", 4)
    names = assert_same_contents(tmp_path / "one.h5", tmp_path / "four.h5",
                                 differing_attributes={"threads"})
    assert "panel/status" in names
