"""Extraction quality against hand-made gold annotations (`tests/gold/seeds/*.json`).

The same matching rules as the project's external scorer (precision / recall / F1 for quotes,
figures and events, attribution of matched quotes, boilerplate gone and passages kept, article
metadata), computed from frames so that tests can score `facts()` without a warehouse:

    score(tables, gold_dir)       tables: {"articles", "quotes", "figures", "events"} frames
    score_db(db_path, gold_dir)   the same tables read from a DuckDB file
    format_score(result)          the report; its last line is one summary line

A gold file names its input (`file`); the article whose `url` ends with that name (or contains
its stem) is scored against it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import polars as pl

QUOTE_SIMILARITY = 0.9
FIGURE_TOLERANCE = 0.005
TYPE_FAMILY = {
    "call": "call", "phone_call": "call", "video_call": "call", "phone": "call", "video": "call",
    "meeting": "meeting", "visit": "visit", "state_visit": "visit", "summit": "summit",
    "declaration": "declaration", "agreement": "declaration", "other": "other",
}
# Words that do not tell two names apart (`Presiden Vladimir Putin` names `Vladimir Putin`).
TITLES = {"presiden", "menteri", "perdana", "wakil", "juru", "bicara", "kanselir", "raja", "sekretaris", "jenderal",
          "president", "minister", "prime", "foreign", "luar", "negeri", "pm", "mr", "dr"}
TABLE_COLUMNS = {
    "articles": ["article_id", "url", "outlet", "published_at", "body_text"],
    "quotes": ["article_id", "speaker", "quote_text"],
    "figures": ["article_id", "raw", "value", "unit"],
    "events": ["article_id", "event_date", "date_precision", "event_type", "participants", "place",
               "canonical_event_id"],
}


def norm_text(s: str | None) -> str:
    """Lower case, no quotation marks, single spaces, no punctuation at the ends."""
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = re.sub(r"[\u201c\u201d\u201e\u00ab\u00bb\"'\u2018\u2019]", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" ,.;:")


def name_tokens(s: str | None) -> set[str]:
    toks = re.findall(r"[a-z0-9\-]+", unicodedata.normalize("NFKC", s or "").lower())
    return {t for t in toks if t not in TITLES}


def same_name(gold: str | None, pred: str | None) -> bool:
    """Whether a predicted name names the gold one: one's words (titles aside) hold the other's."""
    g, p = name_tokens(gold), name_tokens(pred)
    return bool(g and p) and (g <= p or p <= g)


def family(t: str | None) -> str:
    key = (t or "").strip().lower()
    return TYPE_FAMILY.get(key, key)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(f, 3)}


def as_date_str(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, dt.date | dt.datetime):
        return v.strftime("%Y-%m-%d")
    return str(v)[:10]


def is_scored_figure(unit: str | None) -> bool:
    """Only money (an ISO 4217 code) and percentages are scored."""
    u = (unit or "").strip()
    return u.lower() == "percent" or bool(re.fullmatch(r"[A-Z]{3}", u))


def _rows(tables: dict[str, pl.DataFrame], name: str) -> list[dict[str, Any]]:
    df = tables.get(name)
    if df is None:
        return []
    cols = [c for c in TABLE_COLUMNS[name] if c in df.columns]
    return df.select(cols).to_dicts()


def _event_match(gev: dict[str, Any], e: dict[str, Any]) -> bool:
    gtypes = gev.get("type") if isinstance(gev.get("type"), list) else [gev.get("type")]
    if family(e.get("event_type")) not in {family(t) for t in gtypes}:
        return False
    gd = gev.get("date")
    if gd and not (as_date_str(e.get("event_date")) or "").startswith(gd):
        return False
    if gd and len(gd) == 10 and (e.get("date_precision") or "day") != "day":
        return False
    gp = gev.get("participants") or []
    pp = list(e.get("participants") or [])
    return not gp or any(same_name(x, y) for x in gp for y in pp)


def score(tables: dict[str, pl.DataFrame], gold_dir: Path) -> dict[str, Any]:
    """P/R/F1 of quotes, figures and events, attribution, cleaning and article metadata of the
    given frames against every gold file in `gold_dir`; `misses` lists each miss and false hit."""
    arts = _rows(tables, "articles")
    quotes = _rows(tables, "quotes")
    figures = _rows(tables, "figures")
    events = _rows(tables, "events")
    golds = sorted(Path(gold_dir).glob("*.json"))
    if not golds:
        raise FileNotFoundError(f"no gold files in {gold_dir}")
    tot = {k: [0, 0, 0] for k in ("quotes", "figures", "events")}
    attributed = clean_gone = clean_total = keep_ok = keep_total = meta_ok = meta_total = 0
    misses: list[str] = []
    missing_articles: list[str] = []
    reports: list[tuple[str, dict[str, Any], Any]] = []  # (article, gold event, its match's canonical id)

    for gpath in golds:
        g = json.loads(gpath.read_text(encoding="utf-8"))
        fname = g.get("file") or gpath.stem
        stem = Path(fname).stem
        found = [r for r in arts if (r.get("url") or "").endswith(fname)] or \
                [r for r in arts if stem in (r.get("url") or "")]
        gq = g.get("quotes", [])
        gf = [f for f in g.get("figures", []) if is_scored_figure(f.get("unit"))]
        ge = g.get("events", [])
        if not found:
            missing_articles.append(fname)
            tot["quotes"][2] += len(gq)
            tot["figures"][2] += len(gf)
            tot["events"][2] += sum(1 for e in ge if not e.get("optional"))
            continue
        art = found[0]
        aid = art["article_id"]
        body = norm_text(art.get("body_text"))

        for b in g.get("boilerplate", []):
            clean_total += 1
            if norm_text(b) not in body:
                clean_gone += 1
            else:
                misses.append(f"{stem} clean: boilerplate left: {b!r}")
        for k in g.get("must_keep", []):
            keep_total += 1
            if norm_text(k) in body:
                keep_ok += 1
            else:
                misses.append(f"{stem} clean: passage lost: {k!r}")

        ga = g.get("article", {})
        if ga.get("outlet"):
            meta_total += 1
            go = norm_text(ga["outlet"]).replace(".com", "")
            po = norm_text(art.get("outlet")).replace(".com", "")
            if go and po and (go in po or po in go):
                meta_ok += 1
            else:
                misses.append(f"{stem} article: outlet {art.get('outlet')!r}, gold {ga['outlet']!r}")
        if ga.get("published"):
            meta_total += 1
            if as_date_str(art.get("published_at")) == ga["published"]:
                meta_ok += 1
            else:
                misses.append(f"{stem} article: published {as_date_str(art.get('published_at'))!r}, "
                              f"gold {ga['published']!r}")

        # quotes: the most similar unused prediction, if at least 90% alike
        pq = [q for q in quotes if q["article_id"] == aid]
        used: set[int] = set()
        for gqi in gq:
            gt = norm_text(gqi["text"])
            best, best_i = 0.0, None
            for i, q in enumerate(pq):
                if i in used:
                    continue
                r = difflib.SequenceMatcher(None, gt, norm_text(q["quote_text"]), autojunk=False).ratio()
                if r > best:
                    best, best_i = r, i
            if best_i is not None and best >= QUOTE_SIMILARITY:
                used.add(best_i)
                tot["quotes"][0] += 1
                if same_name(gqi.get("speaker"), pq[best_i]["speaker"]):
                    attributed += 1
                else:
                    misses.append(f"{stem} quote speaker {pq[best_i]['speaker']!r}, gold {gqi.get('speaker')!r}: "
                                  f"{gqi['text'][:60]!r}")
            else:
                misses.append(f"{stem} quote missed: {gqi.get('speaker')!r}: {gqi['text'][:70]!r}")
        for i, q in enumerate(pq):
            if i not in used:
                misses.append(f"{stem} quote false: {q['speaker']!r}: {(q['quote_text'] or '')[:70]!r}")
        tot["quotes"][1] += len(pq)
        tot["quotes"][2] += len(gq)

        # figures: same unit, magnitude within 0.5%
        pf = [f for f in figures if f["article_id"] == aid and is_scored_figure(f["unit"])]
        used = set()
        for gfi in gf:
            hit = None
            for i, f in enumerate(pf):
                if i in used or f["value"] is None:
                    continue
                if (f["unit"] or "").strip().lower() == gfi["unit"].lower() and \
                        abs(abs(f["value"]) - abs(gfi["value"])) <= FIGURE_TOLERANCE * abs(gfi["value"]):
                    hit = i
                    break
            if hit is None:
                misses.append(f"{stem} figure missed: {gfi['raw']!r}")
            else:
                used.add(hit)
                tot["figures"][0] += 1
        for i, f in enumerate(pf):
            if i not in used:
                misses.append(f"{stem} figure false: {f['raw']!r} = {f['value']} {f['unit']}")
        tot["figures"][1] += len(pf)
        tot["figures"][2] += len(gf)

        # events: required gold first, then optional ones may absorb extra predictions
        pe = [e for e in events if e["article_id"] == aid]
        used = set()
        optional_hits = 0
        for gev in sorted(ge, key=lambda x: bool(x.get("optional"))):
            hit = next((i for i, e in enumerate(pe) if i not in used and _event_match(gev, e)), None)
            if hit is not None:
                used.add(hit)
                reports.append((stem, gev, pe[hit].get("canonical_event_id")))
                if gev.get("optional"):
                    optional_hits += 1
                else:
                    tot["events"][0] += 1
            elif not gev.get("optional"):
                misses.append(f"{stem} event missed: {gev.get('date')} {gev.get('type')} {gev.get('participants')}")
        for i, e in enumerate(pe):
            if i not in used:
                misses.append(f"{stem} event false: {as_date_str(e['event_date'])} {e['event_type']} "
                              f"{list(e['participants'] or [])}")
        tot["events"][1] += len(pe) - optional_hits
        tot["events"][2] += sum(1 for e in ge if not e.get("optional"))

    res: dict[str, Any] = {k: prf(*v) for k, v in tot.items()}
    res["attribution"] = round(attributed / tot["quotes"][0], 3) if tot["quotes"][0] else 0.0
    res["clean"] = {"boilerplate_gone": f"{clean_gone}/{clean_total}", "passages_kept": f"{keep_ok}/{keep_total}"}
    res["article"] = f"{meta_ok}/{meta_total}"
    res["missing_articles"] = missing_articles
    res["canonical"] = canonical_consistency(reports, misses)
    res["misses"] = misses
    res["summary"] = (f"quotes_f1={res['quotes']['f1']} attribution={res['attribution']} "
                      f"figures_f1={res['figures']['f1']} events_f1={res['events']['f1']} "
                      f"clean={clean_gone}/{clean_total} kept={keep_ok}/{keep_total} article={meta_ok}/{meta_total}")
    return res


def _same_real_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two gold events of different articles that tell one happening: same type family, dates and places that
    agree (at the coarser precision, or a day apart: outlets disagree by a day), a participant in
    common, and every participant of the one naming fewer among the other's (Trump-Xi and
    Trump-Takaichi of one week are two events). Undated events are never paired: nothing tells
    them apart from other ones."""
    def families(g: dict[str, Any]) -> set[str]:
        return {family(t) for t in (g["type"] if isinstance(g.get("type"), list) else [g.get("type")])}

    da, db = a.get("date"), b.get("date")
    if not da or not db or not families(a) & families(b):
        return False
    if a.get("place") and b.get("place") and norm_text(a["place"]) != norm_text(b["place"]):
        return False
    if not (da.startswith(db) or db.startswith(da)):
        if len(da) != 10 or len(db) != 10:
            return False
        if abs((dt.date.fromisoformat(da) - dt.date.fromisoformat(db)).days) > 1:
            return False
    pa, pb = a.get("participants") or [], b.get("participants") or []
    fewer, more = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    return bool(fewer) and all(any(same_name(x, y) for y in more) for x in fewer)


def canonical_consistency(reports: list[tuple[str, dict[str, Any], Any]], misses: list[str]) -> dict[str, int]:
    """Whether matched reports of one real event share one canonical id and distinct events do not.
    `reports` are (article, gold event, canonical id of the prediction it matched). Real events are
    gold events of different articles that `_same_real_event` joins (transitively). Returns the real
    events reported by at least two matched articles, how many of them carry one canonical id, and
    how many canonical ids are given to two or more real events; the cases go to `misses`."""
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (art_i, gi, _) in enumerate(reports):
        for j in range(i + 1, len(reports)):
            art_j, gj, _ = reports[j]
            if art_i != art_j and _same_real_event(gi, gj):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(reports)):
        groups.setdefault(root(i), []).append(i)
    multi = [g for g in groups.values() if len({reports[i][0] for i in g}) >= 2]
    one_id = 0
    for g in multi:
        ids = {reports[i][2] for i in g}
        if len(ids) == 1 and None not in ids:
            one_id += 1
        else:
            gold = reports[g[0]][1]
            misses.append(f"canonical: one real event, {len(ids)} ids: {gold.get('date')} {gold.get('type')} "
                          f"{gold.get('participants')} in {sorted({reports[i][0] for i in g})}")
    owners: dict[Any, set[int]] = {}
    for key, g in groups.items():
        for i in g:
            if reports[i][2] is not None and reports[i][1].get("date"):  # undated: never grouped
                owners.setdefault(reports[i][2], set()).add(key)
    shared = [cid for cid, keys in owners.items() if len(keys) > 1]
    for cid in shared:
        told = sorted({f"{reports[k][1].get('date')} {reports[k][1].get('participants')}" for k in owners[cid]})
        misses.append(f"canonical: id {cid} given to {len(owners[cid])} real events: {told}")
    return {"reported_twice": len(multi), "one_id": one_id, "ids_shared": len(shared)}


def score_db(db_path: Path | str, gold_dir: Path) -> dict[str, Any]:
    """`score` of the tables in a DuckDB warehouse file (opened read-only)."""
    import duckdb  # only here: scoring frames needs no database

    con = duckdb.connect(str(db_path), read_only=True)
    try:
        tables = {}
        for name, cols in TABLE_COLUMNS.items():
            cur = con.execute(f"select {', '.join(cols)} from {name}")
            names = [d[0] for d in cur.description]
            records = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
            tables[name] = pl.DataFrame(records, schema=names if not records else None,
                                        infer_schema_length=None)
    finally:
        con.close()
    return score(tables, gold_dir)


def format_score(result: dict[str, Any], verbose: bool = False) -> str:
    """The score as text: one line per table, cleaning and metadata, misses when `verbose`,
    and last a one-line summary."""
    lines = []
    for k in ("quotes", "figures", "events"):
        r = result[k]
        lines.append(f"{k:8s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}  "
                     f"(tp {r['tp']}, predicted {r['pred']}, gold {r['gold']})")
    lines.append(f"attribution {result['attribution']:.3f} of matched quotes; clean: boilerplate gone "
                 f"{result['clean']['boilerplate_gone']}, passages kept {result['clean']['passages_kept']}; "
                 f"article metadata {result['article']}")
    if (c := result.get("canonical")) and c["reported_twice"]:
        lines.append(f"canonical: {c['one_id']} of {c['reported_twice']} real events reported by two or more "
                     f"articles carry one id; {c['ids_shared']} ids given to two or more real events")
    if result.get("missing_articles"):
        lines.append("articles not found: " + ", ".join(result["missing_articles"]))
    if verbose:
        lines.extend(result.get("misses", []))
    lines.append(result["summary"])
    return "\n".join(lines)
