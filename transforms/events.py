"""Events an article reports: calls, meetings, summits, visits and declarations.

Each sentence outside direct quotations is read for trigger words (`transforms/lexicon/events.yaml`);
a sentence gives at most one event, of the type that comes first in the priority list (in
`bertemu di sela-sela KTT`, the summit is the meeting's occasion). The event's date is the date
expression closest to the trigger, resolved against publication, unless a cue ties it to
something else (`jelang Imlek yang jatuh pada Sabtu (10/2)`). Mentions of the same event (same
type, dates that fit, participants in common) are merged, and a mention that stays undated is
dropped: it retells an event without saying when.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from transforms import entities as ents
from transforms import lexicon
from transforms.dates import (
    DateMention,
    amount_before,
    anchor,
    compatible,
    detaching_cues,
    find_dates,
    from_url,
    narrative_offset,
)
from transforms.text import alternation, sentences, word_pattern

# How many words may stand between an announcing verb and the event word that is its object
# (`mengungkapkan rencana kunjungan`, `mengumumkan jadwal resmi kunjungan`).
ANNOUNCED_OBJECT_WORDS = 2
# How far (characters) before a date a detaching cue is looked for.
CUE_WINDOW = 30
# How long a clause opened by a citing word (`Dikutip dari ...`) may run before its date.
CLAUSE_CUE_WINDOW = 80
# How far (characters) after a dated event an undated mention may take its date: the talks of a
# visit, the sideline meetings of a summit are told in the sentences that follow it.
INHERIT_WINDOW = 900
# How far before a name its proxy cue may stand (`mewakili Presiden `).
PROXY_REACH = 30
# How far before an event word its venue noun and preposition may start (`menuju lokasi `).
VENUE_REACH = 20
# How far back (characters) the month a sentence points back to (`di akhir bulan`) may be written.
SAME_MONTH_REACH = 1500
# How far after a dated summit an undated mention in its city may take its date.
CITY_WINDOW = 2000


@dataclass
class Event:
    """One event as read from a sentence (or several merged mentions)."""

    event_type: str
    event_date: date | None
    date_precision: str | None
    participants: list[str]
    place: str | None
    status: str
    medium: str | None
    evidence: str
    start: int
    mentions: int = 1
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def when(self) -> tuple[date, str] | None:
        if self.event_date is None or self.date_precision is None:
            return None
        return self.event_date, self.date_precision


@dataclass(frozen=True)
class _Lex:
    triggers: dict[str, re.Pattern[str]]
    needs_person: set[str]
    needs_person_next: set[str]
    protocol_signing: re.Pattern[str]
    hosting: set[str]
    visiting_a_person: set[str]
    delegation_list: re.Pattern[str]
    circumstance: re.Pattern[str]
    receiving: re.Pattern[str]
    copula: re.Pattern[str]
    receptions: set[str]
    speculative: re.Pattern[str]
    same_month: re.Pattern[str]
    series: re.Pattern[str]
    collective: re.Pattern[str]
    venue: re.Pattern[str]
    proxy: re.Pattern[str]
    during_trip: re.Pattern[str]
    offset: re.Pattern[str]
    offsets: dict[str, int]
    attendance_words: set[str]
    collective_counts: dict[str, int]
    priority: list[str]
    summit_bodies: re.Pattern[str]
    many_sides: re.Pattern[str]
    anaphora: set[str]
    planned: re.Pattern[str]
    medium: dict[str, re.Pattern[str]]
    not_places: set[str]
    sequence: re.Pattern[str]
    possessive: set[str]
    pair: re.Pattern[str]
    place: re.Pattern[str]
    place_before: re.Pattern[str]
    leader_titles: re.Pattern[str]
    counterpart: re.Pattern[str]
    separate: re.Pattern[str]
    subject_pronoun: re.Pattern[str]
    epithet: re.Pattern[str]
    groups: re.Pattern[str]
    other_moment: re.Pattern[str]
    day_of: re.Pattern[str]
    attribution: re.Pattern[str]
    announcing: re.Pattern[str]
    content_clause: re.Pattern[str]
    ongoing: re.Pattern[str]
    sideline: re.Pattern[str]
    gathering_words: set[str]
    start_cue: re.Pattern[str]
    between: re.Pattern[str]
    other_moment_words: list[str]
    after_words: list[str]
    uncertain: re.Pattern[str]
    said: re.Pattern[str]
    clause_break: re.Pattern[str]
    future: re.Pattern[str]
    own_tense: re.Pattern[str]
    after_moment: re.Pattern[str]
    attendance: re.Pattern[str]
    plural: re.Pattern[str]
    habitual: re.Pattern[str]
    citing: re.Pattern[str]
    bare_trip: re.Pattern[str]
    among: re.Pattern[str]
    invitation: re.Pattern[str]
    purpose: re.Pattern[str]
    occasion: re.Pattern[str]
    held: re.Pattern[str]
    sides: re.Pattern[str]
    came_back: re.Pattern[str]
    described_back: re.Pattern[str]
    next_state: re.Pattern[str]
    honoured: re.Pattern[str]
    heading: re.Pattern[str]
    before_moment: re.Pattern[str]
    plan_nouns: set[str]
    pointing_back: set[str]
    arrival: set[str]
    addressee: re.Pattern[str]
    negated: re.Pattern[str]
    press: re.Pattern[str]
    relative: re.Pattern[str]
    venue_prepositions: set[str]
    held_clause: re.Pattern[str]
    relative_verb: re.Pattern[str]
    since: re.Pattern[str]
    venue_noun: re.Pattern[str]
    welcomed_by: re.Pattern[str]
    we: re.Pattern[str]
    personal: re.Pattern[str]


_alt = alternation


@lexicon.derived
def _lex() -> _Lex:
    data = lexicon.load("events")
    preps = _alt(data["place_prepositions"])
    nouns = _alt(data["place_nouns"])
    return _Lex(
        triggers={t: word_pattern(ws, ignore_case=True) for t, ws in data["triggers"].items()},
        needs_person={w.lower() for w in data["triggers_needing_a_person"] + data["arrival_words"]},
        # The welcome words that are meeting words (`diterima oleh`) need their host right after them.
        # `menandatangani buku tamu`, `penandatanganan buku tamu kenegaraan`: one word may come between.
        protocol_signing=re.compile(rf"\s+(?:[\w-]+\s+)?(?:{_alt(data['protocol_signings'])})(?![\w])",
                                    re.IGNORECASE),
        needs_person_next={w.lower() for w in data["triggers_needing_a_person_next"]
                           + [w for w in data["welcomed_by"] if w in data["triggers"]["meeting"]]},
        hosting={w.lower() for w in data["hosting_words"]},
        visiting_a_person={w.lower() for w in data["visiting_a_person"]},
        circumstance=re.compile(rf",\s*(?:{_alt(data['circumstance_openers'])})(?![\w])", re.IGNORECASE),
        delegation_list=re.compile(rf"(?<![\w])(?:{_alt(data['delegation_words'])})(?![\w])[^.;]*?"
                                   rf"(?<![\w])(?:{_alt(data['enumeration_openers'])})(?![\w])", re.IGNORECASE),
        receiving=re.compile(rf"(?<![\w])(?:{_alt(data['receiving_visit'])})\s+$", re.IGNORECASE),
        receptions={w.lower() for w in data["reception_words"]},
        speculative=word_pattern(data["speculation_cues"] + data["uncertain_cues"], ignore_case=True),
        series=word_pattern(data["series_cues"], ignore_case=True),
        collective=word_pattern(list(data["collective_pronouns"]), ignore_case=True),
        attendance_words={w.lower() for w in data["attendance_words"]},
        offset=word_pattern(list(data["day_offsets"]), ignore_case=True),
        offsets={str(k).lower(): int(v) for k, v in data["day_offsets"].items()},
        # `Dalam kunjungan tersebut, ...`: an opener, a trip word, a word pointing back.
        during_trip=re.compile(rf"\W*(?:{_alt(data['during_openers'])})\s+(?:{_alt(data['triggers']['visit'])})"
                               rf"(?:\s+[a-z]+)?\s+(?:{_alt(data['pointing_back'])})(?![\w])", re.IGNORECASE),
        # `mewakili Presiden Prabowo`: the cue, then at most a title before the name.
        proxy=re.compile(rf"(?<![\w])(?i:{_alt(data['proxy_cues'])})\s+(?:[A-Z][\w.-]*\s+){{0,3}}$"),
        # `tiba di lokasi pertemuan`; not `Bali menjadi tempat pertemuan para pemimpin`, which tells the gathering.
        # `Di dalam ruang pertemuan` too: a word of position may come before the venue noun.
        venue=re.compile(rf"(?<![\w])(?:{_alt(data['venue_prepositions'])})\s+(?:(?:{_alt(data['venue_positions'])})\s+)?"
                         rf"(?:{_alt(data['venue_nouns'])})\s+$", re.IGNORECASE),
        venue_prepositions={w.lower() for w in data["venue_prepositions"]},
        # `yang tiba`, `yang telah tiba`: a relative opener and at most one word before the verb.
        relative_verb=re.compile(rf"(?<![\w])(?:{_alt(data['relative_openers'])})\s+(?:[a-z]+\s+)?$", re.IGNORECASE),
        # `sejak Presiden Trump kembali`, `beberapa jam setelah Donald Trump dilantik`: a clause of
        # the time since or after another happening, whose subject marks a time.
        since=word_pattern(data["since_cues"] + data["after_moment_cues"], ignore_case=True),
        held_clause=re.compile(rf"(?<![\w])(?:{_alt(data['relative_openers'])})\s+(?:{_alt(data['held_verbs'])})(?![\w])",
                               re.IGNORECASE),
        venue_noun=re.compile(rf"\s+(?:{_alt(data['venue_nouns'])})(?![\w])", re.IGNORECASE),
        collective_counts={str(k).lower(): int(v) for k, v in data["collective_pronouns"].items()},
        # `di akhir bulan` alone, not `akhir bulan ini`/`lalu`, which the date finder reads itself.
        same_month=re.compile(rf"(?<![\w])(?:{_alt(data['same_month_cues'])})(?![\w])(?!\s+(?:ini|lalu|depan|itu\s+juga))",
                              re.IGNORECASE),
        priority=list(data["priority"]),
        summit_bodies=word_pattern(data["summit_bodies"], ignore_case=False),
        # A summit's own words that never name a meeting of two (`KTT`, `konferensi`, not those
        # built on the gathering word: `pertemuan puncak`), and the words that say many sides.
        many_sides=word_pattern([t for t in data["triggers"]["summit"]
                                 if not set(t.lower().split()) & {g.lower() for g in data["gathering_words"]}]
                                + data["many_sides_words"], ignore_case=True),
        anaphora={w.lower() for w in data["anaphora"]},
        planned=word_pattern(data["future_cues"] + data["plan_nouns"] + data["plan_words"], ignore_case=True),
        honoured=word_pattern(data["honoured_invitation"] + data["akan_as_of"], ignore_case=True),
        heading=re.compile(rf"(?<![\w])(?:{_alt(data['heading_words'])})\s+(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"),
        before_moment=re.compile(rf"(?<![\w])(?:{_alt(data['before_moment_cues'])})\s+$", re.IGNORECASE),
        plan_nouns={w.lower() for w in data["plan_nouns"]},
        pointing_back={w.lower() for w in data["pointing_back"]},
        arrival={w.lower() for w in data["arrival_words"]},
        addressee=re.compile(rf"\s*(?:{_alt(data['addressee_words'])})(?![\w])", re.IGNORECASE),
        # The cue, then at most two words before the event word (`tidak akan menghadiri`).
        negated=re.compile(rf"(?<![\w])(?:{_alt(data['negation_cues'] + data['wish_cues'])})\s+"
                           rf"(?!(?:{_alt(data['negation_exceptions'])})(?![\w]))(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE),
        press=re.compile(rf"\s+(?:dengan\s+)?(?:{_alt(data['press_words'])})(?![\w])", re.IGNORECASE),
        relative=re.compile(rf"(?<![\w])(?:{_alt(data['relative_units'])})\s+(?:{_alt(data['relative_anchors'])})(?![\w])",
                            re.IGNORECASE),
        welcomed_by=word_pattern(data["welcomed_by"], ignore_case=True),
        we=word_pattern(data["we_pronouns"], ignore_case=True),
        # `"Kami akan datang"`: a first- or second-person quotation tells the speaker's intention.
        personal=word_pattern(lexicon.words("speech", "first_person") + lexicon.words("speech", "second_person"),
                              ignore_case=True),
        copula=re.compile(rf"(?<![\w])(?:{_alt(data['copula_words'])})\s+(?:(?:{_alt(data['copula_articles'])})\s+)?$",
                          re.IGNORECASE),
        future=word_pattern(data["future_cues"], ignore_case=True),
        described_back=re.compile(rf"(?:\s+[a-z][\w-]*){{1,{DESCRIBED_WORDS}}}?\s+"
                                  rf"(?:{_alt(data['demonstratives'])})(?![\w])"),
        came_back=re.compile(rf"(?<![\w])(?:{_alt(data['came_back_cues'])})\s+$", re.IGNORECASE),
        sides=word_pattern(data["sides_words"], ignore_case=True),
        occasion=word_pattern(data["occasion_cues"], ignore_case=True),
        # `SCO berlangsung pada ...`, `KTT G20 di Bali digelar ...`: a body said to take place.
        held=re.compile(rf"(?<![\w])(?:{_alt(data['summit_bodies'])})(?:\s+[\w()-]+){{0,3}}?\s+"
                        rf"(?:{_alt(data['held_verbs'])})(?![\w])"),
        invitation=word_pattern(data["invitation_cues"], ignore_case=True),
        purpose=word_pattern(data["purpose_words"], ignore_case=True),
        among=re.compile(rf"\s+(?:{_alt(data['among_prefixes'])})\w+", re.IGNORECASE),
        bare_trip=re.compile(rf"(?i:{_alt(data['bare_trip_words'])})(?=\s+[A-Z])"),
        citing=re.compile(rf"(?:{_alt(data['citing_openers'])})(?![\w])", re.IGNORECASE),
        # `setiap tahun`, `beberapa kali`, `lebih dari 40 kali`: a habit or a count of events.
        habitual=re.compile(rf"(?<![\w])(?:{_alt(data['habitual_cues'])}|\d+\s+(?:{_alt(data['count_of_times'])}))(?![\w])",
                            re.IGNORECASE),
        plural=re.compile(rf"\s+(?:{_alt(data['plural_markers'])})(?![\w])", re.IGNORECASE),
        attendance=word_pattern(data["attendance_words"], ignore_case=True),
        own_tense=word_pattern(data["own_tense_openers"], ignore_case=True),
        after_moment=re.compile(rf"(?<![\w])(?:{_alt(data['after_moment_cues'])})\s+$", re.IGNORECASE),
        medium={k: word_pattern(v, ignore_case=True) for k, v in data["medium"].items()},
        not_places={w.lower() for w in data["not_places"]},
        sequence=word_pattern(data["sequence_cues"], ignore_case=True),
        possessive={w.lower() for w in data["possessive_anaphora"]},
        pair=word_pattern(data["pair_cues"], ignore_case=True),
        # `di Moskow`, `ke ibu kota Beijing`, `tiba di Kota Kazan`: a capitalised run after a preposition.
        place=re.compile(rf"(?<![\w])(?i:{preps})\s+(?:(?i:{nouns})\s+)?(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,2}})"),
        place_before=re.compile(rf"(?:(?<![\w])(?i:{preps})\s+(?:(?i:{nouns})\s+)?|[A-Z][\w'-]*,\s+)$"),
        leader_titles=re.compile(rf"(?:{_alt(data['leader_titles'])})(?![\w])", re.IGNORECASE),
        counterpart=word_pattern(data["counterpart_cues"], ignore_case=True),
        separate=word_pattern(data["separate_meeting_cues"], ignore_case=True),
        subject_pronoun=re.compile(rf"\W*(?:(?:{_alt(data['sequence_cues'] + data['subject_openers'])}),?\s+)?"
                                   rf"(?:{_alt(data['subject_pronouns'])})(?![\w])", re.IGNORECASE),
        other_moment=re.compile(rf"(?<![\w])(?:{_alt(data['other_moment_cues'])})\s+$", re.IGNORECASE),
        day_of=re.compile(rf"(?<![\w])(?:{_alt(data['day_of_cues'])})\s+$", re.IGNORECASE),
        # `..., kata Retno, bahwa kunjungan ...`: a speech verb and a name set off by commas.
        said=re.compile(rf"(?<![\w])(?i:{_alt(lexicon.words('speech', 'after_quote'))})\s+"
                        rf"(?:[A-Z][\w'-]*\s*){{1,4}},"),
        announcing=word_pattern(data["announcing_verbs"], ignore_case=True),
        attribution=word_pattern(lexicon.words("speech", "speaker_markers")
                                 + lexicon.words("speech", "cited_source_markers") + data["reported_by"],
                                 ignore_case=True),
        epithet=re.compile(rf"(?<![\w])(?:{_alt(data['epithet_heads'])})\s+[^,.;]{{1,60}}?\s(?:ini|itu|tersebut)(?![\w])",
                           re.IGNORECASE),
        ongoing=word_pattern(data["ongoing_cues"], ignore_case=True),
        sideline=word_pattern(data["sideline_cues"], ignore_case=True),
        gathering_words={w.lower() for w in data["gathering_words"]},
        # `terbang ke Kamboja sejak 9 November`: the cue right before a day.
        other_moment_words=list(data["other_moment_cues"]),
        after_words=list(data["after_moment_cues"]),
        uncertain=word_pattern(data["uncertain_cues"], ignore_case=True),
        between=re.compile(rf"\s+(?:{_alt(data['between_cues'])})(?![\w])", re.IGNORECASE),
        start_cue=re.compile(rf"(?<![\w])(?:{_alt(data['start_cues'])})\s+$", re.IGNORECASE),
        content_clause=word_pattern(lexicon.words("speech", "complementisers"), ignore_case=True),
        clause_break=re.compile(rf"[,;]\s+(?:(?:{_alt(data['clause_joiners'])})\s+)?|\s+(?:{_alt(data['clause_joiners'])})\s+",
                                re.IGNORECASE),
        # The next item of a list of names: `, China`, ` dan Rusia`, `, dan Korea Selatan`.
        next_state=re.compile(rf"(?:\s*,\s*(?:(?:{_alt(data['list_joiners'])})\s+)?|\s+(?:{_alt(data['list_joiners'])})\s+)"
                              r"(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"),
        groups=re.compile(rf"(?<![\w])(?P<role>(?i:{_alt(data['group_roles'])}))\s+(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"),
    )


def _hits(sentence: str, *, possessive: bool = False) -> list[tuple[str, re.Match[str]]]:
    """Every trigger of a sentence, left to right, leaving out triggers inside longer ones,
    triggers that point back (`pertemuan itu`; with `possessive`, `pertemuan mereka` stays) and
    triggers of another moment (`sebelum percakapan dimulai`)."""
    lex = _lex()
    found: list[tuple[str, re.Match[str]]] = []
    for etype, pattern in lex.triggers.items():
        found.extend((etype, m) for m in pattern.finditer(sentence))
    found.extend(("summit", m) for m in lex.held.finditer(sentence))
    # `Presiden Xi Jinping ke Rusia bertemu Putin`, `Putin ke China untuk ...`: a person going to a
    # place, told without a verb, is a trip.
    for p in ents.find_mentions(sentence):
        gap = len(sentence[p.end:]) - len(sentence[p.end:].lstrip())
        if p.entity.kind == "person" and gap and (go := lex.bare_trip.match(sentence, p.end + gap)) is not None \
                and (to := lex.place.match(sentence, go.start())) is not None \
                and (where := ents.resolve(to.group("place"))) is not None and where.kind in ("place", "state"):
            # Only to a place: `dari Jokowi ke Prabowo` hands something over, nobody travels.
            found.append(("visit", go))
    for go in lex.heading.finditer(sentence):
        where = ents.resolve(go.group("place"))
        if where is not None and where.kind in ("place", "state") and \
                not any(m.start() <= go.start() < m.end() for _, m in found) and not _heading_home(sentence, go):
            found.append(("visit", go))
    # `pertemuan puncak` is a summit, not a `pertemuan`: a trigger inside a longer one goes
    # (even when the longer one points back, as in `pertemuan puncak itu`).
    out: list[tuple[str, re.Match[str]]] = []
    for etype, m in sorted(found, key=lambda x: x[1].start()):
        inside_longer = any(o is not m and o.start() <= m.start() and m.end() <= o.end()
                            and (o.end() - o.start()) > (m.end() - m.start()) for _, o in found)
        after = sentence[m.end():m.end() + 12].split()
        word = after[0].lower().strip(".,") if after else ""
        anaphoric = word in lex.anaphora and not (possessive and word in lex.possessive) or \
            _relative_back(sentence, m.end()) or _place_then_back(sentence, m.end())
        # `setelah pertemuan (pribadi) mereka`: the meeting of the sentence's own people is told,
        # not only used as a moment.
        theirs = any(w.lower().strip(".,") in lex.possessive for w in sentence[m.end():m.end() + 30].split()[:2])
        elsewhen = (lex.other_moment.search(sentence[max(0, m.start() - 12):m.start()])
                    or lex.came_back.search(sentence[max(0, m.start() - 16):m.start()])
                    or lex.day_of.search(sentence[max(0, m.start() - 20):m.start()])) and not theirs
        if m.group().lower() in lex.needs_person and not _person_follows(sentence, m.end()):
            continue
        if etype == "declaration" and lex.protocol_signing.match(sentence, m.end()):
            continue  # the guest book a visitor signs: protocol, no agreement
        if lex.venue.search(sentence, max(0, m.start() - VENUE_REACH), m.start()):
            continue  # `tiba di lokasi pertemuan`: the gathering's place, told as such (see `_venue_dates`)
        if etype == "visit" and m.group().split()[-1].lower() in lex.venue_prepositions and \
                (venue := lex.venue_noun.match(sentence, m.end())) is not None and \
                not lex.place.search(sentence[:_clause(sentence, venue.end())[1]], venue.end()):
            # `tiba di lokasi penyambutan`: arriving at a venue of the day, no trip (`tiba di
            # lokasi pertemuan di Nusa Dua` names where the trip went).
            continue
        if m.group().lower() in lex.needs_person_next and not _person_next(sentence, m.end()):
            continue
        if lex.copula.search(sentence[max(0, m.start() - 30):m.start()]) and \
                not (etype == "meeting" and _names_people(sentence, m.end())):
            # `KTT X merupakan pertemuan terbesar ...`: a description of the KTT; `KTT G20 menjadi
            # pertemuan pertama Xi dan Biden` names the people of a meeting of its own (a trip
            # described so, `menjadi perjalanan pertama Xi`, is the trip to the gathering told).
            continue
        if not inside_longer and not anaphoric and not elsewhen:
            out.append((etype, m))
    return out


def _place_then_back(sentence: str, at: int) -> bool:
    """Whether the event word ending at `at` is followed by its place and a word pointing back
    (`Kunjungan ke Rusia ini`, `pertemuan di Kazan tersebut`): the event told before, named again."""
    lex = _lex()
    m = re.match(r"\s+(?:ke|di)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\s+(?P<word>[a-z]+)", sentence[at:])
    return m is not None and m.group("word") in lex.anaphora


def _heading_home(sentence: str, go: re.Match[str]) -> bool:
    """Whether everyone named before a heading word is bound home (`pesawat Lavrov meninggalkan
    Bali menuju Moskow`): a return, no visit."""
    home = _home_state(go.group("place"))
    people = [m.entity.name for m in ents.find_mentions(sentence[:go.start()]) if m.entity.kind == "person"]
    return home is not None and bool(people) and all(_home_state(p) == home for p in people)


def _names_people(sentence: str, at: int) -> bool:
    """Whether the event word ending at `at` is told as the named people's (`pertemuan pertama Xi
    dan Biden`, `pertemuan bilateral dengan Presiden X`): a person right after it or after one
    describing word, and a word introducing the other side, not after a word telling whom it serves
    (`pertemuan penting bagi Prabowo`)."""
    cues = _alt(lexicon.words("events", "counterpart_cues"))
    m = re.match(rf"(?:\s+(?P<word>[a-z][\w-]*))?\s+(?:(?:{cues})\s+)?", sentence[at:])
    if m is None or (m.group("word") or "") in lexicon.words("events", "beneficiary_words"):
        return False
    return _person_right_after(sentence, at + m.end())


# How many words may describe an event between its word and a demonstrative pointing back.
DESCRIBED_WORDS = 4


def _relative_back(sentence: str, at: int) -> bool:
    """Whether the event word ending at `at` is described by a `yang` clause that ends pointing
    back (`atas pertemuan yang berlangsung di markas PBB di Eropa tersebut`) and names no person:
    the event told before, retold."""
    demonstratives = _alt(lexicon.words("events", "demonstratives"))
    m = re.match(rf"\s+yang\s+[^,.;]{{0,80}}?\s(?:{demonstratives})(?=[\s,.;]|$)", sentence[at:])
    return m is not None and not any(x.entity.kind == "person" for x in ents.find_mentions(m.group()))


def _described_back(sentence: str, at: int) -> bool:
    """Whether the event word ending at `at` is described and then pointed back to (`pertemuan para
    pemimpin dunia itu`): a few lowercase words and a demonstrative. Names in between (`pertemuan
    Xi dan Putin itu`) say who, so such a phrase still tells."""
    return _lex().described_back.match(sentence, at) is not None


def _triggers(sentence: str) -> dict[str, re.Match[str]]:
    """The first trigger of each event type in a sentence (see `_hits`)."""
    hits: dict[str, re.Match[str]] = {}
    gathering: re.Match[str] | None = None
    for etype, m in _hits(sentence):
        if etype == "meeting" and _kind(sentence, etype, m) == "summit":
            # `protes di pertemuan KTT Menlu G20`: the gathering word is the summit's, told once;
            # a meeting word after it (`..., Xi bertemu Biden`) may still tell a meeting.
            gathering = gathering or m
            continue
        if etype == "visit" and _kind(sentence, etype, m) == "meeting":
            hits.setdefault("meeting", m)  # `X mengunjungi Presiden Y`: a call on Y
            continue
        hits.setdefault(etype, m)
    if gathering is not None and ("summit" not in hits or _lex().held.fullmatch(hits["summit"].group())):
        # `Pertemuan ... G20 digelar`: the gathering word is the summit's.
        hits["summit"] = gathering
    summit = hits.get("summit")
    if summit and _kind(sentence, "summit", summit) == "meeting":
        hits.setdefault("meeting", summit)
        del hits["summit"]
    _reception_first(sentence, hits)
    summit = hits.get("summit")
    if summit is not None and "other" in hits and \
            _lex().sideline.search(sentence, max(0, summit.start() - 20), summit.start()):
        # `berbincang dengan X di sela KTT G20`: the summit is the exchange's occasion.
        del hits["summit"]
    return hits


def _reception_first(sentence: str, hits: dict[str, re.Match[str]]) -> None:
    """A dinner or reception told in a sentence is its happening (`menyambut kehadiran Menlu X
    dalam jamuan makan malam`): the greetings, handshakes and welcomed arrival are the reception's,
    no meeting or visit of their own; a summit it precedes stays (see `_companions`)."""
    lex = _lex()
    reception = next((m for t, m in _hits(sentence) if t == "other" and m.group().lower() in lex.receptions), None)
    if reception is None:
        return
    hits["other"] = reception
    hits.pop("meeting", None)
    if "visit" in hits and hits["visit"].group().lower() in lex.needs_person:
        del hits["visit"]


def _kind(sentence: str, etype: str, m: re.Match[str]) -> str:
    """The type a trigger tells: `pertemuan BRICS` is a summit; `pertemuan ... di sela-sela KTT
    BRICS` is a meeting, and so is `KTT antara` two leaders."""
    lex = _lex()
    # A word or two may describe the gathering first (`pertemuan informal antara A dan B`).
    described = [m.end()] + [m.end() + w.end() for w in re.finditer(r"\s+[a-z]+", sentence[m.end():m.end() + 30])][:2]
    if etype == "summit" and any(lex.between.match(sentence, at) for at in described):
        # `KTT antara presiden Rusia dan pemimpin China`: a summit of two is their meeting.
        return "meeting"
    if etype == "visit" and m.group().lower() in lex.visiting_a_person and _person_right_after(sentence, m.end()):
        # `X mengunjungi Presiden Y di Istana`: a call on Y, their meeting (not `mengunjungi Moskow`).
        return "meeting"
    if etype != "meeting" or m.group().lower() not in lex.gathering_words:
        return etype
    tail = sentence[m.end():m.end() + 80]
    if (lex.plural.match(tail) or lex.among.match(tail)) and not lex.pair.search(tail[:30]):
        # `pertemuan para pemimpin dunia`: a gathering of many (`para`), not of a pair.
        return "summit"
    body = lex.summit_bodies.search(tail)
    return "summit" if body and not lex.sideline.search(tail, 0, body.start()) else etype


def _person_right_after(sentence: str, at: int) -> bool:
    """Whether a known person, or a title and then one, is the next thing after offset `at`."""
    rest = sentence[at:at + PERSON_WINDOW]
    lead = len(rest) - len(rest.lstrip())
    return any(x.entity.kind == "person" and (x.start == lead or ents.is_title(rest[lead:x.start].strip()))
               for x in ents.find_mentions(rest))


# How far (characters) after a mention one that names nobody may take its participants.
FOLLOW_WINDOW = 400


# How far after `menemui` the person met must be named.
PERSON_WINDOW = 60


def _person_follows(sentence: str, at: int) -> bool:
    """Whether a person (or a title standing for one) comes right after offset `at`: `menemui PM
    Malaysia Anwar Ibrahim` is a meeting, `menemui wartawan` is not."""
    window = sentence[at:at + PERSON_WINDOW]
    return any(m.entity.kind == "person" for m in ents.find_mentions(window)) or ents.is_title(window)


def _person_next(sentence: str, at: int) -> bool:
    """Whether the very next words after offset `at` are a person or a title: `menerima Presiden
    Joko Widodo` hosts a guest, `menerima laporan dari Presiden` does not."""
    window = sentence[at:at + PERSON_WINDOW]
    gap = len(window) - len(window.lstrip())
    return any(m.entity.kind == "person" and m.start == gap for m in ents.find_mentions(window)) or \
        ents.is_title(window)


def _guest_visit(meeting: Event, part: str, at: int, end: int, people: list[tuple[int, str]],
                 lex: _Lex) -> Event | None:
    """The guest's trip told by a host receiving them somewhere (`Putin akan menerima Presiden X
    di Moskow pada 30 Juni`): a visit of the guests named after the hosting word, to the place the
    sentence names, on the meeting's date (GOLD.md counts the visit and the talks apart)."""
    if part[at:end].lower() not in lex.hosting:
        return None
    guests = [n for p, n in people if p >= end]
    where = _place(part, at, lex)
    known = ents.resolve(where) if where else None
    if not guests or known is None or known.kind != "place":
        return None
    return replace(meeting, event_type="visit", participants=guests, place=known.name, extra={})


def _trigger(sentence: str) -> tuple[str, re.Match[str]] | None:
    """The event type of a sentence and the trigger that says so, or None."""
    hits = _triggers(sentence)
    if "other" in hits and hits["other"].group().lower() in _lex().receptions:
        return "other", hits["other"]
    return next(((t, hits[t]) for t in _lex().priority if t in hits), None)


def _companions(sentence: str, etype: str) -> list[tuple[str, re.Match[str]]]:
    """A trip and what it was for, told in one sentence (`tiba di Moskow untuk bertemu Putin`,
    `mengunjungi China untuk menghadiri KTT SCO`, `tiba di Lima untuk bertemu Biden serta
    menghadiri KTT APEC`): GOLD.md counts the visit, the meeting and the summit apart."""
    hits = _triggers(sentence)
    lex = _lex()
    if etype == "other" and "summit" in hits and \
            not lex.sideline.search(sentence[max(0, hits["summit"].start() - 20):hits["summit"].start()]):
        # `jamuan makan malam menjelang pembukaan KTT SCO`: the reception and the summit.
        return [("summit", hits["summit"]), *([("visit", hits["visit"])] if "visit" in hits else [])]
    if "visit" not in hits:
        return []
    # A gathering named as the meeting's occasion (`bertemu di sela-sela KTT`) is no event of its own.
    summit = hits.get("summit")
    if summit is not None and lex.sideline.search(sentence[max(0, summit.start() - 20):summit.start()]):
        summit = None
    if summit is None and "meeting" in hits and _kind(sentence, "meeting", hits["meeting"]) == "summit" \
            and hits["meeting"].start() > hits.get("summit", hits["meeting"]).start():
        summit = hits["meeting"]
    found = [("visit", hits["visit"]), *([("meeting", hits["meeting"])] if "meeting" in hits and
                                         hits["meeting"] is not summit else []),
             *([("summit", summit)] if summit is not None else []),
             # `mendeklarasikan kemitraan ... ketika Putin mengunjungi Beijing`: the declaration too.
             *([("declaration", hits["declaration"])] if "declaration" in hits else [])]
    return [(t, m) for t, m in found if t != etype]


# How far after its trigger a date may be the trigger's own, in a sentence telling several events.
OWN_DATE_WINDOW = 80


def _own_date(sentence: str, hits: list[tuple[str, re.Match[str]]], i: int,
              published: date | None) -> DateMention | None:
    """The date that follows trigger `i` closely, before the next trigger."""
    m = hits[i][1]
    stop = min(m.end() + OWN_DATE_WINDOW, hits[i + 1][1].start() if i + 1 < len(hits) else len(sentence))
    dates = [replace(d, start=d.start + m.end(), end=d.end + m.end())
             for d in find_dates(sentence[m.end():stop], published)]
    return next((d for d in dates if not _detached(sentence, d, m.start())), None)


def _others(sentence: str, first: re.Match[str], first_type: str, first_date: DateMention | None,
            published: date | None) -> tuple[DateMention | None, list[tuple[str, re.Match[str], DateMention]]]:
    """Further events in the same sentence, before or after the first: triggers with a date of
    their own that follows them closely, before the next trigger (`kunjungan ke Beijing pada Mei
    2024 dan pertemuan di Astana pada Juli 2024`; `KTT APEC di Lima pada 10 November dan KTT G20
    di Rio pada 18 November`; `... sejak pertemuan mereka di San Francisco pada November tahun
    lalu`). With such others, the first event's date is its own too, when it has one."""
    lex = _lex()
    # A gathering named as a meeting's occasion (`di sela-sela KTT G20`) is no event of its own.
    hits = [(t, m) for t, m in _hits(sentence, possessive=True)
            if not (t == "summit" and lex.sideline.search(sentence[max(0, m.start() - 20):m.start()]))]
    mine = next((i for i, (_, m) in enumerate(hits) if m.start() == first.start()), None)
    own_first = _own_date(sentence, hits, mine, published) if mine is not None else None
    anchor_date = own_first or first_date
    out: list[tuple[str, re.Match[str], DateMention]] = []
    taken = {anchor_date.start} if anchor_date is not None else set()
    for i, (etype, m) in enumerate(hits):
        if i == mine or abs(m.start() - first.start()) < 15:
            continue
        if out and m.start() - out[-1][1].start() < 15:
            continue
        d = _own_date(sentence, hits, i, published)
        if d is None or d.start in taken or \
                (anchor_date is not None and d.value == anchor_date.value and etype == first_type):
            continue
        taken.add(d.start)
        out.append((_kind(sentence, etype, m), m, d))
    return (own_first or first_date if out else first_date), out


def _detached(sentence: str, d: DateMention, at: int) -> bool:
    """Whether date `d` belongs to something else than the event whose trigger is at `at`: the
    statement before a speech verb, what follows a detaching cue (`sejak invasi pada Februari`)."""
    if d.end <= at and _says_after(sentence, d.end, at):
        return True
    if d.end <= at and _lex().content_clause.search(sentence, d.end, at):
        # `Kremlin mengumumkan pada Senin bahwa Xi akan berkunjung`: the event is told in a clause
        # of its own after `bahwa`; a date before that clause is the telling's.
        return True
    if d.end <= at and any(h.end() <= d.start and h.start() < at and _relative_verb(sentence, h.start())
                           for _, h in _hits(sentence)):
        # `Lula yang tiba di Beijing pada Senin juga dijadwalkan bertemu Li`: the relative clause's
        # day is its own event's, not the main verb's.
        return True
    # A bare year or month is found with its preposition (`sejak 2019`): that word is before it too.
    lead = re.match(r"[A-Za-z]+\s+", d.text)
    if lead and lead.group().strip().lower() not in lexicon.words("dates", "date_prepositions"):
        lead = None  # `Selasa (5/9)` opens with its day; `Sejak 2019, ...` with a preposition
    # The event word itself is no cue detaching its own date (`diterima oleh Presiden X ... pada
    # Kamis`: received by a host, not `diterima` by a newsroom).
    window = max(0, d.start - CUE_WINDOW, at + 1 if at < d.start else 0)
    before = sentence[window:d.start] + (lead.group() if lead else "")
    starts = d.precision == "day" and _lex().start_cue.search(before)
    if d.precision != "day" and amount_before().search(before):
        # `rekor perdagangan sebesar 227 miliar dolar pada 2023`: the figure's period.
        return True
    if detaching_cues().search(before) and not starts:
        return True
    # `Dikutip dari kantor berita AFP pada Rabu (22/3)`: a cue opening the date's own clause,
    # however far back in it, ties the date to the citing.
    clause = max(sentence.rfind(",", 0, d.start), sentence.rfind(";", 0, d.start)) + 1
    if d.start - clause <= CLAUSE_CUE_WINDOW and _lex().citing.match(sentence[clause:d.start].lstrip()):
        return True
    if d.start > at and d.precision != "day" and _own_clause_after(sentence, at, d.start):
        # `... akan mengadakan pertemuan, yang akan menekankan hubungan yang mereka tandatangani
        # pada tahun 2022`, `dalam pertemuan dengan Xi, mencatat rekor perdagangan tahun lalu`:
        # a year or month in a later clause of its own (a relative clause, another predicate).
        return True
    cue = detaching_cues().search(sentence, at + 1, d.start) if d.start > at and not starts else None
    # `mengunjungi Ukraina sejak invasi ... pada Februari 2022`: the date is the invasion's,
    # unless a place brings the sentence back to the trip (`sejak perang ... ke Beijing pada`).
    return bool(cue) and not any(
        (e := ents.entity(r.name if (r := ents.resolve(m.group("place"))) else "")) is not None and e.kind == "place"
        for m in _lex().place.finditer(sentence, cue.end(), d.start))


def _own_clause_after(sentence: str, at: int, start: int) -> bool:
    """Whether offset `start`, after the trigger at `at`, lies in a later clause that opens with
    `yang` or a verb of its own (`me-`, `ber-`, `di-`) after a comma."""
    clause = sentence.rfind(",", at, start)
    if clause < 0:
        return False
    opener = sentence[clause + 1:start].split()[:1]
    return bool(opener) and (opener[0].lower() == "yang" or re.match(r"(?:me|ber|di)[a-z]{3,}$", opener[0]) is not None)


def _date(sentence: str, at: int, published: date | None, forward: bool = False) -> DateMention | None:
    best: tuple[int, DateMention] | None = None
    found = find_dates(sentence, published, forward=forward)
    if any(not _credited(sentence, d, at) for d in found):
        # `akan berada di Rusia 20-22 Maret untuk kunjungan kenegaraan, lapor Kremlin pada Jumat`:
        # a day written after a trailing credit is the report's, when the sentence has another.
        found = [d for d in found if not _credited(sentence, d, at)]
    if forward and any(d.start > at for d in found):
        # A plan is dated after its word (`lawatan ... akan berlangsung 8-10 November`); a date
        # before it is the announcement's (`menurut laporan Kemlu pada Selasa, 5 November`).
        found = [d for d in found if d.start > at]
    for d in found:
        if _detached(sentence, d, at):
            continue
        dist = d.start - at if d.start >= at else (at - d.end) + 5  # dates after the trigger read first
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def _credited(sentence: str, d: DateMention, at: int) -> bool:
    """Whether date `d`, written after the trigger at `at`, follows a trailing credit (`, lapor
    Kremlin pada Jumat`, `, kata Peskov, Senin`): a comma right before a speech verb."""
    if d.start <= at:
        return False
    return any(m.end() <= d.start for m in _trailing_credit().finditer(sentence, at, d.start))


@lexicon.derived
def _trailing_credit() -> re.Pattern[str]:
    verbs = lexicon.words("speech", "after_quote") + lexicon.words("events", "trailing_credit_verbs")
    return re.compile(rf",\s*(?:{_alt(verbs)})(?![\w])", re.IGNORECASE)


def _says_after(sentence: str, start: int, at: int) -> bool:
    """Whether a speech verb opening a reported clause (`mengatakan,`, `menyatakan bahwa`) stands
    between `start` and the trigger at `at`: a date before it dates the statement (`Lavrov pada
    Senin mengatakan, kedua presiden bisa bertemu`), not the event it tells of."""
    announced = _lex().announcing.search(sentence, start, at)
    if announced and len(sentence[announced.end():at].split()) <= ANNOUNCED_OBJECT_WORDS \
            and "," not in sentence[announced.end():at]:
        # `Wang Yi pada 22 April mengungkapkan rencana kunjungan X`: the event is its object (not
        # `mengungkapkan komitmennya ..., dalam percakapan dengan Y`, told during the event).
        return True
    verb = _speech_verbs().search(sentence, start, at)
    if verb is None:
        return False
    rest = sentence[verb.end():at]
    return rest.lstrip().startswith(",") or bool(_lex().content_clause.match(rest.lstrip()))


# The rest of a venue's name, then capitalised runs after commas (`14, Diaoyutai State Guesthouse, Beijing`).
_VENUE_AND_CITY = re.compile(r"(?:\s+[A-Z0-9][\w'’.-]*){0,3}(?:\s*,\s*(?:[A-Z0-9][\w'’.-]*\s*){1,5})+")


def _place(sentence: str, at: int, lex: _Lex, following: str = "") -> str | None:
    """The place a sentence (a clause, with the text `following` it) gives an event at `at`: the
    nearest `di`/`ke` place after it, else before it; a venue's city when one follows it."""
    cands = []
    for m in lex.place.finditer(sentence):
        name = m.group("place").strip()
        if name.lower() in lex.not_places:
            continue
        known = ents.resolve(name)
        if known is not None and known.kind in ("person", "org"):
            continue
        cands.append((m.start() < at, abs(m.start() - at), name, m.end("place")))
    if not cands:
        return None
    after = [c for c in cands if not c[0]]
    _, _, pick, end = min(after or cands, key=lambda c: c[1])
    # Keep the gazetteer's spelling and drop trailing words that are not part of the name.
    m = ents.find_mentions(pick)
    if m and m[0].start == 0 and m[0].entity.kind in ("place", "state"):
        return m[0].entity.name
    # A venue, then its city after commas (`di Villa 14, Diaoyutai State Guesthouse, Beijing`).
    venue = _VENUE_AND_CITY.match(sentence[end:] + following)
    if venue:
        city = [c for c in ents.find_mentions(venue.group()) if c.entity.kind == "place"]
        if city:
            return city[0].entity.name
    return pick.split(",")[0]


def leaders(body: str, published: date | None) -> list[str]:
    """The two people an article names most, heads of state and government first: who
    `keduanya` and `kedua pemimpin` are."""
    counts = Counter(m.entity.name for m in ents.find_mentions(body, published) if m.entity.kind == "person")

    def is_leader(name: str) -> bool:
        e = ents.entity(name)
        return bool(e) and any(_lex().leader_titles.match(t.text) for t in e.titles)

    ranked = sorted(counts, key=lambda n: (not is_leader(n), -counts[n]))
    return ranked[:2]


def mask_spans(body: str, spans: list[tuple[int, int]]) -> str:
    """The body with the given spans blanked out (same length, so offsets hold)."""
    chars = list(body)
    for a, b in spans:
        for k in range(a, min(b, len(chars))):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def _clause(sentence: str, at: int) -> tuple[int, int]:
    """The clause of a sentence around offset `at`: between commas or semicolons."""
    starts = [m.end() for m in re.finditer(r"[,;]\s", sentence[:at])]
    start = starts[-1] if starts else 0
    end_m = re.search(r"[,;]\s", sentence[at:])
    return start, at + end_m.start() if end_m else len(sentence)


def _persons(part: str, published: date | None, titled_names: list[str]) -> list[tuple[int, str]]:
    """People a piece of a sentence names, with their offsets: gazetteer people and people known
    from a titled mention elsewhere in the article."""
    known = [m for m in ents.find_mentions(part, published) if m.entity.kind == "person"]
    found = [(m.start, m.entity.name) for m in known]
    # A name alone stands for one person only: a token two of the article's people share
    # (`Sergei`), or one inside another person's full name (`Wang` of `Wang Wenbin`), names nobody.
    shared = Counter(t for name in titled_names for t in set(name.split()))
    for name in titled_names:
        for t in name.split():
            m = re.search(rf"(?<![\w]){re.escape(t)}(?![\w])", part) if len(t) > 3 and shared[t] == 1 else None
            if m and not any(k.start <= m.start() < k.end and k.entity.name != name for k in known):
                found.append((m.start(), name))
                break
    out: dict[str, int] = {}
    for pos, name in sorted(found):
        out.setdefault(name, pos)
    return sorted(((p, n) for n, p in out.items()))


def _states(part: str, published: date | None, place: str | None, lex: _Lex) -> list[str]:
    """States a piece of a sentence names as actors: not the country of a place
    (`di Bali, Indonesia`, `ke Rusia`)."""
    out = []
    for m in ents.find_mentions(part, published):
        e = m.entity
        name = e.name if e.kind == "state" else e.state if e.kind == "place" and e.capital else None
        before = lex.place_before.search(part[:m.start])
        if not name or name == place or before and _country_of_place(part[before.start():m.start], name, published):
            continue
        clause = max(part.rfind(",", 0, m.start), part.rfind(";", 0, m.start)) + 1
        if lex.citing.match(part[clause:m.start].lstrip()):
            continue  # `Mengutip dari laporan China Daily, ...`: the source's name, no actor
        out.append(name)
    # A capital alone is where something happens (`Pertemuan ... G20 New Delhi`); it stands
    # for its state only beside another state (`Moskow dan Beijing sepakat`).
    states = [m.entity.name for m in ents.find_mentions(part, published) if m.entity.kind == "state"]
    if len(set(out)) == 1 and not states:
        return []
    return list(dict.fromkeys(out))


def _country_of_place(before: str, state: str, published: date | None) -> bool:
    """Whether a state is named as where something is (`di Bali, Indonesia`, `ke Rusia`): after a
    place preposition, or after a city of that very state (`Kazan, Rusia`; in `Astana, China dan
    Rusia` China is no country of Astana, it acts)."""
    city = re.match(r"([A-Z][\w'-]*),\s+$", before)
    if city is None:
        return True
    e = ents.resolve(city.group(1), published)
    return e is None or e.kind not in ("place", "state") or e.kind == "place" and e.state == state


def _apposed_person(part: str, end: int, published: date | None) -> bool:
    """Whether a person's name follows `end` as an apposition: a comma, at most one word of
    rank (`Pangeran`, `Sheikh`), then the name."""
    gap = re.match(r",\s*(?:[A-Z][\w-]*\s+)?", part[end:])
    if gap is None:
        return False
    at = end + gap.end()
    first_word = re.match(r",\s*", part[end:])
    starts = {end + first_word.end(), at} if first_word else {at}
    return any(m.entity.kind == "person" and end + m.start in starts
               for m in ents.find_mentions(part[end:end + 60], published))


def _roles(part: str, published: date | None, lex: _Lex) -> list[str]:
    """Unnamed participants: a role as written and its state's canonical name (`pemimpin India`,
    `delegasi Rusia`)."""
    out = []
    for m in lex.groups.finditer(part):
        state = ents.resolve(m.group("state"), published)
        if state is None or state.kind != "state":
            continue
        named = next((x for x in ents.find_mentions(m.group("state"), published) if x.entity is state), None)
        if named is not None and re.match(r"\s+[A-Z]", part[m.start("state") + named.end:]):
            continue  # a title before a name (`Presiden Iran Masoud Pezeshkian`): a person, no role
        if named is not None and _apposed_person(part, m.start("state") + named.end, published):
            continue  # `Menlu Arab Saudi, Pangeran Faisal bin Farhan`: the title of the name after it
        role = m.group("role").lower()
        out.append(f"{role} {state.name}")
        # One role before a list of states is each one's (`pemimpin India, China dan Rusia`).
        end = m.end()
        while (nxt := lex.next_state.match(part, end)) is not None:
            more = ents.resolve(nxt.group("state"), published)
            if more is None or more.kind != "state":
                break
            out.append(f"{role} {more.name}")
            end = nxt.end()
    return list(dict.fromkeys(out))



@lexicon.derived
def _speech_verbs() -> re.Pattern[str]:
    """A speech verb right after a pronoun (`Ia menjelaskan ...`): the pronoun is a speaker
    reporting the event, not a participant in it."""
    verbs = lexicon.words("speech", "before_quote") + lexicon.words("speech", "after_quote")
    particles = _alt(lexicon.words("speech", "verb_particles"))
    return re.compile(rf"\s+(?:(?:{particles})\s+)?(?:{_alt(verbs)})(?![\w])", re.IGNORECASE)


def _inherited(dated: list[Event], at: int, persons: list[str], continues: bool,
               place: str | None = None, window: int = INHERIT_WINDOW,
               happened: bool = False, etype: str | None = None) -> tuple[date, str] | None:
    """The date an undated mention at offset `at` takes: that of the latest dated visit, summit
    or meeting told shortly before that shares a person with it or was in the same city (the
    talks of a visit to Kyiv, told `di Kyiv`), or of the latest one, when the sentence says it
    continues it (`kemudian`, `usai`). A meeting of the very pair of a meeting told before is that
    meeting retold, whatever was told in between. A mention told as `happened` takes no plan's
    date: `saat Lavrov tiba di bandara`, after the summit he is to attend tomorrow, retells his
    arrival."""
    near = [e for e in reversed(dated) if at - e.start < window and e.when
            and not (happened and e.status == "planned")]
    if continues and near:
        # `Saat itu, ...`: said of the event just told, whatever its precision.
        return near[0].when
    if not happened and etype == "meeting":
        # A meeting planned during a trip whose arrival is told (`tiba di Beijing pada Jumat ...
        # Dalam kunjungan ini, X dijadwalkan bertemu Y`) is for a day to come, not the arrival's,
        # unless the sentence says it follows on (`Selanjutnya ia akan ...`, above).
        near = [e for e in near if not (e.event_type == "visit" and e.status == "happened")]
    recent = [e for e in near if e.date_precision != "year"]
    people = _people_in(persons)
    if etype == "meeting" and len(people) == 2:
        same = next((e for e in reversed(dated) if e.event_type == "meeting" and e.when and e.date_precision != "year"
                     and people <= _people_in(e.participants)), None)
        if same is not None:
            return same.when
    if etype == "visit" and people:
        # A trip told again (`Kedatangan X di Indonesia untuk menghadiri KTT ...`) is the trip told
        # before, not the gathering it was for.
        trip = next((e for e in recent if e.event_type == "visit" and people & _people_in(e.participants)), None)
        if trip is not None:
            return trip.when
    city = place if place and (e := ents.entity(place)) is not None and e.kind == "place" else None
    found = next((e.when for e in recent if people & _people_in(e.participants) or city and e.place == city), None)
    if found is None and city:
        # The gathering told in the same city dates what happens there, further on too (the
        # sideline meetings of a summit in Kazan, told after its attendees).
        found = next((e.when for e in reversed(dated) if e.place == city and e.event_type == "summit"
                      and e.when and e.date_precision != "year" and at - e.start < CITY_WINDOW), None)
    return found


def _arrival_visitor(people: list[tuple[int, str]], end: int) -> list[str]:
    """The visitor of an arrival word ending at `end` (`menyambut kedatangan Prabowo yaitu Dubes
    X`): the first person named right after it; empty when nobody is."""
    after = [(p, n) for p, n in people if end <= p <= end + PERSON_WINDOW]
    return [after[0][1]] if after else []
def _framing_place(part: str, clause_start: int) -> str | None:
    """A city that opens the sentence as its frame (`Di Kazan, Putin akan bertemu ...`): where
    everything the sentence tells happens, its first clause being no more than that place."""
    m = re.match(r"\s*[Dd]i\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s*,", part)
    if m is None or clause_start < m.end():
        return None
    known = ents.resolve(m.group("place"))
    return known.name if known is not None and known.kind == "place" else None


def _month_told_before(text: str, at: int, part: str, published: date | None) -> tuple[date, str] | None:
    """The month a sentence points back to (`Di akhir bulan, X bertemu Y`, `pada bulan yang
    sama`): that of the last date written before it, at month precision."""
    if not _lex().same_month.search(part):
        return None
    before = [d for d in find_dates(text[max(0, at - SAME_MONTH_REACH):at], published) if d.precision != "year"]
    return (before[-1].value.replace(day=1), "month") if before else None


def _in_attribution(part: str, pos: int, lex: _Lex, at: int | None = None) -> bool:
    """Whether offset `pos` lies in an attribution (`..., menurut juru bicara Kemlu Rusia`):
    who reports an event does not take part in it. With the event's trigger at `at`: a person
    named after the trigger is the event's (`disampaikan oleh Retno setelah pertemuan dengan
    Lavrov`), and so is a speaker said to have done it (`disampaikan oleh Retno setelah memimpin
    pertemuan`)."""
    if any(m.start() < pos < m.end() for m in lex.said.finditer(part)):
        return True
    credits = list(_trailing_credit().finditer(part, 0, pos))
    if credits and at is not None and credits[-1].start() > at:
        # `X akan berkunjung ke Rusia, kata juru bicara Kemlu China, Wang Wenbin`: the credit
        # after the event names who told it.
        return True
    markers = list(lex.attribution.finditer(part, 0, pos))
    if not markers:
        return False
    end = markers[-1].end()
    if at is not None and (end <= at < pos or pos < at and _did_before(part, pos, at, lex)):
        return False
    # `diungkap oleh Menteri Luar Negeri China, Wang Yi`: a title, then the name after one comma.
    between = part[end:pos]
    apposed = between.count(",") == 1 and between.rstrip().endswith(",") and len(between.split()) <= 8
    return not (("," in between and not apposed) or lex.content_clause.search(part, end, pos))


def _did_before(part: str, pos: int, at: int, lex: _Lex) -> bool:
    """Whether the clause from a person at `pos` to the event at `at` says the person did it
    before speaking (`oleh Retno kepada wartawan setelah memimpin pertemuan`): an after-moment
    cue and a verb of their own (`me-`, `ber-`), in one clause. `usai pertemuan` alone says when
    the speaker spoke, not that they took part."""
    between = part[pos:at]
    if "," in between:
        return False
    cue = re.search(rf"(?<![\w])(?:{_alt(lex.after_words)})\s+(?:me|ber)\w+\s+$", between, re.IGNORECASE)
    return cue is not None


def _speaks_before(part: str, pos: int, at: int) -> bool:
    """Whether the person at `pos` is the one telling the event at `at` (`Juru bicara X
    mengungkapkan harapan bahwa kunjungan ...`, `Menlu X mengungkapkan, ... akan bertemu`): a
    speech verb stands between them, opening a reported clause."""
    if pos >= at or (verb := _speech_verbs().search(part, pos, at)) is None:
        return False
    if re.search(r",\s*yang(?![\w])[^,]*$", part[pos:verb.start()]) and "," in part[verb.end():at]:
        # `Prabowo, yang sebelumnya mengatakan bahwa ..., mengunjungi Jepang`: the speech verb is
        # in a relative clause set off by commas; the person is the subject of the event after it.
        return False
    return bool(_lex().content_clause.search(part, pos, at)) or _says_after(part, pos, at) or \
        _own_subject(part[verb.end():at])


def _own_subject(clause: str) -> bool:
    """Whether a clause reported without `bahwa` names its own subject before its event word
    (`Peskov mengatakan Putin akan bertemu Xi`, `Peskov menjelaskan kedua pemimpin berbicara`):
    the speaker then only reports. Not an addressee (`mengatakan kepada Xi ...`)."""
    lex = _lex()
    if lex.addressee.match(clause):
        return False
    return bool(lex.pair.search(clause)) or any(m.entity.kind == "person" for m in ents.find_mentions(clause))


def _elsewhen(part: str, pos: int, at: int) -> bool:
    """Whether the person at `pos` is named in a clause of another moment before the event at
    `at` (`usai pertemuan dengan Jokowi, Wang Yi akan bertemu ...`): that is another happening's."""
    if pos >= at:
        # `KTT tahun ini adalah yang pertama sejak Presiden Trump kembali ke Gedung Putih`: who a
        # `sejak` clause after the event word names marks a time, not a participant.
        # Only the clause's subject, right after the cue or its title (`sejak dilantik menjadi
        # Presiden Rusia` names the event's own person).
        since = _lex().since.search(part, at, pos)
        return since is not None and not re.search(r"[,;]|\b[a-z]", part[since.end():pos])
    cue = None
    for m in re.finditer(rf"(?<![\w])(?:{_alt(_lex().other_moment_words)})(?![\w])", part[:pos], re.IGNORECASE):
        cue = m
    return cue is not None and "," in part[pos:at] and "," not in part[cue.end():pos]


def _legs(part: str, at: int, published: date | None, lex: _Lex) -> list[str]:
    """The destinations of a trip told as a list (`mengunjungi Rusia dan Ukraina`, `lawatan ke
    Jepang, Korea Selatan dan China`): each is a visit of its own (GOLD.md: one event per
    happening). Empty unless the list names places or states only."""
    m = lex.place.search(part, at)
    if m is None or m.start() - at > 30:
        return []
    first = ents.resolve(m.group("place"), published)
    if first is None or first.kind not in ("state", "place"):
        return []
    legs, end = [first.name], m.end()
    joined = False
    while (nxt := lex.next_state.match(part, end)) is not None:
        e = ents.resolve(nxt.group("state"), published)
        if e is None or e.kind not in ("state", "place"):
            break
        before = ents.entity(legs[-1])
        if e.kind == "place" and before is not None and before.kind == "state" and e.state == before.name:
            legs[-1] = e.name  # `ibu kota Laos, Vientiane`: the country's own city is where one goes
        elif not (e.kind == "state" and before is not None and before.kind == "place" and before.state == e.name):
            legs.append(e.name)  # `Beijing, China`: a city and its country are one destination
        end = nxt.end()
        joined = joined or nxt.group().strip(" ,") != nxt.group("state")
    if not joined:
        return legs[:1]  # `di Nusa Dua, Bali`: a list ends with `dan`; commas alone add the region
    return list(dict.fromkeys(legs))


def _city(name: str) -> str | None:
    """A destination as a place: a city as it is; a country, no place (GOLD.md)."""
    e = ents.entity(name)
    return None if e is not None and e.kind == "state" else name


def _people_in(names: list[str]) -> set[str]:
    """The names that are people (known ones, and unknown names), not states or bodies."""
    out = set()
    for n in names:
        # A body may be written as the text names it (`Organisasi Kerjasama Shanghai`).
        e = ents.entity(n) or (None if _is_role(n) else ents.resolve(n))
        if e.kind == "person" if e is not None else not n.islower():
            out.add(n)
    return out


def _state_of(part: str, pos: int, name: str) -> str | None:
    """A counterpart's state: the gazetteer's, else the one its title names (`Menhan Turki X`)."""
    known = ents.entity(name)
    if known is not None and known.state:
        return known.state
    # The name may be found with its title (`PM Australia Anthony Albanese` at the title).
    at = part.find(name.split()[0], pos)
    told = ents.states_in(part[max(0, pos - TITLE_REACH):at if at >= 0 else pos])
    return told[-1] if told else None


# How far before an unknown name its title may name the state (`Menteri Pertahanan Turki`).
TITLE_REACH = 30


def _sides_count(lex: _Lex, part: str) -> str | None:
    """The word saying how many sides meet (`trilateral`), when it is more than two."""
    m = lex.sides.search(part)
    return m.group().lower() if m and m.group().lower() != "bilateral" else None


def _split_counterparts(part: str, at: int, people: list[tuple[int, str]], subject: list[str],
                        lex: _Lex, published: date | None = None, separate: bool = False) -> list[list[str]] | None:
    """One meeting per counterpart when a subject met several people told in one list
    (`mengadakan sejumlah pertemuan bilateral dengan A, B dan C`; `pembicaraan dengan Presiden
    Xi dan Perdana Menteri Li`): each is a distinct happening, and so is each unnamed leader of
    the list (`secara terpisah dengan A, B, serta pemimpin Mesir`). None when it is one meeting;
    `separate` says the meetings are told apart already (a subject taken from such a list)."""
    cue = lex.counterpart.search(part, at)
    # Without `dengan` the other side follows the verb itself (`menemui A dan B`).
    side = cue.start() if cue is not None else at
    # The subject is who comes before the other side (`Pada pertemuan itu Wang Yi bertemu dengan`).
    subject = list(dict.fromkeys([*subject, *(n for p, n in people if p < side)]))
    if not subject:
        return None
    others = [n for p, n in people if p >= side and n not in subject]
    apart = separate or bool(lex.separate.search(part))
    roles = _roles(part[side:], published, lex) if apart or not others else []
    if len(others) + len(roles) < 2:
        return None
    if not others and _sides_count(lex, part) is None:
        # `berbicara dengan mitra-mitranya dari Kamboja, Brunei dan Timor Leste`: unnamed
        # counterparts of several states, met one by one as named ones are.
        return [[*subject, r] for r in roles]
    states = {_state_of(part, p, n) for p, n in people if p >= side and n not in subject}
    own = {_state_of(part, p, n) for p, n in people if n in subject}
    # Counterparts of one state met together are one host's people; of as many states as there
    # are counterparts, none the subject's own, they were met one by one, unless the meeting word
    # counts three sides (`pertemuan trilateral`).
    sides = lex.sides.search(part)
    each = len(states) == len(others) and None not in states and not states & own and \
        (sides is None or sides.group().lower() == "bilateral")
    one_host = len(states) == 1 and None not in states
    first = min((p for p, n in people if p >= side and n not in subject), default=side)
    if one_host and (len(subject) >= 2 or lex.groups.search(part, side, first)):
        # Two delegations (`Sugiono dan Sjafrie ... bersama Menlu Wang Yi dan Menhan Dong Jun`),
        # or one state's people met as its group (`dengan perwakilan Pemerintah AS, yakni A dan B`):
        # one meeting of the two sides, not one per person.
        one_host = False
    if apart or one_host or each:
        return [[*subject, n] for n in [*others, *roles]]
    return None


def _counterpart_dates(part: str, people: list[tuple[int, str]], groups: list[list[str]],
                       published: date | None) -> dict[str, tuple[date, str]]:
    """The day each listed counterpart was met, when the list gives one after each name
    (`dengan A pada Senin (29/7), dan B pada Selasa (30/7)`)."""
    at = {n: p for p, n in people}
    order = sorted((at[g[-1]], g[-1]) for g in groups if g[-1] in at)
    out: dict[str, tuple[date, str]] = {}
    for i, (p, n) in enumerate(order):
        stop = order[i + 1][0] if i + 1 < len(order) else len(part)
        found = find_dates(part[p:stop], published)
        if found:
            out[n] = (found[0].value, found[0].precision)
    # Only when every counterpart has its own day; else the meeting's date stands for all.
    return out if len(out) == len(order) else {}


def _part_start(s: str, found: list[tuple[str, re.Match[str], DateMention | None]], i: int,
                published: date | None, titled_names: list[str]) -> int:
    """Where the piece of a sentence telling its `i`-th event starts: at its trigger, or at the
    clause break before it when that clause names its own subject (`Putin bertemu Xi pada Selasa,
    sementara Lavrov bertemu Wang Yi pada Rabu`: Lavrov is the second meeting's, not the first's).
    The break is the first one after the event before it and its date."""
    _, prev, prev_date = found[i - 1]
    m = found[i][1]
    after = max(prev.end(), prev_date.end if prev_date is not None and prev_date.end <= m.start() else 0)
    brk = _lex().clause_break.search(s, after, m.start())
    if brk is None or not any(brk.end() <= p < m.start() for p, _ in _persons(s, published, titled_names)):
        return m.start()
    return brk.end()


# How far after an event a sentence pointing back at it (`KTT tersebut`) may name who was there.
ATTENDEES_WINDOW = 600


def _gatherings_own(s: str, gathering: re.Match[str] | None, d: DateMention | None) -> bool:
    """Whether date `d` is written in a relative clause saying when the gathering word takes place
    (`menghadiri KTT G20 yang berlangsung 7-8 Juli`): the gathering's days, not a trip's."""
    if gathering is None or d is None or d.start < gathering.end():
        return False
    return _lex().held_clause.search(s, gathering.end(), d.start) is not None


# How far after a clause break the subject of a clause of its own may be named (`, dan Presiden Putin`).
SUBJECT_REACH = 25


def _own_clause_end(s: str, at: int, published: date | None, titled_names: list[str]) -> int:
    """Where the clause of an event word ending at `at` ends: at the first clause break after it
    that opens a clause naming its own subject (`..., dan Putin mengundang ...`), else at the
    sentence's end."""
    starts = [m.start for m in ents.find_mentions(s, published) if m.entity.kind == "person"]
    # Every mention, not only each person's first: the subject is often named again.
    starts += [m.start() for name in titled_names for t in name.split() if len(t) > 3
               for m in re.finditer(rf"(?<![\w]){re.escape(t)}(?![\w])", s)]
    for brk in _lex().clause_break.finditer(s, at):
        if any(brk.end() <= p <= brk.end() + SUBJECT_REACH and not re.search(r"\b[a-z]", s[brk.end():p])
               for p in starts):
            return brk.start()
    return len(s)


def _planned(sentence: str, trig: re.Match[str]) -> bool:
    """Whether a sentence tells its event as a plan: a cue before the trigger (`akan bertemu`), or
    after it in the trigger's own clause (`kunjungan itu akan berlangsung`). A cue in a clause
    of its own after `yang` or `untuk` is that clause's (`tiba di X yang rencananya akan
    membahas ...`: the arrival happened)."""
    lex = _lex()
    # Blanked to the same length, so the trigger's offsets still hold.
    sentence = lex.honoured.sub(lambda m: " " * len(m.group()), sentence)
    for cue in lex.planned.finditer(sentence, 0, trig.start()):
        if cue.group().lower() in lex.plan_nouns and _event_word_at(sentence, cue.end(), trig.start()):
            continue  # `membahas rencana kunjungan ... dalam pertemuan`: the visit is the plan
        return True
    cue = lex.planned.search(sentence, trig.end())
    if cue is None:
        return False
    # After a noun (`pertemuan`, `kunjungan`, `KTT`: Indonesian nouns of events end in -an or are
    # acronyms) `yang akan ...` describes the event itself: `KTT yang akan digelar` is a plan.
    last = trig.group().split()[-1]
    noun = last.isupper() or last.lower().endswith(("an", "annya"))
    if not noun and _relative_verb(sentence, trig.start()):
        # `Lula yang tiba di Beijing pada Senin juga dijadwalkan bertemu ...`: the relative clause
        # tells what its subject did; the plan cue after it is the main clause's.
        return False
    return noun or not lex.own_tense.search(sentence, trig.end(), cue.start())


def _relative_verb(sentence: str, at: int) -> bool:
    """Whether the event word at `at` is the verb of a relative clause (`X yang tiba di ...`)."""
    return _lex().relative_verb.search(sentence[max(0, at - RELATIVE_REACH):at]) is not None


# How far before an event word the relative opener of its clause may stand (`yang telah tiba`).
RELATIVE_REACH = 16


def _event_word_at(sentence: str, pos: int, trig_start: int) -> bool:
    """Whether another event word than the one at `trig_start` follows `pos` right away."""
    gap = len(sentence[pos:]) - len(sentence[pos:].lstrip())
    return any((m := p.match(sentence, pos + gap)) is not None and m.start() != trig_start
               for p in _lex().triggers.values())


def _opening_back(sentence: str) -> str | None:
    """The type of the event word that opens a sentence pointing back (`Kunjungan kenegaraan ini
    juga mencakup ...`): the sentence goes on telling that event."""
    lex = _lex()
    opening = len(sentence) - len(sentence.lstrip())
    for etype, pattern in lex.triggers.items():
        m = pattern.match(sentence, opening)
        after = sentence[m.end():m.end() + 12].split() if m else []
        if after and after[0].lower().strip(".,") in lex.pointing_back:
            return etype
    return None


def _pointed_back(sentence: str, published: date | None) -> tuple[str, DateMention] | None:
    """An event word pointing back with a date of its own (`Pertemuan ini berlangsung di Davos
    pada Rabu, 22 Januari`): the type and the date it gives the event told before."""
    lex = _lex()
    opening = len(sentence) - len(sentence.lstrip())
    for etype, pattern in lex.triggers.items():
        # Only as the sentence's subject (`Dalam pertemuan tersebut, X mengundang ... pada 2026`
        # dates something else), and not in a plan.
        m = pattern.match(sentence, opening)
        after = sentence[m.end():m.end() + 12].split() if m else []
        if m is None or not after or after[0].lower().strip(".,") not in lex.pointing_back or \
                lex.planned.search(sentence):
            continue
        d = _date(sentence, m.start(), published)
        # Another event word before the date (`Kunjungan itu ... bertemu ... pada 2025`) owns it.
        if d is not None and not any(h.start() > m.end() and h.end() <= d.start for _, h in _hits(sentence)):
            return etype, d
    return None


def _trip_pointed_back(found: list[Event], sentence: str, start: int, evidence: str, published: date | None,
                       titled_names: list[str]) -> Event | None:
    """The trip a sentence opens by pointing back to when none was told (`Kunjungan kenegaraan
    ini adalah perjalanan luar negeri pertama bagi Xi`, after `Putin menjamu Xi di Kremlin pada
    Senin`): the trip of the person it names who took part in the dated event told just before,
    on that event's day. GOLD.md counts a visit and the talks held during it apart."""
    if _opening_back(sentence) != "visit" or any(e.event_type == "visit" for e in found):
        return None
    last = found[-1] if found else None
    if last is None or last.when is None or last.date_precision != "day" or start - last.start > FOLLOW_WINDOW:
        return None
    travellers = [n for _, n in _persons(sentence, published, titled_names) if n in _people_in(last.participants)]
    if len(travellers) != 1:
        return None  # the host named with the guest leaves the traveller unknown
    return Event(event_type="visit", event_date=last.event_date, date_precision=last.date_precision,
                 participants=travellers, place=last.place, status=last.status, medium=None,
                 evidence=evidence, start=start)


def _invited(sentence: str, at: int) -> bool:
    """Whether the event at `at` is what someone is invited to do (`mengundang Presiden X untuk
    melakukan kunjungan ...`): an invitation is no event (GOLD.md), whatever years it offers."""
    lex = _lex()
    cues = list(lex.invitation.finditer(sentence, 0, at))
    if not cues:
        return False
    # `mengundang X ke Jakarta`: the place the guest is invited to, told without a verb.
    return lex.purpose.search(sentence, cues[-1].end(), at) is not None or lex.bare_trip.match(sentence, at) is not None


def _told_as_moment(sentence: str, published: date | None) -> tuple[str, re.Match[str]] | None:
    """An event named only as the moment after which something else happened, with its own day
    (`Dalam konferensi pers seusai pertemuan bilateral di Istana X, Kamis (19/6/2025), ...`): the
    article tells it there and nowhere else. Without a day of its own it stays a retelling."""
    lex = _lex()
    for etype in ("meeting", "summit", "visit", "call"):
        for m in lex.triggers[etype].finditer(sentence):
            after = sentence[m.end():m.end() + 12].split()
            word = after[0].lower().strip(".,") if after else ""
            if word in lex.anaphora:
                continue
            after_it = lex.after_moment.search(sentence[max(0, m.start() - 12):m.start()])
            ahead = lex.before_moment.search(sentence[max(0, m.start() - 12):m.start()])
            if not after_it and not ahead:
                continue
            d = _date(sentence, m.start(), published, forward=bool(ahead))
            # Told as the moment to come, only a day after publication makes it a plan of its own.
            if d is not None and (after_it or published is None or d.value > published):
                return _kind(sentence, etype, m), m
    return None


def _body(name: str) -> str:
    """A summit's body under one name however the text writes it (`Organisasi Kerjasama Shanghai`
    and `SCO` are one body)."""
    e = ents.resolve(name)
    return e.name if e is not None and e.kind != "person" else name


def _occasions(part: str, at: int, start: int, people: list[str], evidence: str, lex: _Lex) -> list[Event]:
    """The summit a meeting is held at (`bertemu di sela-sela KTT SCO`, `dalam pertemuan SCO`), as
    an undated mention naming the meeting's people: it dates nothing and is no event alone, but
    the summit told elsewhere by its body alone learns who was there (see `merge`)."""
    out = []
    for bm in lex.summit_bodies.finditer(part, at):
        lead_in = part[max(at, bm.start() - 40):bm.start()]
        if lex.sideline.search(lead_in) or lex.occasion.search(lead_in):
            out.append(Event(event_type="summit", event_date=None, date_precision=None, participants=list(people),
                             place=None, status="happened", medium=None, evidence=evidence, start=start,
                             extra={"body": _body(bm.group()), "occasion": "1"}))
    return out[:1]


def _opening_date(part: str, published: date | None) -> int:
    """Where a sentence's subject may start: after a date that opens it (`Jumat, ia akan ...`)."""
    first = next(iter(find_dates(part[:40], published)), None)
    if first is None or part[:first.start].strip():
        return 0
    comma = re.match(r"\s*,", part[first.end:])
    return first.end + comma.end() if comma else 0


# How far after a series of meetings (`serangkaian pertemuan bilateral dengan beberapa menteri`) the
# sentence listing who was met may start.
SERIES_WINDOW = 300


def _series_listed(found: list[Event], sentence: str, at: int, published: date | None,
                   titled_names: list[str]) -> list[Event]:
    """The meetings of a series told without names (`Retno melakukan serangkaian pertemuan
    bilateral dengan beberapa menteri luar negeri pada Kamis`), one per person the next sentence
    lists (`Di antara menteri itu adalah A, B, dan C.`): each is a distinct happening (GOLD.md),
    on the series' date."""
    lex = _lex()
    series = found[-1] if found else None
    if series is None or series.event_type != "meeting" or len(series.participants) != 1 or \
            not 0 < at - series.start < SERIES_WINDOW or not lex.series.search(series.evidence):
        return []
    subject = series.participants[0]
    people = [n for p, n in _persons(sentence, published, titled_names)
              if n != subject and not _in_attribution(sentence, p, lex)]
    if len(people) < 2:
        return []
    series.participants = [subject, people[0]]
    return [replace(series, participants=[subject, n], start=at, extra=dict(series.extra)) for n in people[1:]]


def _travellers(part: str, at: int, people: list[tuple[int, str]], persons: list[str]) -> list[str]:
    """Who makes a trip told with what it was for (`terbang ke Moskow untuk bertemu Lavrov`): the
    people named before the meeting or call word after the trip's; those met there are the
    meeting's, not travellers (GOLD.md: a visit's participants are the visitors)."""
    hits = _triggers(part)
    met = min((hits[t].start() for t in ("meeting", "call") if t in hits and hits[t].start() > at), default=None)
    if met is None:
        return persons
    later = {n for p, n in people if p >= met} - {n for p, n in people if p < met}
    kept = [n for n in persons if n not in later]
    return kept or persons


def _home_state(name: str | None) -> str | None:
    """The state a person, a city or a state itself belongs to, as the gazetteer knows it."""
    e = ents.entity(name) if name else None
    if e is None:
        return None
    return e.name if e.kind == "state" else e.state


def _visitors(goers: list[str], persons: list[str], place: str | None) -> list[str]:
    """Who makes a trip, leaving out its host: nobody visits their own state (`Dia menyinggung
    pertemuannya dengan Presiden Xi pada kunjungan ke Beijing`: Xi received the visitor). When
    every traveller found is at home there, the sentence's people from elsewhere travelled, and
    with none such the sentence tells no trip (a host seen in a retold headline, a leader back
    home); when some traveller is not at home, the travellers stay as found."""
    home = _home_state(place)
    if home is None or not goers or any(_home_state(n) != home for n in goers):
        return goers
    guests = [n for n in persons if n not in goers and _home_state(n) not in (None, home)
              and ents.entity(n) is not None and ents.entity(n).kind == "person"]
    return guests


def _collective(before: str, named_before: list[str]) -> list[str]:
    """The people a counted pronoun before the event word stands for (`Ketiganya akan mengikuti
    ...`): the last that many people the article named."""
    m = _lex().collective.search(before)
    if m is None:
        return []
    count = _lex().collective_counts[m.group().lower()]
    recent = list(dict.fromkeys(reversed(named_before)))[:count]
    return list(reversed(recent)) if len(recent) == count else []


def _venue_dates(found: list[Event], dated: list[Event], sentence: str, at: int, published: date | None) -> None:
    """A sentence dating the arrival at a gathering's venue (`Ketika tiba di lokasi pertemuan di
    Nusa Dua pada Jumat (8/7), ...`) dates the gathering told just before without a date."""
    lex = _lex()
    for etype, pattern in lex.triggers.items():
        if etype not in ("meeting", "summit"):
            continue
        for m in pattern.finditer(sentence):
            if not lex.venue.search(sentence, max(0, m.start() - VENUE_REACH), m.start()):
                continue
            d = _date(sentence, m.start(), published)
            told = [e for e in found if e.event_type in ("summit", "meeting") and 0 < at - e.start < ATTENDEES_WINDOW]
            if d is None or not told or told[-1].when is not None:
                return
            told[-1].event_date, told[-1].date_precision = d.value, d.precision
            dated.append(told[-1])
            return


def _envoys(persons: list[str], told: list[Event]) -> list[str]:
    """A visit told as a state's (`kunjungan China ke Indonesia`) is the trip of that state's one
    person the article's events already name (the minister met the same day): states stand in for
    people only when no person is known (GOLD.md)."""
    out = []
    for name in persons:
        e = ents.entity(name)
        if e is None or e.kind != "state":
            out.append(name)
            continue
        theirs = {p for ev in told for p in _people_in(ev.participants)
                  if (pe := ents.entity(p)) is not None and pe.state == name}
        out.append(theirs.pop() if len(theirs) == 1 else name)
    return list(dict.fromkeys(out))


def _during_trip_told(sentence: str, found: list[Event], at: int) -> Event | None:
    """The undated trip a sentence opens by pointing back to (`Dalam kunjungan tersebut, X bertemu
    Y pada Senin (21/10)`), when the event it tells is dated and shares a person with the trip:
    the trip was under way that day, which dates it."""
    lex = _lex()
    m = lex.during_trip.match(sentence)
    told = found[-1]
    if m is None or told.when is None or told.event_type == "visit":
        return None
    trips = [e for e in found if e.event_type == "visit" and e.start < at and 0 < at - e.start < FOLLOW_WINDOW]
    trip = trips[-1] if trips else None
    if trip is None or trip.when is not None or not _people_in(trip.participants) & _people_in(told.participants):
        return None
    return trip


def _offset_gathering(found: list[Event], sentence: str, at: int, evidence: str,
                      published: date | None) -> list[Event]:
    """A gathering a sentence places some days from the event it opens pointing back to
    (`Pertemuan ini diadakan sehari menjelang ASEAN Post Ministerial Conference`): the gathering,
    dated by that offset from the event's day, its body standing for its people (GOLD.md)."""
    lex = _lex()
    back = _opening_back(sentence)
    cue = lex.offset.search(sentence)
    if back is None or cue is None:
        return []
    body = lex.summit_bodies.search(sentence, cue.end(), cue.end() + 80)
    told = [e for e in found if e.event_type == back and e.date_precision == "day" and 0 < at - e.start < FOLLOW_WINDOW]
    if body is None or not told:
        return []
    day = told[-1].event_date + timedelta(days=lex.offsets[re.sub(r"\s+", " ", cue.group().lower())])
    status = "planned" if published is not None and day > published else "happened"
    return [Event(event_type="summit", event_date=day, date_precision="day", participants=[_body(body.group())],
                  place=None, status=status, medium=None, evidence=evidence, start=at,
                  extra={"body": _body(body.group())})]


def _add_attendees(found: list[Event], sentence: str, at: int, published: date | None,
                   titled_names: list[str]) -> None:
    """People a sentence names as present at an event it points back to (`Xi dan Modi menghadiri
    KTT tersebut`, `Pertemuan puncak itu dihadiri Presiden X`) take part in the event told just
    before, when that event names no person yet: the body or state that held it stands in for
    its people only until they are named (GOLD.md)."""
    lex = _lex()
    back = []
    for etype, pattern in lex.triggers.items():
        for m in pattern.finditer(sentence):
            after = sentence[m.end():m.end() + 12].split()
            word = after[0].lower().strip(".,") if after else ""
            if etype in ("summit", "visit", "meeting") and \
                    (word in lex.anaphora and word not in lex.possessive or _described_back(sentence, m.end())):
                back.append((_kind(sentence, etype, m), m))
    # `pertemuan puncak itu` is a summit, not a `pertemuan`: a trigger inside a longer one goes.
    back = [(t, m) for t, m in back if not any(o is not m and o.start() <= m.start() and m.end() <= o.end()
                                                for _, o in back)]
    if not back:
        # `Para pemimpin yang hadir, termasuk A dan B`: who attends is at the summit just told.
        present = lex.attendance.search(sentence)
        if present is None:
            return
        back = [("summit", present)]
    etype, m = min(back, key=lambda x: x[1].start())
    # Who attends is at the gathering just told: a summit, or a ceremony or reception (`other`).
    kinds = {etype, "other"} if back[0][1] is m and m.group().lower() in lex.attendance_words else {etype}
    target = next((e for e in reversed(found) if e.event_type in kinds), None)
    if target is None or at - target.start > ATTENDEES_WINDOW or _people_in(target.participants):
        return
    people = [n for p, n in _persons(sentence, published, titled_names)
              if not _in_attribution(sentence, p, lex) and not _speaks_before(sentence, p, m.start())]
    if people:
        target.participants = list(dict.fromkeys([*target.participants, *people]))


def mentions(body: str, published: date | None, quoted: list[tuple[int, int]] | None = None) -> list[Event]:
    """The events told by each sentence (at most two: the first trigger's, and a later one with
    a date of its own; a meeting with several counterparts listed one by one gives one each),
    before merging. `quoted` spans (direct speech) are not read: what a speaker says is not the
    article's report. A sentence opening with `Dia`/`Ia` has the person named last as its
    subject. An undated mention shortly after a dated event that shares a participant (the
    talks of a visit, the sideline meetings of a summit) or continues it (`Kedua pemimpin
    kemudian ...`) takes that event's date. A mention with no participant is no event."""
    lex = _lex()
    text = mask_spans(body, quoted or [])
    pair = leaders(body, published)
    titled = ents.titled_persons(text, published)
    titled_names = [m.entity.name for m in titled]
    named = sorted([(m.start, m.entity.name) for m in ents.find_mentions(text, published)
                    if m.entity.kind == "person"] + [(m.start, m.entity.name) for m in titled])
    # A person named in full once is named again by one of their names (`Wang`, `Luhut`).
    titled_names = list(dict.fromkeys([*titled_names, *(n for _, n in named)]))
    out: list[Event] = []
    dated: list[Event] = []
    occasions: list[Event] = []
    for sent in sentences(text):
        # A subheading names what the paragraph below tells: the lead's day is no day of it.
        heading = {"heading": "1"} if _heading(text, sent.start, sent.end) else {}
        if (back := _pointed_back(sent.text, published)) is not None:
            # The undated event of that type told last (every part of its sentence) takes the date.
            told = [e for e in out if e.event_type == back[0] and e.start < sent.start]
            last = [e for e in told if told[-1].evidence == e.evidence and e.when is None]
            for e in last:
                e.event_date, e.date_precision = back[1].value, back[1].precision
                if e.event_type in ("visit", "summit", "meeting"):
                    dated.append(e)
        if (trip := _trip_pointed_back(out, sent.text, sent.start, body[sent.start:sent.end].strip(), published,
                                       titled_names)) is not None:
            out.append(trip)
            dated.append(trip)
        _venue_dates(out, dated, sent.text, sent.start, published)
        out.extend(_offset_gathering(out, sent.text, sent.start, body[sent.start:sent.end].strip(), published))
        found = _trigger(sent.text)
        if found is not None and found[0] == "summit" and \
                lex.sideline.search(sent.text, max(0, found[1].start() - 20), found[1].start()):
            # `usai bertemu PM X di sela KTT APEC, Jumat (31/10)`: the gathering is the occasion of
            # the meeting told as a moment, which is the event when it has its own day.
            found = _told_as_moment(sent.text, published) or found
        found = found or _told_as_moment(sent.text, published)
        if found is None:
            _add_attendees(out, sent.text, sent.start, published, titled_names)
            out.extend(_series_listed(out, sent.text, sent.start, published, titled_names))
            continue
        etype, trig = found
        s = sent.text
        clause_start = max(s.rfind(",", 0, trig.start()), s.rfind(";", 0, trig.start())) + 1
        if lex.negated.search(s[clause_start:trig.start()]) or \
                (etype == "meeting" and lex.press.match(s, trig.end())):
            continue  # `tidak berencana bertemu`, `batal berkunjung`; `bertemu dengan wartawan`
        if lex.uncertain.search(s, 0, trig.start()) or _invited(s, trig.start()):
            continue
        # `Pada Jumat, keduanya berbicara melalui tautan video, dan Putin mengundang Xi untuk ...
        # pada musim semi 2023`: a clause naming its own subject tells its own time; the trigger's
        # date and plan cue are read before it, when its own clause writes a date.
        own = s[:_own_clause_end(s, trig.end(), published, titled_names)]
        own = own if _date(own, trig.start(), published) is not None else s
        planned = _planned(own, trig)
        if not planned and out and out[-1].status == "planned" and lex.sequence.match(s, len(s) - len(s.lstrip())):
            # `Kemudian Selasa malam, ...` after a plan: the next step of the same plan.
            planned = True
        d = _date(own, trig.start(), published, forward=planned)
        if d is None and (lex.held.fullmatch(trig.group()) or lex.habitual.search(s)):
            # `KTT ASEAN digelar setiap tahun`: a gathering said to take place on no day, or as a
            # habit, is no event.
            continue
        d, others = _others(s, trig, etype, d, published)
        if others:
            found_k = sorted([(etype, trig, d), *others], key=lambda x: x[1].start())
            starts = [0] + [_part_start(s, found_k, i, published, titled_names) for i in range(1, len(found_k))] \
                + [len(s)]
            told = [(t, m, dk, (starts[i], starts[i + 1])) for i, (t, m, dk) in enumerate(found_k)]
        elif also := _companions(s, etype):
            told = [(etype, trig, d, (0, len(s))),
                    *((t, m, None if t == "visit" and _gatherings_own(s, trig if etype == "summit" else None, d)
                       else d, (0, len(s))) for t, m in also)]
        else:
            told = [(etype, trig, d, (0, len(s)))]
        told_persons: list[str] | None = None
        for k, (etype_k, trig_k, d_k, (a, b)) in enumerate(told):
            if k > 0 and _invited(s, trig_k.start()):
                continue  # `..., dan Putin mengundang Xi untuk mengunjungi Moskow`: an invitation
            part = s[a:b]
            at = trig_k.start() - a
            people = [(p, n) for p, n in _persons(part, published, titled_names)
                      if not _in_attribution(part, p, lex, at) and not _speaks_before(part, p, at)
                      and not _elsewhen(part, p, at) and not lex.proxy.search(part, max(0, p - PROXY_REACH), p)]
            between = lex.between.match(part, trig_k.end() - a)
            if between:
                # `pertemuan antara pejabat tinggi Rusia dan AS`: the sides are named after it;
                # who is told of it before (`Putin memberi penjelasan kepada Xi mengenai`) is not.
                people = [(p, n) for p, n in people if p >= between.end()]
            if (listed := lex.delegation_list.search(part)) is not None and listed.start() < at:
                # `memperkenalkan delegasi Indonesia yang hadir untuk mengikuti pertemuan, yakni A, B
                # dan C`: one side's own people (not `bertemu dengan delegasi AS, yaitu A dan B`).
                people = [(p, n) for p, n in people if p < listed.end()]
            if (scene := lex.circumstance.search(part, at)) is not None and \
                    any(p < scene.start() for p, _ in people):
                # `A bertemu B ..., saat situasi memanas akibat ancaman tarif Presiden X`: X sets the
                # scene (not when the event's own clause names nobody: `Pertemuan itu terjadi pada
                # Juli, saat A masih menjabat menteri` tells who through the scene).
                people = [(p, n) for p, n in people if p < scene.start()]
            persons = [n for _, n in people]
            subject = [n for p, n in people if p < at]
            if k > 0 and a > 0 and not subject and out and out[-1].participants and \
                    lex.counterpart.match(part, trig_k.end() - a + 1):
                # `... setelah sebelumnya bertemu dengan A`: the later meeting has the subject of
                # the one before it in the sentence.
                subject = [out[-1].participants[0]]
                persons.insert(0, subject[0])
            pronoun = lex.subject_pronoun.match(part, _opening_date(part, published)) \
                if k == 0 and not lex.pair.search(part) else None
            if pronoun is None and k == 0 and not persons and (ep := lex.epithet.search(part, 0, at)) is not None:
                pronoun = ep
            if pronoun and (not persons or not _speech_verbs().match(part, pronoun.end())):
                before = [n for p, n in named if p < sent.start]
                if before and before[-1] not in persons:
                    persons.insert(0, before[-1])
                    subject = [before[-1], *subject]
            if k == 0 and not persons:
                persons = _collective(part[:at], [n for p, n in named if p < sent.start])
                subject = list(persons)
            back_type = _opening_back(s) if k == 0 else None
            whole = [e for e in out if e.event_type == back_type and _people_in(e.participants)]
            whole_event = whole[-1] if whole and back_type != etype_k else None
            if whole_event is not None and whole_event.participants[0] not in persons:
                # `Kunjungan kenegaraan ini juga mencakup pertemuan dengan A dan B`: the meetings
                # are the visitor's, part of the visit told before.
                persons.insert(0, whole_event.participants[0])
                subject = [whole_event.participants[0], *subject]
            ca, cb = _clause(part, at)
            # The place comes from the event's own clause, not from another one of the sentence
            # (`... bantuan militer Barat ke Kiev` is no summit's place).
            place = None if etype_k == "call" else \
                _place(part[ca:cb], at - ca, lex, part[cb:]) or _framing_place(part, ca)
            if k > 0 and a == 0:
                # The events of one sentence share its people (a visit keeps only its travellers).
                persons = list(told_persons) if told_persons is not None else persons
            elif k > 0 and not persons and out and _people_in(out[-1].participants):
                # `kunjungan ... pada Mei dan pertemuan di Astana pada Juli`: the same people.
                persons = list(out[-1].participants)
            elif (not persons or k > 0) and lex.pair.search(part):
                persons = list(pair) if k == 0 or not out else list(out[-1].participants)
            body_names = [m.group() for m in lex.summit_bodies.finditer(part)]
            if etype_k == "summit" and not persons:
                # The body that holds a summit (`para pemimpin G7 ... dalam KTT`) takes part in it.
                persons = [m.group() for m in lex.summit_bodies.finditer(part[ca:cb])]
            if not persons or all(lex.summit_bodies.fullmatch(x) for x in persons):
                sides = part[between.end():] if between else part
                if etype_k == "visit":
                    # `bertolak menuju Abu Dhabi, Persatuan Emirat Arab (PEA)`: a state named with the
                    # destination is where the trip goes; one named before it (`Kunjungan China ke
                    # Indonesia`) travels.
                    dest = lex.place.search(part, at)
                    sides = part[:dest.start() if dest is not None else at + len(trig_k.group())]
                persons += _roles(sides, published, lex) or _states(sides, published, place, lex)
                if etype_k == "visit":
                    persons = _envoys(persons, out)
            if not persons and out and out[-1].event_type == etype_k in ("meeting", "call") and \
                    0 < sent.start - out[-1].start < FOLLOW_WINDOW:
                # `... dua kali melakukan pertemuan. Pertemuan pertama berlangsung di ...`: the
                # meeting told just before says who.
                persons = list(out[-1].participants)
            if etype_k == "visit" and trig_k.group().lower() in lex.arrival:
                persons = _arrival_visitor(people, at + len(trig_k.group())) or persons
            elif etype_k == "visit" and lex.receiving.search(part[max(0, at - 24):at]) and \
                    (guests := [n for p, n in people if p > at]):
                # `X menerima kunjungan resmi PM Y`: Y makes the trip, the subject hosts it.
                persons = guests[:1]
            elif etype_k == "visit" and subject and _people_in(subject):
                # `Wang Yi tiba di Jakarta untuk bertemu Jokowi`, `Lavrov tiba ..., disambut oleh
                # Retno`: who makes the trip is its subject; who is met or welcomes them hosts.
                persons = [n for n in persons if n in subject]
            elif etype_k == "visit" and (host := lex.welcomed_by.search(part, at)) is not None:
                persons = [n for n in persons if n not in {h for p, h in people if p >= host.end()}] or persons
            elif etype_k == "declaration" and not any(p < at for p, _ in people) and \
                    (states := _states(part[ca:at], published, place, lex)):
                # `China dan Rusia mendeklarasikan kemitraan ..., ketika Putin mengunjungi Beijing`:
                # the states before the word declare; a person named after it is another clause's.
                persons = states
            date_k: tuple[date, str] | None = (d_k.value, d_k.precision) if d_k else None
            planned_k = planned if trig_k is trig else _planned(s, trig_k)
            if date_k is None and (k == 0 or a == 0):
                # What leaders sign is signed where they meet, however late the article tells it.
                date_k = _inherited(dated, sent.start, persons, bool(lex.sequence.search(s)), place,
                                    len(text) if etype_k == "declaration" else INHERIT_WINDOW,
                                    happened=not planned_k, etype=etype_k)
                if date_k is not None and date_k[1] == "day" and (shift := narrative_offset(part)):
                    # `... keesokan harinya`: the day after the one told before.
                    date_k = (date_k[0] + timedelta(days=shift), "day")
            elif d_k is not None and d_k.precision == "year" and (k == 0 or a == 0):
                # `disambut Lula, Ketua BRICS tahun 2025`: a bare year frames the mention; the
                # visit or summit told just before, with the same people, in that year, dates it.
                finer = _inherited(dated, sent.start, persons, False, place)
                if finer is not None and finer[0].year == d_k.value.year:
                    date_k = finer
            if d_k is None and whole_event is not None and whole_event.event_date is not None:
                # A part of that event happened while it lasted: its month is known.
                date_k = (whole_event.event_date.replace(day=1), "month") \
                    if whole_event.date_precision == "day" else whole_event.when
            if date_k is None and published and lex.ongoing.search(part):
                # `sedang berkunjung`: going on as the article is written.
                date_k = (published.replace(day=1), "month")
            if date_k is None:
                date_k = _month_told_before(text, sent.start, part, published)
            status = "planned" if planned_k or (d_k is not None and published and d_k.value > published) \
                else "happened"
            medium = None
            if etype_k == "call":
                medium = next((x for x in ("phone", "video") if lex.medium[x].search(part)), None)
            inherited_apart = False
            if etype_k == "meeting" and not subject and lex.counterpart.match(part, trig_k.end() - a + 1) and \
                    (prev := [e for e in out if e.event_type == "meeting" and e.participants
                              and 0 < sent.start - e.start < FOLLOW_WINDOW]):
                # `Sementara itu, pertemuan dengan A dan B ...`: the meetings of the subject told just
                # before, held apart as those were when they were several.
                subject = [prev[-1].participants[0]]
                persons = [subject[0], *(n for n in persons if n != subject[0])]
                inherited_apart = sum(e.participants[0] == subject[0] for e in prev) > 1
            groups = _split_counterparts(part, at, people, subject, lex, published, inherited_apart) \
                if etype_k in ("meeting", "call") else None
            own = _counterpart_dates(part, people, groups, published) if groups else {}
            legs = _legs(part, at, published, lex) if etype_k == "visit" else []
            goers = _visitors(_travellers(part, at, people, persons), [*(told_persons or []), *(n for _, n in people)],
                              place) if etype_k == "visit" else persons
            for who, leg in [(w, None) for w in groups or [goers]] if len(legs) < 2 else [(goers, x) for x in legs]:
                when_k = own.get(who[-1], date_k) if who else date_k
                ev = Event(
                    event_type=etype_k,
                    event_date=when_k[0] if when_k else None,
                    date_precision=when_k[1] if when_k else None,
                    participants=who,
                    place=place if leg is None else _city(leg),
                    status=status,
                    medium=medium,
                    evidence=body[sent.start:sent.end].strip(),
                    start=sent.start + a,
                    extra={**({"body": _body(body_names[0])} if etype_k == "summit" and body_names else {}),
                           **({"sides": sides.group().lower()} if (sides := lex.sides.search(trig_k.group())) else {}),
                           **({"leg": leg} if leg else {}), **heading},
                )
                out.append(ev)
            told_persons = list(persons) if etype_k == "visit" else list(out[-1].participants)
            if etype_k == "meeting" and (guest := _guest_visit(out[-1], part, at, trig_k.end() - a, people, lex)):
                out.append(guest)
            if etype_k == "meeting" and _people_in(persons):
                occasions.extend(_occasions(part, at, sent.start + a, [p for p in persons if p in _people_in(persons)],
                                            body[sent.start:sent.end].strip(), lex))
            if d_k is not None and etype_k in ("visit", "summit", "meeting"):
                dated.append(out[-1])
        if out and out[-1].start >= sent.start and (trip := _during_trip_told(s, out, sent.start)) is not None:
            trip.event_date, trip.date_precision = out[-1].event_date, out[-1].date_precision
            dated.append(trip)
    _date_the_lead(out, text, published)
    for e in out:
        if e.when is None:
            # Events the lead rule has just dated date what follows them, as dated ones do above; a
            # plan told after an arrival (`tiba di Beijing. Prabowo diagendakan bertemu Xi`) is for
            # a day to come, not the arrival's.
            kinds = ("visit", "summit", "meeting") if e.status == "happened" else ("summit", "meeting")
            before = [x for x in out if x.when and x.start < e.start and x.event_type in kinds]
            when = _inherited(before, e.start, e.participants, False, e.place, happened=e.status == "happened",
                              etype=e.event_type)
            if when is not None:
                e.event_date, e.date_precision = when
    # Occasions stay undated: they only name who was at a summit the article dates elsewhere.
    return out + occasions


# How far into the text the lead's date may be written (`... bertemu Blinken.\n\nHal itu terungkap
# dalam akun resmi Menlu, Kamis (7/4/2022).`).
LEAD_DATE_WINDOW = 1200
LEAD_PARAGRAPHS = 2
# How far down the lead may start when the first paragraphs tell no event (background, a quote).
LEAD_MAX_PARAGRAPHS = 4


def _date_the_lead(found: list[Event], text: str, published: date | None) -> None:
    """An undated event of the article's first paragraph (the lead) happened on the first day the
    article writes, when that day is no later than its publication: newsrooms date the lead's
    happening in a later sentence, often the one crediting the source."""
    # The lead is the first paragraph, and the second when the first is one sentence of news
    # (`X mengatakan pada Jumat bahwa ...`) told on in the next.
    ends = [m.start() for m in re.finditer(r"\n+", text)] + [len(text)]
    first_para_end = ends[min(LEAD_PARAGRAPHS, len(ends)) - 1]
    def tells(end: int) -> bool:
        return any(e.start < end and e.status == "happened" and not e.extra.get("heading") for e in found)

    if not tells(first_para_end):
        # Paragraphs of background, plans or quotes first: the lead is the first paragraph that
        # tells something that happened.
        first_para_end = next((end for end in ends[:LEAD_MAX_PARAGRAPHS] if tells(end)), first_para_end)
    _date_the_leads_plan(found, ends[0], published)
    # `menandatangani ... beberapa hari sebelum Rusia meluncurkan kampanye`: dated by that happening.
    lead = [e for e in found if e.when is None and e.start < first_para_end and e.status == "happened"
            and not _lex().relative.search(e.evidence) and not e.extra.get("heading")]
    if not lead:
        return
    # A day that dates an event of its own is that event's, not the lead's; a day of a plan
    # (`Kamis, keduanya akan bertemu`) is not the day of what the lead reports.
    own = {e.event_date for e in found if e.when is not None}
    future = _lex().future
    written = [replace(d, start=d.start + sent.start) for sent in sentences(text[:LEAD_DATE_WINDOW])
               if not future.search(sent.text) for d in find_dates(sent.text, published)]
    days = [d for d in written if d.precision == "day" and (published is None or d.value <= published)]
    owners = [e for e in found if e.when is not None and days and e.event_date == days[0].value]
    if days and owners and all(e.event_type == "visit" for e in owners):
        # `Putin menjamu Prabowo di Saint Petersburg` and `Prabowo tiba di istana pada Kamis (19/6)`:
        # the day of the visitor's arrival is the day of the talks the lead tells with them.
        visitors = {p for e in owners for p in _people_in(e.participants)}
        lead = [e for e in lead if _people_in(e.participants) & visitors]
        own -= {days[0].value}
    days = days[:1] if days and days[0].value not in own else []
    if not days and published is not None and published not in own and not written:
        # A lead that writes no date at all tells the day's news.
        days = [DateMention(0, 0, "", published, "day")]
    if days:
        for e in lead:
            e.event_date, e.date_precision = days[0].value, days[0].precision
            e.extra["lead_dated"] = "1"
    elif not any(d.precision == "day" for d in written):
        # The lead's happening is the article's news, not a retelling: when the article writes no
        # day near it at all (none it could have taken), it stays, undated.
        for e in lead:
            e.extra["lead"] = "undated"


# The most words a subheading has (`Perjalanan Pertama Xi Jinping Sejak Pandemi`).
HEADING_WORDS = 10


def _heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a subheading: a line of its own, short, in title case, with no
    closing stop. It names what the paragraph below tells; the day a lead would give it is no day
    of that event (a dated event it shares people with may still date it)."""
    line = text[start:end].strip()
    words = line.split()
    if not words or len(words) > HEADING_WORDS or line[-1] in ".!?\"”'":
        return False
    if text[:start].rstrip(" ") and not text[:start].rstrip(" ").endswith("\n"):
        return False
    if text[end:].lstrip(" ") and not text[end:].lstrip(" ").startswith("\n"):
        return False
    capitals = sum(w[0].isupper() or w[0].isdigit() for w in words)
    return capitals >= len(words) * 0.6


def _date_the_leads_plan(found: list[Event], lead_end: int, published: date | None) -> None:
    """An undated meeting or call of two named sides that the first paragraph tells as a plan
    (`Presiden X dijadwalkan bertemu dengan Presiden Y.`) is the news of the days the article is
    written in: its month is the publication's. A later sentence giving its day still wins when
    the mentions merge (the more precise date is kept)."""
    if published is None:
        return
    guessed = _lex().speculative
    for e in found:
        # An expected or hoped-for meeting (`diperkirakan akan bertemu`) is no plan of the news.
        if e.when is None and e.start < lead_end and e.status == "planned" and e.event_type in SIDES \
                and len(_people_in(e.participants)) >= SIDES[e.event_type] and not guessed.search(e.evidence):
            e.event_date, e.date_precision = published.replace(day=1), "month"


def _people_named(text: str, people: list[str]) -> list[str]:
    """People known only from their titled mention, named again in `text` in full or by one of
    their names (`Tolchenov`)."""
    out = []
    for name in people:
        if any(re.search(rf"(?<![\w]){re.escape(t)}(?![\w])", text) for t in name.split() if len(t) > 3):
            out.append(name)
    return out


def _fits(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or not (compatible(a.when, b.when) or _same_trip(a, b)):
        return False
    if a.event_type == "summit" and a.extra.get("body") and a.extra.get("body") == b.extra.get("body"):
        return True
    if a.extra.get("leg", b.extra.get("leg")) != b.extra.get("leg", a.extra.get("leg")):
        return False  # the legs of one trip to several places are visits of their own
    if a.extra.get("sides", b.extra.get("sides")) != b.extra.get("sides", a.extra.get("sides")):
        return False  # a bilateral and a trilateral meeting are two meetings, whoever is named
    pa, pb = _people_in(a.participants), _people_in(b.participants)
    if _pair_and_more(a, b, pa, pb) or _pair_and_more(b, a, pb, pa):
        return False
    if a.event_type == "summit" and bool(pa) != bool(pb) and a.extra.get("body", b.extra.get("body")) == \
            b.extra.get("body", a.extra.get("body")):
        # A summit known by its body or host alone, and a mention naming who attends (`Putin
        # diundang ke pertemuan para pemimpin dunia itu`): the body stands for its people.
        return True
    if a.event_type in ("meeting", "call") and len(pa) >= 2 and len(pb) >= 2 and pa - pb and pb - pa:
        # One side in common, the other sides differ: two meetings (`bertemu dengan A`, then
        # `juga bertemu dengan B dan C`). A retelling may add people, not swap them.
        return False
    if not a.participants or not b.participants:
        # A mention naming nobody joins only a mention of the very same date.
        return a.when == b.when
    return bool(set(a.participants) & set(b.participants))


# How many days apart one traveller's trip to one place may be dated by two mentions: the
# arrival (`tiba di Beijing pada Senin`) and the talks the trip was for (`pada Selasa dalam
# kunjungan ke China`) are one visit.
TRIP_DAYS = 2


def _same_trip(a: Event, b: Event) -> bool:
    """Whether two visits dated to different days a day or two apart are one trip: the same
    traveller, to the same city, or told the second day as a trip to the first day's state (a
    city named on the second day is a leg of its own: `Pada Jumat, Putin mengunjungi Harbin`)."""
    if a.event_type != "visit" or b.event_type != "visit" or a.date_precision != "day" or \
            b.date_precision != "day" or a.event_date is None or b.event_date is None:
        return False
    if abs((a.event_date - b.event_date).days) > TRIP_DAYS or \
            not _people_in(a.participants) & _people_in(b.participants):
        return False
    if a.place is None or b.place is None:
        return False  # a trip's legs to other places may be told on the next days
    first, then = (a, b) if a.event_date < b.event_date else (b, a)
    city = ents.entity(first.place)
    return first.place == then.place or (city is not None and city.kind == "place" and city.state == then.place)


def _pair_and_more(a: Event, b: Event, pa: set[str], pb: set[str]) -> bool:
    """Whether `a` is a meeting of two people told without a count of sides and the other one,
    said to have more sides (`pertemuan trilateral`), adds people to them: the pair's own talks
    and the larger meeting are two happenings (a retelling of the larger one names them all)."""
    return a.event_type == "meeting" and "sides" not in a.extra and b.extra.get("sides", "bilateral") != "bilateral" \
        and len(pa) == 2 and len(pb) > 2 and pa < pb


def _absorb(into: Event, other: Event) -> None:
    order = {"day": 0, "month": 1, "year": 2}
    if other.when and (into.when is None or order[other.date_precision] < order[into.date_precision]):
        into.event_date, into.date_precision = other.event_date, other.date_precision
    elif into.event_type == "visit" and into.when and other.when and into.date_precision == other.date_precision \
            and other.event_date < into.event_date:
        # One trip told on two days (see `_same_trip`) is dated by its first (GOLD.md).
        into.event_date = other.event_date
    into.participants = list(dict.fromkeys(into.participants + other.participants))
    into.place = into.place or other.place
    # A phone call said to be `daring` elsewhere is still a phone call.
    into.medium = "phone" if "phone" in (into.medium, other.medium) else into.medium or other.medium
    into.mentions += other.mentions


def _quoted_dates(body: str, published: date | None, quoted: list[tuple[int, int]]) -> list[Event]:
    """Events a speaker dates inside a quotation (`"KTT akan berlangsung pada 15-16 November,"
    ujarnya`): what a speaker says is no event of the article's, but the day said may date an
    event the article tells (see `merge`)."""
    out = []
    for a, b in quoted:
        for sent in sentences(body, a, b):
            found = _trigger(sent.text)
            if found is None:
                continue
            etype, trig = found
            d = _date(sent.text, trig.start(), published, forward=bool(_lex().planned.search(sent.text)))
            if d is None:
                continue
            people = [m.entity.name for m in ents.find_mentions(sent.text, published) if m.entity.kind == "person"]
            out.append(Event(event_type=etype, event_date=d.value, date_precision=d.precision,
                             participants=people, place=None, status="planned", medium=None,
                             evidence=sent.text.strip(), start=sent.start, extra={"said_date": d.text}))
    return out


# Event types that take two sides at least (GOLD.md: a bilateral or small-group talk, a call).
TWO_SIDED = ("meeting", "call")


@lexicon.derived
def _calendar_date() -> re.Pattern[str]:
    """A date written on the calendar: a digit or a month's name (`Juli tahun lalu`, `20/10`), not
    a day counted from the speech (`kemarin`), which a quotation dates from an unknown moment."""
    return re.compile(rf"\d|(?<![\w])(?:{_alt(list(lexicon.mapping('dates', 'months')))})(?![\w])", re.IGNORECASE)


def _told_in_quotes(said: list[Event], kept: list[Event], body: str, on: date | None) -> list[Event]:
    """Events a speaker tells inside a quotation (`"Pada bulan Juli tahun lalu kami bertemu di
    Moskow," kata Putin`) that the article tells nowhere else: events of their own (GOLD.md
    annotates them). Only those on a calendar date, with their people named, or the article's two
    leaders for `kami`/`kita` in a meeting or a call; a plan (a later date, a cue of time to come)
    only when told of others, in the third person (an official statement quoted), not as the
    speaker's own intention.
    A quotation only dates an event the article tells (see `_date_from_quote`) otherwise."""
    lex = _lex()
    pair = leaders(body, on)
    out: list[Event] = []
    for q in said:
        if on is None or q.event_date is None or not _calendar_date().search(q.extra.get("said_date", "")):
            continue
        ahead = q.event_date > on or bool(lex.future.search(q.evidence))
        if ahead and lex.personal.search(q.evidence):
            continue  # `"Kami akan datang pada 15 November"`: an intention, not a plan announced
        people = list(q.participants)
        if q.event_type in TWO_SIDED and lex.we.search(q.evidence):
            people = list(dict.fromkeys([*pair, *people]))
        if len(_people_in(people)) < (2 if q.event_type in TWO_SIDED else 1):
            continue
        e = replace(q, participants=people, status="planned" if ahead else "happened", extra={})
        if not any(_fits(k, e) for k in kept + out):
            out.append(e)
    return out


def _date_from_quote(kept: list[Event], said: Event) -> None:
    """A day said inside a quotation dates the article's event of its type that it fits (a
    speaker's people in common, or none named), when the article knows that event less
    precisely: the last such event told before the quotation."""
    order = {"day": 0, "month": 1, "year": 2}
    fits = [k for k in kept if k.event_type == said.event_type and k.start < said.start
            and (k.when is None or _corrects_the_lead(k, said)
                 or compatible(k.when, said.when) and order[said.date_precision] < order[k.date_precision])
            and (not said.participants or set(said.participants) & set(k.participants))]
    if fits:
        fits[-1].event_date, fits[-1].date_precision = said.event_date, said.date_precision


# How many days before the lead's guessed day a day said in a quotation may correct it.
LEAD_CORRECTION_DAYS = 7


def _corrects_the_lead(k: Event, said: Event) -> bool:
    """Whether the day a speaker gives (`"Menghadiri KTT X (24/10)," tulis Y, dikutip ..., Jumat
    (25/10)`) replaces the day the lead rule guessed for the event (the first day the article
    writes, often its citing): a day of the same week, no later than the guess."""
    if not k.extra.get("lead_dated") or k.event_date is None or said.date_precision != "day":
        return False
    return 0 < (k.event_date - said.event_date).days <= LEAD_CORRECTION_DAYS


# How many people an undated lead event must name to stand alone: a meeting or a call of two named
# sides is the article's news; a trip or a gathering told without a date is too often background.
SIDES = {"meeting": 2, "call": 2}


def merge(found: list[Event], said: list[Event] | None = None) -> list[Event]:
    """Mentions of the same event as one row; undated mentions that match no dated event go.
    `said` are events dated inside quotations: they only date events of the article."""
    dated = [e for e in found if e.when]
    undated = [e for e in found if not e.when]
    kept: list[Event] = []
    for e in dated:
        target = next((k for k in kept if _fits(k, e)), None)
        if target is None:
            kept.append(e)
        else:
            _absorb(target, e)
    for e in undated:
        # An undated mention joins an event that names someone: one that names nobody would
        # take any retelling's participants.
        target = next((k for k in kept if k.participants and _fits(k, e)), None)
        if target is not None:
            _absorb(target, e)
        elif e.extra.get("lead") and e.event_type in SIDES and len(_people_in(e.participants)) >= SIDES[e.event_type] \
                and not any(
                k.event_type == e.event_type and _people_in(k.participants) & _people_in(e.participants) for k in kept):
            kept.append(e)
    for q in said or []:
        _date_from_quote(kept, q)
    for k in kept:
        k.participants = list(dict.fromkeys(k.participants))
        # States and bodies take part only where no person is named (GOLD.md): a retelling that
        # names the body (`Pertemuan ASEAN tahun ini`) adds no participant to a summit of people.
        people = _people_in(k.participants)
        if people:
            k.participants = [p for p in k.participants if p in people or _is_role(p)]
    # A mention that names nobody may tell an event named elsewhere; alone, it is no event.
    return sorted((k for k in kept if k.participants), key=lambda e: e.start)


@lexicon.derived
def _call_words() -> re.Pattern[str]:
    data = lexicon.load("events")
    talk = {w.lower() for w in data["talk_words"]}
    words = [w for w in data["triggers"]["call"] if w.lower() not in talk]
    words += [w for ws in data["medium"].values() for w in ws]
    return word_pattern(words, ignore_case=True)


def _tells_a_call(body: str) -> bool:
    """Whether the article names a call by a word of its own or its medium (`telepon`, `video`,
    `daring`): only then is a bare conversation (`percakapan`) a call."""
    return bool(_call_words().search(body))


def _is_role(name: str) -> bool:
    """Whether a participant is an unnamed role as written (`delegasi Rusia`)."""
    return bool(_lex().groups.fullmatch(name))


def _one_side_alone(e: Event) -> bool:
    """Whether a meeting or call names one state, body or unnamed role and nothing else (`China`
    read from `rakyat Tiongkok`, `delegasi Indonesia` negotiating with nobody named): one side
    alone meets nobody, and no person says whose talk it was. A single person stays: the other
    side is often told elsewhere in the article (`pertemuan bilateral Indonesia-China`)."""
    people = _people_in(e.participants) - {p for p in e.participants if _is_role(p)}
    return e.event_type in TWO_SIDED and len(e.participants) < 2 and not people


def _two_sides_only(e: Event) -> bool:
    """Whether a summit is two states' meeting: its people all belong to one of exactly two known
    states and its sentence names no multilateral body nor says `KTT` or `forum` (`pertemuan 2+2`
    of two foreign and two defence ministers, `pertemuan puncak` of two presidents). GOLD.md: a summit is a multilateral
    gathering; talks of two sides are a meeting however high their level."""
    lex = _lex()
    if e.event_type != "summit" or len(e.participants) < 2 or lex.summit_bodies.search(e.evidence) \
            or lex.many_sides.search(e.evidence):
        return False
    states = [_home_state(p) for p in e.participants]
    people = _people_in(e.participants)
    return len(people) == len(e.participants) and None not in states and len(set(states)) == 2


def extract(body: str, published: date | None, quoted: list[tuple[int, int]] | None = None,
            url: str | None = None) -> list[Event]:
    """The events of an article body, merged. Without a publication date, dates written without
    a year are read against the day the URL writes, else the latest full date of the text."""
    on = published or from_url(url) or anchor(body)
    said = _quoted_dates(body, on, quoted or [])
    found = merge(mentions(body, on, quoted), said)
    found += _told_in_quotes(said, found, body, on)
    if not _tells_a_call(body):
        # `terlibat percakapan intens` in an article that never says phone, video or a call's own
        # word, on the day the same people met: the conversation was the meeting's talk.
        met = [e for e in found if e.event_type == "meeting" and e.when]
        found = [e for e in found if not (e.event_type == "call" and e.medium is None and any(
            m.when == e.when and _people_in(e.participants) <= _people_in(m.participants) for m in met))]
    found = [e for e in found if not _one_side_alone(e)]
    for e in found:
        if _two_sides_only(e):
            e.event_type = "meeting"
        if e.event_date is None and published is not None:
            # The news of a report that never says when (`X mengadakan pertemuan bilateral dengan
            # Y.`, only lead events of two named sides stay undated) is of its publication's month.
            e.event_date, e.date_precision = published.replace(day=1), "month"
        if on is not None and e.event_date is not None and e.event_date > on:
            # Merged mentions keep the most precise date: a day after publication is a plan's.
            e.status = "planned"
    return found
