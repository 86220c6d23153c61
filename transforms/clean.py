"""Article text out of what a scraper or a web page gives us.

Two inputs, one cleaner:

- already-scraped text (one paragraph per line, with the page's leftovers: "Baca Juga", ad labels,
  share-widget icon names, captions with photo credits, author boxes) goes through `clean_text`;
- HTML goes through trafilatura (`extract_html`), whose main-text output then goes through the same
  `clean_text`, because trafilatura keeps some of those leftovers too (related-link boxes, captions).

What counts as a leftover is data: `transforms/lexicon/boilerplate.yaml`. Pure: strings in, strings
out; the lexicon comes from `transforms.lexicon`, the one loader.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from transforms import lexicon
from transforms.lexicon import LEXICON_DIR  # noqa: F401  (tests read the bundled file)
from transforms.text import normalise

# A paragraph of article prose has at least this many words and ends a sentence (quotes may close it).
_PROSE_MIN_WORDS = 8
_SENTENCE_END = (".", "!", "?", "…")
_CLOSERS = "\"'”’)"
_ELLIPSIS_TAIL = re.compile(r"\s*(?:\.\.\.|…)\s*$")


@dataclass(frozen=True)
class BoilerplateLexicon:
    """Compiled patterns from boilerplate.yaml (see that file for what each list means)."""

    drop_line: tuple[re.Pattern[str], ...]
    cut_from: tuple[re.Pattern[str], ...]
    related_head: tuple[re.Pattern[str], ...]
    after_related: tuple[re.Pattern[str], ...]


def _compile(patterns: list[str] | None) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(f"(?:{p})", re.IGNORECASE) for p in patterns or [])


@lexicon.derived
def load_boilerplate() -> BoilerplateLexicon:
    """The boilerplate lexicon (bundled and user files), compiled once per process."""
    data = lexicon.load("boilerplate") or {}
    return BoilerplateLexicon(
        drop_line=_compile(data.get("drop_line")),
        cut_from=_compile(data.get("cut_from")),
        related_head=_compile(data.get("related_head")),
        after_related=_compile(data.get("after_related")),
    )


def _fold(line: str) -> str:
    """A line reduced for comparison: case, accents' compatibility forms, quotes and spacing."""
    line = unicodedata.normalize("NFKC", line).casefold()
    line = re.sub(r"[\"'“”‘’«»]", "", line)
    return re.sub(r"\s+", " ", line).strip(" .,;:")


def _matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(p.fullmatch(line) for p in patterns)


def is_prose(line: str) -> bool:
    """Whether a line reads as a sentence of article text (not a label, heading or link)."""
    # Plain string tests, not a regex: a regex over words backtracks badly on 10k-character lines.
    return line.rstrip(_CLOSERS).endswith(_SENTENCE_END) and len(line.split()) >= _PROSE_MIN_WORDS


def clean_lines(lines: list[str], *, title: str | None = None, lead_index: int | None = None) -> list[str]:
    """The article paragraphs among `lines` (already normalised), in order.

    `title` is the headline when known: lines repeating it (alone, or glued in front of a caption)
    go. `lead_index` is the index of the dateline paragraph when known: what comes before it is the
    page header (headline, subtitle, date, byline) and goes too.
    """
    lex = load_boilerplate()
    folded_title = _fold(title) if title and len(title) >= 20 else None
    kept: list[str] = []
    in_related = False
    started = False  # an article paragraph has been kept: only then may a tail marker cut
    for i, line in enumerate(lines):
        if not line:
            continue
        if lead_index is not None and i < lead_index:
            continue
        if started and _matches(lex.cut_from, line):
            break
        if _matches(lex.related_head, line):
            in_related = True
            continue
        if in_related and _matches(lex.after_related, line):
            continue
        in_related = False
        if _matches(lex.drop_line, line):
            continue
        if folded_title and _fold(line).startswith(folded_title):
            # The headline again, alone or glued to a photo caption ("...TerbaikPresiden Rusia, ...").
            continue
        kept.append(line)
        started = started or is_prose(line)
    return _dedupe(kept)


def _dedupe(paragraphs: list[str]) -> list[str]:
    """Paragraphs without repeats: a later exact copy of a prose paragraph goes, and so does a lead summary at the top
    (the scraper's teaser, maybe cut with "...") that a later paragraph contains in full."""
    seen: set[str] = set()
    out: list[str] = []
    for p in paragraphs:
        key = _fold(p)
        # Only paragraphs repeat by mistake; short lines (list items, recipe steps, headings) may
        # legitimately occur twice.
        if key in seen and is_prose(p):
            continue
        seen.add(key)
        out.append(p)
    folded = [_fold(_ELLIPSIS_TAIL.sub("", p)) for p in out]
    drop: set[int] = set()
    for i in range(min(3, len(out))):
        if len(folded[i]) < 40:
            continue
        # The full lead follows the teaser closely: look only at the next few paragraphs.
        later = range(i + 1, min(len(out), i + 6))
        if any(folded[i] in folded[j] and len(folded[j]) > len(folded[i]) for j in later):
            drop.add(i)
    return [p for i, p in enumerate(out) if i not in drop]


def clean_text(text: str, *, title: str | None = None, lead_index: int | None = None) -> str:
    """The cleaned article text of scraped `text`: one paragraph per line, leftovers removed.
    See `clean_lines` for `title` and `lead_index`."""
    return "\n".join(clean_lines(normalise(text).split("\n"), title=title, lead_index=lead_index))


@dataclass(frozen=True)
class Extracted:
    """What trafilatura finds in one HTML page: the main text (not yet cleaned) and the page's own
    metadata (og:title, article:published_time / JSON-LD date as ISO `YYYY-MM-DD`, og:site_name)."""

    text: str
    title: str | None
    date: str | None
    sitename: str | None
    hostname: str | None
    language: str | None


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Main text and metadata of an HTML page with trafilatura.

    Comments are left out (trafilatura includes them by default and they leak into the text).
    The date is read only from markup and the URL (no "extensive" search), because an undated page
    would otherwise get a date from its footer or sidebar.
    """
    import trafilatura  # ~0.3 s to import: only pay for it when HTML comes in
    from trafilatura.settings import set_date_params

    doc = trafilatura.bare_extraction(
        html,
        url=url if url and url.startswith(("http://", "https://")) else None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=set_date_params(extensive=False),
    )
    if doc is None:
        return Extracted("", None, None, None, None, None)
    return Extracted(
        text=doc.text or "",
        title=doc.title or None,
        date=doc.date or None,
        sitename=doc.sitename or None,
        hostname=doc.hostname or None,
        language=doc.language or None,
    )


def extract_article_text(html: str, url: str | None = None) -> str:
    """Cleaned article text of an HTML page, as `transforms.articles` stores it: trafilatura's main
    text through the cleaner, without the page header before the dateline."""
    from transforms.metadata import text_metadata  # metadata needs `is_prose` from this module

    found = extract_html(html, url)
    lines = normalise(found.text).split("\n")
    return "\n".join(clean_lines(lines, title=found.title, lead_index=text_metadata(lines).lead_index))
