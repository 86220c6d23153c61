"""Article metadata read from the text itself: outlet and place of the dateline, publication date,
headline, language.

Indonesian news opens with a dateline that names the outlet and the place ("Liputan6.com, Beijing -",
"BEIJING, MATAJAMBI.COM -", "Jakarta, IDN Times -", "Jakarta (ANTARA) -"); the page header of a
scraped text may carry a date line ("30 Desember 2022 17:54 WIB"); otherwise the news day is written
in the first paragraphs ("seperti dilansir CNN, Jumat (9/2/2024)", "pada Rabu (3/7/2024)").
Outlet spellings, hostnames, weekday names and attribution words live in
`transforms/lexicon/outlets.yaml`; month names come from dateparser, which knows Indonesian.

Pure: lines of text in (already normalised by `transforms.clean.normalise`), values out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from transforms import lexicon
from transforms.clean import is_prose

# How far into a text the header and dateline may be: a dateline is the first paragraph, after at
# most a headline, subtitle, date line and share widgets.
HEAD_LINES = 25
# How many article paragraphs are searched for the news day.
LEAD_PARAGRAPHS = 5
# An article cannot be older than the Indonesian web press; dates before are misreadings.
MIN_DATE = dt.date(1995, 1, 1)

# A hyphen needs a space after it (it also joins words); en and em dashes may touch the text
# ("Harianjogja.com, JAKARTA—Presiden ...").
_DASH = r"(?:\s*-{1,2}\s+|\s*[–—]{1,2}\s*)"
_PLACE = r"(?P<place>[A-Z][\w'.]*(?:\s[A-Z][\w'.]*){0,3})"
# "Liputan6.com, Beijing -", "TEMPO.CO, Jakarta -": the outlet, spelt as a domain, first.
_OUTLET_FIRST = re.compile(r"^(?P<outlet>[A-Za-z][\w-]*(?:\.[A-Za-z]{2,3}){1,2})\s*,\s*" + _PLACE + _DASH)
# "BEIJING, MATAJAMBI.COM -", "Jakarta, IDN Times -", "JAKARTA, KOMPAS.com -", "Jakarta, CNN Indonesia --"
_PLACE_FIRST = re.compile("^" + _PLACE + r"\s*,\s*(?P<outlet>[A-Za-z][\w.]*(?:\s[A-Za-z][\w.]*){0,2})" + _DASH)
# "Jakarta (ANTARA) -", "Washington (AFP) -"
_PLACE_PAREN = re.compile("^" + _PLACE + r"\s*\((?P<outlet>[^)]{2,30})\)" + _DASH)
# detik: "Jakarta - " after a channel line such as "detikNews".
_PLACE_ONLY = re.compile("^" + _PLACE + _DASH)
_DOMAIN_FIRST = re.compile(r"^(?P<outlet>[A-Za-z][\w-]*(?:\.[A-Za-z]{2,3}){1,2})" + _DASH)
_DOMAIN_LIKE = re.compile(r"^[A-Za-z][\w-]*(?:\.[A-Za-z]{2,3}){1,2}$")
# "AIRSPACE REVIEW – ...", "GEMA LANTANG, KOREA SELATAN -- ...": a name that is not spelt as a domain,
# first; an outlet only when it is the page's host written as words (see `_names_host`).
_NAME_FIRST = re.compile(r"^(?P<outlet>[A-Z][\w'.]*(?:\s[A-Z][\w'.]*){0,3})(?:\s*,\s*" + _PLACE + ")?" + _DASH)

_NUM_DATE = r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
_WORD_DATE = r"(?P<wd>\d{1,2})\s+(?P<wm>[A-Za-z]+)\.?\s+(?P<wy>\d{4})"
_TIME = r"(?:\s*[,|]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:WIB|WITA|WIT|GMT\+?\d*)?)?"
_DATE_PREFIX = r"(?:(?:diterbitkan|dipublikasikan|published|tanggal)\s*:?\s*)?"


@dataclass(frozen=True)
class OutletLexicon:
    """outlets.yaml, indexed: folded alias -> canonical name, host -> canonical name, and the
    words that mark the news day."""

    aliases: dict[str, str]
    hosts: dict[str, str]  # longest first
    weekdays: tuple[str, ...]
    attribution: tuple[str, ...]
    generic_subdomains: frozenset[str] = frozenset()
    network_hosts: frozenset[str] = frozenset()
    second_level_domains: frozenset[str] = frozenset()


@lexicon.derived
def load_outlets() -> OutletLexicon:
    """The outlet lexicon (bundled and user files), read once per process."""
    data = lexicon.load("outlets") or {}
    aliases: dict[str, str] = {}
    hosts: dict[str, str] = {}
    for entry in data.get("outlets", []):
        name = entry["name"]
        for alias in [name, *entry.get("aliases", [])]:
            aliases[alias.casefold()] = name
        for host in entry.get("hosts", []):
            hosts[host.casefold()] = name
    dates = data.get("dates", {})
    # The most specific host first: a regional newsroom (`jabar.tribunnews.com`) before its network.
    hosts = dict(sorted(hosts.items(), key=lambda kv: -len(kv[0])))
    return OutletLexicon(aliases, hosts, tuple(dates.get("weekdays", [])), tuple(dates.get("attribution", [])),
                         frozenset(s.casefold() for s in data.get("generic_subdomains", [])),
                         frozenset(s.casefold() for s in data.get("network_hosts", [])),
                         frozenset(s.casefold() for s in data.get("second_level_domains", [])))


def canonical_outlet(name: str | None) -> str | None:
    """The canonical spelling of a known outlet name (`KOMPAS.com` -> `Kompas.com`), else None."""
    if not name:
        return None
    return load_outlets().aliases.get(name.strip().casefold())


def outlet_from_host(url_or_host: str | None, *, site_name: str | None = None, text: str | None = None) -> str | None:
    """The outlet a URL or hostname belongs to (`https://news.detik.com/...` -> `detikNews`). An
    unknown host is named by the page's own site name when that is the host in words
    (`Gema Lantang` on gemalantang.com), else as `text` (the article) writes the host in words,
    else after itself (`Gemalantang.com`)."""
    if not url_or_host:
        return None
    parts = urlsplit(url_or_host if "//" in url_or_host else f"//{url_or_host}")
    host = (parts.hostname or "").casefold()
    if not host:
        return None
    path = parts.path.casefold()
    host, path = _publisher_host(host, path)
    full = host + path
    member = _network_member(host)
    for known, name in load_outlets().hosts.items():
        if "/" in known:
            if full.removeprefix("www.").startswith(known):
                return name
        elif host == known or host.endswith("." + known):
            if member and known in load_outlets().network_hosts:
                # An outlet of a network that the lexicon does not list: named as it names itself,
                # else after its subdomain (`Kotakabar` on kotakabar.<network>).
                return _self_named(site_name.strip()) if site_name and _names_host(site_name.strip(), host) \
                    else member[0].upper() + member[1:]
            return name
    if any(known.split("/", 1)[0] in (host, host.removeprefix("www.")) for known in load_outlets().hosts):
        return None  # another section of a known outlet's host (bbc.com/news is not BBC News Indonesia)
    if site_name and _names_host(site_name.strip(), host):
        return _self_named(site_name.strip())
    named = host_in_words(text, host)
    return _self_named(named) if named else _host_as_name(host)


# Google's AMP cache serves `www.kompas.com` as `www-kompas-com.cdn.ampproject.org` (dots become
# dashes, dashes double), and its viewer as `www.google.com/amp/s/www.kompas.com/...`.
_AMP_CACHE = ".cdn.ampproject.org"
_AMP_VIEWER = re.compile(r"^/amp/(?:s/)?(?P<host>[a-z0-9.-]+\.[a-z]{2,})(?P<path>/.*)?$")


def _publisher_host(host: str, path: str) -> tuple[str, str]:
    """The publisher's own host and path behind an AMP cache or viewer address, else as given."""
    if host.endswith(_AMP_CACHE):
        label = host.removesuffix(_AMP_CACHE)
        return label.replace("--", "\x00").replace("-", ".").replace("\x00", "-"), path.removeprefix("/c/s/")
    if re.fullmatch(r"(?:www\.)?google\.[a-z.]+", host) and (m := _AMP_VIEWER.match(path)):
        return m["host"], m["path"] or "/"
    return host, path


def _network_member(hostname: str) -> str | None:
    """The subdomain label that names an outlet of a network (`kotakabar` on
    kotakabar.<network host>), or None when the host is no network's member subdomain."""
    lex = load_outlets()
    for network in lex.network_hosts:
        if hostname.endswith("." + network):
            labels = hostname.removesuffix("." + network).split(".")
            while labels and labels[0] in lex.generic_subdomains:
                labels = labels[1:]
            return labels[-1] if labels else None
    return None


def _site_labels(hostname: str) -> list[str]:
    """The labels of the site a host belongs to, without the subdomain that serves the page:
    `ns2.example.com` -> [example, com], `daerah.example.co.id` -> [example, co, id]."""
    labels = hostname.removesuffix(".").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in load_outlets().second_level_domains else 2
    return labels[-keep:]


def _site_letters(hostname: str) -> tuple[str, set[str]]:
    """The letters of a host's site label (`pelitakarawang` for www.pelitakarawang.com), and the
    spellings a name may match: that label, or label and domain (`islamtodayid`). Empty when the
    label is too short to tell a name by (under four letters)."""
    labels = _site_labels(hostname) if "." in hostname else []
    own = _letters(labels[0]) if labels else ""
    return (own, {own, _letters(".".join(labels))}) if len(own) >= 4 else ("", set())


def _host_as_name(host: str) -> str | None:
    """An unknown host named after its site: `news.example.id` -> `Example.id`. Small outlets
    mostly call themselves by their domain; a name is better than none."""
    labels = host.removesuffix(".").split(".")
    if len(labels) < 2 or all(label.isdigit() for label in labels):  # an IP address names no one
        return None
    name = ".".join(_site_labels(host))
    return name[0].upper() + name[1:]


def host_in_words(text: str | None, url_or_host: str | None) -> str | None:
    """The page's site as the text writes it in words, when it does: `Pelita Karawang` for
    pelitakarawang.com, `IslamToday ID` for islamtoday.id (in a byline, a dateline, a closing
    line). Small outlets are named by the annotator and their readers as they name themselves."""
    if not text or not url_or_host:
        return None
    host = (urlsplit(url_or_host if "//" in url_or_host else f"//{url_or_host}").hostname or "").casefold()
    own, targets = _site_letters(host)
    if not own:
        return None
    longest = max(len(t) for t in targets)
    words = list(re.finditer(r"[A-Za-z][\w'’-]*", text))
    for i, first in enumerate(words):
        if not first.group()[0].isupper() or _letters(first.group()) != own[:len(_letters(first.group()))]:
            continue
        joined, found = "", None
        for j in range(i, min(i + 4, len(words))):
            if j > i and text[words[j - 1].end():words[j].start()] != " ":
                break
            joined += _letters(words[j].group())
            if j > i and joined in targets:
                found = text[first.start():words[j].end()]  # the longest: `Kabar Laut ID`, not `Kabar Laut`
            if len(joined) >= longest or not any(t.startswith(joined) for t in targets):
                break
        if found:
            return found
    return None


def _outlet_spelling(raw: str) -> str | None:
    """How to store an outlet named in a dateline: its canonical name when known; an unknown
    domain-like name in capitals gets the usual spelling (`FOO.COM` -> `Foo.com`)."""
    known = canonical_outlet(raw)
    if known:
        return known
    if _DOMAIN_LIKE.match(raw):
        return raw.capitalize() if raw.isupper() else raw
    return None


def _place_spelling(raw: str) -> str:
    return raw.title() if raw.isupper() else raw


@dataclass(frozen=True)
class Dateline:
    """The dateline of an article: which line holds it, the place, and the outlet it names."""

    index: int
    place: str | None
    outlet: str | None


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def _names_host(name: str, host: str | None) -> bool:
    """Whether a name is the page's host written as words (`AIRSPACE REVIEW` on
    www.airspace-review.com, `Gema Lantang` on gemalantang.com): then the outlet names itself."""
    if not host:
        return False
    hostname = (urlsplit(host if "//" in host else f"//{host}").hostname or "").casefold()
    member = _network_member(hostname)
    if member:
        # An outlet of a network writes its own name (`KOTA KABAR -` on kotakabar.<network>).
        return len(member) >= 4 and _letters(name) == _letters(member)
    if any(hostname.endswith("." + known) for known in load_outlets().hosts if "/" not in known):
        # A channel of a known outlet (`Siap -` on siap.viva.co.id): the subdomain names a section,
        # and the outlet is the host's owner.
        return False
    own, targets = _site_letters(hostname)
    if not own:
        return False
    if _letters(name) in targets:
        return True
    # `Radio Bharata Online` on bharataradio738.com: two words or more of the name, in the site's
    # label, cover most of its letters.
    parts = [p for p in (_letters(w) for w in name.split()) if len(p) >= 4 and p in own]
    return len(parts) >= 2 and sum(map(len, parts)) >= 0.6 * len(re.sub(r"\d", "", own))


def _self_named(raw: str) -> str:
    """An outlet's name as it writes itself, capitals made readable (`GEMA LANTANG` -> `Gema Lantang`)."""
    return raw.title() if raw.isupper() else raw


def find_dateline(lines: list[str], host: str | None = None) -> Dateline | None:
    """The dateline among the first lines of a text, or None. `host` is the page's URL or host.

    A place followed by a name is only a dateline when that name is a known outlet, spelt like a
    domain or the page's host in words, so that "Sementara itu, Presiden -" is never read as one.
    """
    channel: str | None = None
    for i, line in enumerate(lines[:HEAD_LINES]):
        if not line:
            continue
        if m := _OUTLET_FIRST.match(line):
            outlet = _outlet_spelling(m["outlet"])
            if outlet:
                return Dateline(i, _place_spelling(m["place"]), outlet)
        if m := _DOMAIN_FIRST.match(line):
            # "KOMPAS.com - ...", "Suara.com - ...": the outlet alone, spelt as a domain.
            return Dateline(i, None, _outlet_spelling(m["outlet"]))
        if (m := _NAME_FIRST.match(line)) and (canonical_outlet(m["outlet"]) or _names_host(m["outlet"], host)):
            place = _place_spelling(m["place"]) if m["place"] else None
            return Dateline(i, place, canonical_outlet(m["outlet"]) or _self_named(m["outlet"]))
        if m := _PLACE_FIRST.match(line):
            outlet = _outlet_spelling(m["outlet"]) or (
                _self_named(m["outlet"]) if _names_host(m["outlet"], host) else None)
            if outlet:
                return Dateline(i, _place_spelling(m["place"]), outlet)
        if m := _PLACE_PAREN.match(line):
            # "Moskow (ANTARA/Sputnik-OANA) -": the newsroom first, then the agencies it took from.
            first = re.split(r"\s*/\s*", m["outlet"])[0]
            return Dateline(i, _place_spelling(m["place"]), canonical_outlet(m["outlet"]) or canonical_outlet(first)
                            or m["outlet"])
        if channel and (m := _PLACE_ONLY.match(line)):
            return Dateline(i, _place_spelling(m["place"]), channel)
        # A line that is only an outlet's name ("detikNews") announces a bare "Jakarta -" dateline.
        channel = canonical_outlet(line) or channel
    return None


def _weekdays() -> str:
    return "|".join(re.escape(w) for w in load_outlets().weekdays)


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    wd = _weekdays()
    attribution = "|".join(re.escape(w) for w in load_outlets().attribution)
    news_day = rf"\b(?:{wd})\s*(?:\(\s*{_NUM_DATE}\s*\)|,?\s*(?:tanggal\s+)?{_WORD_DATE})"
    date_line = re.compile(rf"^{_DATE_PREFIX}(?:(?:{wd}),?\s*)?(?:{_NUM_DATE}|{_WORD_DATE}){_TIME}$", re.IGNORECASE)
    attributed = re.compile(rf"\b(?:{attribution})\b[^.()]{{0,120}}?,?\s*{news_day}", re.IGNORECASE)
    return date_line, attributed, re.compile(news_day, re.IGNORECASE)


@lru_cache(maxsize=512)
def _month_date(day: str, month: str, year: str) -> dt.date | None:
    """A date from day, month name (Indonesian or English) and year; None when it is not one."""
    import dateparser  # loads its language data on first use: only when a month name needs reading

    parsed = dateparser.parse(
        f"{day} {month} {year}",
        languages=["id", "en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


def _date_of(m: re.Match[str]) -> dt.date | None:
    try:
        if m.groupdict().get("d"):
            found = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        elif m.groupdict().get("wd"):
            found = _month_date(m["wd"], m["wm"], m["wy"])
        else:
            return None
    except ValueError:
        return None
    if found is None or not MIN_DATE <= found <= dt.date.today() + dt.timedelta(days=1):
        return None
    return found


def find_published(lines: list[str], lead_index: int | None = None) -> dt.date | None:
    """The publication date written in a text, or None (see `published_in_text`)."""
    return published_in_text(lines, lead_index)[0]


def published_in_text(lines: list[str], lead_index: int | None = None) -> tuple[dt.date | None, str | None]:
    """The publication date written in a text and where it was read: `header` or `body`.

    The page header's date line is metadata ("30 Desember 2022 17:54 WIB" above the article).
    Only when there is none is the body read, as a fallback the row records: the day next to an
    attribution in the first paragraphs ("dilansir CNN, Jumat (9/2/2024)": the day the source was
    read is the article's day, while "Kamis (8/2/2024)" before it is the day of the event), else the
    latest weekday + date in the first paragraphs.
    """
    date_line, attributed, news_day = _date_patterns()
    head_end = lead_index if lead_index is not None else min(len(lines), HEAD_LINES)
    for line in lines[:head_end]:
        if line and len(line) <= 60 and (m := date_line.match(line)) and (found := _date_of(m)):
            return found, "header"
    start = lead_index or 0
    paragraphs = [line for line in lines[start:] if len(line.split()) >= 6][:LEAD_PARAGRAPHS]
    for paragraph in paragraphs:
        for m in attributed.finditer(paragraph):
            if found := _date_of(m):
                return found, "body"
    days = [d for p in paragraphs for m in news_day.finditer(p) if (d := _date_of(m))]
    return (max(days), "body") if days else (None, None)


# `/2024/02/09/`, `/2024-02-09/`, `/20240209/` in an article URL's path: the CMS's publication day.
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-]?(?P<m>[01]\d)[/-]?(?P<d>[0-3]\d)(?=[/_.-]|$)")


def date_from_url(url: str | None) -> dt.date | None:
    """The publication day an article URL carries in its path (`/read/2024/02/09/...`), else None."""
    if not url or url.startswith("file:"):
        return None
    m = _URL_DATE.search(urlsplit(url).path)
    if not m:
        return None
    try:
        found = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return found if MIN_DATE <= found <= dt.date.today() + dt.timedelta(days=1) else None


def find_title(lines: list[str]) -> str | None:
    """The headline of a scraped text when it opens with one: a short first line that is not a
    sentence and not a dateline paragraph."""
    first = next((line for line in lines[:3] if line), None)
    if not first or len(first) > 200 or len(first.split()) < 3 or first.endswith((".", ":")):
        return None
    if find_dateline([first]) is not None:
        return None
    return first


def parse_iso_date(value: str | None) -> dt.date | None:
    """A date from an ISO string a record or page states (`2024-02-09`, `2024-02-09T10:00:00+07:00`)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def language_code(tag: str | None) -> str | None:
    """ISO 639-1 code of a language tag (`id-ID` -> `id`, `in` -> `id`), None when not one."""
    if not tag:
        return None
    code = re.split(r"[-_]", tag.strip().casefold())[0]
    code = {"in": "id", "ind": "id", "eng": "en"}.get(code, code)
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def detect_language(text: str, default: str = "id") -> str:
    """ISO 639-1 code of the text's language (py3langid); `default` for empty text.

    Malay and Javanese/Sundanese guesses on this corpus are Indonesian text: the classifier
    confuses these closely related languages on news prose.
    """
    # 1,500 characters decide as well as 3,000 (the same language for each of 278 news texts,
    # Indonesian and English) at a third of the cost; the classifier's time grows with its input.
    sample = text[:1500].strip()
    if not sample:
        return default
    if (plain := _by_function_words(sample)) is not None:
        return plain
    try:
        import py3langid  # comes with trafilatura[all]
    except ImportError:  # pragma: no cover - without it every article is taken as Indonesian
        return default
    code, _ = py3langid.classify(sample)
    return {"ms": "id", "jv": "id", "su": "id"}.get(code, code)


# Shares of a sample's words (text.yaml `function_words`) that settle its language without the
# classifier: on 306 real and benchmark texts every one so settled (278) got the classifier's
# answer too, at a fraction of its ~1.5 ms. Mixed or short samples go to the classifier.
_SETTLED, _STRAY, _FEWEST_WORDS = 0.12, 0.02, 30


def _by_function_words(sample: str) -> str | None:
    """The language of a Latin-script sample whose words are mostly one language's function words
    and hardly another's; None when that is not plain."""
    letters = [c for c in sample if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) < 0.9 * len(letters):
        return None  # another script: English words inside it say nothing
    words = re.findall(r"[^\W\d_]+", sample.lower())  # whole words: `Erdoğan` is no English `an`
    if len(words) < _FEWEST_WORDS:
        return None
    shares = {code: sum(w in listed for w in words) / len(words) for code, listed in _function_words().items()}
    for code, share in shares.items():
        if share >= _SETTLED and all(other < _STRAY for c, other in shares.items() if c != code):
            return code
    return None


@lexicon.derived
def _function_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(w.lower() for w in listed)
            for code, listed in lexicon.mapping("text", "function_words").items()}


@dataclass(frozen=True)
class TextMetadata:
    """What a text says about itself; None where it says nothing."""

    title: str | None
    outlet: str | None
    dateline: str | None
    published: dt.date | None
    published_source: str | None  # `header` (the page header's date line) or `body` (the fallback)
    lead_index: int | None  # index of the dateline line when the lines before it are page header


def text_metadata(lines: list[str], host: str | None = None) -> TextMetadata:
    """Metadata of an article from its normalised lines (see module docstring); `host` is the
    page's URL or host, when known."""
    line = find_dateline(lines, host)
    lead_index = None
    if line is not None and not any(is_prose(x) for x in lines[: line.index]):
        lead_index = line.index
    published, published_source = published_in_text(lines, lead_index)
    return TextMetadata(
        title=find_title(lines),
        outlet=line.outlet if line else None,
        dateline=line.place if line else None,
        published=published,
        published_source=published_source,
        lead_index=lead_index,
    )
