"""Benchmark of warta's HTML extraction (`transforms.clean`) on an article-extraction benchmark.

    python benchmarks/extraction.py BENCH_DIR [--raw] [--only SUBSTR] [--limit N]

BENCH_DIR holds `ground-truth.json`, `html/<id>.html[.gz]` and `score.py` (the layout of
scrapinghub's article-extraction-benchmark, with its own scorer). The pages are scored by that
`score.py`, so F1 is computed exactly as the benchmark computes it (4-token shingles, macro
average); this script adds the peak memory of the process. `--raw` scores trafilatura alone
(`include_comments=False`), without warta's cleaner, to show what the cleaner changes.

Prints the scorer's report and summary line, then `peak_rss_mb=...`.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import sys
import time
from pathlib import Path

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


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bench_dir", type=Path)
    ap.add_argument("--raw", action="store_true", help="score trafilatura alone, without warta's cleaner")
    ap.add_argument("--only", help="keep pages whose id or URL contains this substring")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)

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
