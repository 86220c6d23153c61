"""The scorer's check of canonical ids (warta/evaluate.py): matched reports of one real event
must share one id, and distinct events must not share one."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars as pl

from warta.evaluate import score


def _gold(folder: Path, name: str, events: list[dict]) -> None:
    (folder / f"{name}.json").write_text(json.dumps({"file": name, "article": {}, "quotes": [], "figures": [],
                                                     "events": events}), encoding="utf-8")


def _tables(events: list[tuple[str, date, str, list[str], str | None]]) -> dict[str, pl.DataFrame]:
    urls = sorted({e[0] for e in events})
    return {
        "articles": pl.DataFrame({"article_id": urls, "url": [f"https://x.example/{u}" for u in urls],
                                  "outlet": [None] * len(urls), "published_at": [None] * len(urls),
                                  "body_text": [""] * len(urls)}),
        "quotes": pl.DataFrame(schema={"article_id": pl.String, "speaker": pl.String, "quote_text": pl.String}),
        "figures": pl.DataFrame(schema={"article_id": pl.String, "raw": pl.String, "value": pl.Float64,
                                        "unit": pl.String}),
        "events": pl.DataFrame(
            [{"article_id": a, "event_date": d, "date_precision": "day", "event_type": t, "participants": p,
              "place": None, "canonical_event_id": c} for a, d, t, p, c in events]),
    }


CALL = {"type": "call", "date": "2024-02-08", "participants": ["Xi Jinping", "Vladimir Putin"]}
CALL_A_DAY_LATER = {**CALL, "date": "2024-02-09"}
OTHER_CALL = {**CALL, "date": "2025-02-24"}


def test_reports_of_one_call_with_one_id_and_another_call_apart(tmp_path: Path) -> None:
    _gold(tmp_path, "a", [CALL])
    _gold(tmp_path, "b", [CALL_A_DAY_LATER])
    _gold(tmp_path, "c", [OTHER_CALL])
    both = ["Xi Jinping", "Vladimir Putin"]
    res = score(_tables([("a", date(2024, 2, 8), "call", both, "c1"), ("b", date(2024, 2, 9), "call", both, "c1"),
                         ("c", date(2025, 2, 24), "call", both, "c2")]), tmp_path)
    assert res["canonical"] == {"reported_twice": 1, "one_id": 1, "ids_shared": 0}


def test_a_split_event_and_a_shared_id_are_both_caught(tmp_path: Path) -> None:
    _gold(tmp_path, "a", [CALL])
    _gold(tmp_path, "b", [CALL])
    _gold(tmp_path, "c", [OTHER_CALL])
    both = ["Xi Jinping", "Vladimir Putin"]
    res = score(_tables([("a", date(2024, 2, 8), "call", both, "c1"), ("b", date(2024, 2, 8), "call", both, "c2"),
                         ("c", date(2025, 2, 24), "call", both, "c2")]), tmp_path)
    assert res["canonical"] == {"reported_twice": 1, "one_id": 0, "ids_shared": 1}
    assert any(m.startswith("canonical: one real event, 2 ids") for m in res["misses"])


def test_one_leader_meeting_two_others_in_a_week_is_two_real_events(tmp_path: Path) -> None:
    _gold(tmp_path, "a", [{"type": "meeting", "date": "2025-10-30", "participants": ["Donald Trump", "Xi Jinping"]}])
    _gold(tmp_path, "b", [{"type": "meeting", "date": "2025-10", "participants": ["Donald Trump", "Sanae Takaichi"]}])
    res = score(_tables([("a", date(2025, 10, 30), "meeting", ["Donald Trump", "Xi Jinping"], "m1"),
                         ("b", date(2025, 10, 28), "meeting", ["Donald Trump", "Sanae Takaichi"], "m1")]), tmp_path)
    assert res["canonical"] == {"reported_twice": 0, "one_id": 0, "ids_shared": 1}
