"""Paragraphs and sentences of Indonesian news text.

Sentences are spans of the text (start, end offsets), so that extractors can relate what they
find to positions in the body. Splitting respects double quotation marks (a full stop inside a
quote does not end the sentence around it) and common Indonesian abbreviations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_MARKS = "\u201c\u201e\u00ab"  # “ „ «
CLOSE_MARKS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
DOUBLE_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT

# Words that end in a full stop without ending the sentence.
ABBREVIATIONS = {
    "dr",
    "drs",
    "dra",
    "ir",
    "prof",
    "h",
    "hj",
    "kh",
    "st",
    "no",
    "jl",
    "jln",
    "dll",
    "dsb",
    "dst",
    "sdr",
    "yth",
    "bpk",
    "tn",
    "ny",
    "nn",
    "kol",
    "letjen",
    "mayjen",
    "brigjen",
    "jend",
    "laksda",
    "marsda",
    "kapt",
    "lt",
    "sen",
    "mr",
    "mrs",
    "ms",
    "vs",
    "u.s",
    "a.n",
    "s.h",
    "s.e",
    "m.si",
    "m.a",
    "ph.d",
    "dkk",
    "tsb",
    "kec",
    "kab",
    "prov",
    "rp",
    "sept",
    "okt",
    "des",
    "agt",
    "feb",
    "jan",
    "nov",
}


@dataclass(frozen=True)
class Span:
    """A piece of a text: its offsets and its words."""

    start: int
    end: int
    text: str


def normalise(text: str) -> str:
    """Text with odd spaces made plain and the `Â` left by bad decoding removed; offsets shift,
    so extractors run on the normalised text throughout."""
    text = text.replace("\u00c2\u00a0", " ").replace("\u00a0", " ").replace("\u00c2", "")
    text = text.replace("\u2019\u2019", '"').replace("''", '"')
    text = re.sub(r"[ \t\u2009\u202f]+", " ", text)
    return text


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
    if word in ABBREVIATIONS:
        return True
    # An initial (`Joko S. Widodo`) or a decimal written with a dot (`1.5`).
    return bool(re.fullmatch(r"[a-z]", word)) and dot + 2 < len(text) and text[dot + 2 : dot + 3].isupper()


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


def word_pattern(phrases: list[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """A regex matching any of the phrases as whole words, longest first; spaces in a phrase
    match any run of spaces."""
    alts = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace("\\ ", " ").replace(" ", r"\s+") for p in alts)
    return re.compile(rf"(?<![\w$€£¥]){'(?:' + body + ')'}(?![\w])", re.IGNORECASE if ignore_case else 0)
