"""Same scenario and seed, same file contents at any thread count: every dataset (the worker panel
included), coordinate and attribute except `threads` is identical between runs at 1 and 4
threads."""
import subprocess

import h5py
import numpy as np


def run(laborsim, source_dir, out, threads):
    subprocess.run([laborsim, "run", str(source_dir / "tests" / "data" / "small.json"), "-q",
                    "--months", "5", "-j", str(threads), "--set", "output.panel_workers=500", "-o", str(out)], check=True,
                   capture_output=True)


def test_every_dataset_and_attribute_is_identical_across_thread_counts(laborsim, source_dir,
                                                                       tmp_path):
    run(laborsim, source_dir, tmp_path / "one.h5", 1)
    run(laborsim, source_dir, tmp_path / "four.h5", 4)
    with h5py.File(tmp_path / "one.h5", "r") as one, h5py.File(tmp_path / "four.h5", "r") as four:
        names = []
        one.visititems(lambda name, obj: names.append(name) if isinstance(obj, h5py.Dataset) else None)
        assert "panel/status" in names
        other = []
        four.visititems(lambda name, obj: other.append(name) if isinstance(obj, h5py.Dataset) else None)
        assert names == other
        for name in names:
            a, b = one[name][()], four[name][()]
            assert a.dtype == b.dtype, name
            np.testing.assert_array_equal(a, b, err_msg=name)
        differing = {k for k in one.attrs if not np.array_equal(one.attrs[k], four.attrs[k])}
        assert differing == {"threads"}
