"""One row per real-world event and near-copies counted once, through the whole flow (real Prefect
test server, real DuckDB files), on short articles written for these tests
(`fixtures/linking/`: several outlets report the same calls and visits, one a day late, one by the
month only, one runs an agency copy; look-alike calls of the same leaders on other days, or of
another pair on the same day) and on the bundled samples (each as text and as HTML)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.db import query, snapshot

from flows.pipeline import etl

pytestmark = pytest.mark.usefixtures("prefect_harness")

FIXTURES = Path(__file__).parent / "fixtures" / "linking"
RUN1, RUN2 = str(FIXTURES / "run1.jsonl"), str(FIXTURES / "run2.jsonl")
SAMPLES = Path(__file__).parent.parent / "corpus" / "samples"

# The real event each article reports (each reports one).
REAL_EVENT = {
    "https://hariansatu.example/2024/02/09/xi-putin-telepon": "Xi-Putin call, 8 Feb 2024",
    "https://portalempat.example/dunia/xi-putin-telepon": "Xi-Putin call, 8 Feb 2024",  # agency copy
    "https://wartadua.example/internasional/2024/02/10/xi-putin": "Xi-Putin call, 8 Feb 2024",  # dated 9 Feb
    "https://kabartiga.example/analisis/poros-beijing-moskow": "Xi-Putin call, 8 Feb 2024",  # "Februari 2024"
    "https://wartadua.example/internasional/2025/02/25/xi-putin-video": "Xi-Putin call, 24 Feb 2025",
    "https://hariansatu.example/2022/12/31/xi-putin-video": "Xi-Putin call, 30 Dec 2022",
    "https://portalempat.example/dunia/modi-putin-telepon": "Modi-Putin call, 8 Feb 2024",
    "https://hariansatu.example/2024/05/17/putin-beijing": "Putin in Beijing, May 2024",
    "https://wartadua.example/internasional/2024/06/03/hasil-lawatan": "Putin in Beijing, May 2024",  # "Mei 2024"
    "https://kabartiga.example/arsip/putin-beijing-2023": "Putin in Beijing, Oct 2023",
    # the second run
    "https://kabartiga.example/2024/02/12/sorotan-telepon": "Xi-Putin call, 8 Feb 2024",
    "https://kabartiga.example/2024/05/17/putin-beijing": "Putin in Beijing, May 2024",  # agency copy
}
LINK_TABLES = ("articles", "events", "canonical_events", "event_links", "article_signatures")


def canonical_by_url(db: Path) -> dict[str, str]:
    rows = query(db, "select a.url, e.canonical_event_id from events e join articles a using (article_id)")
    assert len(rows) == len({u for u, _ in rows}), "each test article reports one event"
    return dict(rows)


def partition(mapping: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for key, group in mapping.items():
        groups.setdefault(group, set()).add(key)
    return {frozenset(g) for g in groups.values()}


def canonical_row(db: Path, url: str) -> dict:
    cols = ["event_type", "event_date", "date_precision", "participants", "place", "reports", "outlets",
            "first_reported", "last_reported"]
    row = query(db, f"select {', '.join('c.' + c for c in cols)} from canonical_events c "
                    f"join events e using (canonical_event_id) join articles a using (article_id)"
                    f" where a.url = '{url}'")
    return dict(zip(cols, row[0], strict=True))


@pytest.fixture(scope="module")
def stages(tmp_path_factory) -> dict:
    """The warehouse after the first run, after a later run with more articles, after running
    both inputs again unchanged, and after re-extracting everything (--force)."""
    db = tmp_path_factory.mktemp("linking") / "w.duckdb"
    out: dict = {"db": db}
    etl(inputs=[RUN1], db=str(db))
    out["run1"] = canonical_by_url(db)
    out["run1_rows"] = snapshot(db, ("canonical_events",))
    out["call"] = canonical_row(db, "https://hariansatu.example/2024/02/09/xi-putin-telepon")
    out["visit"] = canonical_row(db, "https://hariansatu.example/2024/05/17/putin-beijing")
    out["duplicate_of"] = dict(query(db, "select url, duplicate_of from articles"))
    out["ids"] = dict(query(db, "select url, article_id from articles"))
    etl(inputs=[RUN2], db=str(db))
    out["run2"] = canonical_by_url(db)
    out["run2_rows"] = snapshot(db, LINK_TABLES)
    out["call2"] = canonical_row(db, "https://hariansatu.example/2024/02/09/xi-putin-telepon")
    out["visit2"] = canonical_row(db, "https://hariansatu.example/2024/05/17/putin-beijing")
    out["duplicate_of2"] = dict(query(db, "select url, duplicate_of from articles"))
    out["ids"] |= dict(query(db, "select url, article_id from articles"))
    out["rerun"] = etl(inputs=[RUN1, RUN2], db=str(db))
    out["rerun_rows"] = snapshot(db, LINK_TABLES)
    etl(inputs=[RUN1, RUN2], db=str(db), force=True)
    out["force_rows"] = snapshot(db, LINK_TABLES)
    return out


def test_each_real_event_has_one_canonical_id(stages) -> None:
    first_run = {u: e for u, e in REAL_EVENT.items() if u in stages["run1"]}
    assert len(first_run) == 10
    assert partition(stages["run1"]) == partition(first_run)
    assert len(stages["run1_rows"]["canonical_events"]) == 6, "one canonical_events row per real event"


def test_canonical_row_consolidates_its_reports(stages) -> None:
    call = stages["call"]
    assert (str(call["event_date"]), call["date_precision"]) == ("2024-02-08", "day")
    assert call["event_type"] == "call" and sorted(call["participants"]) == ["Vladimir Putin", "Xi Jinping"]
    # Four articles, one of them a copy of another: three reports, by four outlets.
    assert (call["reports"], call["outlets"]) == (3, 4)
    assert (str(call["first_reported"]), str(call["last_reported"])) == ("2024-02-09", "2024-03-20")
    visit = stages["visit"]
    assert (str(visit["event_date"]), visit["date_precision"], visit["place"]) == ("2024-05-16", "day", "Beijing")
    assert visit["reports"] == 2


def test_the_agency_copy_names_the_original(stages) -> None:
    ids, dup = stages["ids"], stages["duplicate_of"]
    assert dup["https://portalempat.example/dunia/xi-putin-telepon"] == ids[
        "https://hariansatu.example/2024/02/09/xi-putin-telepon"]
    assert sum(v is not None for v in dup.values()) == 1


def test_a_later_runs_articles_join_the_known_events(stages) -> None:
    run1, run2 = stages["run1"], stages["run2"]
    assert {u: run2[u] for u in run1} == run1, "the first run's ids stay"
    assert partition(run2) == partition(REAL_EVENT)
    assert len(stages["run2_rows"]["canonical_events"]) == 6
    # The later copy is compared with the signatures stored by the first run.
    ids = stages["ids"]
    assert stages["duplicate_of2"]["https://kabartiga.example/2024/05/17/putin-beijing"] == ids[
        "https://hariansatu.example/2024/05/17/putin-beijing"]
    assert (stages["call2"]["reports"], stages["call2"]["outlets"]) == (4, 4)
    assert (stages["visit2"]["reports"], stages["visit2"]["outlets"]) == (2, 3)


def test_ids_are_stable_across_a_rerun_and_a_forced_reextraction(stages) -> None:
    assert stages["rerun"]["articles_unchanged"] == 12
    assert stages["rerun_rows"] == stages["run2_rows"]
    assert stages["force_rows"] == stages["run2_rows"]


def test_samples_text_and_html_share_canonical_events(tmp_path) -> None:
    db = tmp_path / "samples.duckdb"
    etl(inputs=[str(SAMPLES)], db=str(db))
    rows = query(db, "select regexp_extract(a.url, '([^/]+)\\.[a-z]+$', 1), a.url like '%.html', "
                     "e.canonical_event_id from events e join articles a using (article_id)")
    assert rows and all(cid is not None for *_, cid in rows)
    by_copy: dict[tuple[str, bool], list[str]] = {}
    for stem, is_html, cid in rows:
        by_copy.setdefault((stem, is_html), []).append(cid)
    stems = {stem for stem, _ in by_copy}
    assert len(stems) == 5
    for stem in stems:
        assert sorted(by_copy[(stem, False)]) == sorted(by_copy[(stem, True)]), stem
    # Each sample's two copies are one report: one of them names the other.
    assert query(db, "select count(*) from articles where duplicate_of is not null") == [(5,)]
    # One row per real event: every id once, and as many reports as samples telling it.
    assert query(db, "select count(*), count(distinct canonical_event_id) from canonical_events") == [
        (len({cid for *_, cid in rows}),) * 2]
    reports = dict(query(db, "select canonical_event_id, reports from canonical_events"))
    for cid, n in reports.items():
        assert n == len({stem for stem, _, c in rows if c == cid}), cid
    calls = query(db, "select event_date from canonical_events where event_type = 'call' "
                      "and list_has_all(participants, ['Xi Jinping', 'Vladimir Putin']) order by 1")
    assert [str(d) for (d,) in calls] == ["2022-12-30", "2024-02-08", "2025-02-24"]


def test_events_extracted_anew_find_their_canonical_events_again(stages, tmp_path) -> None:
    """New extraction rules give events new ids: their links are gone, and they are matched again
    against the canonical events, which keep their ids."""
    import shutil

    from warehouse.load import connect
    from warta.linking import link

    db = tmp_path / "copy.duckdb"
    shutil.copy(stages["db"], db)
    before = canonical_by_url(db)
    with connect(db) as con:
        con.execute("UPDATE events SET event_id = left(md5(event_id), 16), canonical_event_id = NULL")
        counts = link(con)
    assert counts["event_links"] == len(REAL_EVENT)
    assert canonical_by_url(db) == before
    assert snapshot(db, ("canonical_events",)) == {"canonical_events": stages["run2_rows"]["canonical_events"]}
    assert query(db, "select count(*) from event_links") == [(len(REAL_EVENT),)]


def test_near_copies_compared_a_few_texts_at_a_time_form_the_same_groups(stages, tmp_path) -> None:
    """The link step reads pending texts in batches (a backfill is not held whole): signed again two
    at a time, the articles fall into the same near-copy groups, with the same firsts, as when
    signed again all at once."""
    import shutil

    from warehouse.load import connect
    from warta.linking import link

    groups = {}
    for batch in (2, 1000):
        db = tmp_path / f"copy{batch}.duckdb"
        shutil.copy(stages["db"], db)
        with connect(db) as con:
            con.execute("DELETE FROM article_signatures")
            con.execute("UPDATE articles SET duplicate_of = NULL")
            counts = link(con, batch=batch)
        assert counts["article_signatures"] == len(stages["ids"])
        groups[batch] = dict(query(db, "select url, duplicate_of from articles"))
    assert groups[2] == groups[1000]
    assert sum(1 for first in groups[2].values() if first) == sum(1 for f in stages["duplicate_of2"].values() if f)


def test_articles_signed_with_their_chunks_are_grouped_by_the_link_step(stages, tmp_path) -> None:
    """Workers sign each chunk's articles and the load stores the signatures as pending; the link
    step groups them, a few at a time, into the same near-copy groups as when it signs every
    text itself, and leaves none pending. A pending signature is never taken for a group's first."""
    import shutil

    from warehouse.load import connect
    from warta.linking import link

    assert query(stages["db"], "select count(*) from article_signatures where pending") == [(0,)]
    groups = {}
    for how, reset in (("pending", "UPDATE article_signatures SET pending = true, duplicate_of = NULL"),
                       ("signed by the link step", "DELETE FROM article_signatures")):
        db = tmp_path / f"{how}.duckdb"
        shutil.copy(stages["db"], db)
        with connect(db) as con:
            con.execute(reset)
            con.execute("UPDATE articles SET duplicate_of = NULL")
            counts = link(con, batch=2)
        assert counts["article_signatures"] == len(stages["ids"])
        assert query(db, "select count(*) from article_signatures where pending") == [(0,)]
        groups[how] = dict(query(db, "select url, duplicate_of from articles"))
    assert groups["pending"] == groups["signed by the link step"]
    assert sum(1 for f in groups["pending"].values() if f) == sum(1 for f in stages["duplicate_of2"].values() if f)
