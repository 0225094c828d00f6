"""Figures of a run (a dashboard) and of a sweep, drawn with matplotlib's object interface (no
pyplot, no display needed). Each function returns a matplotlib Figure; `save` writes PNG or SVG
by the file's extension."""
import numpy as np
from matplotlib.figure import Figure

from laborsim.frames import totals, unemployment_rate
from laborsim.reading import config

_SIZE = (8, 4.5)


def _home(ds):
    kinds = ds["region_kind"].values
    return [str(r) for r, k in zip(ds["region"].values, kinds) if str(k) == "home"]


def unemployment_by_region(ds):
    """Unemployment rate of each home region over time, with the prefecture's."""
    fig = Figure(figsize=_SIZE)
    ax = fig.subplots()
    rates = unemployment_rate(ds, by_region=True)
    times = ds["time"].values
    for region in _home(ds):
        ax.plot(times, 100 * rates.sel(region=region).values, lw=1, label=region)
    ax.plot(times, 100 * unemployment_rate(ds).values, color="black", lw=2.5, label="all regions (destinations too)")
    ax.set(title="Unemployment rate by region", ylabel="% of the labour force")
    ax.legend(fontsize=7, ncol=2)
    fig.autofmt_xdate()
    return fig


def vacancy_rate_by_region(ds):
    """Vacancies over (employed + vacancies), per home region, over time."""
    fig = Figure(figsize=_SIZE)
    ax = fig.subplots()
    for region in _home(ds):
        r = ds.sel(region=region)
        jobs = (r["employed"] + r["vacancies"]).values
        ax.plot(ds["time"].values, 100 * np.divide(r["vacancies"].values, jobs,
                                                   out=np.zeros_like(jobs), where=jobs > 0),
                lw=1, label=region)
    ax.set(title="Vacancy rate by region", ylabel="% of jobs (filled + open)")
    ax.legend(fontsize=7, ncol=2)
    fig.autofmt_xdate()
    return fig


def beveridge_curve(ds):
    """The Beveridge curve: vacancy rate against unemployment rate, month by month (all
    regions), coloured by time."""
    t = totals(ds)
    fig = Figure(figsize=(6, 5))
    ax = fig.subplots()
    u, v = 100 * t["unemployment_rate"].values, 100 * t["vacancy_rate"].values
    ax.plot(u, v, color="grey", lw=0.8)
    points = ax.scatter(u, v, c=np.arange(len(u)), cmap="viridis", s=18, zorder=3)
    fig.colorbar(points, ax=ax, label="months since the start")
    ax.set(title="Beveridge curve (all regions)", xlabel="unemployment rate, %",
           ylabel="vacancy rate, %")
    return fig


def flows(ds):
    """Hires and separations per month (all regions) and the job-finding rate."""
    t = totals(ds)
    fig = Figure(figsize=_SIZE)
    ax = fig.subplots()
    times = ds["time"].values
    ax.plot(times, t["hires"].values, label="hires")
    ax.plot(times, t["separations"].values, label="separations")
    ax.set(title="Hires and separations (all regions)", ylabel="persons per month")
    right = ax.twinx()
    right.plot(times, 100 * t["job_finding_rate"].values, color="black", ls=":",
               label="job-finding rate (right)")
    right.set_ylabel("job-finding rate, % per month")
    lines = ax.get_legend_handles_labels(), right.get_legend_handles_labels()
    ax.legend(lines[0][0] + lines[1][0], lines[0][1] + lines[1][1], fontsize=8)
    fig.autofmt_xdate()
    return fig


def migration_map(ds):
    """The region graph on a circle, home regions on the left half and destinations on the
    right, each link as wide as the people who travelled it per month on average, each region
    sized by its residents working away (home) or its labour force (destination) in the last
    month."""
    scenario = config(ds)
    names = [r["name"] for r in scenario["regions"]]
    home = [r["name"] for r in scenario["regions"] if r["kind"] == "home"]
    away = [n for n in names if n not in home]

    def arc(regions, first, last):
        angles = np.linspace(np.radians(first), np.radians(last), max(len(regions), 2))
        return {n: (float(np.cos(a)), float(np.sin(a))) for n, a in zip(regions, angles)}

    position = {**arc(home, 100, 260), **arc(away, 80, -80)}
    flow = ds["link_flow"].mean("time").values
    widest = max(float(flow.max()), 1.0)
    fig = Figure(figsize=(7, 6))
    ax = fig.subplots()
    for link, people in zip(scenario["links"], flow):
        (x0, y0), (x1, y1) = position[link["from"]], position[link["to"]]
        ax.plot([x0, x1], [y0, y1], color="tab:blue", alpha=0.6, lw=0.5 + 8 * people / widest,
                zorder=1)
    last = ds.isel(time=-1)
    size = {n: float(last["migrants_out"].sel(region=n)) if n in home
            else float(last["labor_force"].sel(region=n)) for n in names}
    biggest = max(max(size.values()), 1.0)
    for n, (x, y) in position.items():
        ax.scatter([x], [y], s=30 + 600 * size[n] / biggest,
                   color="tab:orange" if n in home else "tab:green", zorder=2)
        ax.annotate(n, (x, y), xytext=(12 * x, 12 * y), textcoords="offset points",
                    ha="right" if x < 0 else "left", va="center", fontsize=8)
    ax.set(title="Migration on the region graph (mean people per month on each link)",
           xlim=(-1.6, 1.6), ylim=(-1.25, 1.25), aspect="equal")
    ax.axis("off")
    return fig


def policy_spend(ds):
    """Each lever's spending and beneficiaries per month (None for a run without levers)."""
    if ds.sizes.get("policy", 0) == 0:
        return None
    fig = Figure(figsize=(8, 6))
    top, bottom = fig.subplots(2, 1, sharex=True)
    times = ds["time"].values
    for lever in ds["policy"].values:
        top.plot(times, ds["spend"].sel(policy=lever).values / 1e4, label=str(lever))
        bottom.plot(times, ds["beneficiaries"].sel(policy=lever).values, label=str(lever))
    top.set(title="Policy levers", ylabel="spend, 10,000 yuan / month")
    bottom.set(ylabel="beneficiaries")
    top.legend(fontsize=7, ncol=2)
    fig.autofmt_xdate()
    return fig


def dashboard(ds):
    """Every figure of a run, by name (a run without levers has no `policy_spend`)."""
    figures = {
        "unemployment_by_region": unemployment_by_region(ds),
        "vacancy_rate_by_region": vacancy_rate_by_region(ds),
        "beveridge_curve": beveridge_curve(ds),
        "flows": flows(ds),
        "migration_map": migration_map(ds),
        "policy_spend": policy_spend(ds),
    }
    return {name: fig for name, fig in figures.items() if fig is not None}


def sweep_outcome(summary, last_months=12):
    """Per run of a sweep, the unemployment rate (all regions) averaged over its last months."""
    recent = summary.isel(time=slice(-last_months, None))
    return 100 * unemployment_rate(recent).mean("time")


def sweep_plot(summary, last_months=12):
    """A sweep's outcome — the unemployment rate of the last months — against each varied
    parameter, one panel per parameter, one colour per arm."""
    outcome = sweep_outcome(summary, last_months)
    parameters = [name for name, c in summary.coords.items()
                  if c.dims == ("run",) and name not in ("run", "point", "arm", "replicate", "seed")]
    if not parameters:
        raise ValueError("the sweep varies no parameter")
    fig = Figure(figsize=(4.5 * len(parameters), 4))
    axes = np.atleast_1d(fig.subplots(1, len(parameters), sharey=True))
    arms = [str(a) for a in np.unique(summary["arm"].values)]
    for ax, name in zip(axes, parameters):
        for arm in arms:
            chosen = summary["arm"].values == arm
            ax.scatter(summary[name].values[chosen], outcome.values[chosen], s=14, alpha=0.8,
                       label=arm or "as configured")
        ax.set(xlabel=name)
    axes[0].set_ylabel(f"unemployment rate, last {last_months} months, %")
    axes[0].legend(fontsize=8, title="arm")
    fig.suptitle(f"Sweep {summary.attrs.get('sweep', '')}: outcome by parameter")
    return fig


def save(fig, path):
    """Writes the figure as PNG or SVG (by the extension)."""
    fig.savefig(path, dpi=110, bbox_inches="tight")
    return path
