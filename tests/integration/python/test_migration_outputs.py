"""Migration outputs hang together: moves between regions add up, every link carries the moves
routed over it, and transferred workers and their income belong to home regions."""
import h5py
import numpy as np
import pytest


@pytest.fixture(scope="module")
def run(small_run):
    path, _, _ = small_run
    with h5py.File(path, "r") as f:
        yield {name: f[name][()] for name in f if isinstance(f[name], h5py.Dataset)}


def labels(run, name):
    return [x.decode() if isinstance(x, bytes) else x for x in run[name]]


def test_every_departure_is_an_arrival(run):
    departures = run["departures"].sum(axis=1)
    arrivals = run["arrivals"].sum(axis=1)
    np.testing.assert_allclose(departures, arrivals, rtol=1e-12)
    assert departures.min() > 0, "people move every month"


def test_links_are_named_after_their_ends_and_carry_the_moves(run):
    edges = labels(run, "edge")
    regions = set(labels(run, "region"))
    assert "Anding-Lanzhou" in edges
    for edge in edges:
        a, b = edge.split("-")
        assert a in regions and b in regions
    flow = run["link_flow"]
    assert flow.shape == (run["month"].size, len(edges))
    assert (flow >= 0).all()
    # A move crosses at least one link, so the links carry at least as many crossings as moves.
    assert (flow.sum(axis=1) >= run["departures"].sum(axis=1) - 1e-9).all()
    # The gateway between the home counties and the labour bases is busy.
    assert flow[:, edges.index("Anding-Lanzhou")].sum() > 0


def test_transferred_workers_and_their_income_belong_to_home_regions(run):
    kinds = labels(run, "region_kind")
    home = np.array([k == "home" for k in kinds])
    transferred = run["transferred_this_year"]
    income = run["migrant_labor_income"]
    assert (transferred[:, ~home] == 0).all() and (income[:, ~home] == 0).all()
    # Whoever is away at the end of the month has been away this year.
    assert (transferred[:, home] >= run["migrants_out"][:, home] - 1e-9).all()
    assert income[:, home].sum() > 0
    # Within a calendar year the count grows, but for the few who retire (the run starts in January).
    months = run["month"]
    for m in range(1, months.size):
        if m % 12 != 0:
            assert (transferred[m, home] >= 0.99 * transferred[m - 1, home]).all()


def test_flow_rates_are_rates(run):
    for name in ("job_finding_rate", "separation_rate"):
        values = run[name]
        assert (values >= 0).all() and (values <= 1).all(), name
    kinds = labels(run, "region_kind")
    home = [i for i, k in enumerate(kinds) if k == "home"]
    assert run["job_finding_rate"][:, home].mean() > 0.05
    assert 0.005 < run["separation_rate"][:, home].mean() < 0.1
