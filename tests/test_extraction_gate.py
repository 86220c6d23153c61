"""Extraction quality gate on the bundled HTML renderings: fails when HTML extraction gets worse.

The reference for each page is the same article's scraped text, cleaned (`corpus/samples/text`).
Scored like the article-extraction benchmark: 4-token shingles of `\\w+` tokens, per-page
precision and recall averaged over pages, F1 of the averages. The floors are pinned: raise them
when extraction improves, never lower them.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from sources.documents import Document
from transforms.articles import article_row
from transforms.clean import extract_article_text

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"
F1_FLOOR = 0.99
PRECISION_FLOOR = 0.99
RECALL_FLOOR = 0.99


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text)
    if len(tokens) <= n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def precision_recall(truth: str, predicted: str) -> tuple[float, float]:
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    return (tp / sum(p.values()) if p else 0.0), (tp / sum(t.values()) if t else 0.0)


def test_html_extraction_stays_above_its_floor() -> None:
    pages = sorted((SAMPLES / "html").glob("*.html"))
    assert len(pages) == 5
    scores = []
    for page in pages:
        text = (SAMPLES / "text" / f"{page.stem}.txt").read_text(encoding="utf-8")
        truth = article_row(vars(Document(source=f"file:///{page.stem}.txt", kind="text", content=text)))
        truth = truth.body_text
        scores.append(precision_recall(truth, extract_article_text(page.read_text(encoding="utf-8"))))
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall)
    assert precision >= PRECISION_FLOOR, scores
    assert recall >= RECALL_FLOOR, scores
    assert f1 >= F1_FLOOR, scores
