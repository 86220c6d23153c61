"""Numbers an article states as facts: money, percentages, exchange rates and counts.

Numbers are read in Indonesian format (`15.654` is fifteen thousand, `11,6` eleven point six;
`1.5` before an English scale word is one point five) or as words (`tujuh persen`).
A number is a figure only when a currency, a percent sign or word, or a unit word stands with it,
so years and dates (`pada 2019`, `7 Oktober`, `(8/2/2024)`) never are. Durations and anniversaries
(`delapan menit`, `75 tahun`), multiples (`dua kali lipat`) and counts written as words
(`empat poin`) are not figures. Money and percentages also get what they measure, the states they
are about, the period they are for (as typed dates), their kind (`actual`, `target`, `forecast`,
`limit`) and, for changes, their direction (`rise`, `fall`).
Currencies, scales, number words, units, measures and cue words come from
`transforms/lexicon/units.yaml`.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from transforms import entities as ents
from transforms import lexicon
from transforms.dates import detaching_cues, find_dates
from transforms.text import Span, sentences, word_pattern

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d+(?:[.,]\d+)?"
# Words before a period that make it the base of a comparison, not the figure's own period.
COMPARISON_CUES = re.compile(r"\b(?:dari|sejak|dibanding(?:kan)?|ketimbang|daripada|versus|vs)\s+"
                             r"(?:tahun\s+|periode\s+|)$",
                             re.IGNORECASE)
PAIR_CUES = re.compile(r"\b(?:kedua\s+(?:negara|pemimpin|kepala\s+negara|pihak|presiden)|keduanya|bilateral)\b",
                       re.IGNORECASE)


@dataclass
class Figure:
    """One figure: the span as written, its value in units and its unit; for money and
    percentages also measure, parties and period."""

    raw: str
    value: float
    unit: str
    start: int
    end: int
    measure: str | None = None
    parties: list[str] = field(default_factory=list)
    period: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    period_precision: str | None = None
    kind: str | None = None
    direction: str | None = None


@dataclass(frozen=True)
class _Units:
    money_prefix: re.Pattern[str]
    money_suffix: re.Pattern[str]
    percent: re.Pattern[str]
    count: re.Pattern[str]
    prefixes: dict[str, str]
    suffixes: dict[str, str]
    scales: dict[str, float]
    abbreviations: dict[str, float]
    words: dict[str, int]
    multipliers: dict[str, int]
    measures: re.Pattern[str]
    measure_of: dict[str, str]
    change: re.Pattern[str]
    rise: re.Pattern[str]
    kinds: list[tuple[re.Pattern[str], str]]
    rate_before: re.Pattern[str]
    rate_after: re.Pattern[str]
    change_from: re.Pattern[str]
    change_back: re.Pattern[str]


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w).replace("\\ ", " ").replace(" ", r"\s+")
                           for w in sorted(set(words), key=len, reverse=True)) + ")"


@lexicon.derived
def _units() -> _Units:
    data = lexicon.load("units")
    prefixes = {str(k): str(v) for k, v in data["currency_prefixes"].items()}
    suffixes = {str(k).lower(): str(v) for k, v in data["currency_suffixes"].items()}
    scales = {str(k).lower(): float(v) for k, v in data["scales"].items()}
    words = {str(k).lower(): int(v) for k, v in data["number_words"].items() if str(k) != "se"}
    mult = {str(k).lower(): int(v) for k, v in data["number_word_multipliers"].items()}
    one_word = rf"{_alt(list(words))}(?:\s+{_alt(list(mult))})?"
    word_num = rf"(?:{one_word})(?:\s+{one_word})*"
    num = rf"(?P<num>{NUMBER}|(?<![\w-]){word_num})"
    # `triliunan`, `miliaran`: a round amount of the scale (the value keeps the scale).
    scale = rf"(?:\s*(?P<scale>{_alt(list(scales))})(?:-?an)?(?![\w]))?"
    i = re.IGNORECASE
    # Prefix symbols are case-sensitive (`Rp`, `USD`), so the pattern is not IGNORECASE.
    # Headlines clip the scale after a currency symbol, in capitals (`Rp 157 T`, `Rp10 M`).
    abbreviations = {str(k): float(v) for k, v in data["scale_abbreviations"].items()}
    # A range (`Rp 10-15 triliun`) is one figure, valued at its lower end, like a percent range.
    money_prefix = re.compile(rf"(?<![\w])(?P<cur>{_alt(list(prefixes))})\s?(?P<num>{NUMBER})"
                              rf"(?:\s*[-–]\s*(?P<high>{NUMBER}))?(?:\s*(?P<scale>(?i:{_alt(list(scales))})|{_alt(list(abbreviations))})(?:(?<=[a-z])-?an)?(?![\w]))?")
    money_suffix = re.compile(rf"(?<![\w.,]){num}{scale}\s*(?P<cur>{_alt(list(suffixes))})(?![\w])", i)
    pct_words = _alt([w for w in data["percent_words"] if w != "%"])
    # A range (`3-4 persen`) is one figure, valued at its lower end.
    low = rf"(?:(?P<low>{NUMBER})\s*(?:-|–|hingga|sampai)\s*)?"
    # `19 (persen)`: the unit may stand in brackets.
    percent = re.compile(rf"(?<![\w.,]){low}{num}\s*(?P<pct>%|\(\s*(?:%|{pct_words})\s*\)|{pct_words}(?![\w]))", i)
    # `dari 32 diturunkan jadi 19 persen`: the first number of a change has the unit of the second.
    change_from = re.compile(rf"(?<![\w]){_alt(data['change_from'])}\s+(?P<num>{NUMBER})(?:\s+[^\W\d]+){{0,3}}?"
                             rf"\s+{_alt(data['change_to'])}\s+$", i)
    # `menjadi 125 dari 84 persen`: the new level first, the old one with the unit after it.
    change_back = re.compile(rf"(?<![\w]){_alt(data['change_to'])}\s+(?P<num>{NUMBER})\s+"
                             rf"{_alt(data['change_from'])}\s+$", i)
    # Counts are digit-written only: `empat poin`, `delapan menit` are not figures.
    count = re.compile(rf"(?<![\w.,/-])(?P<num>{NUMBER}){scale}\s+(?P<unit>{_alt(data['count_units'])})(?![\w])", i)
    measure_of = {str(k).lower(): str(v) for k, v in data["measures"].items()}
    kinds = [(word_pattern([str(w) for w in ws], ignore_case=True), str(kind)) for kind, ws in data["kinds"].items()]
    quote_currencies = _alt([*suffixes, *prefixes])
    # `Rp16.000-an per dolar AS`: a round rate written with -an.
    rate_after = re.compile(rf"^(?:-an)?\s*(?:{_alt(data['rate_per'])})\s*(?P<quote>{quote_currencies})(?![\w])", i)
    # The rate word may stand a few words before the amount (`kurs rupiah ditutup di level Rp16.300`,
    # `kurs rupiah melemah 0,5 persen ke Rp16.300`), with no clause break and no other amount between.
    # Another measure named between (`kurs melemah sehingga harga beras Rp15.000`) takes the amount.
    pct_token = rf"\d+(?:,\d+)?\s*(?:%|{pct_words})"
    other_measure = rf"(?!{_alt([str(k) for k in data['measures']])}(?![\w]))"
    between = rf"\s+{other_measure}(?:[^\W\d]+|{pct_token})"
    rate_before = re.compile(rf"(?<![\w]){_alt(data['rate_before'])}(?:{between}){{0,8}}\s+$", i)
    return _Units(
        money_prefix, money_suffix, percent, count, prefixes, suffixes, scales, abbreviations, words, mult,
        word_pattern(list(measure_of), ignore_case=True), measure_of,
        word_pattern([*data["rise_words"], *data["fall_words"]], ignore_case=True),
        word_pattern(data["rise_words"], ignore_case=True), kinds, rate_before, rate_after, change_from,
        change_back,
    )


def parse_number(text: str, english: bool = False) -> float | None:
    """The value of a written number: `15.654` → 15654, `11,6` → 11.6, `dua puluh` → 20;
    with `english`, `1.5` → 1.5 and `1,500` → 1500."""
    t = text.strip()
    if re.fullmatch(r"[\d.,]+", t):
        if "," in t and "." in t:
            dec = "," if t.rfind(",") > t.rfind(".") else "."
        elif "," in t:
            grouped = re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", t) or (english and re.fullmatch(r"\d{1,3}(?:,\d{3})+", t))
            dec = "" if grouped else ","
        elif "." in t:
            dec = "" if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t) and not english else "."
        else:
            dec = ""
        thousands = {",": ".", ".": ",", "": ".,"}[dec]
        for ch in thousands:
            t = t.replace(ch, "")
        if dec == ",":
            t = t.replace(",", ".")
        try:
            return float(t)
        except ValueError:
            return None
    return _parse_words(t)


def _parse_words(text: str) -> float | None:
    u = _units()
    total, cur, seen = 0, 0, False
    for tok in text.lower().split():
        if tok in u.words:
            cur += u.words[tok]
            seen = True
        elif tok == "belas":
            total += cur + 10
            cur = 0
        elif tok == "puluh":
            total += cur * 10
            cur = 0
        elif tok == "ratus":
            total += cur * 100
            cur = 0
        else:
            return None
    return float(total + cur) if seen else None


def _english_scale(scale: str | None) -> bool:
    return bool(scale) and scale.lower() in {"million", "billion", "trillion", "thousand", "bn", "mln"}


def _value(m: re.Match[str]) -> float | None:
    u = _units()
    scale = m.groupdict().get("scale")
    num = m.group("num")
    # A dollar sign may be English style (`US$1,500`), but in an Indonesian text a dot before three
    # digits groups thousands whatever the sign (`US$ 5.000` is five thousand); only an English scale
    # word makes it a decimal point.
    sign_english = m.groupdict().get("cur") in ("$", "US$") and not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", num)
    base = parse_number(num, english=_english_scale(scale) or sign_english)
    if base is None:
        return None
    return base * ((u.abbreviations.get(scale) or u.scales[scale.lower()]) if scale else 1.0)


@lexicon.derived
def _not_count_after() -> set[str]:
    return {w.lower() for w in lexicon.words("units", "not_count_after")}


def find_figures(text: str) -> list[Figure]:
    """Money, percent and count figures in a text, left to right, without measure/parties."""
    u = _units()
    taken: list[tuple[int, int]] = []
    found: list[Figure] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in u.money_prefix.finditer(text):
        v = _value(m)
        if v is not None and free(m.start(), m.end()):
            unit = _rate_unit(text, m, u.prefixes[m.group("cur")])
            found.append(Figure(m.group().strip(), v, unit, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in u.money_suffix.finditer(text):
        v = _value(m)
        cur = re.sub(r"\s+", " ", m.group("cur")).lower()
        if v is not None and free(m.start(), m.end()):
            unit = _rate_unit(text, m, u.suffixes[cur])
            found.append(Figure(m.group().strip(), v, unit, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in u.percent.finditer(text):
        v = _value(m)
        if m.group("low"):
            v = _value(re.match(rf"(?P<num>{NUMBER})(?P<scale>)", m.group("low")))
        if v is not None and free(m.start(), m.end()):
            found.append(Figure(m.group().strip(), v, "percent", m.start(), m.end()))
            taken.append((m.start(), m.end()))
            c = u.change_from.search(text, max(0, m.start() - 60), m.start()) \
                or u.change_back.search(text, max(0, m.start() - 40), m.start())
            if c and free(c.start("num"), c.end("num")):
                base = parse_number(c.group("num"))
                # `dari 2023 menjadi ...` is a year, not a level.
                if base is not None and not re.fullmatch(r"(?:19|20)\d\d", c.group("num")):
                    found.append(Figure(c.group("num"), base, "percent", c.start("num"), c.end("num")))
                    taken.append((c.start("num"), c.end("num")))
    date_spans = [(d.start, d.end) for d in find_dates(text, None)]
    for m in u.count.finditer(text):
        v = _value(m)
        if v is None or not free(m.start(), m.end()):
            continue
        if any(m.start() < b and a < m.end() for a, b in date_spans):
            continue
        # `ke-75 tahun`, `tahun 2024`: ordinals and years are not counts.
        if re.search(r"ke-\s*$", text[max(0, m.start() - 3):m.start()]):
            continue
        before = text[max(0, m.start() - 20):m.start()].split()
        if before and before[-1].lower() in _not_count_after():
            continue
        unit = re.sub(r"\s+", " ", m.group("unit")).lower()
        found.append(Figure(m.group().strip(), v, unit, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def _rate_unit(text: str, m: re.Match[str], currency: str) -> str:
    """`IDR/USD` for an exchange rate (`Rp15.660 per dolar AS`, `kurs Rp15.660`), else the currency:
    a rate is not an amount of rupiah. A scaled amount (`Rp5 triliun`) is never a rate: a rate is
    the price of one unit of the other currency."""
    u = _units()
    if m.group("scale"):
        return currency
    start, end = m.start(), m.end()
    if m := u.rate_after.match(text[end:end + 40]):
        quote = re.sub(r"\s+", " ", m.group("quote"))
        quoted = u.suffixes.get(quote.lower()) or u.prefixes.get(quote)
        if quoted and quoted != currency:
            return f"{currency}/{quoted}"
    if currency != "USD" and u.rate_before.search(text[max(0, start - 90):start]):
        return f"{currency}/USD"
    return currency


def _measure(sentence: str, at: int, end: int) -> str | None:
    u = _units()
    before = [m for m in u.measures.finditer(sentence) if m.end() <= at]
    after = [m for m in u.measures.finditer(sentence) if m.start() >= end]
    pick = before[-1] if before else (after[0] if after else None)
    if pick is None:
        return None
    measure = u.measure_of[re.sub(r"\s+", " ", pick.group()).lower()]
    # Only a change word right before the figure (`naik 5 persen`, `turun hingga 11,6 persen`)
    # makes it a change: in `melonjak 26,3% menjadi US$ 240 miliar` the money is a level.
    window = " ".join(sentence[:at].split()[-2:])
    if u.change.search(window) and "change" not in measure:
        measure = f"{measure} change"
    return measure


def _kind(before: str) -> str:
    """`target`, `forecast` or `limit` when a cue word stands in the last words before the
    figure (`melampaui target sebesar USD 200 miliar`), else `actual`."""
    window = " ".join(before.split()[-4:])
    best: tuple[int, str] | None = None
    for pattern, kind in _units().kinds:
        for m in pattern.finditer(window):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best[1] if best else "actual"


def _direction(before: str) -> str:
    """`rise` or `fall` when a change word stands right before the figure (`turun 11,6 persen`,
    `naik hingga 5 persen`), else `none`."""
    u = _units()
    window = " ".join(before.split()[-2:])
    changes = list(u.change.finditer(window))
    if not changes:
        return "none"
    return "rise" if u.rise.fullmatch(changes[-1].group()) else "fall"


@dataclass(frozen=True)
class Period:
    """What a figure is for: a label (`2023`, `2023-05`) and its first and last day."""

    label: str
    start: date
    end: date
    precision: str


def _period(sentence: str, at: int, published: date | None) -> Period | None:
    best: tuple[int, Period] | None = None
    for d in find_dates(sentence, published):
        if COMPARISON_CUES.search(sentence[max(0, d.start - 25):d.start]):
            continue
        if detaching_cues().search(sentence[max(0, d.start - 30):d.start]):
            continue
        dist = abs(d.start - at)
        if best is None or dist < best[0]:
            best = (dist, _period_of(d.value, d.precision))
    return best[1] if best else None


def _period_of(day: date, precision: str) -> Period:
    if precision == "year":
        return Period(str(day.year), date(day.year, 1, 1), date(day.year, 12, 31), "year")
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return Period(day.strftime("%Y-%m"), day.replace(day=1), day.replace(day=last), "month")
    return Period(day.isoformat(), day, day, "day")


def article_pair(body: str, published: date | None) -> list[str]:
    """The two states an article is mostly about, counting people as their states."""
    counts: Counter[str] = Counter()
    for m in ents.find_mentions(body, published):
        e = m.entity
        state = e.name if e.kind == "state" else e.state if e.kind == "person" else None
        if state:
            counts[state] += 1
    return [s for s, _ in counts.most_common(2)]


def extract(body: str, published: date | None = None, *, skip: list[tuple[int, int]] | None = None,
            title: str | None = None) -> list[Figure]:
    """Figures of an article body, with measure, parties and period for money and percent.
    A headline's figures (`Dagang Rusia-China Tembus USD 200 Miliar`) come first when the body
    does not open with the headline; their positions are within the headline."""
    pair = article_pair(body, published)
    head: list[Figure] = []
    if title and not body.lstrip().startswith(title.strip()):
        head = _figures_in(title, published, pair)
    return head + _figures_in(body, published, pair)


def _figures_in(body: str, published: date | None, pair: list[str]) -> list[Figure]:
    out: list[Figure] = []
    for sent in sentences(body):
        for f in find_figures(sent.text):
            f.start += sent.start
            f.end += sent.start
            if f.unit == "percent" or re.fullmatch(r"[A-Z]{3}(?:/[A-Z]{3})?", f.unit):
                _describe(f, sent, published, pair, [g for g in out if g.start >= sent.start])
            out.append(f)
    return out


def _describe(f: Figure, sent: Span, published: date | None, pair: list[str], earlier: list[Figure]) -> None:
    at, end = f.start - sent.start, f.end - sent.start
    f.measure = _measure(sent.text, at, end)
    # Cue words count only after the figure before it, so that one figure's cue is not the next's.
    before = sent.text[max((g.end - sent.start for g in earlier), default=0):at]
    f.kind = _kind(before)
    f.direction = _direction(before)
    period = _period(sent.text, at, published)
    if period is not None:
        f.period, f.period_start, f.period_end, f.period_precision = (
            period.label, period.start, period.end, period.precision)
        # A number for a period that starts after the article was written cannot be a result yet.
        if f.kind == "actual" and published is not None and period.start > published:
            f.kind = "forecast"
    if "/" in f.unit:
        f.measure = "exchange rate"
    # Currency words (`dolar AS`) name no party.
    text = _strip_currencies(sent.text)
    states = ents.states_in(text, published)
    for m in ents.find_mentions(text, published):
        if m.entity.kind == "person" and m.entity.state and m.entity.state not in states:
            states.append(m.entity.state)
    if not states and PAIR_CUES.search(text):
        states = list(pair)
    f.parties = states


def _strip_currencies(text: str) -> str:
    """The text with money spans blanked, so that `dolar AS` does not name the United States."""
    u = _units()
    for pattern in (u.money_prefix, u.money_suffix):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text
