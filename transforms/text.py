"""Paragraphs and sentences of Indonesian news text.

Sentences are spans of the text (start, end offsets), so that extractors can relate what they
find to positions in the body. Splitting respects double quotation marks (a full stop inside a
quote does not end the sentence around it) and common Indonesian abbreviations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ftfy

from transforms import lexicon

OPEN_MARKS = "\u201c\u201e\u00ab"  # “ „ «
CLOSE_MARKS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
DOUBLE_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT

_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, normalization="NFC")
# A text made only of these has nothing for ftfy to repair: its cp1252 mojibake holds a Latin-1
# letter (Ã, Â, â, ...), its MacRoman mojibake a dagger or bullet († ‡ •, left out here), an entity
# needs "&", and no control, wide or ligature character is among them. Most news text is such
# (ASCII, curly quotes, dashes), and the test costs a fraction of ftfy's ~3 ms a page.
_NOTHING_TO_FIX = re.compile(r"[\t\n\r\x20-\x25\x27-\x7e\u00a0\u2010-\u201f\u2023-\u2026]*")
# Invisible characters that scrapers leave inside words; they break substring search downstream.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# No-break and other fixed-width spaces become ordinary spaces: analysts search for "Xi Jinping dan".
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a\u3000\t]+")
# A "Â" left in front of a space is the first byte of a UTF-8 no-break space decoded as cp1252
# where ftfy could not see the pair any more (the NBSP was normalised first, or stood alone).
_STRAY_A_CIRCUMFLEX = re.compile(r"Â(?=\s|$)")
_MULTI_SPACE = re.compile(r" {2,}")
# Two apostrophes written for a double quotation mark (typewriter habit, or a quote mark lost in
# decoding): quote extraction reads only double marks.
_DOUBLED_APOSTROPHE = re.compile(r"\u2019\u2019|''")


@lexicon.derived
def abbreviations() -> frozenset[str]:
    """Words that end in a full stop without ending the sentence: the lexicon's list and the
    short month names (`12 Sept. 2024`)."""
    months = lexicon.mapping("dates", "months")
    longest = {n: max(len(k) for k, v in months.items() if v == n) for n in set(months.values())}
    short_months = {k for k, n in months.items() if len(k) < longest[n] and len(k) <= 4}
    return frozenset(w.lower() for w in lexicon.words("text", "abbreviations")) | short_months


@dataclass(frozen=True)
class Span:
    """A piece of a text: its offsets and its words."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=8)
def normalise(text: str) -> str:
    """The one text normaliser: mojibake repaired (ftfy), no-break and odd spaces as spaces,
    invisible characters gone, line ends as "\\n", each line stripped, doubled apostrophes as a
    double quotation mark. Curly quotes are kept: quote extraction reads them. Idempotent, so the
    stored body text and the extractors' text are the same string. The last few results are kept:
    an HTML page's main text is normalised by the link-list test and again by the article row."""
    if not _NOTHING_TO_FIX.fullmatch(text):
        text = ftfy.fix_text(text, config=_FTFY_CONFIG)
    text = text.translate(_ZERO_WIDTH).replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = _STRAY_A_CIRCUMFLEX.sub("", text)
    text = _DOUBLED_APOSTROPHE.sub('"', text)
    return "\n".join(_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n"))


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines of the text (news bodies keep one paragraph per line)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append(Span(m.start(), m.end(), m.group()))
    return out


_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Only the word before the dot matters: searching the whole prefix made every dot cost O(length),
# a quarter of a chunk's time on long pages. No abbreviation is this long.
_LOOKBACK = 64


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - _LOOKBACK), dot)
    if not m:
        return False
    word = m.group(1).lower()
    if word in abbreviations():
        return True
    # An initial (`Joko S. Widodo`), a run of them (`G.N.M. Pandor`) or a decimal written with a dot (`1.5`).
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word)) and dot + 2 < len(text) and text[dot + 2 : dot + 3].isupper()


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end]: split after . ! ? (and a closing mark after them) when a
    space and a capital, digit or opening mark follow, never inside double quotes."""
    end = len(text) if end is None else end
    out: list[Span] = []
    inside = False
    begin = start
    i = start
    while i < end:
        ch = text[i]
        if ch in OPEN_MARKS:
            inside = True
        elif ch in CLOSE_MARKS:
            inside = False
        elif ch == STRAIGHT:
            inside = not inside
        elif ch == "\n":
            inside = False
            if text[begin:i].strip():
                out.append(_span(text, begin, i))
            begin = i + 1
        elif ch in ".!?" and not inside:
            j = i + 1
            while j < end and text[j] in ".!?)" + CLOSE_MARKS + STRAIGHT:
                j += 1
            if (
                j < end
                and text[j] == " "
                and j + 1 < end
                and (text[j + 1].isupper() or text[j + 1].isdigit() or text[j + 1] in DOUBLE_MARKS)
                and not (ch == "." and _is_abbreviation(text, i))
            ):
                out.append(_span(text, begin, j))
                begin = j + 1
                i = j
                continue
        i += 1
    if text[begin:end].strip():
        out.append(_span(text, begin, end))
    return out


def _span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def alternation(phrases: list[str], *, fold: bool = False) -> str:
    """A regex alternation of the phrases (no group) that prefers the longest; spaces in a phrase
    match any run of spaces. The one way lexicon word lists become patterns. `fold` lower-cases
    the phrases, for patterns compiled with IGNORECASE.

    The phrases are laid out as a trie (`presiden(?:\\s+(?:rusia|china))?`), not as a flat list:
    Python's `re` tries every alternative of a flat list at every position of the text, so a
    gazetteer of a thousand names cost milliseconds per sentence. An optional group is greedy,
    so a longer phrase is still tried before a shorter one it extends, as in the flat list."""
    trie: dict[str, dict] = {}
    for phrase in {p.lower() if fold else p for p in phrases if p}:
        node = trie
        for atom in _atoms(phrase):
            node = node.setdefault(atom, {})
        node[""] = {}  # a phrase ends here
    return _render(trie)


def _atoms(phrase: str) -> list[str]:
    """A phrase as regex atoms: one per character, a run of spaces as one `\\s+`."""
    out: list[str] = []
    for part in re.split(r"( +)", phrase):
        if part.startswith(" "):
            out.append(r"\s+")
        else:
            out.extend(re.escape(c) for c in part)
    return out


def _render(node: dict[str, dict]) -> str:
    alts = [atom + _render(child) for atom, child in sorted(node.items()) if atom]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def word_pattern(phrases: list[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """A regex matching any of the phrases as whole words, longest first."""
    words = alternation(phrases, fold=ignore_case)
    return re.compile(rf"(?<![\w$€£¥])(?:{words})(?![\w])", re.IGNORECASE if ignore_case else 0)
