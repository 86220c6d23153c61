"""Errors a person can act on: one line saying what failed and what to do, the traceback only
with -v (and always in the log file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.cli import warta

from warta import __version__


@pytest.fixture(autouse=True)
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "logs" / "warta.log"
    monkeypatch.setenv("WARTA_LOG_FILE", str(path))
    return path


def test_version() -> None:
    result = warta("--version")
    assert (result.exit_code, result.output) == (0, f"warta {__version__}\n")


def test_eval_with_a_missing_gold_folder_is_one_line() -> None:
    result = warta("eval", "--gold", "/missing", "--db", "missing.duckdb")
    assert result.exit_code == 1
    assert result.output == ("warta: no gold files at /missing: --gold takes a folder of *.json gold files "
                             "(e.g. tests/gold/seeds)\n")


@pytest.mark.parametrize("command", [["quarantine", "list"], ["quarantine", "release"], ["report"], ["reprocess"]])
def test_a_missing_warehouse_is_one_line(command: list[str]) -> None:
    result = warta(*command, "--db", "missing.duckdb")
    assert result.exit_code == 1
    assert result.output == ("warta: no warehouse at missing.duckdb: check --db, or create it with "
                             "`warta run --db missing.duckdb`\n")


def test_an_unexpected_error_is_one_line_and_its_traceback_goes_to_the_log(tmp_path: Path, log_file: Path) -> None:
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"this is not a DuckDB file" * 100)
    result = warta("quarantine", "list", "--db", str(broken))
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    assert line.startswith("warta: `warta quarantine` failed: ")
    assert line.endswith(f"the traceback is in {log_file} (or run with -v to see it here)")
    assert "Traceback (most recent call last)" in log_file.read_text(encoding="utf-8")
    verbose = warta("-v", "quarantine", "list", "--db", str(broken))
    assert verbose.exit_code == 1 and "Traceback (most recent call last)" in verbose.output


def test_a_usage_error_names_the_option() -> None:
    result = warta("run", "--bogus")
    assert result.exit_code == 2 and "No such option: --bogus" in result.output
