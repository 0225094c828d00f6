"""Read, plot and report laborsim outputs (docs/ANALYSIS.md).

Readers give xarray Datasets with decoded dates and labelled axes; `to_frame` makes tidy pandas
DataFrames; `effects` measures a policy arm against a baseline over replicates; `laborsim.plots`
draws a run's dashboard and a sweep's outcomes; `/usr/bin/python3 -m laborsim.report RUN.h5` writes a
self-contained HTML report.
"""
from laborsim.effects import effects
from laborsim.frames import to_frame, totals, unemployment_rate, yearly_summary
from laborsim.reading import (config, open_arm, open_effects, open_panel, open_run, open_sweep,
                              provenance)

__all__ = ["config", "effects", "open_arm", "open_effects", "open_panel", "open_run", "open_sweep",
           "provenance", "to_frame", "totals", "unemployment_rate", "yearly_summary"]
__version__ = "0.1.0"
