"""Great Expectations Data Docs, built beside the DuckDB file from the results a run recorded.

A file data context lives in `<db dir>/<db stem>_dq/gx/`: it keeps the row-level suites (from the
table declarations, `expectations.suites.row_suite`) and, per run, a validation result made from
the run's `dq_results` rows, which `expectations.check.check` produced chunk by chunk. Nothing is
validated a second time here. The site is `<db dir>/<db stem>_dq/gx/uncommitted/data_docs/local_site/
index.html`. Checks that are not GX expectations (cross-table and batch checks) are in the run
report. Everything is `add_or_update`: the context is saved and re-opened run after run.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from expectations.suites import ExpectationSpec, row_suite
from warehouse.load import read_results
from warehouse.tables import BY_NAME

DATASOURCE = "warta"
BATCH_DEFINITION = "whole-batch"


def context_root(db_path: str | Path) -> Path:
    """The folder the GX project lives in: `<db dir>/<db stem>_dq`."""
    db = Path(db_path)
    return db.parent / f"{db.stem}_dq"


def docs_index(db_path: str | Path) -> Path:
    return context_root(db_path) / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"


def _snake(gx_type: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", gx_type).lower()


def build_data_docs(db_path: str | Path, run_id: str) -> Path:
    """Store the run's row-suite results (table name -> suite) as GX validation results under
    `run_id` in the file context beside `db_path` and rebuild the Data Docs. Returns the path of
    the site's index.html."""
    import great_expectations as gx  # lazy: ~5 s to import
    from great_expectations.core import ExpectationSuiteValidationResult, ExpectationValidationResult
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    results = read_results(db_path, run_id)
    context = gx.get_context(mode="file", project_root_dir=str(context_root(db_path)))
    context.variables.progress_bars = {"globally": False}
    run = RunIdentifier(run_name=run_id)
    # Tables that had rows in this run (a suite over no rows says nothing).
    checked = results.filter(results["element_count"] > 0)
    for name in sorted(set(checked["suite"].to_list()) & set(BY_NAME)):
        specs: dict[str, ExpectationSpec] = {spec.name: spec for spec in row_suite(BY_NAME[name])}
        suite = gx.ExpectationSuite(name=name)
        for spec in specs.values():
            suite.add_expectation(getattr(gx.expectations, spec.gx_type)(column=spec.column, **spec.kwargs))
        context.suites.add_or_update(suite)
        outcomes = []
        for row in results.filter(results["suite"] == name).iter_rows(named=True):
            spec = specs.get(row["expectation"])
            if spec is None:
                continue  # a check that is not a GX expectation (fact_article_exists): in the run report
            count, bad = int(row["element_count"] or 0), int(row["unexpected_count"] or 0)
            outcomes.append(ExpectationValidationResult(
                success=bool(row["success"]),
                expectation_config=ExpectationConfiguration(type=_snake(spec.gx_type),
                                                            kwargs={"column": spec.column, **spec.kwargs}),
                result={"element_count": count, "unexpected_count": bad,
                        "unexpected_percent": 100.0 * bad / count if count else 0.0,
                        "partial_unexpected_list": json.loads(row["unexpected_sample"] or "[]")},
            ))
        if not outcomes:
            continue
        passed = sum(o.success for o in outcomes)
        validation = ExpectationSuiteValidationResult(
            success=passed == len(outcomes), results=outcomes, suite_name=name,
            statistics={"evaluated_expectations": len(outcomes), "successful_expectations": passed,
                        "unsuccessful_expectations": len(outcomes) - passed,
                        "success_percent": 100.0 * passed / len(outcomes)},
            meta={"run_id": run, "active_batch_definition": {
                "datasource_name": DATASOURCE, "data_asset_name": name, "batch_definition_name": BATCH_DEFINITION}},
        )
        key = ValidationResultIdentifier(expectation_suite_identifier=ExpectationSuiteIdentifier(name=name),
                                         run_id=run, batch_identifier=BATCH_DEFINITION)
        context.validation_results_store.set(key, validation)
    context.build_data_docs()
    return docs_index(db_path)
