"""`warta sql` and `warta export`: one query, result files, and the interactive prompt driven
through a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from warta.cli import app

WARTA = Path(sys.executable).with_name("warta")


@pytest.fixture(scope="module")
def db(sample_warehouse_copy: Path) -> Path:
    return sample_warehouse_copy


def test_one_query_prints_its_rows(db: Path) -> None:
    sql = "select * from event_timeline order by event_end limit 5"
    result = CliRunner().invoke(app, ["sql", "--db", str(db), sql])
    assert result.exit_code == 0, result.output
    assert "event_type" in result.output and "5 rows" in result.output
    assert "Xi Jinping" in result.output


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_results_are_written_in_each_format(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"r.{fmt}"
    sql = "select speaker, quote_text from who_said_what where speaker = 'Vladimir Putin'"
    result = CliRunner().invoke(app, ["sql", "--db", str(db), sql, "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    frame = {"csv": pl.read_csv, "json": lambda p: pl.DataFrame(json.loads(p.read_text())),
             "parquet": pl.read_parquet}[fmt](out)
    assert frame.height > 0 and set(frame["speaker"]) == {"Vladimir Putin"}


def test_lists_in_csv_and_json_on_stdout(db: Path) -> None:
    result = CliRunner().invoke(app, ["sql", "--db", str(db), "select participants from events limit 1", "-f", "csv"])
    assert result.exit_code == 0 and result.output.startswith("participants\n")
    result = CliRunner().invoke(app, ["sql", "--db", str(db), "select 1 as n", "-f", "json"])
    assert json.loads(result.output) == [{"n": 1}]


def test_the_file_is_read_only_and_errors_are_one_line(db: Path) -> None:
    result = CliRunner().invoke(app, ["sql", "--db", str(db), "delete from articles"])
    assert result.exit_code == 1
    assert "read-only" in result.output and len(result.output.strip().splitlines()) == 1
    # Wide enough that a long temporary path does not wrap the message inside the error box.
    result = CliRunner().invoke(app, ["sql", "--db", str(db / "missing"), "select 1"], env={"COLUMNS": "400"})
    assert result.exit_code != 0 and "does not exist" in result.output
    result = CliRunner().invoke(app, ["sql", "--db", str(db), "select 1", "-f", "parquet"])
    assert result.exit_code == 1 and "--output" in result.output


def test_export_writes_parquet(db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--parquet", str(tmp_path / "pq")])
    assert result.exit_code == 0, result.output
    months = sorted(p.name for p in (tmp_path / "pq" / "quotes").iterdir())
    assert months and all(m.startswith("published_month=") for m in months)


def _read_until(fd: int, needle: bytes, timeout: float = 60.0) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"{needle!r} not seen; got {seen[-2000:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    assert needle in seen, seen[-2000:]
    return seen


def test_the_prompt_runs_statements_through_a_terminal(db: Path, tmp_path: Path) -> None:
    history = tmp_path / "history"
    main, child = pty.openpty()
    env = {**os.environ, "WARTA_SQL_HISTORY": str(history), "COLUMNS": "160", "TERM": "dumb"}
    proc = subprocess.Popen([str(WARTA), "sql", "--db", str(db)], stdin=child, stdout=child, stderr=child,
                            env=env, close_fds=True)
    os.close(child)
    try:
        _read_until(main, b"warta> ")
        # A statement over two lines, ended by `;`.
        os.write(main, b"select speaker, count(*) as n from who_said_what\n")
        _read_until(main, b"...> ")
        os.write(main, b"group by speaker order by n desc, speaker limit 3;\n")
        out = _read_until(main, b"warta> ")
        assert b"3 rows" in out and b"Vladimir Putin" in out and b"speaker" in out
        os.write(main, b"select * from no_such_table;\n")
        assert b"error: Catalog Error" in _read_until(main, b"warta> ")
        os.write(main, b".schema figures_cited\n")
        out = _read_until(main, b"warta> ")
        assert b"signed_value" in out and b"actual, target, forecast or limit" in out
        os.write(main, b".quit\n")
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(main)
    assert "who_said_what" in history.read_text()


def test_the_end_of_run_hint_names_a_command_that_runs(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shlex

    from warta.cli import print_summary

    print_summary({"db": str(db), "run_id": "r", "documents_in": 5, "articles_unchanged": 0, "quarantined": 0,
                   "failures": 0, "totals": {}, "loaded": {}})
    hint = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Query it:"))
    args = shlex.split(hint.removeprefix("Query it:"))
    assert args[:2] in (["warta", "sql"], [sys.argv[0], "sql"])
    result = CliRunner().invoke(app, args[1:])
    assert result.exit_code == 0 and "event_type" in result.output
