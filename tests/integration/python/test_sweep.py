"""laborsim sweep: plan, run (locally, killed and resumed, over MPI ranks, as a Slurm job array),
exec slices, status, collect. The fixture sweep (tests/data/sweep.json) has 8 runs of the small
scenario: 2 post counts x 2 arms x 2 replicates."""
import collections
import json
import os
import shutil
import signal
import subprocess
import time

import h5py
import numpy as np
import pytest
import xarray as xr

from h5compare import assert_same_contents

RUNS = 8


def laborsim_ok(laborsim, *args, **kwargs):
    return subprocess.run([laborsim, *map(str, args)], check=True, capture_output=True, text=True,
                          **kwargs)


def plan_file(laborsim, sweep_file, folder):
    return laborsim_ok(laborsim, "sweep", "plan", sweep_file, "-o", folder)


def plan(laborsim, source_dir, folder):
    """Plans the fixture sweep (tests/data/sweep.json) into `folder`."""
    return plan_file(laborsim, source_dir / "tests" / "data" / "sweep.json", folder)


def manifest(folder):
    return json.loads((folder / "manifest.json").read_text())


def events(folder):
    """(event, run, worker) of every line of the sweep's events.log."""
    lines = (folder / "events.log").read_text().splitlines()
    return [(e["event"], e["run"], e["worker"]) for e in map(json.loads, lines)]


def status(laborsim, folder):
    return json.loads(laborsim_ok(laborsim, "sweep", "status", folder, "--json").stdout)


@pytest.fixture(scope="module")
def local_sweep(laborsim, source_dir, tmp_path_factory):
    """The fixture sweep planned, run on this machine two at a time, and collected."""
    folder = tmp_path_factory.mktemp("sweep") / "local"
    plan(laborsim, source_dir, folder)
    laborsim_ok(laborsim, "sweep", "run", folder, "--concurrent", "2", "-j", "1")
    laborsim_ok(laborsim, "sweep", "collect", folder)
    return folder


def test_plan_lists_every_run_with_derived_seeds(laborsim, source_dir, tmp_path):
    result = plan(laborsim, source_dir, tmp_path / "plan")
    assert "8 runs (2 design points x 2 arms x 2 replicates)" in result.stdout
    assert "estimate:" in result.stdout and "of output" in result.stdout
    plan_ = manifest(tmp_path / "plan")
    runs = plan_["runs"]
    assert [r["id"] for r in runs] == [f"{i:05d}" for i in range(RUNS)]
    assert plan_["parameters"] == ["policies.0.posts"]
    combos = {(r["values"][0], r["arm"], r["replicate"]) for r in runs}
    assert combos == {(p, a, r) for p in (1000, 4000) for a in ("baseline", "policies")
                      for r in (0, 1)}
    # Replicate 0 runs with the scenario's seed; replicate 1 with one derived seed, the same at
    # every point and arm (common random numbers).
    base_seed = json.loads((tmp_path / "plan" / "scenario.json").read_text())["seed"]
    seeds = {r["replicate"]: set() for r in runs}
    for r in runs:
        seeds[r["replicate"]].add(r["seed"])
    assert seeds[0] == {base_seed}
    assert len(seeds[1]) == 1 and seeds[1] != {base_seed}
    table = (tmp_path / "plan" / "manifest.csv").read_text().splitlines()
    assert table[0] == "run,point,arm,replicate,seed,policies.0.posts"
    assert len(table) == RUNS + 1 and table[1].startswith("00000,0,baseline,0,")


def test_sweep_runs_equal_runs_made_alone(laborsim, local_sweep, tmp_path):
    """Each output of the sweep is what `laborsim run` gives for that run by itself."""
    plan_ = manifest(local_sweep)
    for run in plan_["runs"]:
        alone = tmp_path / f"{run['id']}.h5"
        sets = [a for path, value in zip(plan_["parameters"], run["values"])
                for a in ("--set", f"{path}={json.dumps(value)}")]
        laborsim_ok(laborsim, "run", local_sweep / "scenario.json", *sets, "--replicate",
                    run["replicate"], "--arm", run["arm"], "-j", "1", "-q", "-o", alone)
        assert_same_contents(local_sweep / "runs" / f"{run['id']}.h5", alone)
        with h5py.File(alone, "r") as f:
            assert f.attrs["seed_string"] == str(run["seed"])
            assert f.attrs["arm"] == run["arm"] and f.attrs["replicate"] == run["replicate"]


def test_collect_stacks_runs_along_a_run_dimension(local_sweep):
    plan_ = manifest(local_sweep)
    with xr.open_dataset(local_sweep / "summary.h5") as ds:
        assert ds.sizes["run"] == RUNS and ds.sizes["time"] == 12
        assert list(ds["run"].values) == [r["id"] for r in plan_["runs"]]
        for coordinate in ("point", "arm", "replicate", "seed", "policies.0.posts"):
            assert coordinate in ds.coords, coordinate
        assert list(ds["policies.0.posts"].values) == [r["values"][0] for r in plan_["runs"]]
        assert list(ds["arm"].values) == [r["arm"] for r in plan_["runs"]]
        assert ds.attrs["runs_collected"] == RUNS
        assert str(ds["time"].values[0]).startswith("2024-01-01")
        for i, run in enumerate(plan_["runs"]):
            with xr.open_dataset(local_sweep / "runs" / f"{run['id']}.h5") as one:
                np.testing.assert_array_equal(ds["unemployed"].isel(run=i).values,
                                              one["unemployed"].values)
                spend = ds["spend"].isel(run=i).sel(policy="posts").values
                if run["arm"] == "baseline":
                    assert np.isnan(spend).all()  # the baseline has no such lever
                else:
                    np.testing.assert_array_equal(spend, one["spend"].sel(policy="posts").values)
        # The levers work: more posts, more spending, at the same seed.
        policies = ds.where(ds["arm"] == "policies", drop=True)
        spend = policies["spend"].sel(policy="posts").sum("time")
        few = spend.where(policies["policies.0.posts"] == 1000, drop=True).values
        many = spend.where(policies["policies.0.posts"] == 4000, drop=True).values
        assert (many > few).all()


def test_sweep_killed_half_way_resumes_and_makes_each_run_once(laborsim, source_dir, local_sweep,
                                                               tmp_path):
    folder = tmp_path / "killed"
    plan(laborsim, source_dir, folder)
    sweep = subprocess.Popen([laborsim, "sweep", "run", str(folder), "--concurrent", "1", "-j", "1",
                              "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        log = folder / "events.log"
        done = sum(1 for e in events(folder) if e[0] == "done") if log.exists() else 0
        if done >= 3:
            break
        time.sleep(0.01)
    sweep.send_signal(signal.SIGKILL)
    sweep.wait()
    before = status(laborsim, folder)
    assert 3 <= before["done"] < RUNS, before
    assert before["running"] == 0  # the killed sweep's run died with it
    assert before["done"] + before["pending"] == RUNS
    assert not list((folder / "runs").glob("*.h5.partial")) or before["interrupted"] >= 1

    laborsim_ok(laborsim, "sweep", "run", folder, "--concurrent", "2", "-j", "1")
    after = status(laborsim, folder)
    assert after["done"] == RUNS and after["failed"] == after["pending"] == 0
    finished = collections.Counter(run for event, run, _ in events(folder) if event == "done")
    assert finished == {f"{i:05d}": 1 for i in range(RUNS)}
    for i in range(RUNS):
        assert_same_contents(folder / "runs" / f"{i:05d}.h5", local_sweep / "runs" / f"{i:05d}.h5")


def test_sigterm_stops_the_sweep_and_records_the_run_it_cut_short(laborsim, source_dir, tmp_path):
    """A Slurm time limit or `kill` sends SIGTERM: the sweep starts nothing more, records the run
    under way as failed by that signal, exits 1, and the next `sweep run` finishes the rest."""
    folder = tmp_path / "terminated"
    plan(laborsim, source_dir, folder)
    sweep = subprocess.Popen([laborsim, "sweep", "run", str(folder), "--concurrent", "1", "-j", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        log = folder / "events.log"
        if log.exists() and ("start", "00001", "local") in events(folder):
            break
        time.sleep(0.005)
    sweep.send_signal(signal.SIGTERM)
    _, stderr = sweep.communicate(timeout=60)
    assert sweep.returncode == 1
    assert "interrupted: run the same command again" in stderr
    report = status(laborsim, folder)
    assert report["running"] == 0 and report["done"] + report["failed"] == 2, report
    if report["failed"]:  # unless run 00001 ended before the signal arrived
        assert report["failures"][0] == {**report["failures"][0], "id": "00001",
                                         "outcome": "killed by signal 15 (Terminated)"}
    assert [e for e in events(folder) if e[0] == "start"] == [
        ("start", "00000", "local"), ("start", "00001", "local")]
    laborsim_ok(laborsim, "sweep", "run", folder, "-q")
    assert status(laborsim, folder)["done"] == RUNS


def test_failed_run_is_recorded_and_the_sweep_goes_on(laborsim, source_dir, tmp_path):
    folder = tmp_path / "failing"
    plan(laborsim, source_dir, folder)
    (folder / "runs" / "00003.h5").mkdir()  # run 00003 cannot write its output
    result = subprocess.run([laborsim, "sweep", "run", str(folder), "-q"], capture_output=True,
                            text=True)
    assert result.returncode == 1
    report = status(laborsim, folder)
    assert (report["done"], report["failed"], report["pending"]) == (RUNS - 1, 1, 0)
    assert report["failures"][0]["id"] == "00003"
    assert report["failures"][0]["outcome"] == "exit 2"
    text = laborsim_ok(laborsim, "sweep", "status", folder).stdout
    assert "failed: 00003 (exit 2" in text and "is a directory" in text

    incomplete = subprocess.run([laborsim, "sweep", "collect", str(folder)], capture_output=True,
                                text=True)
    assert incomplete.returncode == 2 and "1 of 8 runs are not done (1 failed" in incomplete.stderr
    assert not (folder / "summary.h5").exists()
    laborsim_ok(laborsim, "sweep", "collect", folder, "--partial")
    with xr.open_dataset(folder / "summary.h5") as ds:
        assert "00003" not in list(ds["run"].values) and ds.sizes["run"] == RUNS - 1

    (folder / "runs" / "00003.h5").rmdir()
    laborsim_ok(laborsim, "sweep", "run", folder, "-q")
    assert status(laborsim, folder)["done"] == RUNS
    started = collections.Counter(run for event, run, _ in events(folder) if event == "start")
    assert started["00003"] == 2 and started["00000"] == 1  # only the failed run was redone


def test_exec_slices_make_every_run_once(laborsim, source_dir, tmp_path):
    folder = tmp_path / "slices"
    plan(laborsim, source_dir, folder)
    missing = subprocess.run([laborsim, "sweep", "exec", str(folder)], capture_output=True,
                             text=True, env={k: v for k, v in os.environ.items()
                                             if not k.startswith("SLURM_")})
    assert missing.returncode == 2 and "SLURM_ARRAY_TASK_ID is not set" in missing.stderr
    # An array numbered from 1 in steps of 2 (--array=1-5:2) has the slices of --array=0-2.
    for task in range(3):
        environment = dict(os.environ, SLURM_ARRAY_TASK_ID=str(1 + 2 * task),
                           SLURM_ARRAY_TASK_MIN="1", SLURM_ARRAY_TASK_STEP="2",
                           SLURM_ARRAY_TASK_COUNT="3")
        laborsim_ok(laborsim, "sweep", "exec", folder, "-q", env=environment)
    log = events(folder)
    assert collections.Counter(run for event, run, _ in log if event == "done") == \
        {f"{i:05d}": 1 for i in range(RUNS)}
    for event, run, worker in log:
        assert worker == f"task {int(run) % 3}/3"


def test_mpi_sweep_collects_what_the_local_sweep_does(laborsim, source_dir, local_sweep, tmp_path):
    folder = tmp_path / "mpi"
    plan(laborsim, source_dir, folder)
    mpirun = shutil.which("mpirun")
    assert mpirun, "mpirun missing: scripts/install-deps.sh installs openmpi-bin"
    # Under make test-sanitize: Open MPI's components leak at exit from dlopen'ed modules that
    # LeakSanitizer cannot name (so no suppression can), hence no leak check for this run.
    env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")
    subprocess.run([mpirun, "--allow-run-as-root", "--oversubscribe", "-x", "ASAN_OPTIONS", "-n",
                    "2", laborsim, "sweep", "run", str(folder), "--mpi"], check=True,
                   capture_output=True, timeout=600, env=env)
    log = events(folder)
    assert collections.Counter(run for event, run, _ in log if event == "start") == \
        {f"{i:05d}": 1 for i in range(RUNS)}
    assert {worker for _, _, worker in log} == {"rank 0/2", "rank 1/2"}
    laborsim_ok(laborsim, "sweep", "collect", folder)
    assert_same_contents(folder / "summary.h5", local_sweep / "summary.h5")


@pytest.fixture
def slurm_cluster(source_dir, tmp_path):
    """A one-node Slurm cluster on localhost (scripts/slurm/local-cluster.sh), stopped after."""
    if os.geteuid() != 0:
        pytest.skip("a local Slurm cluster needs root (CI runs as root)")
    script = source_dir / "scripts" / "slurm" / "local-cluster.sh"
    state = tmp_path / "slurm"
    started = subprocess.run([str(script), "start", str(state)], capture_output=True, text=True,
                             timeout=120)
    try:
        if started.returncode == 3:  # no cgroup file system (a bare chroot): slurmd cannot run
            pytest.skip(started.stderr.strip())
        assert started.returncode == 0, started.stderr
        yield dict(os.environ, SLURM_CONF=started.stdout.strip())
    finally:
        subprocess.run([str(script), "stop", str(state)], check=True, timeout=60)


def test_slurm_job_array_collects_what_the_local_sweep_does(laborsim, source_dir, local_sweep,
                                                            slurm_cluster, tmp_path):
    folder = tmp_path / "slurm-sweep"
    plan(laborsim, source_dir, folder)
    environment = dict(slurm_cluster, LABORSIM=laborsim)
    subprocess.run(["sbatch", "--wait", "--array=0-3", f"--output={tmp_path}/task-%a.out",
                    str(source_dir / "scripts" / "slurm" / "sweep.sbatch"), str(folder)],
                   check=True, capture_output=True, env=environment, timeout=600)
    log = events(folder)
    assert {worker for _, _, worker in log} == {f"task {t}/4" for t in range(4)}
    assert collections.Counter(run for event, run, _ in log if event == "done") == \
        {f"{i:05d}": 1 for i in range(RUNS)}
    assert "task 2/4: 2 runs done, 0 failed" in (tmp_path / "task-2.out").read_text()
    laborsim_ok(laborsim, "sweep", "collect", folder)
    assert_same_contents(folder / "summary.h5", local_sweep / "summary.h5")


def test_bad_sweeps_are_refused_with_the_rule_they_break(laborsim, source_dir, tmp_path):
    sweep = json.loads((source_dir / "tests" / "data" / "sweep.json").read_text())
    sweep["scenario"] = str(source_dir / "tests" / "data" / "small.json")
    sweep["parameters"] = [{"path": "population.scale", "min": 0.01, "max": 0.02}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(sweep))
    result = subprocess.run([laborsim, "sweep", "plan", str(bad), "-o", str(tmp_path / "b")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "/parameters/0: a factorial design needs `steps`" in result.stderr
    assert not (tmp_path / "b").exists()

    sweep["parameters"] = [{"path": "population.scale", "values": [0.01, -1]}]
    bad.write_text(json.dumps(sweep))
    result = subprocess.run([laborsim, "sweep", "plan", str(bad), "-o", str(tmp_path / "b")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "/population/scale" in result.stderr and "point 1: population.scale=-1" in result.stderr

    plan(laborsim, source_dir, tmp_path / "twice")
    again = subprocess.run([laborsim, "sweep", "plan", str(source_dir / "tests" / "data" /
                                                            "sweep.json"), "-o",
                            str(tmp_path / "twice")], capture_output=True, text=True)
    assert again.returncode == 2 and "already holds a planned sweep" in again.stderr


def test_sweeps_doc_describes_every_attribute_and_coordinate_of_the_summary(source_dir,
                                                                            local_sweep):
    document = (source_dir / "docs" / "SWEEPS.md").read_text()
    with h5py.File(local_sweep / "summary.h5", "r") as summary, \
            h5py.File(local_sweep / "runs" / "00000.h5", "r") as run:
        for attribute in summary.attrs:
            assert f"| `{attribute}` |" in document, f"docs/SWEEPS.md lacks attribute {attribute}"
        monthly = {name for name, dataset in run.items() if dataset.ndim == 2}
        for name in summary:
            if name in monthly or name == "policies.0.posts":  # the latter: "one per varied path"
                continue
            assert f"`{name}`" in document, f"docs/SWEEPS.md lacks dataset {name}"


@pytest.mark.parametrize("name, runs", [("posts_and_training", 54), ("search_sensitivity", 32),
                                        ("scale_check", 6)])
def test_example_sweeps_plan(laborsim, source_dir, tmp_path, name, runs):
    result = plan_file(laborsim, source_dir / "configs" / "sweeps" / f"{name}.json", tmp_path / name)
    assert f"{name}: {runs} runs" in result.stdout
    assert len(manifest(tmp_path / name)["runs"]) == runs
