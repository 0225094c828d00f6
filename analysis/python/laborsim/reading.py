"""Opening laborsim's HDF5 files as xarray Datasets: runs (and their worker panel), the arms of a
comparison, its effects file, and sweep summaries. Each reader checks the file's `format`
attribute and says what it found instead."""
import json
import pathlib
import re

import xarray as xr

ENGINE = "h5netcdf"  # Debian's python3-h5netcdf; netcdf4 reads the files too


def _open(path, expected_format, **kwargs):
    path = pathlib.Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    ds = xr.open_dataset(path, engine=ENGINE, **kwargs)
    found = ds.attrs.get("format")
    if kwargs.get("group") is None and found != expected_format:
        ds.close()
        raise ValueError(f"{path}: not a {expected_format} file (format {found!r})")
    return ds


def open_run(path):
    """One run (`laborsim run`, a compare arm, a sweep's run): dims time (decoded dates), region,
    group, sector, edge, size_class, policy; `region_kind` and `month` as coordinates; the
    scenario (`config`) and provenance in `attrs`. A partial file (`NAME.h5.partial`, a run that
    did not finish) is cut to its committed months."""
    ds = _open(path, "laborsim-trajectory")
    committed = int(ds.attrs.get("committed_months", ds.sizes["time"]))
    if committed < ds.sizes["time"]:
        ds = ds.isel(time=slice(0, committed))
    return ds.set_coords([name for name in ("region_kind", "month") if name in ds])


def open_panel(path):
    """The worker panel of a run made with `output.panel_workers` > 0: dims time, person."""
    return _open(path, "laborsim-trajectory", group="panel")


def config(ds):
    """The merged scenario a run (or the base of a comparison) simulated, as a dict."""
    return json.loads(ds.attrs["config"])


def provenance(ds):
    """Who made the file and how: version, commit, scenario, seed (exact), replicate, arm,
    threads, start."""
    keys = ("laborsim_version", "git_commit", "scenario", "start", "replicate", "arm", "threads",
            "months_planned", "committed_months", "population_scale")
    result = {key: _plain(ds.attrs[key]) for key in keys if key in ds.attrs}
    if "seed_string" in ds.attrs:
        result["seed"] = int(ds.attrs["seed_string"])
    return result


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def open_arm(folder, arm):
    """The replicates of one arm of `laborsim compare` (FOLDER/ARM.rR.h5) stacked along a
    `replicate` dimension, in replicate order."""
    folder = pathlib.Path(folder)
    pattern = re.compile(re.escape(arm) + r"\.r(\d+)\.h5$")
    files = sorted((int(m.group(1)), p) for p in folder.iterdir()
                   if (m := pattern.match(p.name)))
    if not files:
        raise FileNotFoundError(f"{folder}: no runs of arm {arm!r} (files {arm}.rR.h5)")
    runs = [open_run(path) for _, path in files]
    stacked = xr.concat(runs, dim="replicate", coords="minimal", compat="override",
                        combine_attrs="drop_conflicts")
    return stacked.assign_coords(replicate=[r for r, _ in files])


def open_effects(path):
    """The effects file of `laborsim compare` (FOLDER/effects.h5, or FOLDER itself)."""
    path = pathlib.Path(path)
    return _open(path / "effects.h5" if path.is_dir() else path, "laborsim-effects")


def open_sweep(path):
    """A sweep's summary (`laborsim sweep collect`): the folder or its summary file. Dims run,
    time and the axes; the run's point, arm, replicate, seed and design values as coordinates
    along `run`."""
    path = pathlib.Path(path)
    if path.is_dir():
        summary = path / "summary.h5"
        if not summary.exists():
            raise FileNotFoundError(f"{path}: no summary.h5; run: laborsim sweep collect {path}")
        path = summary
    return _open(path, "laborsim-sweep-summary")
