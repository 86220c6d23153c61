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

from transforms import entities as ents
from transforms import lexicon
from transforms.text import CLOSE_MARKS, OPEN_MARKS, STRAIGHT, alternation, paragraphs, sentences, word_pattern

# A quotation without attribution counts as speech only when it is at least this long;
# shorter ones at a sentence start are slogans or headings.
MIN_UNATTRIBUTED_WORDS = 4
# The speaker of words credited to an unnamed source, whatever body it is of (`sumber di Kremlin`):
# stored as NULL (GOLD.md), and a -nya right after such words is the same unnamed source.
ANONYMOUS = "\x00anonymous"


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
            if (ch in CLOSE_MARKS or ch == STRAIGHT) and _closes_unopened(body, i, spans):
                # `...di Washington," lanjut X.` with the paragraph's opening mark missing.
                para_start = body.rfind("\n", 0, i) + 1
                spans.append(QuoteSpan(open=para_start, close=i + 1, parts=[(para_start, i)]))
            elif ch in OPEN_MARKS or ch == STRAIGHT or (ch in CLOSE_MARKS and _opens_word(body, i)):
                # (A closing mark before a word at a word's start opens too: `”Kami siap,” kata X`.)
                cur = QuoteSpan(open=i, close=i)
                part_start = i + 1
        elif ch == STRAIGHT and body[cur.open] != STRAIGHT and (inner := _nested_straight(body, i)):
            # `“... ia menjawab "tunggu saja", lalu pergi,” kata X`: straight marks inside curly
            # ones quote within the quotation.
            i = inner
            continue
        elif ch in CLOSE_MARKS or ch == STRAIGHT or ch in OPEN_MARKS:
            # An opening mark after a word closes (`sama,“ kata X`): typed with the wrong mark.
            if ch in OPEN_MARKS and (i == 0 or body[i - 1] in " \n"):
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
            if j < n and _closes_without_opening(body, j):
                # The opening mark of the next paragraph left out: it still ends the quotation
                # (`...terlibat.\n\nSkenario pertama ...," kata X`).
                part_start = j
                i = j
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


def _closes_without_opening(body: str, j: int) -> bool:
    """Whether the paragraph at `j` has no opening mark and its first mark closes a quotation
    credited right after it (`...," kata X`): the rest of a quotation from the paragraph before."""
    end = body.find("\n", j)
    end = len(body) if end < 0 else end
    k = next((x for x in range(j, end) if body[x] in OPEN_MARKS or body[x] in CLOSE_MARKS or body[x] == STRAIGHT),
             None)
    if k is None or body[k] in OPEN_MARKS or k == j or body[k - 1] not in ",.!?":
        return False
    return bool(_words().after.match(body[k + 1:k + 60]))


def _nested_straight(body: str, i: int) -> int:
    """One past the straight mark that closes a quotation opened by the straight mark at `i`
    inside a curly-quoted one: it opens a word, its pair follows in the paragraph, and a curly
    closing mark after the pair still closes the outer quotation. 0 when it is not so nested
    (`“Kami siap," kata X` is a closing mark typed straight)."""
    if not _opens_word(body, i):
        return 0
    end = body.find("\n", i)
    end = len(body) if end < 0 else end
    j = body.find(STRAIGHT, i + 1, end)
    if j < 0 or not any(c in CLOSE_MARKS for c in body[j + 1:end]):
        return 0
    return j + 1


def _opens_word(body: str, i: int) -> bool:
    """Whether the mark at `i` stands before a word, at a paragraph's or a word's start."""
    return (i == 0 or body[i - 1] in " \n(") and i + 1 < len(body) and body[i + 1].isalnum()


def _closes_unopened(body: str, i: int, spans: list[QuoteSpan]) -> bool:
    """Whether the mark at `i` closes a quotation whose opening mark is missing: the words before
    it end a sentence or clause (`,` `.` `!` `?`), a speech verb follows (`," lanjut X`), and no
    quotation was found in its paragraph yet."""
    para_start = body.rfind("\n", 0, i) + 1
    if i - para_start < 20 or body[i - 1] not in ",.!?" or (spans and spans[-1].close > para_start):
        return False
    if any(body[k] in OPEN_MARKS or body[k] == STRAIGHT for k in range(para_start, i)):
        return False
    return bool(_words().after.match(body[i + 1:i + 60]))


# --- word lists ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    after: re.Pattern[str]
    before: re.Pattern[str]
    introducer: re.Pattern[str]
    subject_verb: re.Pattern[str]
    named_by: re.Pattern[str]
    markers: re.Pattern[str]
    back_reference: re.Pattern[str]
    anonymous: re.Pattern[str]
    document: re.Pattern[str]
    body_head: re.Pattern[str]
    title_connectors: set[str]
    title_places: set[str]
    spoken_to: re.Pattern[str]
    named_subject: re.Pattern[str]
    one_word_subject: re.Pattern[str]
    introducer_nya: re.Pattern[str]
    talked_about: re.Pattern[str]
    role_of: re.Pattern[str]
    agent: re.Pattern[str]
    stop: set[str]
    pronouns: set[str]
    source_marker: re.Pattern[str]
    known_sources: re.Pattern[str]
    openers: set[str]
    document_named: re.Pattern[str]
    home_state: str
    address: re.Pattern[str]
    via_spokesperson: re.Pattern[str]
    spokesperson: re.Pattern[str]
    affiliations: set[str]
    aide: re.Pattern[str]
    media_kind: re.Pattern[str]
    bare_verb: re.Pattern[str]
    platforms: re.Pattern[str]
    coordinated_verb: re.Pattern[str]  # `... dan` right before the speech verb
    clause_opener: re.Pattern[str]
    speaks: re.Pattern[str]
    subject_back_reference: re.Pattern[str]
    demonstratives: set[str]
    pronoun_speech: re.Pattern[str]
    published_by: re.Pattern[str]
    shouted: re.Pattern[str]


_alt = alternation


@lexicon.derived
def _words() -> _Words:
    def ws(key: str) -> str:
        return _alt(lexicon.words("speech", key))

    i = re.IGNORECASE
    before = ws("before_quote")
    return _Words(
        # A translation in brackets may stand between (`"We are ready," (Kami siap) kata X`).
        after=re.compile(rf"^[\s,.]*(?:\([^()\n]{{1,300}}\)[\s,.]*)?(?:(?:{ws('after_quote_fillers')})\s+)?(?P<verb>{ws('after_quote')})(?P<nya>nya)?"
                         r"(?![\w])", i),
        before=re.compile(rf"(?<![\w])(?P<verb>{before})(?![\w])", i),
        # `X mengatakan:`, `Menurut X,`, `X mengatakan bahwa`, `X mengatakan kepada Reuters,`
        # `Menurut juru bicara Kemlu, Lin Jian, "..."`: an appositive name may follow the introducer's words.
        # `Menurutnya, "..."`, `Katanya, "..."`: the introducer with -nya stands for the one named before.
        introducer=re.compile(rf"(?<![\w])(?:(?:{before})(?:\s+(?:{ws('verb_adverbs')}))*"
                              rf"(?:\s+(?:{ws('addressees')})\s[^,:\"“”]{{1,50}}?)?|"
                              rf"(?:{ws('introducers')})(?:nya|\s+[^,]+(?:,\s*(?-i:[A-Z])[^,]*)?))\s*[,:]?\s*"
                              rf"(?:(?:{ws('complementisers')}))?\s*,?\s*$", i),
        role_of=re.compile(rf"(?<![\w])(?:{ws('role_markers')})\s+$", i),
        talked_about=re.compile(rf"(?:(?-i:[A-Z])[\w'’-]* ){{1,6}}(?:(?:{ws('talked_about_auxiliaries')}) )*"
                                rf"(?:{ws('talked_about')})(?![\w])", i),
        introducer_nya=re.compile(rf"(?<![\w])(?:{ws('introducers')})nya\s*[,:]?\s*$", i),
        subject_verb=re.compile(rf"^\s*,?\s*(?P<subj>[^,.\"“”]{{1,60}}?)\s+(?P<verb>{before})(?![\w])", i),
        named_by=re.compile(rf"(?<![\w])(?:{ws('introducers')}|{ws('after_quote')})\s+(?P<rest>[^,:]+)[,:]?\s*$", i),
        markers=re.compile(rf"^[\s,.]*(?:(?P<verb>{ws('speaker_markers')})(?![\w])|"
                           rf"(?P<via>{ws('document_markers')})(?=\s+(?:{ws('documents')})(?![\w])))", i),
        back_reference=re.compile(rf"^(?:{ws('back_references')})\b[^.\"“”]{{0,40}}?(?P<verb>{ws('passive_verbs')})"
                                  rf"\s+(?:(?:{ws('agent_markers')})\s+)?(?P<rest>[^.\"“”]{{2,160}})", i),
        anonymous=re.compile(rf"^\s*(?:{ws('anonymous_sources')})(?![\w])", i),
        document=re.compile(rf"^\s*(?:{ws('documents')})(?![\w])", i),
        body_head=re.compile(rf"^\s*(?:{_alt(lexicon.words('titles', 'body_heads'))})(?![\w])", i),
        title_connectors={w.lower() for w in lexicon.words("titles", "connectors")},
        title_places={w.lower() for w in lexicon.words("titles", "place_connectors")},
        spoken_to=re.compile(rf"(?<![\w])(?:{ws('spoken_to')})\s+$", i),
        agent=re.compile(rf"(?<![\w])(?:{ws('agent_markers')})\s+", i),
        one_word_subject=re.compile(rf"(?:^|(?<=[.,]\s)|(?<=\n))(?P<name>[A-Z][\w'’-]+)"
                                    rf"\s+(?:(?i:{ws('verb_particles')})\s+)?(?i:{before})(?![\w])", re.MULTILINE),
        named_subject=re.compile(rf"(?:^|(?<=[.,]\s)|(?<=\n))(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}})"
                                 rf"\s+(?:(?i:{ws('verb_particles')})\s+)?(?i:{before})(?![\w])", re.MULTILINE),
        stop={w.lower() for w in lexicon.words("speech", "speaker_stop_words")}
        | set(lexicon.mapping("dates", "weekdays")),
        pronouns={w.lower() for w in lexicon.words("speech", "pronouns")},
        source_marker=re.compile(rf"(?<![\w])(?:{ws('cited_source_markers')})\s*(?:(?:{ws('source_prepositions')})\s+)?"
                                 rf"(?:(?:{ws('cited_source_kinds')})\s+)?", i),
        known_sources=word_pattern(lexicon.words("speech", "cited_sources"), ignore_case=False),
        openers={w.lower() for w in lexicon.words("speech", "sentence_openers")},
        document_named=re.compile(rf"(?<![\w])(?:{ws('documents')})\s+(?:resmi\s+)?(?P<author>[A-Z][^,.;:\"“”\n]{{1,60}})"),
        home_state=lexicon.words("speech", "home_state")[0],
        # `Bapak Presiden`: a word of address and the capitalised title or name after it.
        # A sentence whose subject is a pronoun (`Menurut dia, ...`, `Namun, ia mengaku ...`): the
        # same person goes on, whoever the sentence names (one list with the events extractor's).
        pronoun_speech=re.compile(rf"\s*(?:(?:{ws('sentence_openers')})\s*,?\s+)?"
                                  rf"(?:(?:{ws('introducers')})(?:\s+(?:{ws('pronouns')})|nya)(?![\w])|"
                                  rf"(?:{_alt(lexicon.words('events', 'subject_pronouns'))})\s+\w)", i),
        demonstratives={x.lower() for x in lexicon.words("speech", "demonstratives")},
        subject_back_reference=re.compile(rf"^\s*(?P<subj>[^,.\"“”]{{1,80}}?)\s+(?:(?:{ws('verb_particles')})\s+)?"
                                          rf"(?P<verb>{before})\s+(?:{ws('back_references')})(?![\w])", i),
        speaks=re.compile(rf"\s+(?:(?:{ws('verb_particles')})\s+)?(?:{before})(?![\w])", i),
        clause_opener=re.compile(rf"\s*(?:[,:]|(?:{ws('complementisers')})(?![\w])|"
                                 rf"(?:{ws('reported_contents')})(?:nya)?(?![\w]))", i),
        coordinated_verb=re.compile(r"\s(?:dan|lalu|kemudian|sambil)\s*$", i),
        platforms=word_pattern(lexicon.words("speech", "platforms"), ignore_case=False),
        via_spokesperson=re.compile(rf"(?<![\w])(?:{ws('spokesperson_links')})\s+", i),
        affiliations={x.lower() for x in lexicon.words("speech", "affiliations")},
        # `televisi China`, `televisi pemerintah China`: a medium in lower case, a word or two, a name.
        media_kind=re.compile(rf"^\s*(?:{ws('cited_source_kinds')})\s+(?:[a-z]+\s+){{0,2}}(?=[A-Z])"),
        bare_verb=re.compile(rf"(?<![\w])(?P<verb>{ws('bare_verbs')})\s*[,:]?\s*$", i),
        aide=re.compile(rf"^\s*(?:{ws('spokespersons')}|{ws('aides')})(?![\w])", i),
        spokesperson=re.compile(rf"(?:{ws('spokespersons')})(?:nya)?(?![\w])", i),
        address=re.compile(rf"(?<![\w])(?i:{_alt(lexicon.words('titles', 'address_forms'))})\s+([A-Z][\w-]+)"),
        published_by=re.compile(rf"^\s*yang\s+(?:{ws('passive_verbs')})(?:\s+(?:{ws('agent_markers')}))?\s+", i),
        # `diteriaki "A" dan "B"`, `meneriakkan kepada Menteri "A"`: a shouting verb, at most three
        # words (its object), and the quotation, or an earlier quotation of the same verb chained to it.
        shouted=re.compile(rf"(?<![\w])(?:(?P<passive>{ws('shouted_passive')})|(?P<active>{ws('shouted_active')}))"
                           r"(?![\w])(?:\s+[^\s,.:;!?\"“”]+){0,3}\s*[,:]?\s*"
                           rf"(?:[\"“][^\"“”\n]*[\"”]\s*,?\s*(?:(?:{ws('quote_chain')})\s+)?)*$", i),
    )


def _through_spokesperson(clause: str, ctx: _Context, w: _Words) -> str | None:
    """The person a body spoke through, when the clause says so (`Kemlu China melalui juru
    bicaranya, Lin Jian`, `Istana melalui Mensesneg X`): GOLD credits a named spokesperson's words
    to the person, not the body. None when the clause names no such person."""
    # `melalui` also goes before a channel (`melalui telepon`, `melalui akun X`): a title must follow.
    for link in w.via_spokesperson.finditer(clause):
        # `lewat pernyataan juru bicara X`: a document word may stand between.
        doc = w.document.match(clause[link.end():])
        at = link.end() + (doc.end() if doc else 0)
        at += len(clause[at:]) - len(clause[at:].lstrip())
        if w.spokesperson.match(clause, at) or ents.is_title(clause[at:]):
            break
    else:
        return None
    phrase = _speaker_phrase(clause[at:], w)[0]
    known = ents.resolve(phrase, ctx.published)
    if known is not None and known.kind == "person":
        return known.name
    # A name the gazetteer does not know; not a body's name (`juru bicara Kemlu` names no one).
    name = ents.unknown_name(phrase)
    if name and ents.resolve(name, ctx.published) is None and not w.body_head.match(name):
        return name
    return None


def _clause(text: str) -> str:
    """`text` up to the end of its sentence (a full stop before a space or the end)."""
    m = re.search(r"[.!?](?=\s|$)|[\"“”\n]", text)
    return text[:m.start()] if m else text


def _anonymous(phrase: str, w: _Words) -> bool:
    """Whether a speaker phrase names nobody (`seorang sumber di pemerintahan`)."""
    return bool(w.anonymous.match(phrase))


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

    def previous_actor(self, pos: int, exclude: frozenset[str] = frozenset()) -> str | None:
        """Who a pronoun at `pos` stands for: the speaker of the last quotation when no
        sentence naming someone came after it or when the text named that speaker again since,
        else the first person named in the closest sentence before (its subject, as a rule).
        People in `exclude` (those the quotation itself talks about) are passed over."""
        last_quote = next(((a, b, s) for a, b, s in reversed(self.quoted)
                           if a < pos and s and s not in exclude and s != ANONYMOUS), None)
        # `Putin telah diundang ...` after someone's quotation: the one talked about is not who a
        # -nya stands for, the one speaking is. (With no quotation before, no one else speaks.)
        spoken = any(a < pos and s for a, _, s in self.quoted)
        before = [(p, name) for p, name in self.persons if p < pos and name not in exclude
                  and not (spoken and _words().talked_about.match(self.body, p))]
        if not before:
            return last_quote[2] if last_quote else None
        last_pos = before[-1][0]
        sent_start = last_pos
        for sent in sentences(self.body, max(0, last_pos - 400), min(len(self.body), last_pos + 400)):
            if sent.start <= last_pos < sent.end + 1:
                sent_start = sent.start
                break
        # Named again after the sentence that credits the last quotation (not in its `kata X`).
        again = _sentence_end(self.body, last_quote[1], len(self.body)) if last_quote else len(self.body)
        subject = self._subject(sent_start, before)
        if last_quote and any(p >= again and name == last_quote[2] for p, name in before) \
                and subject in (None, last_quote[2]):
            # `Meski demikian, Roy tidak bisa ...` between two of Roy's quotes: still Roy. But not
            # when the closest sentence opens with someone else (`Sementara, Putin memuji X di
            # depan Roy.`): that subject speaks next.
            return last_quote[2]
        if last_quote and last_quote[1] >= sent_start:
            return last_quote[2]
        pronoun_subject = bool(_words().pronoun_speech.match(self.body, sent_start, last_pos))
        if last_quote and (pronoun_subject or _bare_title_subject(self.body[sent_start:last_pos], self.published)):
            # `Menurut dia, Presiden X akan ...`, `Kepala Negara lalu menyinggung X`: the speaker
            # goes on talking about X.
            return last_quote[2]
        if pronoun_subject:
            # `Dia menyebut itu prioritasnya setelah menjabat Presiden RI.`: the sentence's subject
            # is a pronoun, so the people it names are not who a later -nya stands for; the
            # pronoun's own antecedent, named before, is.
            earlier = self.previous_actor(sent_start, exclude)
            if earlier:
                return earlier
        first = [name for p, name in before if p >= sent_start]
        # `Menanggapi kunjungan Prabowo, Ketua Komisi XI DPR, X, mengatakan ...`: the one a speech
        # verb follows is the subject, not a person named in a phrase before it.
        speaking = [name for p, name in before if p >= sent_start and _speaks_after(self.body, p)]
        if speaking:
            return speaking[0]
        return first[0] if first else before[-1][1]

    def _subject(self, sent_start: int, before: list[tuple[int, str]]) -> str | None:
        """The person a sentence opens with (`Sementara, Putin memuji ...`): named before any
        word other than a sentence opener. None when the sentence opens otherwise."""
        w = _words()
        for p, name in before:
            if p < sent_start:
                continue
            lead = re.findall(r"[\w-]+", self.body[sent_start:p].lower())
            return name if all(t in w.openers or t in w.demonstratives for t in lead) else None
        return None


def _speaks_after(body: str, pos: int) -> bool:
    """Whether the name at `pos` is the subject of a speech verb (`Budi Santoso mengatakan`,
    `Ketua Komisi, Budi Santoso, menegaskan`): its capitalised words, a comma, then the verb. A name
    inside a relative clause is none (`Harris, yang mewakili Presiden Biden, mengumumkan`)."""
    clause = body[max(body.rfind(",", 0, pos), body.rfind("\n", 0, pos)) + 1:pos]
    if re.search(r"(?<![\w])yang(?![\w])", clause, re.IGNORECASE):
        return False
    run = re.match(r"(?:[A-Z][\w'’.-]*\s*){1,6}", body[pos:pos + 200])
    if not run:
        return False
    at = pos + len(run.group().rstrip())
    if body.startswith(",", at):
        at += 1
    return bool(_words().speaks.match(body, at))


def _bare_title_subject(text: str, published: date | None) -> bool:
    """Whether a sentence opens with a title that names nobody by itself (`Kepala Negara juga ...`,
    `Sang Presiden lalu ...`): such a subject stands for the person being quoted."""
    w = _words()
    words = text.split()
    while words and words[0].lower().strip(",") in w.openers:
        words = words[1:]
    subject: list[str] = []
    for word in words:
        if not word[:1].isupper():
            break
        subject.append(word)
    phrase = " ".join(subject).strip(" ,")
    if not phrase or not ents.is_title(phrase) or len(subject) == len(words):
        return False
    e = ents.resolve(phrase, published)
    return (e is None or e.kind != "person") and ents.unknown_name(phrase) is None


def _speaker_phrase(rest: str, w: _Words) -> tuple[str, str]:
    """The words naming the speaker at the start of `rest` (after a verb), and the text after
    them. An appositive after a comma (`kata juru bicara itu, Mao Ning,`) is kept."""
    # A bracketed acronym inside a description (`Center of Reform on Economics (CORE)`) is no end.
    rest = re.sub(r"\s*\([^()\n]{0,40}\)", "", rest)
    m = re.match(r"\s*([^,.;:!?()\"“”\n]*)", _mask_abbreviations(rest))
    raw = m.group(1).replace(_ABBREVIATION_DOT, ".") if m else ""
    kept: list[str] = []
    toks = raw.split()
    skip = title_from = 0
    skipped = 0  # words of a post's city passed over
    for j, t in enumerate(toks):
        if skip:
            skip -= 1
            continue
        # `Deputi G20 yang juga Direktur Eksekutif Bank Dunia Wempi Saputra`: a second title, then the name.
        if t.lower() == "yang" and j + 2 < len(toks) and toks[j + 1].lower() in ("juga", "sekaligus") \
                and toks[j + 2][:1].isupper():
            skip, title_from = 1, len(kept)
            continue
        # A connector inside a long title goes on (`Direktur Jenderal Asia Pasifik dan Afrika ...`).
        in_title = t.lower() in w.title_connectors and kept and ents.is_title(" ".join(kept[title_from:])) \
            and j + 1 < len(toks) and toks[j + 1][:1].isupper()
        posted = _post_city(toks, j, kept[title_from:], w) if not in_title else 0
        if posted:
            # `Duta Besar RI di New Delhi Ina Krisnamurthi`: the city of the post, then the name.
            skip = posted
            skipped += posted + 1
            continue
        # `kata pengamat dari Universitas X Budi Hartono`: a description in lower case, where the
        # person is from, then the name with no comma before it; read as the appositive it stands for.
        if t.lower() in w.affiliations and kept and kept[0][:1].islower() \
                and any(ents.is_title(" ".join(kept[i:])) for i in range(min(2, len(kept)))) \
                and (named := _affiliated_name(toks[j + 1:], w)):
            return f"{' '.join(kept)}, {named}", rest[m.end():] if m else rest
        if t.lower().strip("'’") in w.stop and not in_title:
            break
        kept.append(t)
    phrase = " ".join(kept)
    tail = rest[m.end() :] if m else rest
    complete = len(kept) + skipped == len(raw.split())
    listed = _TITLE_LIST.match(tail) if complete and phrase and ents.is_title(phrase) else None
    if listed:
        # `Deputi Bidang Protokol, Pers, dan Media Sekretariat Presiden, X`: a list inside the title
        # (its last item after `dan`) goes on with the title; the name comes after it.
        phrase = f"{phrase}{listed.group().rstrip()}"
        tail = tail[listed.end():]
    appositive = re.compile(r"\s*,\s*((?:[A-Z][\w'’.-]*\s*){1,6})")
    app = appositive.match(tail)
    while app and _is_place(app.group(1)) and (further := appositive.match(tail, app.end())):
        # `analis yang berbasis di Moskow, Rusia, Budi Hartono`: a country after a comma goes on
        # describing where; the name comes after it.
        app = further
    # The name ends at a comma, a full stop, the end, or a word that ends a speaker phrase
    # (`pejabat bea cukai China, Li Wei dikutip Reuters`).
    after_app = tail[app.end():] if app else ""
    ends = not after_app.strip() or after_app[:1] in ",." or after_app.split()[0].lower().strip(",.") in w.stop
    # A description cut short names no one (`seorang analis di Lembaga X, Budi Hartono,`): the
    # name after it does, when it is two words or more.
    described = not complete and not re.search(r"[A-Z]", phrase) and app is not None \
        and _looks_like_a_name(app.group(1).strip())
    if phrase and (complete or described) and app and ends \
            and app.group(1).split()[0].lower().strip("'’.") not in w.stop:
        # A full stop after a whole word ends the sentence, not an initial (`Budi S.`).
        name = re.sub(r"(?<=[^\W\d]{2})\.$", "", app.group(1).strip())
        phrase = f"{phrase}, {name}"
    return phrase, tail


# `, Pers, dan Media Sekretariat Presiden`: capitalised items of a list, then `dan`/`serta` and the
# last item, up to the comma before the name.
_TITLE_LIST = re.compile(r"(?:\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})+,?\s+(?:dan|serta|&)\s+"
                         r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5}(?=\s*,)")


def _affiliated_name(toks: list[str], w: _Words) -> str | None:
    """The person named at the end of where a described speaker is from (`Universitas Indonesia
    Budi Hartono`, `CSIS Andi Widjajanto`): the capitalised run that ends the words, after its last
    title word, acronym or known body, state or place that leaves two words or more; with none of
    those, its last two words of four or more (`Institute for Trade Studies Budi Hartono`). None when
    nothing is left but such words (`Universitas Indonesia`, `Universitas Gadjah Mada`)."""
    words: list[str] = []
    for t in toks:
        if t.lower() in w.stop:
            break
        words.append(t)
    run: list[str] = []
    for t in reversed(words):
        if not re.fullmatch(r"[A-Z][\w'’-]*", t):
            break
        run.insert(0, t)
    text = " ".join(run)
    known_ends = {len(text[:m.end].split()) for m in ents.find_mentions(text) if m.entity.kind != "person"}
    marks = [i + 1 for i, t in enumerate(run) if ents.is_title(t) or t.isupper() and 2 <= len(t) <= 6
             or i + 1 in known_ends]
    cut = max((k for k in marks if len(run) - k >= 2), default=None)
    # Without such a word the body's name may take any length (`Universitas Gadjah Mada` is a body
    # alone): a name is read only from a run long enough to hold a body's word or two and a name.
    name = run[cut:] if cut is not None else run[-2:] if len(run) >= 4 else []
    if len(name) < 2 or (cut is None and marks and max(marks) > len(run) - 2):
        return None
    found = ents.resolve(" ".join(name))
    return " ".join(name) if found is None or found.kind == "person" else None


def _is_place(name: str) -> bool:
    """Whether capitalised words name a place or a state of the gazetteer (`Rusia`, `Moskow`)."""
    e = ents.resolve(name.strip())
    return e is not None and e.kind in ("place", "state")


def _post_city(toks: list[str], j: int, title: list[str], w: _Words) -> int:
    """How many words after `toks[j]` (a `di` inside a title) name the city of a post, when a
    name follows them (`Duta Besar RI di New Delhi Ina Krisnamurthi`); 0 when the title does not
    go on so (`kata Presiden di Istana`, `kata Xi di Beijing`)."""
    if toks[j].lower() not in w.title_places or not title or j + 1 >= len(toks):
        return 0
    phrase = " ".join(title)
    if not ents.is_title(phrase) or (e := ents.resolve(phrase)) is not None and e.kind == "person":
        return 0
    after = " ".join(toks[j + 1:])
    place = next((m for m in ents.find_mentions(after) if m.start == 0 and m.entity.kind == "place"), None)
    if place is None:
        return 0
    n = len(after[:place.end].split())
    rest = toks[j + 1 + n:]
    # The city may also end the words before a comma, the name after it (`Atase Perdagangan KBRI
    # di Beijing, Marina Novira Anggraini`): the caller's appositive takes that name.
    return n if not rest or _looks_like_a_name(rest[0]) and ents.resolve(rest[0]) is None else 0


def _looks_like_a_name(text: str) -> bool:
    """Capitalised words that may be a person's name: two to four (`Budi Hartono`), or one that is
    not an acronym (`Pratikno`, not `AFP`); places and bodies are ruled out by the caller's look-up."""
    words = text.split()
    if not re.fullmatch(r"(?:[A-Z][\w'’.-]*\s*){1,4}", text):
        return False
    return len(words) >= 2 or (len(text) >= 3 and not text.isupper())


def _appositive_person(phrase: str, published: date | None) -> str | None:
    """The name after an unnamed description (`seorang analis, Budi Hartono`), when it is a
    person's (known, or unknown to the gazetteer), else None."""
    head, _, tail = phrase.rpartition(",")
    name = tail.strip()
    if not head or not _looks_like_a_name(name):
        return None
    e = ents.resolve(name, published)
    if e is None:
        return name
    return e.name if e.kind == "person" else None


def _resolve_phrase(phrase: str, pos: int, ctx: _Context, w: _Words) -> str | None:
    """The speaker a phrase names; a body as the phrase writes it (GOLD.md: `Kemlu RI` stays
    `Kemlu RI`, not the gazetteer's `Kementerian Luar Negeri RI`)."""
    if re.fullmatch(r"@[\w.]{2,}", phrase.strip()):
        # A social media account (`kata @warganet`) speaks under its handle.
        return phrase.strip()
    name = _resolve_canonical(phrase, pos, ctx, w)
    return _as_written(name, phrase, ctx.published) if name else name


def _as_written(name: str, phrase: str, published: date | None) -> str:
    e = ents.resolve(name, published)
    if e is None or e.kind != "org" or e.name != name:
        return name
    for alias in sorted(e.aliases, key=len, reverse=True):
        m = re.search(rf"(?<![\w]){re.escape(alias)}(?![\w])", phrase, re.IGNORECASE)
        if m:
            return m.group()
    return name


def _resolve_canonical(phrase: str, pos: int, ctx: _Context, w: _Words) -> str | None:
    phrase = phrase.strip()
    if not phrase:
        return None
    first = phrase.split()[0].lower()
    if first in w.pronouns:
        return ctx.previous_actor(pos)
    handle = re.search(r"(?<![\w@])@\w{2,}", phrase)
    if handle and first == "akun":
        # `tulis akun Twitter @mfa_russia`: the account speaks, by its handle.
        return handle.group()
    if _anonymous(phrase, w):
        return _appositive_person(phrase, ctx.published) or ANONYMOUS
    doc = w.document.match(phrase)
    if doc:
        # A document speaks for its author: the body or person named after it.
        rest = phrase[doc.end():]
        # `keterangan tertulis dari Kepresidenan Rusia`: the author after `dari` too.
        prepositions = _alt(lexicon.words("speech", "source_prepositions"))
        rest = re.sub(rf"^\s*(?:{prepositions})\s+", " ", rest, flags=re.IGNORECASE)
        # `laporan yang dirilis kantor berita X`: who put the document out follows its verb.
        rest = w.published_by.sub(" ", rest)
        by = w.agent.search(rest)
        named = _speaker_phrase(rest[by.end():] if by else rest, w)[0]
        head, comma, app = named.rpartition(",")
        if comma and head.strip() and re.fullmatch(r"(?:[A-Z][\w'’.&-]*\s*){1,4}", app.strip()) \
                and not _is_place(app):
            # `kantor berita China, Xinhua`: the name (or acronym) after the description is the author.
            known = ents.resolve(app.strip(), ctx.published)
            return known.name if known is not None else app.strip()
        author = ents.resolve(named, ctx.published)
        run = re.search(r"(?<![\w])((?:[A-Z][\w'’.-]*\s*){1,4})", named)
        if author is not None and author.kind in ("person", "org") or author is not None and not run:
            return author.name
        media = w.media_kind.match(named)
        if media and run and author is not None and author.kind == "state":
            # `laporan televisi China`: a state's medium, written as the text names it, not the state.
            return f"{media.group().strip()} {run.group(1).strip()}"
        # A body the gazetteer does not know, as written (`Kementerian Perdagangan China`).
        if run:
            return run.group(1).strip()
        # `keterangan resmi yang dimuat di akun Telegram Kedutaan Besar X`: the author named later
        # in the clause, past where it was posted.
        posted = _posted_by(rest, ctx, w)
        if posted:
            return posted
        # `ungkap laporan tersebut`: the author named where the text first brought the document up.
        earlier = [m for m in w.document_named.finditer(ctx.body, 0, pos)]
        for m in reversed(earlier):
            author = ents.resolve(m.group("author"), ctx.published)
            if author is not None and author.kind in ("person", "org"):
                return author.name
        if any(t.lower() in w.demonstratives for t in phrase.split()):
            # `"...," bunyi pernyataan itu`: the statement quoted last, whoever the text named since.
            said = next((s for _, _, s in reversed(ctx.quoted) if s), None)
            if said:
                return said
        return ctx.previous_actor(pos)
    e = ents.resolve(phrase, ctx.published)
    if e is not None and e.kind == "person":
        return _aide(phrase, ctx, w) or _other_person(phrase, ctx, w) or e.name
    if e is None and (spoken_for := _spokesperson_of(phrase, pos, ctx, w)):
        return spoken_for
    if phrase.split()[-1].lower() in w.demonstratives and not w.body_head.match(phrase):
        # An epithet (`Presiden ke-7 RI itu`, `politikus Partai Buruh itu`) points back at someone
        # already named, not at the state or party it mentions.
        return ctx.previous_actor(pos)
    body = w.body_head.match(phrase)
    if body and (e is None or e.kind == "state"):
        # A body the gazetteer does not know speaks as written (`Kementerian Perdagangan China`).
        run = re.match(r"((?:[A-Z][\w'’.-]*\s*){1,5})", phrase)
        if run:
            return run.group(1).strip()
        state = next((m for m in ents.find_mentions(phrase, ctx.published) if m.entity.kind == "state"), None)
        if e is not None and state is not None and phrase[:1].islower() and len(phrase[:state.start].split()) <= 4:
            named = re.fullmatch(r"\s*((?:[A-Z][\w'’.&-]*\s*){1,4})", phrase[state.end:])
            if named and not _is_place(named.group(1)):
                # `kantor berita negara Rusia RIA Novosti`: the body's own name after the description.
                known = ents.resolve(named.group(1).strip(), ctx.published)
                return known.name if known is not None else named.group(1).strip()
            # `kata kementerian Rusia`, `kata pemerintah China`: the body in lower case, as written.
            return phrase[:state.end]
    name = ents.unknown_name(phrase)
    tail = re.search(r"(?<![\w'’-])((?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]*)$", phrase)
    if e is not None and e.kind in ("org", "state") and tail and ents.resolve(tail.group(1), ctx.published) is None \
            and not ents.is_title(tail.group(1)) and not any(ents.is_title(t) for t in tail.group(1).split()):
        # A long description ending in a name the gazetteer does not know (`Deputi Jalur Keuangan
        # G20 yang juga Direktur Eksekutif Bank Dunia Wempi Saputra`): the name, not the body.
        return tail.group(1)
    if e is not None and e.kind == "org":
        # `juru bicara Kemlu China Guo Jiakun`: the named spokesperson, not the body.
        return name if name and len(name.split()) >= 2 and ents.resolve(name, ctx.published) is None else e.name
    if name:
        return name
    if e is not None:
        return e.name
    holder = _holder_of_bare_title(phrase, ctx, w)
    if holder:
        return holder
    # A role without a name (`sang Kepala Negara`): whoever was speaking.
    return ctx.previous_actor(pos)


def _spokesperson_of(phrase: str, pos: int, ctx: _Context, w: _Words) -> str | None:
    """Whose words a bare `kata juru bicara (itu)` gives: the body or person named with that word
    earlier in the text (`menurut juru bicara Kementerian Luar Negeri China pada Minggu`), as
    written there (GOLD.md: an unnamed spokesperson's words are the body's). None when the text
    named none, or only another bare one."""
    head = w.spokesperson.match(phrase)
    if head is None or any(t.lower() not in w.demonstratives for t in phrase[head.end():].split()):
        return None
    for earlier in reversed(list(w.spokesperson.finditer(ctx.body, 0, pos))):
        named = _speaker_phrase(ctx.body[earlier.end():], w)[0].strip()
        if named[:1].isupper():
            return _resolve_phrase(named, earlier.start(), ctx, w)
    return None


def _aide(phrase: str, ctx: _Context, w: _Words) -> str | None:
    """The person named after the one an aide serves (`Juru Bicara Presiden Prabowo, Prasetyo
    Hadi`, `Penasihat Putin Yuri Ushakov`): a spokesperson's or aide's title opens the phrase, a
    person follows it, and a name after that is the speaker. None when no name follows."""
    if not w.aide.match(phrase):
        return None
    persons = [m for m in ents.find_mentions(phrase, ctx.published) if m.entity.kind == "person"]
    if not persons:
        return None
    rest = phrase[persons[0].end:].strip(" ,")
    later = [m for m in persons[1:] if m.start >= persons[0].end]
    if later:
        return later[0].entity.name
    name = ents.unknown_name(rest) if rest else None
    return name if name and _looks_like_a_name(name) and ents.resolve(name, ctx.published) is None else None


def _other_person(phrase: str, ctx: _Context, w: _Words) -> str | None:
    """A name the gazetteer does not know that holds a known person's one-word alias (`Kepala
    Bapanas Arief Prasetyo Adi` holds `Prasetyo`, another man's): the whole name, when every other
    word of it is a plain capitalised word (no title, body or known name), else None."""
    name = ents.unknown_name(phrase)
    if not name or len(name.split()) < 3:
        return None
    mentions = ents.find_mentions(name, ctx.published)
    if len(mentions) != 1 or " " in mentions[0].text or mentions[0].entity.kind != "person" \
            or " " not in mentions[0].entity.name:
        return None
    others = (name[:mentions[0].start] + " " + name[mentions[0].end:]).split()
    if not others or any(not re.fullmatch(r"[A-Z][a-z][\w'’-]*", t) or ents.is_title(t)
                         or w.body_head.match(t) for t in others):
        return None
    return name


def _posted_by(rest: str, ctx: _Context, w: _Words) -> str | None:
    """The body or person named in the clause after a document word, platform names passed over
    (`yang diunggah di akun Instagram Kementerian X`); a body's name may go on with `di` and a
    place (`Kedutaan Besar Rusia di Indonesia`)."""
    clause = re.split(r"[,;:.\"“”\n]", rest, maxsplit=1)[0]
    clause = w.platforms.sub(lambda m: " " * len(m.group()), clause)
    name = r"[A-Z][\w'’.-]*"
    run = re.search(rf"(?<![\w]){name}(?:\s+{name})*", clause)
    if not run:
        return None
    found = run.group()
    if w.body_head.match(found):
        more = re.match(rf"\s+di\s+{name}(?:\s+{name})*", clause[run.end():])
        found += more.group() if more else ""
    e = ents.resolve(found, ctx.published)
    if e is not None and e.kind in ("person", "org"):
        return e.name
    return found.strip()


def _holder_of_bare_title(phrase: str, ctx: _Context, w: _Words) -> str | None:
    """Who a title without its country stands for (`cuit Menlu`): the one person of the article
    holding such a title, or, when several do, the one of the home state (newsrooms leave the
    country out for their own ministers)."""
    head = phrase.strip().lower()
    holders: list[ents.Entity] = []
    for _, name in ctx.persons:
        e = ents.entity(name)
        if e is not None and e not in holders and any(
                t.text.lower().startswith(head + " ") and (ctx.published is None or t.holds_on(ctx.published))
                for t in e.titles):
            holders.append(e)
    if len(holders) > 1:
        holders = [e for e in holders if e.state == w.home_state]
    return holders[0].name if len(holders) == 1 else None


def _speaker_before(pre: str, pre_start: int, ctx: _Context, w: _Words) -> str | None:
    """The speaker named in an introduction before a quotation (`Putin mengatakan:`)."""
    spokesperson = _through_spokesperson(pre, ctx, w)
    if spokesperson:
        return spokesperson
    if w.introducer_nya.search(pre):
        # `Menurutnya, "..."`: -nya stands for the one named before.
        return ctx.previous_actor(pre_start)
    marker = w.named_by.search(pre)
    if marker:
        return _resolve_phrase(_speaker_phrase(marker.group("rest"), w)[0], pre_start, ctx, w)
    verbs = list(w.before.finditer(pre))
    cut = verbs[-1].start() if verbs else len(pre)
    if _anonymous(pre[:cut], w):
        phrase = pre[:cut].strip(" ,")
        return _appositive_person(phrase, ctx.published) or ANONYMOUS
    if w.document.match(pre[:cut]):
        # `Laporan dari Reuters pada Senin menyebutkan, "..."`: a document speaks for its author.
        return _resolve_phrase(pre[:cut].strip(" ,"), pre_start, ctx, w)
    mentions = [m for m in ents.find_mentions(pre, ctx.published) if m.entity.kind in ("person", "org")]
    # `Putin, yang bertemu Xi kemarin, mengatakan`: people inside a relative clause or brackets
    # are not the subject.
    aside = [(a.start(), a.end()) for a in re.finditer(r",\s*yang\s[^,]*,|\([^()]*\)", pre[:cut])]
    # `Xi ke Putin: "..."`: the person spoken to is not the speaker.
    subject = [m for m in mentions if m.start < cut and not any(a <= m.start < b for a, b in aside)
               and not (m.entity.kind == "person" and w.spoken_to.search(pre, 0, m.start))]
    if subject:
        persons = [m for m in subject if m.entity.kind == "person"]
        if not persons:
            # `Direktur Jenderal Kerja Sama ASEAN Budi Hartono mengatakan`: the body is part of a
            # title, and the person the gazetteer does not know holds it.
            titled = [m for m in ents.titled_persons(pre[:cut], ctx.published) if m.start > subject[-1].start
                      and not any(a <= m.start < b for a, b in aside)]
            if titled:
                return titled[-1].entity.name
        if persons and len(persons) > 1 and w.coordinated_verb.search(pre[:cut]):
            # `Xi menjabat tangan Putin dan berkata:`: the verb goes on the clause's subject, not
            # the person the first verb acted on.
            return persons[0].entity.name
        if persons:
            # `Arief Prasetyo Adi mengatakan`: a one-word alias inside someone else's name.
            return _other_person(pre[persons[-1].start:cut].strip(" ,"), ctx, w) \
                or _other_person(pre[:cut].strip(" ,"), ctx, w) or persons[-1].entity.name
        return subject[-1].entity.name
    head = pre[:cut].strip(" ,")
    words = head.split()
    if words and words[-1].lower() in w.pronouns or (words and words[0].lower() in w.pronouns):
        return ctx.previous_actor(pre_start)
    if words and words[-1].lower() in w.demonstratives:
        # `Dalam telegramnya kepada X, kepala negara Rusia tersebut mengatakan`: an epithet points
        # back at someone named before the sentence, not at the person spoken to.
        return ctx.previous_actor(pre_start)
    tail_name = re.search(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*,?\s*$", head)
    if tail_name:
        name = ents.unknown_name(tail_name.group(1))
        if name:
            return name
    not_addressed = [m for m in mentions if not (m.entity.kind == "person" and w.spoken_to.search(pre, 0, m.start))]
    if not_addressed:
        return not_addressed[0].entity.name
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
        if name.split()[0].lower() not in lexicon.mapping("dates", "weekdays"):
            return name
    return None


# --- the extractor -----------------------------------------------------------------------


def _sentence_start(body: str, para_start: int, pos: int, spans: list[QuoteSpan]) -> int:
    """Where the sentence holding offset `pos` starts (full stops inside quotes do not count)."""
    start = para_start
    for m in re.finditer(r"[.!?][\"”’)]*\s+", body[para_start:pos]):
        at = para_start + m.start()
        # A quoted sentence that the quotation closes on (`menyebutkan, "... Rusia." Dalam ...`)
        # ends the sentence around it too.
        closes = at + len(m.group().rstrip())
        if any(s.open < at < s.close and s.close != closes for s in spans):
            continue
        start = para_start + m.end()
    return start


def _sentence_end(body: str, pos: int, para_end: int) -> int:
    m = re.search(r"[.!?](?=\s|$)", _mask_abbreviations(body[pos:para_end]))
    return pos + m.end() if m else para_end


# What stands for a full stop that ends no sentence: one character, so offsets stay.
_ABBREVIATION_DOT = "\u2024"


@lexicon.derived
def _abbreviation_dots() -> re.Pattern[str]:
    # `Didik J. Rachbini` (an initial), `Prof. Dr. Budi` (an honorific written short): a full stop
    # before a capitalised word that ends no sentence.
    short = [h for h in ents.honorifics() if " " not in h and len(h) <= 4]
    return re.compile(rf"(?P<word>(?<=[\s.(])[A-Z]|(?<![\w])(?i:{_alt(short)}))\.(?=\s?[A-Z])")


def _mask_abbreviations(text: str) -> str:
    """`text` with the full stops of initials and short honorifics replaced by one other character."""
    return _abbreviation_dots().sub(lambda m: m.group("word") + _ABBREVIATION_DOT, text)


@dataclass(frozen=True)
class Frame:
    """A quoted span in its sentence: the words before it (`pre`, from the sentence start), the
    words after it to the sentence end (`post`) or to the next quotation (`post_to_next`), and the
    next sentence (`next_sentence`, for a back-reference such as `Hal itu disampaikan ...`)."""

    span: QuoteSpan
    text: str
    sent_start: int
    pre: str
    post: str
    post_to_next: str
    next_sentence: str

    @property
    def at_start(self) -> bool:
        return not self.pre.strip(" -–—(\t")


def frames(body: str, spans: list[QuoteSpan] | None = None) -> list[Frame]:
    """Step 1, find spans: every double-quoted span of the body with its surroundings."""
    spans = quote_spans(body) if spans is None else spans
    paras = [(p.start, p.end) for p in paragraphs(body)]

    def bounds(pos: int) -> tuple[int, int]:
        return next(((a, b) for a, b in paras if a <= pos <= b), (0, len(body)))

    out = []
    for k, span in enumerate(spans):
        pa, _ = bounds(span.open)
        sent_start = _sentence_start(body, pa, span.open, spans)
        _, pb = bounds(max(span.close - 1, span.open))
        nxt = spans[k + 1].open if k + 1 < len(spans) else len(body)
        post_end = min(_sentence_end(body, span.close, pb), pb)
        following = body[post_end:pb] if post_end < pb else ""
        next_sentence = following.strip()[:300] if not any(post_end <= s.open < pb for s in spans) else ""
        if not following.strip() and not body[pa:span.open].strip():
            # A quotation standing as its own paragraph: the next paragraph may credit it
            # (`Hal itu disampaikan ...`), unless it opens with another quotation.
            nxt_para = next(((a, b) for a, b in paras if a > pb), None)
            if nxt_para and not any(nxt_para[0] <= s.open < nxt_para[1] for s in spans):
                next_sentence = body[nxt_para[0]:_sentence_end(body, nxt_para[0], nxt_para[1])].strip()[:300]
        out.append(Frame(span, span.text(body).strip(), sent_start, body[sent_start:span.open],
                         body[span.close:post_end], body[span.close:min(nxt, pb)], next_sentence))
    return out


@dataclass(frozen=True)
class Attribution:
    """Who said a quotation and how the text says so: `after` (`"...," kata X`), `before`
    (`X mengatakan: "..."`), `next` (`Hal itu disampaikan X.` in the next sentence), `shouted`
    (`diteriaki "..."`, the object of a shouting verb) or None."""

    speaker: str | None
    verb: str | None
    how: str | None
    # Whether the speaker was inferred (a pronoun, -nya) rather than named.
    implicit: bool = False


def _introduced(pre: str, w: _Words) -> bool:
    """Whether the words before a quotation introduce it (`X mengatakan:`, `Menurut X,`)."""
    if not pre.strip(" -–—(\t"):
        return False
    return bool(re.search(r":\s*$", pre)) or bool(w.introducer.search(pre))


# A quotation that completes a reported sentence is speech when it is at least this long; shorter
# ones are the speaker's terms (`menyebutnya "kemitraan tanpa batas"`).
MIN_REPORTED_WORDS = 5
# At most this many words between the speech verb and such a quotation.
MAX_REPORTED_GAP = 8
# ... and at most this many when the quotation ends the sentence with its own full stop.
MAX_LONG_REPORTED_GAP = 40


def _completes_reported_speech(fr: Frame, w: _Words) -> bool:
    """Whether the quotation ends a sentence that a speech verb opened (`X mengatakan, kerja sama
    bilateral "memiliki prospek yang tidak terbatas".`): the speaker's own words, not a term."""
    verbs = list(w.before.finditer(fr.pre))
    words = fr.text.split()
    if not verbs or len(words) < MIN_REPORTED_WORDS:
        return False
    if sum(t[:1].isupper() for t in words) * 2 > len(words):
        return False  # a name in capitals (`"Makan Bergizi Gratis untuk Semua"`), not words said
    gap = fr.pre[verbs[-1].end():]
    # The verb opens a clause (`mengatakan,` `mengatakan bahwa`), not an object (`menekankan pentingnya "..."`).
    opens = w.clause_opener.match(gap)
    if not opens or re.search(r"[.!?;]", gap):
        return False
    closes = bool(re.search(r"[.!?]$", fr.text))
    if len(gap.split()) > MAX_REPORTED_GAP:
        # A long reported subject before the quoted predicate (`X mengatakan, hubungan ... yang
        # didasarkan pada ..., "pada dasarnya kuat ..."`): the speaker's words when the quotation
        # closes the sentence.
        return closes and not fr.post.strip() and len(gap.split()) <= MAX_LONG_REPORTED_GAP
    return not fr.post.strip(" .,!?") or closes


def _shouter(subject: str, ctx: _Context) -> str | None:
    """Who shouted, for an active shouting verb: the person (or body) the subject names. Crowds
    (`Massa`, `para demonstran`) are nobody the text credits."""
    mentions = [m for m in ents.find_mentions(subject, ctx.published) if m.entity.kind in ("person", "org")]
    persons = [m for m in mentions if m.entity.kind == "person"]
    return (persons or mentions)[-1].entity.name if mentions else None


def attribute(fr: Frame, ctx: _Context, w: _Words) -> Attribution:
    """Step 2, attribute: the speaker named by a verb after the quotation, a marker, a subject
    and verb after it, an introduction before it, or a back-reference in the next sentence."""
    post = fr.post
    after = w.after.match(post)
    if after:
        if after.group("nya"):
            return Attribution(ctx.previous_actor(fr.span.open), after.group("verb").lower(), "after", True)
        rest = post[after.end():]
        phrase = rest.strip(" ,.") if w.document.match(rest) else _speaker_phrase(rest, w)[0]
        speaker = _resolve_phrase(phrase, fr.span.open, ctx, w) if phrase else ctx.previous_actor(fr.span.open)
        pronoun = not phrase or phrase.split()[0].lower() in w.pronouns
        speaker = _through_spokesperson(_clause(rest), ctx, w) or speaker
        return Attribution(speaker, after.group("verb").lower(), "after", pronoun)
    marker = w.markers.match(post)
    if marker:
        rest = post[marker.end():]
        # `demikian keterangan tertulis dari Kepresidenan Rusia`: a document reads on to its author.
        phrase = rest.strip(" ,.") if w.document.match(rest) else _speaker_phrase(rest, w)[0]
        if phrase:
            verb = marker.group("verb") or marker.group("via")
            speaker = _through_spokesperson(_clause(rest), ctx, w) or _resolve_phrase(phrase, fr.span.open, ctx, w)
            return Attribution(speaker, verb.lower(), "after")
    subj_verb = w.subject_verb.match(post)
    if subj_verb and re.search(r"[.!?]$", fr.text) and _introduced(fr.pre, w):
        # `Putin menyatakan: "A." Jokowi menjawab: "B."`: the quotation ends its sentence and has
        # its own introduction; the subject and verb after it open the next sentence.
        subj_verb = None
    if subj_verb:
        subj = subj_verb.group("subj")
        if ents.resolve(subj, ctx.published) is not None or subj.strip().lower() in w.pronouns \
                or ents.unknown_name(subj) or _anonymous(subj, w):
            return Attribution(_resolve_phrase(subj, fr.span.open, ctx, w), subj_verb.group("verb").lower(), "after")
    if _introduced(fr.pre, w) or _completes_reported_speech(fr, w):
        vm = list(w.before.finditer(fr.pre))
        return Attribution(_speaker_before(fr.pre, fr.sent_start, ctx, w),
                           vm[-1].group("verb").lower() if vm else None, "before")
    bare = w.bare_verb.search(fr.pre)
    if bare and len(fr.text.split()) >= MIN_UNATTRIBUTED_WORDS and fr.pre[:bare.start()].strip():
        # Headline style, a speech verb without its prefix right before the words (`Lavrov Tegaskan
        # "Rusia Tidak Akan Mundur"`, `Menlu tegaskan, "..."`): the subject before it said them.
        return Attribution(_speaker_before(fr.pre[:bare.start()], fr.sent_start, ctx, w), bare.group("verb").lower(),
                           "before")
    shout = w.shouted.search(fr.pre)
    if shout:
        # The active verb's subject shouted; the passive one's agent, when named (`diteriaki "..."
        # oleh X`), else nobody the text credits.
        agent = w.agent.match(fr.post.lstrip(" ,"))
        shouter = fr.pre[:shout.start()] if shout.group("active") else \
            _clause(fr.post.lstrip(" ,")[agent.end():]) if agent else ""
        return Attribution(_shouter(shouter, ctx), (shout.group("passive") or shout.group("active")).lower(), "shouted")
    # The sentence after: what follows the closing mark when the quotation ends its own sentence,
    # else the next sentence of the paragraph.
    if re.search(r"[.!?]$", fr.text) and fr.post.strip():
        after_text = fr.post.strip()
    else:
        after_text = fr.next_sentence if not fr.post.strip(" .,") else ""
    back = w.back_reference.match(after_text)
    if back:
        phrase, _ = _speaker_phrase(back.group("rest"), w)
        speaker = _resolve_phrase(phrase, fr.span.open, ctx, w) if phrase else None
        if speaker:
            return Attribution(speaker, back.group("verb").lower(), "next")
    # `X menyampaikan hal itu dalam jumpa pers`: the subject of a speech verb whose object points back.
    said_so = w.subject_back_reference.match(after_text)
    if said_so and (speaker := _resolve_phrase(said_so.group("subj"), fr.span.open, ctx, w)):
        return Attribution(speaker, said_so.group("verb").lower(), "next")
    # A pull quote credited on the line after it with a dash (`— Xi Jinping, Presiden China, dalam ...`).
    credit = re.match(r"\s*(?:—|–|--)\s*(?P<rest>[A-Z][^\n]{1,200})", ctx.body[fr.span.close:fr.span.close + 250])
    if credit and fr.at_start and not fr.post.strip(" .,"):
        phrase, _ = _speaker_phrase(credit.group("rest"), w)
        speaker = _resolve_phrase(phrase, fr.span.open, ctx, w) if phrase else None
        if speaker:
            return Attribution(speaker, None, "after")
    return Attribution(None, None, None)


# A quotation in an article's body whose words are this capitalised (a share) is a headline or
# a title quoted (`menulis, "Presiden Terpilih Ingin Hubungan Lebih Erat dengan Sahabat Lama."`),
# not words said; a spoken sentence with names runs about 0.6.
HEADLINE_CAPITALS = 0.75
MIN_HEADLINE_WORDS = 6


def _title_cased(text: str) -> bool:
    # A comma before the closing mark is how speech and posts are quoted ahead of their credit
    # (`"Menghadiri KTT ... di Kazan, Rusia," tulis Sugiono`), never how a title is.
    if text.rstrip().endswith(","):
        return False
    words = [t for t in text.split() if t[:1].isalpha()]
    return len(words) >= MIN_HEADLINE_WORDS and sum(t[:1].isupper() for t in words) >= HEADLINE_CAPITALS * len(words)


def is_speech(fr: Frame, att: Attribution, *, in_headline: bool = False) -> bool:
    """Step 3, classify: speech when attributed at a sentence start, introduced, or a whole
    sentence in quotation marks at a sentence start (its speaker said it just before); other
    quoted words are fragments. A headline quoted in a body is a fragment; in a headline itself
    (`in_headline`) every word is capitalised anyway."""
    n_words = len(fr.text.split())
    if not in_headline and _title_cased(fr.text):
        return False
    if att.how == "before":
        # A short sentence answered or said (`Presiden Rusia menjawab: "Saya setuju."`) is speech too.
        return n_words >= 3 or n_words == 2 and bool(re.search(r"[.!?]$", fr.text))
    if att.how == "shouted":
        # Words shouted at someone are speech when they make a sentence; a chant of two or three
        # words (`"Hidup Prabowo"`) is a slogan, a fragment.
        return n_words >= MIN_REPORTED_WORDS
    if fr.at_start and att.how in ("after", "next"):
        return True
    if att.how == "after" and att.verb is not None and n_words >= MIN_REPORTED_WORDS \
            and re.search(r"[.!?,]$", fr.text):
        # Words said, quoted from inside a reported sentence and credited right after it
        # (`Kedua pihak "sepakat memperluas ... kawasan," kata kantor itu.`).
        return True
    whole_sentence = bool(re.search(r"[.!?,]$", fr.text)) or not fr.post.strip(" .,")
    return fr.at_start and n_words >= MIN_UNATTRIBUTED_WORDS and whole_sentence


def _closed(body: str, span: QuoteSpan) -> bool:
    return span.close > span.open + 1 and (body[span.close - 1] in CLOSE_MARKS or body[span.close - 1] == STRAIGHT)


def merge_split(body: str, fs: list[Frame], k: int, att: Attribution) -> tuple[str, int, int | None]:
    """Step 4, merge: a quotation split by its attribution (`"A," kata Xi, "B."`) is one quote.
    Returns its text, its end and the index of the frame merged into it (or None)."""
    fr = fs[k]
    # The second part must close: a mark left open to the paragraph's end is more often a closing
    # mark whose opening one is missing (`sama," kata X`) than a quotation going on.
    if att.how == "after" and k + 1 < len(fs) and _closed(body, fs[k + 1].span):
        gap = body[fr.span.close:fs[k + 1].span.open]
        if "\n" not in gap and re.search(r",\s*$", gap) and len(gap) < 80 and not re.search(r"[.!?]\s+[A-Z]", gap):
            return f"{fr.text} {fs[k + 1].text}", fs[k + 1].span.close, k + 1
    return fr.text, fr.span.close, None


def _context(body: str, published: date | None, spans: list[QuoteSpan]) -> tuple[_Context, list[str]]:
    def inside(pos: int) -> bool:
        return any(s.open <= pos < s.close for s in spans)

    w = _words()
    # `setelah dilantik sebagai Presiden RI`: a role the sentence gives someone it names (often one
    # not yet held on the day the title resolves by), not another person named.
    persons = [(m.start, m.entity.name) for m in ents.find_mentions(body, published)
               if m.entity.kind == "person" and not inside(m.start)
               and not (m.via_title and w.role_of.search(body, 0, m.start))]
    # People the gazetteer does not know, named with their title (`Menteri Perdagangan Budi
    # Santoso`): pronouns may stand for them, and a later `kata Budi` names them in full.
    titled = [(m.start, m.entity.name) for m in ents.titled_persons(body, published) if not inside(m.start)]
    # Names the gazetteer does not know, as the subject of a speech verb (`Andi Wijaya mengatakan`).
    known = {n for _, n in persons + titled}
    for m in w.named_subject.finditer(body):
        name = m.group("name")
        toks = name.split()
        # `Namun Roy menekankan`: the opener is no part of the name.
        while toks and toks[0].lower() in w.openers:
            toks = toks[1:]
        name = " ".join(toks)
        if not toks or not ents.is_title(name) and ents.resolve(name, published) is not None:
            continue
        if not inside(m.start()) and name not in known and not ents.is_title(name) and len(toks) >= 2:
            titled.append((m.end("name") - len(name), name))
    persons = sorted(persons + titled)
    # A person named in full before, later the subject of a speech verb by one word of the name
    # (`Guo menambahkan, ...` after `Juru Bicara Guo Jiakun`): newsrooms clip names the gazetteer
    # lists only in full. Only a word that fits one person named before.
    taken = {p for p, _ in persons}
    for m in w.one_word_subject.finditer(body):
        at, word = m.start("name"), m.group("name")
        if at in taken or inside(at) or word.lower() in w.openers or ents.resolve(word, published) is not None:
            continue
        fits = {name for p, name in persons if p < at and word in name.split()[1:] + name.split()[:1]}
        if len(fits) == 1:
            persons.append((at, fits.pop()))
    persons.sort()
    # A body as the subject of a speech verb (`Kemlu RI mengunggah pernyataan ...`) speaks too: a
    # quotation standing alone after it, or a -nya, is the body's.
    speaking = [(m.start, m.entity.name) for m in ents.find_mentions(body, published)
                if m.entity.kind == "org" and not inside(m.start) and w.speaks.match(body, m.end)]
    ctx = _Context(body, published, [(p.start, p.end) for p in paragraphs(body)], sorted(persons + speaking))
    return ctx, list(dict.fromkeys(name for _, name in persons))


def headline_quotes(title: str | None, body: str, published: date | None = None) -> list[Quote]:
    """Speech quoted in a headline the body does not open with (`Prabowo: "Saya Harus Les
    Privat"`): every quoted span is a candidate, the headline's too (GOLD conventions). Only
    quotations the headline credits to someone are kept; their positions are within the headline."""
    if not title or not title.strip() or body.lstrip().startswith(title.strip()):
        return []
    return [q for q in extract(title, published, in_headline=True)[0] if q.speaker is not None]


def extract(body: str, published: date | None = None, *,
            in_headline: bool = False) -> tuple[list[Quote], list[Fragment]]:
    """Quotations and fragments of an article body (normalised with `text.normalise`), or of a
    headline (`in_headline`): spans found, attributed, classified and merged, in that order."""
    w = _words()
    spans = quote_spans(body)
    ctx, people = _context(body, published, spans)
    fs = frames(body, spans)
    quotes: list[Quote] = []
    fragments: list[Fragment] = []
    merged: set[int] = set()
    for k, fr in enumerate(fs):
        if k in merged or not fr.text:
            continue
        att = attribute(fr, ctx, w)
        if not is_speech(fr, att, in_headline=in_headline) and k + 1 < len(fs) and \
                (joined := _joined_credit(body, fr, fs[k + 1], ctx, w, in_headline)) is not None:
            att = joined
        if not is_speech(fr, att, in_headline=in_headline) and att.how != "joined":
            fragments.append(Fragment(fr.text, _fragment_speaker(fr.pre, fr.sent_start, ctx, w),
                                      fr.span.open, fr.span.close))
            continue
        speaker = att.speaker if att.how is not None else ctx.previous_actor(fr.span.open)
        if att.implicit or att.how is None:
            # A quotation does not talk about its speaker in the third person: `"... Bapak
            # Presiden juga menyampaikan ...," pungkasnya` is not the president's.
            spoken_of = _spoken_of(fr.text, ctx)
            if speaker in spoken_of:
                # The one who spoke last, else whoever else was named last.
                prior = next((s for _, _, s in reversed(ctx.quoted) if s and s != ANONYMOUS and s not in spoken_of),
                             None)
                speaker = prior or ctx.previous_actor(fr.span.open, spoken_of) or speaker
        if speaker and speaker != ANONYMOUS and ents.entity(speaker) is None:
            # The closest antecedent first (`kata Wang` after Wang Wenbin was named, not Wang Yi).
            recent = [name for at, name in reversed(ctx.persons) if at < fr.span.open and name in people]
            speaker = ents.full_name(speaker, list(dict.fromkeys(recent + people)))
        text, end, into = merge_split(body, fs, k, att)
        if into is not None:
            merged.add(into)
        source = _cited_source(fr.post_to_next if att.how == "after" else fr.post, w) or _cited_source(fr.pre, w)
        quotes.append(Quote(text, None if speaker == ANONYMOUS else speaker, att.verb, source, fr.span.open, end))
        ctx.quoted.append((fr.span.open, end, speaker))
        # The attribution names the speaker again: later pronouns may point at it.
        known = ents.entity(speaker)
        if speaker and (known is None or known.kind == "person"):
            ctx.persons.append((fr.span.close, speaker))
            ctx.persons.sort()
            if speaker != ANONYMOUS and speaker not in people:
                # A name only an attribution gave (`ujar Duta Besar RI di Hanoi Dewi Kartika`):
                # a later `kata Dewi` is the same person.
                people.append(speaker)
    fragments.extend(_single_quoted(body, spans, ctx, w))
    fragments.sort(key=lambda f: f.start)
    return quotes, fragments


def _joined_credit(body: str, fr: Frame, nxt: Frame, ctx: _Context, w: _Words,
                   in_headline: bool) -> Attribution | None:
    """The credit of the next quotation for this one, when a conjunction alone joins them in one
    sentence and the next is speech credited after it (`akan membahas "a ... b" serta "c ... d,"
    menurut pernyataan Kremlin`): one statement quoted in two pieces, both words said."""
    between = body[fr.span.close:nxt.span.open]
    joiners = _alt(lexicon.words("speech", "quote_joiners"))
    if len(fr.text.split()) < MIN_REPORTED_WORDS or not re.fullmatch(rf"\s*(?:{joiners})\s*", between):
        return None
    att = attribute(nxt, ctx, w)
    if att.how != "after" or not is_speech(nxt, att, in_headline=in_headline):
        return None
    return Attribution(att.speaker, att.verb, "joined")


def _spoken_of(text: str, ctx: _Context) -> frozenset[str]:
    """People a quotation names in the third person: by name or title, or by an honorific and
    a title (`Bapak Presiden`) that one of the article's people holds."""
    named = {m.entity.name for m in ents.find_mentions(text, ctx.published)
             if m.entity.kind == "person" and not _self_named(text, m.start)}
    heads = {m.group(1).lower() for m in _words().address.finditer(text)}
    for _, name in ctx.persons:
        e = ents.entity(name)
        if e is not None and any((ctx.published is None or t.holds_on(ctx.published))
                                 and t.text.split()[0].lower() in heads for t in e.titles):
            named.add(name)
    return frozenset(named)


@lexicon.derived
def _self_reference() -> re.Pattern[str]:
    """`saya sebagai`, `kami selaku` right before a mention: the end of a first-person role."""
    return re.compile(rf"(?i:(?<![\w])(?:{_alt(lexicon.words('speech', 'first_person'))})\s+"
                      rf"(?:{_alt(lexicon.words('speech', 'role_markers'))}))\s+$")


def _self_named(text: str, at: int) -> bool:
    """Whether the mention at `at` is the speaker's own office (`saya sebagai Presiden ...`)."""
    return _self_reference().search(text[max(0, at - 30):at]) is not None


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
