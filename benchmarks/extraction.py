"""Benchmark of warta's HTML extraction (`transforms.clean`) on an article-extraction benchmark.

    python benchmarks/extraction.py BENCH_DIR [--raw] [--only SUBSTR] [--limit N]
    python benchmarks/extraction.py [BENCH_DIR] --id-pages ID_DIR [--only SUBSTR]

BENCH_DIR holds `ground-truth.json`, `html/<id>.html[.gz]` and `score.py` (the layout of
scrapinghub's article-extraction-benchmark, with its own scorer). The pages are scored by that
`score.py`, so F1 is computed exactly as the benchmark computes it (4-token shingles, macro
average); this script adds the peak memory of the process. `--raw` scores trafilatura alone
(`include_comments=False`), without warta's cleaner, to show what the cleaner changes.

Prints the scorer's report and summary line, then `peak_rss_mb=...`.

`--id-pages ID_DIR` also scores a folder of Indonesian news pages annotated by hand (kept outside
the repo: third-party pages). Its layout:

    ID_DIR/pages/<stem>.html    the page as its site served it (UTF-8)
    ID_DIR/gold/<stem>.json     {"source": "...", "outlet": "kompas", "year": 2016,
                                 "body":   ["paragraph that must stay", ...],
                                 "chrome": ["visible page string that must go", ...]}

`body` holds every paragraph of the article as the reader sees it (lead, quotes, subheadings, fact
boxes), in order; `chrome` holds strings of the page that are not the article: related and popular
headlines, "Baca juga" links, bylines, "Editor:"/"Reporter :" lines, copyright lines, photo
credits, share labels, tag lists, ad labels. Lines in neither list (the headline, a bare dateline
such as "Jakarta -") are neutral: they count only against bag-of-words precision. For both warta's
cleaner and bare trafilatura it prints, per page and in total:

- bag-of-words P/R/F1 of the output against the body paragraphs (`\\w+` tokens after NFKC and case
  folding; the total is the mean of per-page P and R, and F1 of those means);
- paragraphs kept k/n: a body paragraph is kept when its normalised text occurs in the output;
- chrome gone k/n: a chrome string of two words or more is present when an output line contains it;
  a one-word string (a label such as "SHARE") only when an output line is exactly that word.

Normalisation (both sides): NFKC, case folding, quotation marks and table pipes removed, a leading
list dash removed, whitespace collapsed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import resource
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: transforms/ is a top-level package
    sys.path.insert(0, str(ROOT))

from transforms.clean import extract_article_text  # noqa: E402 - needs the path set just above


def extract(html: str, url: str | None = None) -> str:
    """The benchmark's extractor interface: article text of one page, cleaned as warta stores it."""
    return extract_article_text(html, url)


def extract_raw(html: str, url: str | None = None) -> str:
    """trafilatura alone, with the options warta uses, for comparison."""
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def _load_scorer(bench_dir: Path):
    path = bench_dir / "score.py"
    if not path.is_file():
        raise SystemExit(f"{path} not found: BENCH_DIR must hold the benchmark's score.py")
    spec = importlib.util.spec_from_file_location("bench_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_QUOTES = re.compile(r"[\"'“”‘’«»„|]")
_LEAD_DASH = re.compile(r"^[-•*]\s+")


def _norm(text: str) -> str:
    """Text as the Indonesian scorer compares it (see the module docstring)."""
    text = _QUOTES.sub(" ", unicodedata.normalize("NFKC", text).casefold())
    return re.sub(r"\s+", " ", _LEAD_DASH.sub("", text.strip())).strip()


class PageScore(NamedTuple):
    """One page's scores for one extractor. (A NamedTuple, not a dataclass: the benchmark's score.py
    loads this file without registering it in sys.modules, which dataclasses need.)"""

    precision: float
    recall: float
    kept: int
    body: int
    gone: int
    chrome: int
    missing: tuple[str, ...]  # body paragraphs not kept
    left: tuple[str, ...]  # chrome strings still there

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(output: str, body: list[str], chrome: list[str]) -> PageScore:
    """Scores of one extractor's `output` against a page's gold `body` paragraphs and `chrome` strings."""
    truth = Counter(re.findall(r"\w+", _norm(" ".join(body))))
    found = Counter(re.findall(r"\w+", _norm(output)))
    overlap = sum((truth & found).values())
    precision = overlap / sum(found.values()) if found else 0.0
    recall = overlap / sum(truth.values()) if truth else 1.0
    lines = [_norm(line) for line in output.split("\n") if line.strip()]
    flat = " ".join(lines)
    missing = tuple(b for b in body if _norm(b) not in flat)

    def present(c: str) -> bool:
        c = _norm(c)
        return any(c == line for line in lines) if len(c.split()) < 2 else any(c in line for line in lines)

    left = tuple(c for c in chrome if present(c))
    return PageScore(
        precision, recall, len(body) - len(missing), len(body), len(chrome) - len(left), len(chrome), missing, left
    )


def _total(scores: list[PageScore]) -> str:
    p = sum(s.precision for s in scores) / len(scores)
    r = sum(s.recall for s in scores) / len(scores)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    kept, body = sum(s.kept for s in scores), sum(s.body for s in scores)
    gone, chrome = sum(s.gone for s in scores), sum(s.chrome for s in scores)
    return f"F1 {f1:.3f} (P {p:.3f}, R {r:.3f}), paragraphs kept {kept}/{body}, chrome gone {gone}/{chrome}"


def score_id_pages(id_dir: Path, only: str | None = None, verbose: bool = False) -> int:
    """Scores warta and bare trafilatura on a folder of annotated Indonesian pages; prints one line per page."""
    golds = sorted((id_dir / "gold").glob("*.json"))
    if only:
        golds = [g for g in golds if only in g.stem]
    if not golds:
        raise SystemExit(f"no {id_dir}/gold/*.json: --id-pages wants a folder with pages/ and gold/")
    results: dict[str, list[PageScore]] = {"warta": [], "trafilatura": []}
    print(f"{'page':40} {'warta F1  P     R     kept  gone':34} | {'trafilatura F1  P     R     kept  gone'}")
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        html = (id_dir / "pages" / f"{path.stem}.html").read_text(encoding="utf-8", errors="replace")
        row = []
        for name, func in (("warta", extract), ("trafilatura", extract_raw)):
            s = score_page(func(html), gold["body"], gold["chrome"])
            results[name].append(s)
            row.append(f"{s.f1:.3f} {s.precision:.3f} {s.recall:.3f} {s.kept:>2}/{s.body:<2} {s.gone:>2}/{s.chrome:<2}")
            if verbose and name == "warta":
                for m in s.missing:
                    print(f"    lost body: {m[:100]}")
                for c in s.left:
                    print(f"    chrome left: {c[:100]}")
        print(f"{path.stem:40} {row[0]:34} | {row[1]}")
    print(f"id_pages={len(golds)} warta: {_total(results['warta'])}")
    print(f"id_pages={len(golds)} trafilatura: {_total(results['trafilatura'])}")
    return 0


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bench_dir", type=Path, nargs="?", help="the public benchmark's folder")
    ap.add_argument("--raw", action="store_true", help="score trafilatura alone, without warta's cleaner")
    ap.add_argument("--only", help="keep pages whose id or URL contains this substring")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--id-pages", type=Path, help="also score a folder of annotated Indonesian pages (pages/, gold/)")
    ap.add_argument("--verbose", action="store_true", help="with --id-pages: list lost paragraphs and chrome left")
    args = ap.parse_args(argv)
    if args.bench_dir is None and args.id_pages is None:
        ap.error("give BENCH_DIR, --id-pages ID_DIR, or both")
    status = 0
    if args.bench_dir is not None:
        status = _score_benchmark(args)
    if args.id_pages is not None:
        status = status or score_id_pages(args.id_pages.resolve(), args.only, args.verbose)
    return status


def _score_benchmark(args: argparse.Namespace) -> int:
    """The public benchmark, scored by its own score.py."""
    scorer = _load_scorer(args.bench_dir.resolve())
    func = "extract_raw" if args.raw else "extract"
    score_args = ["--extractor", f"{Path(__file__).resolve()}:{func}", "--data-dir", str(args.bench_dir.resolve())]
    score_args += ["--bootstrap", "0"]
    if args.only:
        score_args += ["--only", args.only]
    if args.limit:
        score_args += ["--limit", str(args.limit)]
    # Warm the imports (trafilatura, ftfy, lexicon) so that pages/s measures extraction only.
    extract("<html><body><p>Pemanasan.</p></body></html>")
    rss_before = _peak_rss_mb()
    t0 = time.perf_counter()
    status = scorer.main(score_args)
    wall = time.perf_counter() - t0
    print(f"peak_rss_mb={_peak_rss_mb():.0f} rss_after_imports_mb={rss_before:.0f} wall_s={wall:.1f}")
    return status


if __name__ == "__main__":
    sys.exit(main())
