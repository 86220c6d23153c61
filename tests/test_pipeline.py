"""The whole flow, under a real (test) Prefect server, into real DuckDB files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers.cli import warta
from helpers.db import query, snapshot
from typer.testing import CliRunner

from flows.pipeline import etl
from warta.cli import app

FACT_TABLES = ("articles", "quotes", "fragments", "figures", "events", "entities")
pytestmark = pytest.mark.usefixtures("prefect_harness")






@pytest.fixture(scope="module")
def loaded(tmp_path_factory, prefect_harness) -> tuple[Path, dict]:
    db = tmp_path_factory.mktemp("wh") / "seeds.duckdb"
    summary = etl(inputs=[str(Path(__file__).parent.parent / "corpus" / "samples" / "text")], db=str(db))
    return db, summary


def test_sample_corpus_loads_five_articles_with_facts(loaded) -> None:
    db, summary = loaded
    assert summary["articles_loaded"] == 5 and summary["failures"] == 0
    # What the summary's "this run" column shows: one run row and its results, like the file holds for it.
    results = query(db, f"select count(*) from dq_results where run_id = '{summary['run_id']}'")[0][0]
    assert summary["loaded"]["runs"] == 1 and summary["loaded"]["dq_results"] == results > 0
    counts = dict(query(db, "select 'articles', count(*) from articles union all select 'quotes', count(*) "
                            "from quotes union all select 'figures', count(*) from figures union all "
                            "select 'events', count(*) from events"))
    assert counts["articles"] == 5
    assert counts["quotes"] >= 10 and counts["events"] >= 5 and counts["figures"] >= 3
    urls = [r[0] for r in query(db, "select url from articles")]
    assert all(u.startswith("file:///") and u.endswith(".txt") for u in urls)
    assert query(db, "select count(*) from articles where body_text ilike '%Baca Juga%'") == [(0,)]
    run = query(db, "select status, articles_loaded from runs")
    assert run == [("completed", 5)]


def test_second_run_changes_no_row(loaded) -> None:
    db, _ = loaded
    before = snapshot(db, FACT_TABLES)
    summary = etl(inputs=[str(Path(__file__).parent.parent / "corpus" / "samples" / "text")], db=str(db))
    assert summary["articles_unchanged"] == 5 and summary["articles_loaded"] == 0
    assert snapshot(db, FACT_TABLES) == before
    # Forcing re-extraction rewrites the same rows: ids are stable and loads replace, never append.
    etl(inputs=[str(Path(__file__).parent.parent / "corpus" / "samples" / "text")], db=str(db), force=True)
    assert snapshot(db, FACT_TABLES) == before
    assert query(db, "select count(*), count(distinct run_id) from runs") == [(3, 3)]


def test_changed_text_replaces_the_articles_facts(tmp_path) -> None:
    src = Path(__file__).parent.parent / "corpus" / "samples" / "text" / "002_3f1231850dda2433.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(src, folder / src.name)
    db = tmp_path / "w.duckdb"
    etl(inputs=[str(folder)], db=str(db))
    quotes_before = query(db, "select count(*) from quotes")[0][0]
    text = src.read_text(encoding="utf-8")
    # Drop the last paragraph, which holds one of the quotes.
    (folder / src.name).write_text(text[: text.rindex("\n")], encoding="utf-8")
    summary = etl(inputs=[str(folder)], db=str(db))
    assert summary["articles_loaded"] == 1
    assert query(db, "select count(*) from articles") == [(1,)]
    assert query(db, "select count(*) from quotes")[0][0] == quotes_before - 1


def test_bad_input_is_recorded_and_the_rest_loads(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = Path(__file__).parent.parent / "corpus" / "samples" / "text" / "004_be9bd2fda5eb0877.txt"
    shutil.copy(good, folder / good.name)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    body = good.read_text(encoding="utf-8")
    records = [
        '{"text": "not closed',
        json.dumps({"title": "no body"}),
        # A record whose url is not a URL breaks the articles suite: quarantined, with its facts.
        json.dumps({"url": "urn:example:berita-1", "text": body}),
    ]
    (folder / "batch.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    summary = etl(inputs=[str(folder), str(tmp_path / "missing.html")], db=str(db))

    assert query(db, "select count(*) from articles") == [(1,)]
    reasons = dict(query(db, "select source, reason from failures"))
    assert any("not JSON" in r for s, r in reasons.items() if s.endswith("#line=1"))
    assert any("neither `html` nor `text`" in r for s, r in reasons.items() if s.endswith("#line=2"))
    assert any(r == "empty file" for s, r in reasons.items() if s.endswith("empty.txt"))
    assert any("no such file" in r for s, r in reasons.items() if s.endswith("missing.html"))
    raw = dict(query(db, "select source, raw_ref from failures"))
    assert next(v for k, v in raw.items() if k.endswith("#line=1")) == '{"text": "not closed'
    quarantined = query(db, "select table_name, expectation, reason, row_json from quarantine "
                            "where table_name = 'articles'")
    assert len(quarantined) == 1
    assert quarantined[0][1] == "ExpectColumnValuesToMatchRegex(url)"
    assert json.loads(quarantined[0][3])["url"] == "urn:example:berita-1"
    assert query(db, "select count(*) from quotes q join articles a using (article_id)") == \
        query(db, "select count(*) from quotes")
    assert summary["failures"] == 4 and summary["quarantined"] >= 1


def test_cli_run_prints_counts_and_path(tmp_path) -> None:
    db = tmp_path / "cli.duckdb"
    text = Path(__file__).parent.parent / "corpus" / "samples" / "text"
    files = sorted(str(p) for p in text.glob("00[01]*.txt"))
    result = CliRunner().invoke(app, ["run", "--input", *files, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert str(db) in result.output
    assert query(db, "select count(*) from articles") == [(2,)]
    assert any(line.split()[:1] == ["articles"] and line.split()[-1] == "2" for line in result.output.splitlines())


def test_cli_exits_non_zero_when_the_run_itself_fails(tmp_path) -> None:
    not_a_db = tmp_path / "dir.duckdb"
    not_a_db.mkdir()
    text = Path(__file__).parent.parent / "corpus" / "samples" / "text"
    result = warta("run", "--input", str(text), "--db", str(not_a_db))
    assert result.exit_code == 1
    # One line saying what failed; the traceback is in the log file, not on the terminal.
    (line,) = result.output.strip().splitlines()
    assert line.startswith("warta: the run failed: ") and "run with -v" in line
    assert "Traceback" not in result.output


def test_warta_eval_scores_the_loaded_samples_against_their_gold(loaded) -> None:
    db, _ = loaded
    gold = Path(__file__).parent / "gold" / "seeds"
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold), "--db", str(db)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    fields = dict(kv.split("=") for kv in last.split())
    assert float(fields["quotes_f1"]) >= 0.9 and float(fields["figures_f1"]) >= 0.9
    assert fields["clean"] == "21/21" and fields["kept"] == "11/11"
