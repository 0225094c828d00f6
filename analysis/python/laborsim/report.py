"""A self-contained HTML report of one run: provenance, yearly summary, regions, key groups,
policy levers, and the dashboard's figures (PNG embedded in the page).

Usage: /usr/bin/python3 -m laborsim.report RUN.h5 [-o REPORT.html]   (default: RUN.html beside the run)
"""
import argparse
import base64
import html
import io
import pathlib
import sys

from laborsim import plots
from laborsim.frames import unemployment_rate, yearly_summary
from laborsim.reading import config, open_run, provenance

_STYLE = """
body { font-family: sans-serif; max-width: 1000px; margin: 2em auto; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.7em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
img { max-width: 100%; margin: 0.5em 0 1.5em; }
.note { color: #666; font-size: 0.9em; }
"""

_CAPTIONS = {
    "unemployment_by_region": "Unemployment rate of each home region, month by month.",
    "vacancy_rate_by_region": "Vacancies as a share of filled and open jobs, by home region.",
    "beveridge_curve": "The Beveridge curve: vacancy rate against unemployment rate.",
    "flows": "Hires and separations per month, and the job-finding rate of the unemployed.",
    "migration_map": "Labour migration on the region graph.",
    "policy_spend": "Each policy lever's spending and beneficiaries per month.",
}


def _table(frame):
    """Counts as whole numbers with thousands separators; rates (columns with %) to 2 decimals."""
    formatters = {column: (lambda x: f"{x:,.2f}") for column in frame.columns if "%" in column}
    return frame.to_html(float_format=lambda x: f"{x:,.0f}", formatters=formatters, border=0)


def _figure(fig):
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def sections(ds):
    """The report's parts as (heading, HTML) pairs."""
    info = provenance(ds)
    scenario = config(ds)
    parts = []
    rows = "".join(f"<tr><td>{html.escape(str(k))}</td><td>{html.escape(str(v))}</td></tr>"
                   for k, v in info.items())
    parts.append(("Run", f"<p>{html.escape(scenario.get('description', ''))}</p>"
                         f"<table>{rows}</table>"))
    summary = yearly_summary(ds)
    summary = summary.rename(columns={"unemp_rate_%": "unemployment rate, %"})
    parts.append(("Year by year (all regions)", _table(summary)))
    last = ds.isel(time=-1)
    home = [str(r) for r, k in zip(ds["region"].values, ds["region_kind"].values)
            if str(k) == "home"]
    regions = last.sel(region=home)[["labor_force", "unemployed", "migrants_out"]].to_dataframe()
    regions = regions[["labor_force", "unemployed", "migrants_out"]]
    regions.insert(2, "unemployment rate, %",
                   100 * unemployment_rate(last, by_region=True).sel(region=home).values)
    parts.append((f"Home regions in {str(last['time'].values)[:7]}", _table(regions)))
    groups = last[["group_labor_force", "group_unemployed", "group_long_term_unemployed"]]
    groups = groups.to_dataframe()[["group_labor_force", "group_unemployed",
                                    "group_long_term_unemployed"]]
    groups.insert(2, "unemployment rate, %",
                  100 * groups["group_unemployed"] / groups["group_labor_force"].where(
                      groups["group_labor_force"] > 0))
    parts.append(("Key groups of employment policy (they overlap)", _table(groups)))
    if ds.sizes.get("policy", 0) > 0:
        levers = ds[["spend", "new_beneficiaries", "attributed_jobs"]].sum("time").to_dataframe()
        levers = levers[["spend", "new_beneficiaries", "attributed_jobs"]]
        levers.columns = ["spend, yuan", "new beneficiaries", "jobs the lever counts"]
        parts.append(("Policy levers over the run", _table(levers)))
    figures = "".join(
        f"<h3>{html.escape(_CAPTIONS[name])}</h3><img alt='{name}' src='data:image/png;base64,"
        f"{_figure(fig)}'>" for name, fig in plots.dashboard(ds).items())
    parts.append(("Figures", figures))
    return parts


def write_report(run_path, output=None):
    """Writes the report of the run at `run_path`; returns the report's path."""
    run_path = pathlib.Path(run_path)
    output = pathlib.Path(output) if output else run_path.with_suffix(".html")
    ds = open_run(run_path)
    title = f"laborsim report: {ds.attrs.get('scenario', run_path.stem)}"
    body = "".join(f"<h2>{html.escape(heading)}</h2>{content}"
                   for heading, content in sections(ds))
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
            f"</title><style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1>"
            f"<p class='note'>From {html.escape(str(run_path))}. Counts are persons at full "
            f"population size; stocks at the end of a month, flows over it.</p>{body}"
            f"</body></html>\n")
    output.write_text(page, encoding="utf-8")
    ds.close()
    return output


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", help="a laborsim run's HDF5 file")
    parser.add_argument("-o", "--output", help="the HTML file (default: RUN.html)")
    args = parser.parse_args(argv)
    try:
        path = write_report(args.run, args.output)
    except (FileNotFoundError, ValueError) as error:
        print(f"laborsim.report: error: {error}", file=sys.stderr)
        return 2
    print(f"laborsim.report: wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
