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

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from transforms import lexicon
from transforms.lexicon import LEXICON_DIR  # noqa: F401  (tests read the bundled file)
from transforms.text import normalise

# A paragraph of article prose has at least this many words and ends a sentence (quotes may close it).
_PROSE_MIN_WORDS = 8
_SENTENCE_END = (".", "!", "?", "…")
_CLOSERS = "\"'”’)"
# A rubric label over the headline has at most this many words.
_LABEL_MAX_WORDS = 3
_LABEL_MAX_CHARS = 30
_ELLIPSIS_TAIL = re.compile(r"\s*(?:\.\.\.|…)\s*$")


@dataclass(frozen=True)
class LinkListRules:
    """What makes a block of a page a list of links to other articles (boilerplate.yaml, `link_lists`)."""

    min_items: int = 3
    max_item_chars: int = 400
    min_link_words: int = 3
    min_link_share: float = 0.2
    item_tags: frozenset[str] = frozenset({"li", "div", "article", "section"})
    # A shorter list ("must read" boxes of two) counts only when every entry is a list item and mostly link.
    short_list_items: int = 2
    short_list_link_share: float = 0.5
    # A lone teaser card: a headline link over one short paragraph of at most this many characters.
    card_teaser_chars: int = 200


@dataclass(frozen=True)
class BoilerplateLexicon:
    """Compiled patterns from boilerplate.yaml (see that file for what each list means)."""

    drop_line: re.Pattern[str]
    cut_from: re.Pattern[str]
    related_head: re.Pattern[str]
    after_related: re.Pattern[str]
    link_label: tuple[re.Pattern[str], ...] = ()
    link_lists: LinkListRules = LinkListRules()
    headline_run: int = 3


def _compile(patterns: list[str] | None) -> re.Pattern[str]:
    """One pattern for a list: a line is tried once against the alternatives, not once per pattern
    (the cleaner tries every line of every page against a few hundred). Empty: never matches."""
    return re.compile("|".join(f"(?:{p})" for p in patterns or []) or "(?!)", re.IGNORECASE)


@lexicon.derived
def load_boilerplate() -> BoilerplateLexicon:
    """The boilerplate lexicon (bundled and user files), compiled once per process."""
    data = lexicon.load("boilerplate") or {}
    rules = dict(data.get("link_lists") or {})
    if "item_tags" in rules:
        rules["item_tags"] = frozenset(rules["item_tags"])
    return BoilerplateLexicon(
        drop_line=_compile(data.get("drop_line")),
        cut_from=_compile(data.get("cut_from")),
        related_head=_compile(data.get("related_head")),
        after_related=_compile(data.get("after_related")),
        link_label=tuple(
            re.compile(rf"(?:{p})\s*:?\s*(?P<rest>.+)", re.IGNORECASE) for p in data.get("link_label") or []
        ),
        link_lists=LinkListRules(**rules),
        headline_run=int(data.get("headline_run", 3)),
    )


_NO_QUOTES = dict.fromkeys(map(ord, "\"'“”‘’«»"), None)


def _fold(line: str) -> str:
    """A line reduced for comparison: case, accents' compatibility forms, quotes and spacing.
    (Called for every line and link of every page: no regular expression.)"""
    line = unicodedata.normalize("NFKC", line).casefold().translate(_NO_QUOTES)
    return " ".join(line.split()).strip(" .,;:")


# Table cells flattened into a line ("| Baca juga: ... |", "| Editor | : Agung |"): read without the pipes.
_PIPES = re.compile(r"\s*\|\s*")


def _matches(pattern: re.Pattern[str], line: str) -> bool:
    if "|" in line:
        line = _PIPES.sub(" ", line).strip()
    return pattern.fullmatch(line) is not None


# A menu flattened into one line: "Redaksi · Pedoman Media Siber · Karir · Kotak Pos". Not "|":
# table rows are article text.
_MENU_SEPARATORS = re.compile(r"\s+[·•»]\s+")


def _is_menu(line: str) -> bool:
    parts = [p for p in _MENU_SEPARATORS.split(line) if p.strip()]
    return len(parts) >= 4 and all(len(p.split()) <= 4 for p in parts)


def _is_link_label(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    """Whether a line is a "Baca juga"-style label followed by another article's headline."""
    line = _PIPES.sub(" ", line).strip()
    return any((m := p.fullmatch(line)) is not None and _is_headline(m["rest"]) for p in patterns)


def _is_headline(line: str) -> bool:
    """Whether a line reads as the headline of another article: a few words, most capitalised,
    not closed like a sentence or a label ("?" and "!" do close headlines)."""
    words = line.split()
    if not 3 <= len(words) <= 20 or line.rstrip(_CLOSERS).endswith((".", ":", ";", ",", "…")):
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    return bool(alpha) and sum(w[:1].isupper() for w in alpha) >= 0.6 * len(alpha)


def _drop_headline_tail(lines: list[str], run: int) -> list[str]:
    """`lines` without a closing run of at least `run` headline lines after the last article sentence:
    a related or popular list that lost its links. Only the tail: a body paragraph never follows it."""
    last_prose = max((i for i, line in enumerate(lines) if is_prose(line)), default=-1)
    tail = lines[last_prose + 1 :]
    if last_prose < 0 or len(tail) < run or not all(_is_headline(t) for t in tail[-run:]):
        return lines
    # Keep the tail lines before the run that are not headlines (a closing subheading stays only if
    # it is not part of the run).
    end = len(tail)
    while end and _is_headline(tail[end - 1]):
        end -= 1
    return lines[: last_prose + 1] + tail[:end]


def _is_section_label(line: str) -> bool:
    """Whether a line reads as a rubric label: one to three words and a few characters (scripts
    without spaces write whole sentences as one "word"), no figures, no comma (a dateline such as
    "BAAR, SWITZERLAND"), not closed like a sentence or a label with a colon."""
    return (
        len(line.split()) <= _LABEL_MAX_WORDS
        and len(line) <= _LABEL_MAX_CHARS
        and "," not in line
        and not any(ch.isdigit() for ch in line)
        and not line.rstrip(_CLOSERS).endswith((*_SENTENCE_END, ":"))
    )


def is_prose(line: str) -> bool:
    """Whether a line reads as a sentence of article text (not a label, heading or link)."""
    # Plain string tests, not a regex: a regex over words backtracks badly on 10k-character lines.
    return line.rstrip(_CLOSERS).endswith(_SENTENCE_END) and len(line.split()) >= _PROSE_MIN_WORDS


def clean_lines(
    lines: list[str],
    *,
    title: str | None = None,
    lead_index: int | None = None,
    link_lines: frozenset[str] | None = None,
) -> list[str]:
    """The article paragraphs among `lines` (already normalised), in order.

    `title` is the headline when known: lines repeating it (alone, or glued in front of a caption)
    go. `lead_index` is the index of the dateline paragraph when known: what comes before it is the
    page header (headline, subtitle, date, byline) and goes too. `link_lines` are texts of the page's
    lists of links to other articles (`find_link_lists`), folded: lines equal to one go. Without
    them (scraped text, no markup left) a closing run of headline lines after the last article
    sentence goes instead: the same lists, recognised by their look.
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
        if _matches(lex.drop_line, line) or _is_menu(line) or _is_link_label(lex.link_label, line):
            continue
        if link_lines and _fold(_PIPES.sub(" ", line)) in link_lines:
            continue
        if link_lines is not None and not kept and _is_section_label(line):
            # The rubric over the headline ("TRAVEL NEWS", "FotoBisnis") that trafilatura put on top.
            continue
        if folded_title and _fold(line).startswith(folded_title):
            # The headline again, alone or glued to a photo caption ("...TerbaikPresiden Rusia, ...").
            continue
        kept.append(line)
        started = started or is_prose(line)
    if link_lines is None:
        # Only for text: with the page's markup, lists are found by their links, and a closing
        # list of the article itself (tour dates, results) looks like headlines too.
        kept = _drop_headline_tail(kept, lex.headline_run)
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
    link_lines: frozenset[str] = frozenset()


_INVISIBLE = frozenset({"script", "style", "noscript", "template", "iframe"})


def _text(el: object) -> str:
    return " ".join(el.text_content().split())  # type: ignore[attr-defined]


class _RawTexts(dict):
    """Each element's `text_content()`, read once per page: a list's entries are read by the
    list test and again by the entry test, and text_content walks the whole subtree each time.
    (The keys keep lxml's proxies alive, so an element gives back the same proxy and key.)"""

    def __missing__(self, el: object) -> str:
        self[el] = raw = el.text_content()  # type: ignore[attr-defined]
        return raw


def _is_link_item(item: object, rules: LinkListRules, share: float | None = None,
                  raw_texts: _RawTexts | None = None) -> bool:
    """Whether an element is one entry of a list of links to other articles: short, holding a link
    of a few words (a headline), and mostly that link (at least `share` of its text, by default the
    rules' `min_link_share`)."""
    if not isinstance(item.tag, str) or item.tag not in rules.item_tags:  # type: ignore[attr-defined]
        return False
    raw = raw_texts[item] if raw_texts is not None else item.text_content()  # type: ignore[attr-defined]
    # Layout whitespace can inflate the raw text: only a text far too long is rejected unread.
    if len(raw) > 8 * rules.max_item_chars:
        return False
    text = " ".join(raw.split())
    if not text or len(text) > rules.max_item_chars:
        return False
    links = [_text(a) for a in item.iter("a") if a.get("href") and _stands_alone(a)]  # type: ignore[attr-defined]
    if not any(len(t.split()) >= rules.min_link_words for t in links):
        return False
    return sum(len(t) for t in links) >= (rules.min_link_share if share is None else share) * len(text)


def _stands_alone(link: object) -> bool:
    """Whether a link is a block of its own (a headline), not words inside a sentence: no text
    right before or after it in its parent."""
    parent = link.getparent()  # type: ignore[attr-defined]
    if parent is None:
        return True
    if (link.tail or "").strip():  # type: ignore[attr-defined]
        return False
    previous = link.getprevious()  # type: ignore[attr-defined]
    before = previous.tail if previous is not None else parent.text
    return not (before or "").strip()


def _link_items(root: object, rules: LinkListRules) -> list[object]:
    """The entries of the page's lists of links to other articles: children of one element, at
    least `min_items` of them link items and most of its visible children so. Only the entries are
    taken, never their siblings: broken markup can nest the article itself in such a list."""
    found = []
    raw_texts = _RawTexts()
    # Only elements with enough element children can hold a list: XPath finds them in C, in
    # document order, where a Python walk over every element cost a tenth of a page's extraction.
    fewest = min(rules.min_items, rules.short_list_items)
    for el in root.xpath("descendant-or-self::*[count(*) >= $n]", n=fewest):  # type: ignore[attr-defined]
        # Scripts and empty ad slots interleaved with the entries are not entries.
        children = [c for c in el if isinstance(c.tag, str) and c.tag not in _INVISIBLE]
        # Cheap tests first: text_content walks the subtree.
        short = len(children) >= rules.short_list_items and all(c.tag == "li" for c in children)
        if len(children) < rules.min_items and not short:
            continue
        children = [c for c in children if raw_texts[c].strip()]
        items = [c for c in children if _is_link_item(c, rules, raw_texts=raw_texts)]
        if len(items) >= rules.min_items and len(items) >= 0.6 * len(children):
            found.extend(items)
        elif (
            short
            and len(children) >= rules.short_list_items
            and all(_is_link_item(c, rules, rules.short_list_link_share, raw_texts) for c in children)
        ):
            found.extend(children)
    return found


def _teaser_cards(root: object, rules: LinkListRules) -> list[object]:
    """Lone teaser cards of other articles: a small block holding a headline link and, below it,
    one short paragraph (the other article's standfirst). The article's own header (with its h1)
    is never one."""
    cards = []
    # From each short paragraph up through a few small containers: walking every container's
    # subtree instead would cost time on every page.
    for para in root.iter("p"):  # type: ignore[attr-defined]
        teaser = _text(para)
        if not teaser or len(teaser) > rules.card_teaser_chars:
            continue
        el = para.getparent()
        for _ in range(_CARD_DEPTH):
            if el is None or el.tag not in rules.item_tags or len(el.text_content()) > 8 * rules.max_item_chars:
                break
            if _is_card(el, para, rules):
                cards.append(el)
            el = el.getparent()
    return cards


# How many containers above a teaser paragraph may make its card.
_CARD_DEPTH = 3


def _is_card(el: object, para: object, rules: LinkListRules) -> bool:
    """Whether `el` is a small block holding a headline link above `para` and no other paragraph."""
    if len(_text(el)) > rules.max_item_chars or next(el.iter("h1"), None) is not None:  # type: ignore[attr-defined]
        return False
    if any(p is not para for p in el.iter("p")):  # type: ignore[attr-defined]
        return False
    for node in el.iter():  # type: ignore[attr-defined]
        if node is para:
            return False  # only a headline above the teaser makes a card
        if node.tag == "a" and _is_headline_link(node, rules):
            return True
    return False


def _is_headline_link(link: object, rules: LinkListRules) -> bool:
    return bool(link.get("href")) and _stands_alone(link) and len(_text(link).split()) >= rules.min_link_words  # type: ignore[attr-defined]


@dataclass(frozen=True)
class LinkLists:
    """The lists of links to other articles on one page: their texts, folded, the page's tree and
    the lists' entries in it."""

    texts: frozenset[str]
    page: Any  # the page from `parse_page`
    entries: tuple[Any, ...] = ()  # the outermost entries, elements of `page`

    def prune(self) -> Any:
        """The page without the lists, made from `page` itself (a copy of each page cost more than
        the lists' search, and most pages never need it): `page` is that tree afterwards. Entries
        that trafilatura already took out of the page are gone anyway."""
        for entry in self.entries:
            if entry.getparent() is not None:
                entry.drop_tree()
        return self.page


# Elements that sit inside a line of text: their text and tails belong to the surrounding paragraph.
_INLINE = frozenset(
    {"a", "abbr", "b", "cite", "em", "font", "i", "mark", "q", "small", "span", "strong", "sub", "sup", "time", "u"}
)


def _keep_spaces_between_inline(root: object) -> bool:
    """Moves a space that stands alone between two inline elements ("<em>enggak</em> <em>ngobrol</em>")
    into the first one: trafilatura drops such whitespace-only text and glues the words."""
    changed = False
    # Only in paragraphs: menus of links separated by spaces are left as they are (and the page
    # then needs no re-serialising).
    words = [el for para in root.iter("p") for el in para.iter(*_INLINE)]  # type: ignore[attr-defined]
    for el in words:
        tail = el.tail
        following = el.getnext()
        # Only a space on the same line: a line break between them is trafilatura's line break too.
        if not tail or tail.strip(" ") or following is None or following.tag not in _INLINE:
            continue
        last = el[-1] if len(el) else None
        if last is not None:
            last.tail = (last.tail or "") + " "
        else:
            el.text = (el.text or "") + " "
        el.tail = None
        changed = True
    return changed


def _wrap_loose_text(root: object) -> bool:
    """Wraps article sentences written straight into a container, between `<br>`s, into paragraphs
    when the same container also holds `<p>` paragraphs: trafilatura keeps the `<p>`s and drops the
    loose lead ("<div><strong>Jakarta</strong> – Lead...<br><br>Second...<p>Third</p></div>")."""
    import lxml.html

    changed = False
    for box in list(root.iter("div", "td", "section", "article")):  # type: ignore[attr-defined]
        if sum(1 for c in box if c.tag == "p") < 2:
            continue
        if not (box.text or "").strip() and not any((c.tail or "").strip() for c in box):
            continue
        # A run: the loose text and inline elements between two blocks or `<br>`s.
        runs: list[list[object]] = []
        pieces: list[object] = [box.text or ""]
        for child in box:
            if isinstance(child.tag, str) and child.tag in _INLINE:
                pieces.append(child)
            else:
                runs.append(pieces)
                pieces = [child]  # a block or <br> starts the next run after itself
            pieces.append(child.tail or "")
        runs.append(pieces)
        for run in runs:
            nodes = [n for n in run if not isinstance(n, str)]
            lead = nodes[0] if nodes and not (isinstance(nodes[0].tag, str) and nodes[0].tag in _INLINE) else None
            inline = [n for n in nodes if n is not lead]
            text = "".join((n if isinstance(n, str) else n.text_content()) for n in run if n is not lead)
            text = re.sub(r"\s+", " ", text).strip()
            linked = sum(len(_text(a)) for n in inline for a in n.iter("a"))
            # Headlines linked one per line ("JANGAN LEWATKAN!!!" boxes) are not the article.
            if not is_prose(text) or linked > 0.5 * len(text):
                continue
            para = lxml.html.Element("p")
            para.text = text
            if lead is None:
                box.text = None
                box.insert(0, para)
            else:
                lead.tail = None
                lead.addnext(para)
            for n in inline:
                box.remove(n)  # with its tail, now in the new paragraph
            changed = True
    return changed


def repair_markup(root: object) -> bool:
    """Markup that makes trafilatura lose words or paragraphs, repaired in place; whether any was."""
    spaces = _keep_spaces_between_inline(root)
    return _wrap_loose_text(root) or spaces


def parse_page(html: str) -> Any:
    """The page's tree, parsed once by trafilatura's own loader and repaired (`repair_markup`);
    None when it is empty or no HTML at all (trafilatura would refuse it too). Every later step
    reads this tree: parsing and serialising a page again for each step cost more than the steps."""
    from trafilatura.utils import load_html

    root = load_html(html)
    if root is not None:
        repair_markup(root)
    return root


def find_link_lists(root: Any) -> LinkLists:
    """The lists of links to other articles (related, popular, latest, more-stories boxes) and lone
    teaser cards of a page from `parse_page`.

    `texts` holds each entry whole and each of its parts (headline, date, teaser), folded. A text
    that is also a paragraph outside every such list is left out, so the article's own paragraphs
    are never among them.
    """
    # Script text would count as the entries' text; JSON-LD scripts hold the page's date and title,
    # so they are emptied for the search only.
    scripts = [(junk, junk.text) for junk in root.iter("script", "style", "noscript")]
    for junk, _ in scripts:
        junk.text = ""
    try:
        rules = load_boilerplate().link_lists
        items = _link_items(root, rules) + _teaser_cards(root, rules)
        if not items:
            return LinkLists(frozenset(), root)
        # The entries stay referenced in `blocks`, so lxml hands back these same proxies as ancestors.
        blocks = set(items)
        texts: set[str] = set()
        for block in items:
            for el in block.iter():
                if not isinstance(el.tag, str):  # comments and processing instructions
                    continue
                t = _text(el)
                if len(t.split()) >= 2:
                    texts.add(_fold(t))
        outside = {_fold(_text(p)) for p in root.iter("p") if not any(a in blocks for a in p.iterancestors())}
        outermost = tuple(b for b in dict.fromkeys(items) if not any(a in blocks for a in b.iterancestors()))
        return LinkLists(frozenset(texts - outside), root, outermost)
    finally:
        for junk, text in scripts:
            junk.text = text


def _trafilatura(tree: Any, url: str | None) -> Any:
    """trafilatura's main text of a page. Without its fallback extractors (`fast`: readability and
    justext, compared with its own result): they cost ~40% of its time, and with the link-list pass
    and the cleaner after it the extraction benchmark scores F1 0.966 without them, 0.965 with."""
    import trafilatura  # ~0.3 s to import: only pay for it when HTML comes in

    return trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                                       include_tables=True, fast=True)


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    date: str | None
    sitename: str | None
    hostname: str | None


def page_metadata(tree: Any, url: str | None) -> PageMetadata:
    """Title, date, site name and host of a page: the steps of trafilatura's `extract_metadata`
    whose fields we store, in its order, without its author, category, tag and license searches
    (half of its time). The date is read only from markup and the URL (no "extensive" search),
    because an undated page would otherwise get a date from its footer or sidebar."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import set_date_params

    meta = examine_meta(tree)
    # trafilatura guards this step the same way (bugs in its JSON-LD reader).
    with contextlib.suppress(Exception):
        meta = extract_meta_json(tree, meta)
    title = meta.title or extract_title(tree)
    page_url = meta.url or extract_url(tree, url)
    hostname = extract_domain(page_url, fast=True) if page_url else None
    date = find_date(tree, **{**set_date_params(extensive=False), "url": page_url})
    sitename = meta.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif page_url and (m := META_URL.match(page_url)):
        sitename = m[1]
    return PageMetadata(_trim(title), date or None, _trim(sitename), hostname or None)


def _trim(value: str | None) -> str | None:
    """A metadata string as trafilatura hands it out (`Document.clean_and_trim`): entities
    resolved, spaces and control characters collapsed."""
    from html import unescape

    from trafilatura.utils import line_processing

    return (line_processing(unescape(value[:10000])) or None) if value else None


def _only_links(text: str, link_lines: frozenset[str]) -> bool:
    """Whether every sentence of an extracted text belongs to the page's link lists."""
    return not any(is_prose(line) and _fold(line) not in link_lines for line in normalise(text).split("\n"))


def _may_hold_link_list(root: Any, text: str) -> bool:
    """Whether `text` may hold an entry of a link list: it holds the words of one of the page's
    headline links (a link standing alone, of a few words) or a paragraph of the small block
    around one (a teaser, whose headline trafilatura may have dropped). Most extracted texts hold
    neither, and the lists' search costs a fifth of a page's extraction."""
    rules = load_boilerplate().link_lists
    folded = _fold(text)
    seen: set[Any] = set()
    for link in root.iter("a"):
        if not _is_headline_link(link, rules):
            continue
        if _fold(_text(link)) in folded:
            return True
        block = link.getparent()
        for _ in range(_CARD_DEPTH):
            if block is None or block in seen:
                break
            seen.add(block)
            if len(block.text_content()) > 8 * rules.max_item_chars:
                break
            if any((t := _text(p)) and _fold(t) in folded for p in block.iter("p")):
                return True
            block = block.getparent()
    return False


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Main text and metadata of an HTML page with trafilatura.

    Comments are left out (trafilatura includes them by default and they leak into the text).
    """
    root = parse_page(html)
    if root is None:
        return Extracted("", None, None, None, None, None)
    url = url if url and url.startswith(("http://", "https://")) else None
    meta = page_metadata(root, url)
    doc = _trafilatura(root, url)  # trafilatura works on a copy: `root` stays the page
    link_lines: frozenset[str] = frozenset()
    if doc is None or _may_hold_link_list(root, doc.text or ""):
        lists = find_link_lists(root)
        link_lines = lists.texts
        if lists.entries and (doc is None or _only_links(doc.text or "", lists.texts)):
            # trafilatura took a related-news list for the article (it can be the longest block of
            # text on a page); without the lists it finds the article itself.
            doc = _trafilatura(lists.prune(), url) or doc
    return Extracted(
        text=(doc.text or "") if doc is not None else "",
        title=meta.title,
        date=meta.date,
        sitename=meta.sitename,
        hostname=meta.hostname,
        language=None,  # trafilatura names a language only when asked to filter by one
        link_lines=link_lines,
    )


def extract_article_text(html: str, url: str | None = None) -> str:
    """Cleaned article text of an HTML page, as `transforms.articles` stores it: trafilatura's main
    text through the cleaner, without the page header before the dateline."""
    from transforms.metadata import text_metadata  # metadata needs `is_prose` from this module

    found = extract_html(html, url)
    lines = normalise(found.text).split("\n")
    lead = text_metadata(lines).lead_index
    return "\n".join(clean_lines(lines, title=found.title, lead_index=lead, link_lines=found.link_lines))
