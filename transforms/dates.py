"""The one date engine: dates written in Indonesian news, found as spans and resolved against
the article's publication date. Spans are found with the patterns below (words from
`transforms/lexicon/dates.yaml`); a date written out in full is read by dateparser
(`parse_written`), the relative and partial forms that need the publication date by the rules here.

Forms read: `Kamis (8/2/2024)`, `Senin, 24 Februari 2025`, `(30/12)`, `pada 15/9`, `7 Oktober`,
`Maret tahun 2023`, `Oktober 2023`, `pada Februari`, `September lalu`, `bulan ini`, `tahun lalu`,
`musim semi 2023`, `pada 2019`, `pada Rabu`, `kemarin`. Month, weekday and season names and the
relative words come from `transforms/lexicon/dates.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from transforms import lexicon
from transforms.text import alternation, word_pattern

# A day or month without a year is taken in the year that puts it on or before publication,
# allowing this much look-ahead (articles announce next week's meetings).
LOOKAHEAD = timedelta(days=14)


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text at [start, end), resolved to a day and a precision
    (`day`, `month`, `year`; the value is the first day of its month or year)."""

    start: int
    end: int
    text: str
    value: date
    precision: str


@dataclass(frozen=True)
class _Patterns:
    rules: list[tuple[str, re.Pattern[str]]]
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    directions: dict[str, int]


def _alt(words: list[str]) -> str:
    return f"(?:{alternation(words)})"


@lexicon.derived
def _patterns() -> _Patterns:
    data = lexicon.load("dates")
    months = {str(k).lower(): int(v) for k, v in data["months"].items()}
    weekdays = {str(k).lower(): int(v) for k, v in data["weekdays"].items()}
    seasons = {str(k).lower(): int(v) for k, v in data["seasons"].items()}
    mon = rf"(?P<mon>{_alt(list(months))})\.?"
    wd = rf"(?:{_alt(list(weekdays))})"
    season = rf"(?P<season>{_alt(list(seasons))})"
    preps = _alt(lexicon.words("dates", "date_prepositions"))
    directions = {str(k).lower(): int(v) for k, v in data["directions"].items()}
    moving = _alt([k for k, v in directions.items() if v])  # `lalu`, `depan`: not `ini`
    every = _alt(list(directions))
    rng = _alt(lexicon.words("dates", "range_words"))
    year_n, month_n = _alt(lexicon.words("dates", "year_nouns")), _alt(lexicon.words("dates", "month_nouns"))
    day_n, wd_preps = _alt(lexicon.words("dates", "day_nouns")), _alt(lexicon.words("dates", "weekday_prepositions"))
    week_n = _alt(lexicon.words("dates", "week_nouns"))
    parts = _alt(lexicon.words("dates", "day_parts"))
    numbers = _alt(list(lexicon.load("units")["number_words"]))
    ago_n, ago = _alt(list(data["ago_units"])), _alt(lexicon.words("dates", "days_ago_words"))
    # A weekday written with its capital and no preposition is a day all the same: newsrooms put it
    # after the place or the verb (`kata Lavrov di Moskow, Senin.`, `tiba Selasa malam`).
    named_wd = _alt([k.capitalize() for k in weekdays])
    rel = {**data["relative_years"], **data["relative_months"], **data["relative_weeks"], **data["relative_days"]}
    i = re.IGNORECASE
    rules = [
        ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
        ("dmy_slash", re.compile(rf"(?:\b{wd},?\s*)?\(?\b(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})\b\)?", i)),
        ("dmy_range", re.compile(rf"\b(?P<d>\d{{1,2}})\s*(?:{rng})\s*\d{{1,2}}\s+{mon}\s+"
                                 rf"(?:{year_n}\s+)?(?P<y>\d{{4}})\b", i)),
        # `31 Maret hingga 2 April 2022`: a range over two months takes the year written at its end.
        ("dmy_range", re.compile(rf"\b(?P<d>\d{{1,2}})\s+{mon}\s*(?:{rng})\s*\d{{1,2}}\s+(?:{_alt(list(months))})\.?\s+"
                                 rf"(?:{year_n}\s+)?(?P<y>\d{{4}})\b", i)),
        ("dmy", re.compile(rf"(?:\b{wd},?\s*)?\b(?P<d>\d{{1,2}})\s+{mon}\s+(?:{year_n}\s+)?(?P<y>\d{{4}})\b", i)),
        ("mdy", re.compile(rf"\b{mon}\s+(?P<d>\d{{1,2}}),\s+(?P<y>\d{{4}})\b", i)),
        ("dm_paren", re.compile(rf"(?:\b(?P<wdn>{wd}),?\s*)?\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\)", i)),
        ("dm_slash", re.compile(rf"\b(?:{wd_preps})\s+(?:{day_n}\s+)?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\b(?!/)", i)),
        ("dm_range", re.compile(rf"\b(?P<d>\d{{1,2}})\s*(?:{rng})\s*\d{{1,2}}\s+{mon}(?![\w])", i)),
        ("dm", re.compile(rf"(?:\b(?P<wdn>{wd}),?\s*)?\b(?P<d>\d{{1,2}})\s+{mon}(?![\w])", i)),
        ("my", re.compile(rf"\b{mon}\s+(?:{year_n}\s+)?(?P<y>\d{{4}})\b", i)),
        ("season_y", re.compile(rf"\b{season}\s+(?:{year_n}\s+)?(?P<y>\d{{4}})\b", i)),
        ("season_rel", re.compile(rf"\b{season}\s+(?P<rel>{every})\b", i)),
        ("m_rel", re.compile(rf"\b{mon}\s+(?P<rel>{moving})\b", i)),
        # `Juli tahun ini`, `Maret tahun lalu`: a month of the year told relative to publication.
        ("m_relyear", re.compile(rf"\b{mon}\s+(?P<relyear>{_alt([str(k) for k in data['relative_years']])})\b", i)),
        # `Senin pekan lalu`, `Kamis pekan ini`: a weekday of the week before, of or after publication's.
        ("wd_week", re.compile(rf"\b(?:(?:{wd_preps})\s+)?(?P<wd>{_alt(list(weekdays))})\s+{week_n}\s+"
                               rf"(?P<rel>{every})\b", i)),
        # `minggu depan` is the coming week, `Minggu depan` the coming Sunday: weeks as written, first.
        ("rel", re.compile(rf"\b(?P<relphrase>{_alt([str(k) for k in data['relative_weeks']])})\b")),
        # `Jumat kemarin` is last Friday, not yesterday: read before the relative words.
        ("wd_rel", re.compile(rf"\b(?P<wd>{_alt(list(weekdays))})\s+(?P<rel>{moving})\b", i)),
        ("days_ago", re.compile(rf"\b(?P<n>\d{{1,2}}|{numbers})\s+(?P<unit>{ago_n})\s+{ago}\b", i)),
        ("rel", re.compile(rf"\b(?P<relphrase>{_alt([str(k) for k in rel])})\b", i)),
        ("m_bare", re.compile(rf"\b{preps}\s+(?:{month_n}\s+)?{mon}(?![\w])", i)),
        ("y_bare", re.compile(rf"\b{preps}\s+(?:{year_n}\s+)?(?P<y>(?:19|20)\d\d)\b(?![.,]\d)", i)),
        (
            "wd",
            re.compile(
                rf"\b(?:{wd_preps})\s+(?:{wd_preps}\s+)?(?P<wd>{_alt(list(weekdays))})\b"
                rf"(?:\s+(?P<rel>{moving}))?",
                i,
            ),
        ),
        ("wd_bare", re.compile(rf"(?<![\w'])(?P<wd>{named_wd})(?=\s*(?:[.,;:)]|$)|\s+{parts}(?![\w]))")),
    ]
    return _Patterns(rules, months, weekdays, seasons, directions)


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s).lower().rstrip(".")


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, published: date | None, forward: bool = False) -> date | None:
    """A day and month without a year: the one on or before publication (with a little
    look-ahead); with `forward` (a sentence about plans) a later day of the publication year
    stays in it (`akan hadir pada 3 September`)."""
    if published is None:
        return None
    candidate = _safe(published.year, m, d)
    if candidate is None:
        return None
    if not forward and candidate > published + LOOKAHEAD:
        candidate = _safe(published.year - 1, m, d)
    return candidate


# How far back a weekday with a day and month (`Senin (20/3)`) is looked for when nothing else
# gives the year: the weekdays of one day and month repeat after 5, 6 or 11 years.
WEEKDAY_YEARS_BACK = 8


def _year_of_weekday(month: int, day: int, weekday: int, today: date | None = None) -> date | None:
    """The latest day `day`/`month`, up to today, that falls on `weekday`: `Senin (20/3)` in an
    article without a publication date is 20 March 2023."""
    year = (today or date.today()).year
    for y in range(year, year - WEEKDAY_YEARS_BACK, -1):
        d = _safe(y, month, day)
        if d is not None and d.weekday() == weekday and d <= (today or date.today()):
            return d
    return None


def _month_relative(month: int, published: date, direction: int) -> date:
    """The month `month` most recently not after publication (direction -1 or 0), or the next
    one after it (direction 1)."""
    y = published.year
    if direction > 0:
        if month <= published.month:
            y += 1
    elif month > published.month:
        y -= 1
    return date(y, month, 1)


def _add_months(day: date, n: int) -> date:
    total = day.year * 12 + day.month - 1 + n
    return date(total // 12, total % 12 + 1, 1)


@lru_cache(maxsize=4096)
def parse_written(span: str) -> date | None:
    """A date written out with its month name and year (`Senin, 24 Februari 2025`, `March 5,
    2024`, `Oktober 2023` as its first day), read by dateparser in Indonesian or English; None
    when it cannot. The span finder above decides what a date is; dateparser only reads it."""
    import dateparser  # ~0.7 s to import: only when a written date needs reading

    found = dateparser.parse(span, languages=["id", "en"],
                             settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]})
    return found.date() if found else None


def _resolve(kind: str, m: re.Match[str], p: _Patterns, published: date | None,
             forward: bool = False) -> tuple[date, str] | None:
    g = m.groupdict()
    if kind in ("iso", "dmy_slash"):
        v = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return (v, "day") if v else None
    if kind in ("dmy", "mdy"):
        v = parse_written(re.sub(r"\s+", " ", m.group()).strip(" ,()")) or \
            _safe(int(g["y"]), p.months[_key(g["mon"])], int(g["d"]))
        return (v, "day") if v else None
    if kind == "dmy_range":
        v = _safe(int(g["y"]), p.months[_key(g["mon"])], int(g["d"]))
        return (v, "day") if v else None
    if kind in ("dm_paren", "dm_slash", "dm", "dm_range"):
        month = int(g["m"]) if "m" in g else p.months[_key(g["mon"])]
        v = _infer_year(month, int(g["d"]), published, forward)
        if v is None and published is None and g.get("wdn"):
            v = _year_of_weekday(month, int(g["d"]), p.weekdays[_key(g["wdn"])])
        return (v, "day") if v else None
    if kind == "my":
        v = parse_written(re.sub(r"\s+", " ", m.group()))
        return (v.replace(day=1) if v else date(int(g["y"]), p.months[_key(g["mon"])], 1)), "month"
    if kind == "season_y":
        return date(int(g["y"]), 1, 1), "year"
    if published is None:
        return None
    if kind == "season_rel":
        direction = p.directions[_key(g["rel"])]
        start = p.seasons[_key(g["season"])]
        if direction > 0:
            return date(_month_relative(start, published, 1).year, 1, 1), "year"
        return date(_month_relative(start, published, -1).year, 1, 1), "year"
    if kind == "m_relyear":
        year = published.year + int(lexicon.load("dates")["relative_years"][_key(g["relyear"])])
        return date(year, p.months[_key(g["mon"])], 1), "month"
    if kind == "m_rel":
        direction = 1 if p.directions[_key(g["rel"])] > 0 else -1
        return _month_relative(p.months[_key(g["mon"])], published, direction), "month"
    if kind == "m_bare":
        month = p.months[_key(g["mon"])]
        if forward and month != published.month:
            return _month_relative(month, published, 1), "month"
        return _month_relative(month, published, 0), "month"
    if kind == "y_bare":
        return date(int(g["y"]), 1, 1), "year"
    if kind == "rel":
        phrase = _key(g["relphrase"])
        data = lexicon.load("dates")
        if phrase in data["relative_years"]:
            return date(published.year + int(data["relative_years"][phrase]), 1, 1), "year"
        if phrase in data["relative_months"]:
            return _add_months(published.replace(day=1), int(data["relative_months"][phrase])), "month"
        if phrase in data["relative_weeks"]:
            day = published + timedelta(weeks=int(data["relative_weeks"][phrase]))
            return day.replace(day=1), "month"
        return published + timedelta(days=int(data["relative_days"][phrase])), "day"
    if kind == "days_ago":
        n = g["n"].lower()
        count = int(n) if n.isdigit() else int(lexicon.load("units")["number_words"][n])
        unit = str(lexicon.load("dates")["ago_units"][g["unit"].lower()])
        if unit == "year":
            return date(published.year - count, 1, 1), "year"
        if unit == "month":
            return _add_months(published.replace(day=1), -count), "month"
        return published - timedelta(days=count), "day"
    if kind == "wd_week":
        target = p.weekdays[_key(g["wd"])]
        monday = published - timedelta(days=published.weekday())
        return monday + timedelta(weeks=p.directions[_key(g["rel"])], days=target), "day"
    if kind in ("wd", "wd_rel", "wd_bare"):
        target = p.weekdays[_key(g["wd"])]
        rel = p.directions.get(_key(g.get("rel") or ""), 0)
        back = (published.weekday() - target) % 7
        if rel > 0:
            return published + timedelta(days=(target - published.weekday()) % 7 or 7), "day"
        if forward and not rel:
            # A plan (`akan bertemu pada Selasa`): the coming such day.
            return published + timedelta(days=(target - published.weekday()) % 7), "day"
        if rel < 0 and back == 0:
            back = 7
        return published - timedelta(days=back), "day"
    return None


def find_dates(text: str, published: date | None, *, forward: bool = False) -> list[DateMention]:
    """Date expressions in `text`, left to right, resolved against `published`; where two
    overlap, the more specific wins. A bare month (`pada Juni`) is the last one up to
    publication, or with `forward` (a sentence about plans) the next one."""
    p = _patterns()
    found: list[DateMention] = []
    for kind, pattern in p.rules:
        for m in pattern.finditer(text):
            resolved = _resolve(kind, m, p, published, forward)
            if resolved is None:
                continue
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            found.append(DateMention(m.start(), m.end(), m.group(), resolved[0], resolved[1]))
    return sorted(found, key=lambda f: f.start)


# Forms that state a whole date, year included: they need no publication date to resolve.
FULL_DATE_KINDS = ("iso", "dmy_slash", "dmy_range", "dmy", "mdy", "dm_paren", "dm")


def anchor(text: str) -> date | None:
    """A stand-in for a missing publication date: the latest day a text writes in full, year
    included (`Selasa (31/12/2024)`) or pinned by its weekday (`Senin (20/3)`), which is as a rule
    the news day of its dateline. None when the text writes no such date."""
    p = _patterns()
    days = [r[0] for kind, pattern in p.rules if kind in FULL_DATE_KINDS
            for m in pattern.finditer(text) if (r := _resolve(kind, m, p, None)) is not None]
    return max(days) if days else None


# Publication dates in article URLs: `/2023/03/22/`, `/read/20230523/`, `/20220413143753-92-...`.
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:\d{6})?(?:[/-]|$)"),
)


def from_url(url: str | None) -> date | None:
    """The publication day an article's URL writes, if any."""
    for pattern in _URL_DATES:
        for m in pattern.finditer(url or ""):
            day = _safe(int(m["y"]), int(m["m"]), int(m["d"]))
            if day is not None:
                return day
    return None


@lexicon.derived
def _narrative_offsets() -> tuple[re.Pattern[str], dict[str, int]]:
    offsets = {k: int(v) for k, v in lexicon.mapping("dates", "narrative_offsets").items()}
    return word_pattern(list(offsets), ignore_case=True), offsets


def narrative_offset(text: str) -> int:
    """Days after the day the text told last that `text` counts (`keesokan harinya`: 1,
    `sehari sebelumnya`: -1), else 0: these count from the story's day, not from publication."""
    pattern, offsets = _narrative_offsets()
    m = pattern.search(text)
    return offsets.get(m.group().lower(), 0) if m else 0


@lexicon.derived
def detaching_cues() -> re.Pattern[str]:
    """Words that tie a date that follows them closely to something else than the event."""
    return word_pattern(lexicon.words("dates", "detaching_cues"), ignore_case=True)


def amount_before() -> re.Pattern[str]:
    """An amount ending shortly before a date (`123 miliar dolar (sekitar Rp 2 triliun) pada`)."""
    words = _alt(lexicon.words("dates", "amount_words"))
    return re.compile(rf"\d[\d.,]*\s*(?:{words})(?![\w])[^\d.;]{{0,20}}$", re.IGNORECASE)


def contains(outer: tuple[date, str], inner: tuple[date, str]) -> bool:
    """Whether the period `outer` (a date and its precision) holds the date `inner`."""
    (o, op), (i, _) = outer, inner
    if op == "year":
        return o.year == i.year
    if op == "month":
        return (o.year, o.month) == (i.year, i.month)
    return o == i and inner[1] == "day"


def compatible(a: tuple[date, str] | None, b: tuple[date, str] | None) -> bool:
    """Whether two dates can be the same event's (one unknown, or one holds the other)."""
    if a is None or b is None:
        return True
    return contains(a, b) or contains(b, a)
