"""Comparing HDF5 files dataset by dataset and attribute by attribute (shared by the tests)."""
import h5py
import numpy as np


def dataset_names(file):
    names = []
    file.visititems(lambda name, obj: names.append(name) if isinstance(obj, h5py.Dataset) else None)
    return names


def assert_same_contents(path_a, path_b, differing_attributes=()):
    """Every dataset (same names, types and values) and root attribute of the two files is
    identical, except the root attributes named in `differing_attributes`, which must differ."""
    with h5py.File(path_a, "r") as a, h5py.File(path_b, "r") as b:
        names = dataset_names(a)
        assert names == dataset_names(b), f"{path_a} and {path_b} hold different datasets"
        for name in names:
            x, y = a[name][()], b[name][()]
            assert x.dtype == y.dtype, name
            np.testing.assert_array_equal(x, y, err_msg=f"{name} differs: {path_a} vs {path_b}")
        differing = {k for k in a.attrs if not np.array_equal(a.attrs[k], b.attrs[k])}
        assert set(a.attrs) == set(b.attrs)
        assert differing == set(differing_attributes), f"{path_a} vs {path_b}"
        return names
