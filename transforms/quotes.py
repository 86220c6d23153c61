"""Direct quotations and quoted fragments in an article's text.

A quotation is speech inside double quotation marks (straight or curly) that opens a sentence
or follows an introduction (`Putin mengatakan: "..."`, `Menurut Xi, "..."`), attributed by a
speech verb after it (`"...," kata Xi Jinping`, `"...," tambahnya`) or before it. A quotation
runs over paragraphs when a paragraph ends without a closing mark and the next one opens again.
Everything else in quotation marks (`"tanpa batas"`, single-quoted `'teman baik'`) is a fragment.

Speakers resolve through the gazetteer: names and titles (`Presiden Rusia`) to canonical names,
pronouns and -nya to the speaker of the quotation just before (or the person last named),
bodies (`sebut Kremlin`) to themselves; unknown names come through with titles stripped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from transforms import entities as ents
from transforms import lexicon
from transforms.text import CLOSE_MARKS, OPEN_MARKS, STRAIGHT, paragraphs, sentences, word_pattern

# A quotation without attribution counts as speech only when it is at least this long;
# shorter ones at a sentence start are slogans or headings.
MIN_UNATTRIBUTED_WORDS = 4


@dataclass
class QuoteSpan:
    """Text inside one pair of double quotation marks (possibly over several paragraphs):
    `open` is the offset of the opening mark, `close` one past the closing mark (or the end of
    the last paragraph when none closes it)."""

    open: int
    close: int
    parts: list[tuple[int, int]] = field(default_factory=list)

    def text(self, body: str) -> str:
        return " ".join(body[a:b].strip() for a, b in self.parts if body[a:b].strip())


@dataclass
class Quote:
    """A quotation as found: its words, speaker, verb and the outlet it was taken from."""

    text: str
    speaker: str | None
    verb: str | None
    cited_source: str | None
    start: int
    end: int


@dataclass
class Fragment:
    """Quoted words that are not speech."""

    text: str
    speaker: str | None
    start: int
    end: int


# --- finding the marks -------------------------------------------------------------------


def quote_spans(body: str) -> list[QuoteSpan]:
    """Every double-quoted span of the text, in order."""
    spans: list[QuoteSpan] = []
    cur: QuoteSpan | None = None
    part_start = 0
    i, n = 0, len(body)
    while i < n:
        ch = body[i]
        if cur is None:
            if ch in OPEN_MARKS or ch == STRAIGHT:
                cur = QuoteSpan(open=i, close=i)
                part_start = i + 1
        elif ch in CLOSE_MARKS or ch == STRAIGHT or (ch in OPEN_MARKS and body[i - 1] in " \n"):
            if ch in OPEN_MARKS:
                # An opening mark where a closing one was due: the previous quote ran unclosed.
                cur.parts.append((part_start, i))
                cur.close = i
                spans.append(cur)
                cur = QuoteSpan(open=i, close=i)
                part_start = i + 1
            else:
                cur.parts.append((part_start, i))
                cur.close = i + 1
                spans.append(cur)
                cur = None
        elif ch == "\n":
            cur.parts.append((part_start, i))
            j = i
            while j < n and body[j].isspace():
                j += 1
            if j < n and (body[j] in OPEN_MARKS or body[j] == STRAIGHT):
                # Newsroom style: a quotation that goes on opens each paragraph again.
                part_start = j + 1
                i = j + 1
                continue
            cur.close = i
            spans.append(cur)
            cur = None
        i += 1
    if cur is not None:
        cur.parts.append((part_start, n))
        cur.close = n
        spans.append(cur)
    return spans


# --- word lists ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    after: re.Pattern[str]
    before: re.Pattern[str]
    before_alt: str
    markers: re.Pattern[str]
    stop: set[str]
    pronouns: set[str]
    source_marker: re.Pattern[str]
    known_sources: re.Pattern[str]


def _alt(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace("\\ ", " ").replace(" ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )


@cache
def _words() -> _Words:
    after = lexicon.words("speech", "after_quote")
    before = lexicon.words("speech", "before_quote")
    i = re.IGNORECASE
    return _Words(
        after=re.compile(rf"^[\s,.]*(?:lalu\s+|pun\s+|demikian\s+)?(?P<verb>{_alt(after)})(?P<nya>nya)?(?![\w])", i),
        before=re.compile(rf"(?<![\w])(?P<verb>{_alt(before)})(?![\w])", i),
        before_alt=_alt(before),
        markers=re.compile(rf"^[\s,.]*(?P<verb>{_alt(lexicon.words('speech', 'speaker_markers'))})(?![\w])", i),
        stop={w.lower() for w in lexicon.words("speech", "speaker_stop_words")},
        pronouns={w.lower() for w in lexicon.words("speech", "pronouns")},
        source_marker=re.compile(
            rf"(?<![\w])(?:{_alt(lexicon.words('speech', 'cited_source_markers'))})"
            r"\s*(?:dari\s+)?(?:kantor\s+berita\s+|media\s+|laman\s+|situs\s+|harian\s+)?",
            i,
        ),
        known_sources=word_pattern(lexicon.words("speech", "cited_sources"), ignore_case=False),
    )


# --- speakers ----------------------------------------------------------------------------


@dataclass
class _Context:
    """What the article has said so far, for pronouns: quotations with their speakers and
    person mentions outside quotations, by offset."""

    body: str
    published: date | None
    para_of: list[tuple[int, int]]
    persons: list[tuple[int, str]]
    quoted: list[tuple[int, int, str | None]] = field(default_factory=list)

    def paragraph_index(self, pos: int) -> int:
        for k, (a, b) in enumerate(self.para_of):
            if a <= pos <= b:
                return k
        return -1

    def previous_actor(self, pos: int) -> str | None:
        """Who a pronoun at `pos` stands for: the speaker of the last quotation when no
        sentence naming someone came after it, else the first person named in the closest
        sentence before (its subject, as a rule)."""
        last_quote = next(((a, b, s) for a, b, s in reversed(self.quoted) if a < pos and s), None)
        before = [(p, name) for p, name in self.persons if p < pos]
        if not before:
            return last_quote[2] if last_quote else None
        last_pos = before[-1][0]
        sent_start = last_pos
        for sent in sentences(self.body, max(0, last_pos - 400), min(len(self.body), last_pos + 400)):
            if sent.start <= last_pos < sent.end + 1:
                sent_start = sent.start
                break
        if last_quote and last_quote[1] >= sent_start:
            return last_quote[2]
        first = [name for p, name in before if p >= sent_start]
        return first[0] if first else before[-1][1]


def _speaker_phrase(rest: str, w: _Words) -> tuple[str, str]:
    """The words naming the speaker at the start of `rest` (after a verb), and the text after
    them. An appositive after a comma (`kata juru bicara itu, Mao Ning,`) is kept."""
    # A bracketed acronym inside a description (`Center of Reform on Economics (CORE)`) is no end.
    rest = re.sub(r"\s*\([^()\n]{0,40}\)", "", rest)
    m = re.match(r"\s*([^,.;:!?()\"“”\n]*)", rest)
    raw = m.group(1) if m else ""
    kept: list[str] = []
    for t in raw.split():
        if t.lower().strip("'’") in w.stop:
            break
        kept.append(t)
    phrase = " ".join(kept)
    tail = rest[m.end() :] if m else rest
    complete = len(kept) == len(raw.split())
    app = re.match(r"\s*,\s*((?:[A-Z][\w'’.-]*\s*){1,4})(?=[,.]|$)", tail)
    if phrase and complete and app:
        phrase = f"{phrase}, {app.group(1).strip()}"
    return phrase, tail


def _resolve_phrase(phrase: str, pos: int, ctx: _Context, w: _Words) -> str | None:
    phrase = phrase.strip()
    if not phrase:
        return None
    first = phrase.split()[0].lower()
    if first in w.pronouns:
        return ctx.previous_actor(pos)
    e = ents.resolve(phrase, ctx.published)
    if e is not None and e.kind in ("person", "org"):
        return e.name
    name = ents.unknown_name(phrase)
    if name:
        return name
    if e is not None:
        return e.name
    # A role without a name (`sang Kepala Negara`): whoever was speaking.
    return ctx.previous_actor(pos)


def _speaker_before(pre: str, pre_start: int, ctx: _Context, w: _Words) -> str | None:
    """The speaker named in an introduction before a quotation (`Putin mengatakan:`)."""
    marker = re.search(
        r"(?<![\w])(?:menurut|kata|ujar|tutur|ungkap|jelas|tegas)\s+(?P<rest>[^,:]+)[,:]?\s*$", pre, re.IGNORECASE
    )
    if marker:
        return _resolve_phrase(_speaker_phrase(marker.group("rest"), w)[0], pre_start, ctx, w)
    verbs = list(w.before.finditer(pre))
    cut = verbs[-1].start() if verbs else len(pre)
    mentions = [m for m in ents.find_mentions(pre, ctx.published) if m.entity.kind in ("person", "org")]
    subject = [m for m in mentions if m.start < cut]
    if subject:
        persons = [m for m in subject if m.entity.kind == "person"]
        return (persons or subject)[-1].entity.name
    head = pre[:cut].strip(" ,")
    words = head.split()
    if words and words[-1].lower() in w.pronouns or (words and words[0].lower() in w.pronouns):
        return ctx.previous_actor(pre_start)
    tail_name = re.search(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*,?\s*$", head)
    if tail_name:
        name = ents.unknown_name(tail_name.group(1))
        if name:
            return name
    if mentions:
        return mentions[0].entity.name
    return ctx.previous_actor(pre_start)


def _cited_source(text: str, w: _Words) -> str | None:
    m = w.source_marker.search(text)
    if not m:
        return None
    rest = text[m.end() :]
    known = w.known_sources.match(rest)
    if known:
        return known.group()
    run = re.match(r"((?:The\s+)?(?:[A-Z][\w'’.&-]*\s*){1,4})", rest)
    if run:
        name = run.group(1).strip(" .,")
        # Weekdays and months after a marker are the report's date, not a source.
        if name.split()[0].lower() not in lexicon.load("dates")["weekdays"]:
            return name
    return None


# --- the extractor -----------------------------------------------------------------------


def _sentence_start(body: str, para_start: int, pos: int, spans: list[QuoteSpan]) -> int:
    """Where the sentence holding offset `pos` starts (full stops inside quotes do not count)."""
    start = para_start
    for m in re.finditer(r"[.!?][\"”’)]*\s+", body[para_start:pos]):
        at = para_start + m.start()
        if any(s.open < at < s.close for s in spans):
            continue
        start = para_start + m.end()
    return start


def _sentence_end(body: str, pos: int, para_end: int) -> int:
    m = re.search(r"[.!?](?=\s|$)", body[pos:para_end])
    return pos + m.end() if m else para_end


def extract(body: str, published: date | None = None) -> tuple[list[Quote], list[Fragment]]:
    """Quotations and fragments of an article body (normalised with `text.normalise`)."""
    w = _words()
    paras = paragraphs(body)
    para_of = [(p.start, p.end) for p in paras]
    spans = quote_spans(body)

    def inside(pos: int) -> bool:
        return any(s.open <= pos < s.close for s in spans)

    persons = [
        (m.start, m.entity.name)
        for m in ents.find_mentions(body, published)
        if m.entity.kind == "person" and not inside(m.start)
    ]
    # People the gazetteer does not know, named with their title (`Menteri Perdagangan Budi
    # Santoso`): pronouns may stand for them, and a later `kata Budi` names them in full.
    titled = [m for m in ents.titled_persons(body, published) if not inside(m.start)]
    persons = sorted(persons + [(m.start, m.entity.name) for m in titled])
    known_people = [m.entity.name for m in titled]
    ctx = _Context(body, published, para_of, persons)

    def para_bounds(pos: int) -> tuple[int, int]:
        for a, b in para_of:
            if a <= pos <= b:
                return a, b
        return 0, len(body)

    quotes: list[Quote] = []
    fragments: list[Fragment] = []
    merged_into: dict[int, int] = {}
    for k, span in enumerate(spans):
        if k in merged_into:
            continue
        text = span.text(body).strip()
        if not text:
            continue
        pa, _ = para_bounds(span.open)
        sent_start = _sentence_start(body, pa, span.open, spans)
        pre = body[sent_start : span.open]
        _, pb_close = para_bounds(max(span.close - 1, span.open))
        nxt = spans[k + 1].open if k + 1 < len(spans) else len(body)
        post_end = min(_sentence_end(body, span.close, pb_close), pb_close)
        post = body[span.close : post_end]
        post_to_next = body[span.close : min(nxt, pb_close)]
        pre_clean = pre.strip(" -–—(\t")

        speaker: str | None = None
        verb: str | None = None
        attributed = False
        pre_intro = (
            bool(re.search(r":\s*$", pre))
            or bool(
                re.search(
                    rf"(?<![\w])(?:{w.before_alt}|menurut\s+[^,]+|kata\s+[^,]+)\s*(?:bahwa)?\s*,?\s*$",
                    pre,
                    re.IGNORECASE,
                )
            )
            if pre_clean
            else False
        )

        after = w.after.match(post)
        marker = w.markers.match(post)
        subj_verb = re.match(
            rf"^\s*,?\s*(?P<subj>[^,.\"“”]{{1,60}}?)\s+(?P<verb>{w.before_alt})(?![\w])", post, re.IGNORECASE
        )
        if after:
            verb = after.group("verb").lower()
            attributed = True
            if after.group("nya"):
                speaker = ctx.previous_actor(span.open)
            else:
                phrase, _ = _speaker_phrase(post[after.end() :], w)
                speaker = _resolve_phrase(phrase, span.open, ctx, w) if phrase else ctx.previous_actor(span.open)
        elif marker:
            verb = marker.group("verb").lower()
            phrase, _ = _speaker_phrase(post[marker.end() :], w)
            if phrase:
                attributed = True
                speaker = _resolve_phrase(phrase, span.open, ctx, w)
        elif subj_verb and (
            ents.resolve(subj_verb.group("subj"), published) is not None
            or subj_verb.group("subj").strip().lower() in w.pronouns
            or ents.unknown_name(subj_verb.group("subj"))
        ):
            verb = subj_verb.group("verb").lower()
            attributed = True
            speaker = _resolve_phrase(subj_verb.group("subj"), span.open, ctx, w)

        at_start = not pre_clean
        n_words = len(text.split())
        # Speech: attributed at a sentence start, introduced (`X mengatakan:`), or a whole
        # sentence in quotation marks at a sentence start (the speaker said it just before).
        whole_sentence = bool(re.search(r"[.!?,]$", text)) or not post.strip(" .,")
        is_speech = (at_start and attributed) or (pre_intro and n_words >= 3) or (
            at_start and n_words >= MIN_UNATTRIBUTED_WORDS and whole_sentence)
        if pre_intro and not attributed:
            speaker = _speaker_before(pre, sent_start, ctx, w)
            vm = list(w.before.finditer(pre))
            verb = vm[-1].group("verb").lower() if vm else None
        elif is_speech and not attributed:
            speaker = ctx.previous_actor(span.open)

        if speaker and ents.entity(speaker) is None:
            speaker = ents.full_name(speaker, known_people)
        if not is_speech:
            fragments.append(Fragment(text, _fragment_speaker(pre, sent_start, ctx, w), span.open, span.close))
            continue

        # A quotation split by its attribution: `"A," kata Xi, "B."`
        end = span.close
        if attributed and k + 1 < len(spans):
            gap = body[span.close : spans[k + 1].open]
            if "\n" not in gap and re.search(r",\s*$", gap) and len(gap) < 80:
                text = f"{text} {spans[k + 1].text(body).strip()}"
                merged_into[k + 1] = k
                end = spans[k + 1].close
        source = _cited_source(post_to_next if attributed else post, w) or _cited_source(pre, w)
        quotes.append(Quote(text, speaker, verb, source, span.open, end))
        ctx.quoted.append((span.open, end, speaker))
        # The attribution names the speaker again: later pronouns may point at it.
        if speaker and ents.entity(speaker) is None or (ents.entity(speaker) and ents.entity(speaker).kind == "person"):
            ctx.persons.append((span.close, speaker))
            ctx.persons.sort()
    fragments.extend(_single_quoted(body, spans, ctx, w))
    fragments.sort(key=lambda f: f.start)
    return quotes, fragments


def _fragment_speaker(pre: str, pre_start: int, ctx: _Context, w: _Words) -> str | None:
    """Whose phrase a fragment is, when its sentence names exactly one person before it or
    opens with a pronoun."""
    persons = {m.entity.name for m in ents.find_mentions(pre, ctx.published) if m.entity.kind == "person"}
    if len(persons) == 1:
        return persons.pop()
    words = pre.split()
    if not persons and words and words[0].lower() in w.pronouns:
        return ctx.previous_actor(pre_start)
    return None


def _single_quoted(body: str, spans: list[QuoteSpan], ctx: _Context, w: _Words) -> list[Fragment]:
    """Single-quoted phrases ('teman baik'): always fragments here, never speech."""
    out = []
    for m in re.finditer(r"(?<![\w])['‘]([^'‘’\"\n]{1,80}?)['’](?![\w])", body):
        if any(s.open <= m.start() < s.close for s in spans):
            continue
        pa = body.rfind("\n", 0, m.start()) + 1
        sent_start = _sentence_start(body, pa, m.start(), spans)
        out.append(
            Fragment(
                m.group(1).strip(),
                _fragment_speaker(body[sent_start : m.start()], sent_start, ctx, w),
                m.start(),
                m.end(),
            )
        )
    return out
