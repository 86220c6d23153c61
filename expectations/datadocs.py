"""Data Docs, built beside the DuckDB file from the results a run recorded.

A file data context lives in `<db dir>/<db stem>_dq/gx/`: it keeps the row-level suites (from the
table declarations, `expectations.suites.row_suite`) and, per run, a validation result made from
the run's `dq_results` rows, which `expectations.check.check` produced chunk by chunk. Nothing is
validated a second time here. Checks that are not GX expectations (cross-table and batch checks)
are in the run report. Everything is `add_or_update`: the context is saved and re-opened run after run.

The pages are ours (`<db dir>/<db stem>_dq/docs/index.html`), rendered from those stored results:
GX's own site loads about 15 assets from CDNs (and a logo whose address carries the data context
id), so offline it is an unstyled shell and online every view is reported to a third party. Ours
are plain HTML with their style inline: no script, no external address, escaped data.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment

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
    return context_root(db_path) / "docs" / "index.html"


def results_root(db_path: str | Path) -> Path:
    return context_root(db_path) / "gx" / "uncommitted" / "validations"


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
    return render_docs(db_path)


# rendering ---------------------------------------------------------------------------------------

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; color: #222; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th { background: #f4f4f4; } .ok { color: #1a7f37; } .bad { color: #b42318; font-weight: 600; }
code { font-size: .9em; background: #f6f6f6; padding: 0 .2em; } a { color: #0b5cad; }
"""

_INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Data Docs: {{ name }}</title>
<style>{{ style }}</style></head><body>
<h1>Data Docs: {{ name }}</h1>
<p>Row-level expectations of each run, as the run's checks recorded them (before quarantine).
Suites are derived from the table declarations in <code>warehouse/</code>.</p>
<h2>Validation Results</h2>
{% if older %}<p>The newest {{ shown }} runs; older runs keep their pages under <code>validations/</code>.</p>
{% endif %}
<table><thead><tr><th>run</th><th>validated at</th><th>table</th><th>status</th><th>expectations met</th></tr></thead>
<tbody>{% for v in validations %}<tr><td>{{ v.run }}</td><td>{{ v.time }}</td><td>{{ v.suite }}</td>
<td class="{{ 'ok' if v.success else 'bad' }}">{{ 'passed' if v.success else 'failed' }}</td>
<td><a href="{{ v.href }}">{{ v.successful }} of {{ v.evaluated }}</a></td></tr>{% endfor %}</tbody></table>
<h2>Expectation Suites</h2>
<table><thead><tr><th>table</th><th>expectation</th><th>arguments</th></tr></thead>
<tbody>{% for suite in suites %}{% for e in suite.expectations %}<tr><td>{{ suite.name }}</td><td>{{ e.type }}</td>
<td><code>{{ e.kwargs }}</code></td></tr>{% endfor %}{% endfor %}</tbody></table>
</body></html>
"""

_VALIDATION = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ v.suite }}, run {{ v.run }}</title>
<style>{{ style }}</style></head><body>
<p><a href="{{ up }}index.html">Data Docs</a></p>
<h1>{{ v.suite }}, run {{ v.run }}</h1>
<table><tbody><tr><th>Run Name</th><td>{{ v.run }}</td></tr><tr><th>Validated at</th><td>{{ v.time }}</td></tr>
<tr><th>Status</th><td class="{{ 'ok' if v.success else 'bad' }}">{{ 'passed' if v.success else 'failed' }}</td></tr>
<tr><th>Evaluated Expectations</th><td>{{ v.evaluated }}</td></tr>
<tr><th>Successful Expectations</th><td>{{ v.successful }}</td></tr>
<tr><th>Unsuccessful Expectations</th><td>{{ v.evaluated - v.successful }}</td></tr></tbody></table>
<table><thead><tr><th>status</th><th>expectation</th><th>column</th><th>arguments</th><th>rows</th>
<th>unexpected</th><th>sample of unexpected values</th></tr></thead><tbody>
{% for r in v.results %}<tr><td class="{{ 'ok' if r.success else 'bad' }}">{{ 'met' if r.success else 'not met' }}</td>
<td>{{ r.type }}</td><td>{{ r.column }}</td><td><code>{{ r.kwargs }}</code></td><td>{{ r.rows }}</td>
<td>{{ r.unexpected }}</td><td>{{ r.sample }}</td></tr>{% endfor %}
</tbody></table></body></html>
"""

_env = Environment(autoescape=True)


def _validation(path: Path, docs: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    run = data["meta"]["run_id"]
    stats = data["statistics"]
    results = []
    for res in data["results"]:
        config = res["expectation_config"]
        kwargs = {k: v for k, v in config["kwargs"].items() if k not in ("batch_id", "column")}
        info = res.get("result") or {}
        results.append({"success": res["success"], "type": config["type"], "column": config["kwargs"].get("column"),
                        "kwargs": json.dumps(kwargs, ensure_ascii=False, default=str) if kwargs else "",
                        "rows": info.get("element_count"), "unexpected": info.get("unexpected_count"),
                        "sample": ", ".join(map(str, (info.get("partial_unexpected_list") or [])[:10]))})
    page = docs / "validations" / data["suite_name"] / run["run_name"] / f"{path.parent.name}.html"
    return {"suite": data["suite_name"], "run": run["run_name"], "time": run["run_time"][:19].replace("T", " "),
            "success": data["success"], "evaluated": stats["evaluated_expectations"],
            "successful": stats["successful_expectations"], "results": results, "page": page,
            "href": page.relative_to(docs).as_posix(), "source": path}


# Runs the index lists, newest first. A scheduled pipeline runs hourly: reading every stored result
# on every run would make the Data Docs step grow without end. Older runs keep their pages.
INDEX_RUNS = 100


def render_docs(db_path: str | Path) -> Path:
    """Write the Data Docs pages of the newest `INDEX_RUNS` runs' stored validation results that
    have none yet (a result never changes once stored), and the index of them and of every suite;
    the index's path."""
    index = docs_index(db_path)
    docs = index.parent
    # <suite>/<run name>/<run time>/<batch>.json: the newest runs are found from the paths alone.
    stored = sorted(results_root(db_path).glob("*/*/*/*.json"), key=lambda p: p.parent.name, reverse=True)
    newest = list(dict.fromkeys(p.parent.parent.name for p in stored))[:INDEX_RUNS]
    listed = set(newest)
    validations = [_validation(p, docs) for p in stored if p.parent.parent.name in listed]
    validations.sort(key=lambda v: (v["time"], v["suite"]), reverse=True)
    # Pages rendered by another version of the page template are rendered again (the stamp names it).
    stamp = docs / ".template"
    template = hashlib.sha256((_VALIDATION + _STYLE).encode("utf-8")).hexdigest()[:16]
    current = stamp.exists() and stamp.read_text(encoding="utf-8").strip() == template
    for v in validations:
        if current and v["page"].exists() and v["page"].stat().st_mtime >= v["source"].stat().st_mtime:
            continue
        v["page"].parent.mkdir(parents=True, exist_ok=True)
        up = "../" * (len(v["page"].relative_to(docs).parts) - 1)
        v["page"].write_text(_env.from_string(_VALIDATION).render(v=v, style=_STYLE, up=up), encoding="utf-8")
    suites = []
    for path in sorted((context_root(db_path) / "gx" / "expectations").glob("*.json")):
        suite = json.loads(path.read_text(encoding="utf-8"))
        suites.append({"name": suite["name"], "expectations": [
            {"type": e["type"], "kwargs": json.dumps(e.get("kwargs", {}), ensure_ascii=False, default=str)}
            for e in suite.get("expectations", [])]})
    index.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(template, encoding="utf-8")
    older = len(set(p.parent.parent.name for p in stored)) > len(newest)
    index.write_text(_env.from_string(_INDEX).render(name=Path(db_path).name, validations=validations, suites=suites,
                                                      style=_STYLE, older=older, shown=len(newest)), encoding="utf-8")
    return index
