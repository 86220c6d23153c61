"""Great Expectations Data Docs, built beside the DuckDB file on every run.

A file data context lives in `<db dir>/<db stem>_dq/gx/`: it keeps the row-level suites (from the
table declarations, `expectations.suites.row_suite`) and the validation result of every run, and
its Data Docs site is `<db dir>/<db stem>_dq/gx/uncommitted/data_docs/local_site/index.html`.
The batch is validated here as it came from the transforms (before quarantine), so the docs show
what broke. Everything is `add_or_update`: the context is saved and re-opened run after run.
"""

from __future__ import annotations

import logging
from pathlib import Path

import polars as pl

from expectations.suites import row_suite
from warehouse.tables import BY_NAME

DATASOURCE = "warta"
BATCH_DEFINITION = "whole-batch"


def context_root(db_path: str | Path) -> Path:
    """The folder the GX project lives in: `<db dir>/<db stem>_dq`."""
    db = Path(db_path)
    return db.parent / f"{db.stem}_dq"


def docs_index(db_path: str | Path) -> Path:
    return context_root(db_path) / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"


def build_data_docs(db_path: str | Path, tables: dict[str, pl.DataFrame], run_id: str) -> Path:
    """Validate each non-empty frame of `tables` (table name -> frame) against its suite, store
    the results under `run_id` in the file context beside `db_path`, and rebuild the Data Docs.
    Returns the path of the site's index.html."""
    import great_expectations as gx  # lazy: ~5 s to import
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.exceptions import DataContextError

    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    context = gx.get_context(mode="file", project_root_dir=str(context_root(db_path)))
    context.variables.progress_bars = {"globally": False}
    source = context.data_sources.add_or_update_pandas(DATASOURCE)
    for name, df in tables.items():
        if name not in BY_NAME or df.height == 0:
            continue
        specs = row_suite(BY_NAME[name])
        if not specs:
            continue
        try:
            asset = source.get_asset(name)
        except (LookupError, DataContextError):
            asset = source.add_dataframe_asset(name)
        try:
            batch_definition = asset.get_batch_definition(BATCH_DEFINITION)
        except (KeyError, LookupError, DataContextError):
            batch_definition = asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION)
        suite = gx.ExpectationSuite(name=name)
        for spec in specs:
            suite.add_expectation(getattr(gx.expectations, spec.gx_type)(column=spec.column, **spec.kwargs))
        suite = context.suites.add_or_update(suite)
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=name, data=batch_definition, suite=suite)
        )
        frame = BY_NAME[name].conform(df).to_pandas()
        # The run_name groups the tables of one pipeline run in the docs.
        definition.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY",
                       run_id=RunIdentifier(run_name=run_id))
    context.build_data_docs()
    return docs_index(db_path)
