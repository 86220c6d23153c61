"""What an analyst reads from the file: the views answer the README's questions, every table,
view and column says what it means, entities are keys, and a Parquet export reads back whole."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import polars as pl
import pytest
from helpers.db import query
from helpers.frames import article, batch, process, quote

from transforms.entities import entities_frame
from warehouse.export import PARTITIONED, export_parquet
from warehouse.tables import ALL_TABLES
from warehouse.views import VIEWS

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture(scope="module")
def warehouse(sample_warehouse_copy: Path) -> Path:
    return sample_warehouse_copy


def readme_queries() -> list[str]:
    blocks = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)
    statements = [s.strip() for block in blocks for s in block.split(";")]
    return [s for s in statements if re.sub(r"--[^\n]*", "", s).strip()]


def test_the_readme_prints_queries_against_every_view() -> None:
    text = " ".join(readme_queries())
    assert len(readme_queries()) >= 5
    for view in VIEWS:
        assert re.search(rf"\bfrom {view.name}\b", text), view.name


@pytest.mark.parametrize("sql", readme_queries(), ids=lambda s: re.sub(r"--[^\n]*\n", "", s).split("\n")[0][:50])
def test_every_readme_query_runs_and_answers(warehouse: Path, sql: str) -> None:
    rows = query(warehouse, sql)
    # The questions are about the samples: each has an answer there, except what was rejected.
    if "quarantine" not in sql:
        assert rows, sql


def test_every_table_view_and_column_has_a_comment(warehouse: Path) -> None:
    missing = query(warehouse, "SELECT table_name, column_name FROM duckdb_columns() "
                               "WHERE NOT internal AND (comment IS NULL OR comment = '')")
    assert missing == []
    names = {t.name for t in ALL_TABLES} | {v.name for v in VIEWS}
    described = {r[0] for r in query(warehouse, "SELECT table_name FROM duckdb_tables() WHERE comment <> '' "
                                                "UNION SELECT view_name FROM duckdb_views() WHERE comment <> ''")}
    assert names <= described
    (comment,) = query(warehouse, "SELECT comment FROM duckdb_columns() WHERE table_name = 'figures' "
                                  "AND column_name = 'kind'")[0]
    assert "target" in comment


def test_views_are_declared_with_exactly_their_columns(warehouse: Path) -> None:
    for view in VIEWS:
        got = [r[0] for r in query(warehouse, f"DESCRIBE {view.name}")]
        assert got == list(view.columns), view.name


def test_event_timeline_sorts_by_the_end_of_the_period(warehouse: Path) -> None:
    rows = query(warehouse, "SELECT event_date, event_end, date_precision, \"when\" FROM event_timeline")
    for start, end, precision, when in rows:
        if precision == "year":
            assert (start.month, start.day, end.month, end.day, when) == (1, 1, 12, 31, str(start.year))
        elif precision == "month":
            assert (start.day, end.month, end > start, when) == (1, start.month, True, start.strftime("%Y-%m"))
        else:
            assert (end, when) == (start, start.isoformat())
    assert {r[2] for r in rows} >= {"day", "month"}


def test_entity_mentions_link_every_fact_to_its_entities(warehouse: Path) -> None:
    speakers = query(warehouse, "SELECT count(*) FROM quotes WHERE speaker IS NOT NULL")[0][0]
    participants = query(warehouse, "SELECT count(*) FROM (SELECT unnest(participants) FROM events)")[0][0]
    by_role = dict(query(warehouse, "SELECT role, count(*) FROM entity_mentions GROUP BY role"))
    assert (by_role["speaker"], by_role["participant"]) == (speakers, participants)
    unknown = query(warehouse, "SELECT DISTINCT entity FROM entity_mentions e "
                               "WHERE NOT EXISTS (SELECT 1 FROM entities n WHERE n.name = e.entity)")
    assert unknown == []
    putin = query(warehouse, "SELECT kind, wikidata_id, state, list_contains(aliases, 'Putin') FROM entities "
                             "WHERE name = 'Vladimir Putin'")
    assert putin == [("person", "Q7747", "Rusia", True)]


def test_figures_cited_reads_kind_and_direction(warehouse: Path) -> None:
    rows = dict((r[0], r[1:]) for r in query(
        warehouse, "SELECT raw, kind, direction, signed_value, period_start FROM figures_cited"))
    assert rows["USD 200 miliar"][:2] == ("target", "none")
    assert rows["11,6 persen"][:3] == ("actual", "fall", -11.6)
    assert str(rows["11,6 persen"][3]) == "2023-01-01"


def test_parquet_export_reads_back_with_the_same_row_counts(warehouse: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        counts = export_parquet(con, tmp_path / "out")
        counts_again = export_parquet(con, tmp_path / "out")  # an export replaces the earlier one
    finally:
        con.close()
    assert counts == counts_again
    for table in ALL_TABLES:
        if table.name in PARTITIONED:
            frame = pl.read_parquet(tmp_path / "out" / table.name / "**" / "*.parquet", hive_partitioning=True)
            if frame.height:
                assert set(frame["published_month"]) <= {"2022-12", "2024-02", "2024-07", "2024-10", "2025-02"}
        else:
            frame = pl.read_parquet(tmp_path / "out" / f"{table.name}.parquet")
        assert frame.height == counts[table.name] == query(warehouse, f"SELECT count(*) FROM {table.name}")[0][0]
    assert counts["articles"] == 5 and counts["quotes"] > 0


def test_an_older_file_gets_the_declared_columns_and_keeps_its_rows(tmp_path: Path) -> None:
    from warehouse.entities import ENTITIES
    from warehouse.load import connect

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE entities (name VARCHAR PRIMARY KEY, kind VARCHAR, wikidata_id VARCHAR, known BOOLEAN)")
    con.execute("INSERT INTO entities VALUES ('Rusia', 'state', 'Q159', true)")
    con.close()
    with connect(db):
        pass
    columns = {r[0] for r in query(db, "DESCRIBE entities")}
    assert columns == set(ENTITIES.column_names)
    assert query(db, "SELECT name, wikidata_id, aliases FROM entities") == [("Rusia", "Q159", None)]
    uncommented = "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'entities' AND comment IS NULL"
    assert query(db, uncommented) == [(0,)]


def test_a_body_quoted_under_its_short_name_is_one_entity(tmp_path: Path) -> None:
    # `Kemlu RI` (as the text names the body, GOLD.md) and `Kementerian Luar Negeri RI` are one
    # entities row; both quotes read its kind and state, and entity_mentions keys both by it.
    db = tmp_path / "w.duckdb"
    process(db, batch([article(1)], quotes=[quote(1, 0, "Kemlu RI"), quote(1, 1, "Kementerian Luar Negeri RI"),
                                            quote(1, 2, "Budi Hartono")],
                      entities=entities_frame(["Kemlu RI", "Kementerian Luar Negeri RI", "Budi Hartono"]).to_dicts()),
            "r1")
    assert query(db, "SELECT count(*) FROM entities WHERE kind = 'org'") == [(1,)]
    assert sorted(query(db, "SELECT speaker, speaker_kind, speaker_state FROM who_said_what"), key=str) == [
        ("Budi Hartono", "unknown", None), ("Kementerian Luar Negeri RI", "org", "Indonesia"),
        ("Kemlu RI", "org", "Indonesia")]
    assert sorted(query(db, "SELECT entity, entity_kind FROM entity_mentions"), key=str) == [
        ("Budi Hartono", "unknown"), ("Kementerian Luar Negeri RI", "org"), ("Kementerian Luar Negeri RI", "org")]
    # The speaker check knows the short name too: only the unknown person is flagged.
    assert query(db, "SELECT unexpected_count FROM dq_results "
                     "WHERE expectation = 'quote_speaker_is_known_entity(speaker)'") == [(1,)]


def test_the_chunk_check_knows_the_names_the_view_knows(tmp_path: Path) -> None:
    # One rule, two places: `entity_names` over the file, `known_names_in` over a chunk's rows
    # before they are loaded. Known people, a body under its short name, an unknown name.
    from warehouse.entities import known_names, known_names_in
    from warehouse.load import connect

    entities = entities_frame(["Kemlu RI", "Xi Jinping", "Tiongkok", "Budi Hartono", "Kremlin"])
    db = tmp_path / "w.duckdb"
    process(db, batch([article(1)], entities=entities.to_dicts()), "r1")
    with connect(db) as con:
        in_file = known_names(con)
    assert in_file == known_names_in(entities)
    assert {"Kemlu RI", "Kementerian Luar Negeri RI", "Xi Jinping"} <= in_file and "Budi Hartono" not in in_file


def test_a_name_that_is_an_entitys_own_key_stays_that_entity_in_the_chunk_check_too() -> None:
    # An earlier text wrote `Kemlu RI` as an unknown name; a lexicon later made it the ministry's alias.
    from warehouse.entities import known_names_in

    rows = pl.DataFrame({"name": ["Kementerian Luar Negeri RI", "Kemlu RI"], "kind": ["org", "unknown"],
                         "wikidata_id": [None, None], "state": ["Indonesia", None],
                         "aliases": [["Kemlu RI"], []], "known": [True, False]})
    assert known_names_in(rows) == {"Kementerian Luar Negeri RI"}
