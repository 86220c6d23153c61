"""Reports people look at: the run report (one self-contained HTML page per run, `run_report`) with
its inline-SVG charts (`charts`). They read the DuckDB file only, read-only."""
