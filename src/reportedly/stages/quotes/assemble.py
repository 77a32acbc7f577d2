"""Quotations meet attributions: marks widen, attach, continue and sign quotes.

The drafts found on the parse (``rules.py``) take the quotations paired on the
raw text (``marks.py``): a quotation joins the draft whose content it overlaps,
the cue of its sentence, the empty cue right after it, a colon before it or a
dash signature after it (``“...” ― Jane Doe``); a quotation opening its
sentence with none of these continues the quote before it, one inside the
writer's own sentence nobody's (a short one is a scare quote). Attributions
reported inside another's content are dropped at the end, and a trailing
"according to X" is taken out of the report it follows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ...records import Span
from .marks import QUOTE_MARKS, Quotation
from .rules import Draft, minus

_SENTENCE_END = frozenset(".?!…")
#: words that announce a title ("on CNN's", "the book")
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:on|in|book|show|program|programme|film|titled|entitled)|['’]s)\s*$",
    re.IGNORECASE,
)
#: the small words a title leaves in lower case
_TITLE_SMALL = frozenset(
    {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to"}
)
# a dash, then one to six capitalised name words, then the end of the line
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|de|van|von|da|del|la|bin|al)"
#: ``’: `` after a quotation that opens a headline, before its speaker
_HEADED = re.compile(r"[ \t\u00a0]*(:)[ \t\u00a0]+")
_SIGNATURE = re.compile(
    r"[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*"
    rf"([A-Z][\w.'’-]*(?:[ \t\u00a0]+{_NAME_WORD}){{0,5}})[ \t\u00a0]*(?:\n|$)"
)


def overlap(a: Span, b: Span) -> int:
    """How many characters two spans share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _union(spans: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans):
        if out and span.start <= out[-1].end:
            last = out[-1]
            out[-1] = Span(start=last.start, end=max(last.end, span.end))
        else:
            out.append(span)
    return out


def _alone_on_its_line(text: str, quotation: Quotation) -> bool:
    """Whether a quotation is all its line holds."""
    start, end = quotation.start, quotation.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a quotation starting at ``start`` opens its sentence."""
    before = text[max(0, start - 200) : start]
    # the rest of a mark of two characters ("''It's ...")
    while before and before[-1] in QUOTE_MARKS:
        before = before[:-1]
    before = before.rstrip(" \t\u00a0")
    if not before or before[-1] in "\n.?!…:;—–-([":
        return True
    # after another quotation that ended a sentence or a clause: '... ," "...'
    return before[-1] in "\"'”’»" and len(before) > 1 and before[-2] in ".?!…,"


def _words(text: str, quotation: Quotation) -> tuple[str, list[str]]:
    """The text inside a quotation's marks, and its words."""
    inner = " ".join(p.text_in(text) for p in quotation.inner(text))
    return inner, inner.split()


def is_quotation(text: str, quotation: Quotation, min_words: int) -> bool:
    """Long enough, or sentence-like enough, not to be a scare quote or a title."""
    inner, words = _words(text, quotation)
    # capitalised word by word: a title or a nickname ("Nightly News.", "Fox
    # and Friends."), short or named as one ("on CNN's “State of the Union.”")
    titled = all(w[:1].isupper() or w in _TITLE_SMALL for w in words[1:-1]) and all(
        w[:1].isupper() for w in words[:1] + words[-1:]
    )
    if titled and (
        len(words) < min_words
        or _TITLE_BEFORE.search(text, max(0, quotation.start - 40), quotation.start)
        is not None
        or _alone_on_its_line(text, quotation)
    ):  # ... or a heading in quote marks ("'Legend in the Coal Fields.'")
        return False
    if len(words) >= min_words:
        return True
    return len(words) >= 2 and inner.rstrip("\"'”’ ")[-1:] in _SENTENCE_END


def after_signature(draft: Draft, quoted: Sequence[Span]) -> list[Span]:
    """``“...,” Trump warned in Everett, recently. “...”``: the content without
    the words after the cue of a signed quotation (where the setting goes),
    but for what ``quoted`` holds."""
    cue = draft.cue
    if cue is None or not any(
        draft.sentence.start < q.end <= cue.start for q in quoted
    ):
        return draft.content
    tail = Span(start=cue.end, end=max(cue.end, draft.sentence.end))
    return minus(draft.content, tail, quoted)


_SENTENCE_GAP = re.compile(r"[.?!][\"'”’)]*\s+[\"'“‘(]*[A-Z]")


def fill_gaps(draft: Draft, paragraphs: Assembler) -> list[Span]:
    """Join content pieces split only by words that are not the cue or source."""
    pieces = _union(draft.content)
    if len(pieces) < 2:
        return pieces
    blockers = [s for s in (draft.cue, draft.source) if s is not None]
    out = [pieces[0]]
    for piece in pieces[1:]:
        last = out[-1]
        gap = Span(start=last.end, end=piece.start)
        if (
            len(gap) < 120
            and paragraphs.paragraph_of(last.start)
            == paragraphs.paragraph_of(piece.start)
            and not any(overlap(gap, b) or b.start == gap.start for b in blockers)
            # "... on Sunday. His message was simple: “...”": the words of
            # another sentence are not content
            and not _SENTENCE_GAP.search(paragraphs.text, gap.start, gap.end)
        ):
            out[-1] = Span(start=last.start, end=piece.end)
        else:
            out.append(piece)
    return out


class Assembler:
    """Attaches quotations to drafts; one per article."""

    def __init__(self, text: str, drafts: list[Draft], paragraphs: list[Span]) -> None:
        self.text = text
        self.drafts = drafts
        self.paragraphs = paragraphs
        self.starts = [p.start for p in paragraphs]

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def attach(self, draft: Draft, quotation: Quotation) -> None:
        draft.content = _union([*draft.content, *quotation.pieces])
        draft.quoted.extend(quotation.pieces)

    def overlapping(self, quotation: Quotation) -> Draft | None:
        best: Draft | None = None
        best_overlap = 0
        for draft in self.drafts:
            if draft.cue and quotation.start <= draft.cue.start < quotation.end:
                continue
            shared = sum(overlap(c, p) for c in draft.content for p in quotation.pieces)
            if shared > best_overlap:
                best, best_overlap = draft, shared
        return best

    def same_sentence(self, quotation: Quotation) -> Draft | None:
        best: Draft | None = None
        best_distance = len(self.text) + 1
        for draft in self.drafts:
            cue = draft.cue
            if cue is None or quotation.start <= cue.start < quotation.end:
                continue
            sentence = draft.sentence
            if not (
                sentence.start <= quotation.start < sentence.end
                or sentence.start < quotation.end <= sentence.end
            ):
                continue
            distance = min(
                abs(cue.start - quotation.end), abs(quotation.start - cue.end)
            )
            if distance < best_distance:
                best, best_distance = draft, distance
        return best

    def colon_before(self, quotation: Quotation) -> Draft | None:
        text = self.text
        colon = quotation.start - 1
        while colon >= 0 and text[colon].isspace():
            colon -= 1
        if colon < 0 or text[colon] != ":":
            return None
        candidates = [
            d
            for d in self.drafts
            if d.cue is not None and d.cue.end <= colon and colon - d.cue.end < 200
        ]
        if not candidates:
            return None
        draft = max(candidates, key=lambda d: d.cue.start if d.cue else 0)
        if self.text[draft.cue.end if draft.cue else 0 : colon].count(".") > 1:
            return None
        return draft

    def adjacent(self, quotation: Quotation) -> Draft | None:
        """``"...." Doe said.``: a cue left without content right after it."""
        for draft in self.drafts:
            if draft.content or draft.cue is None:
                continue
            start = draft.sentence.start
            # the gap is read only when it is short
            if 0 <= start - quotation.end <= 3 and not (
                self.text[quotation.end : start].strip(" .,")
            ):
                return draft
        return None

    def signed(self, quotation: Quotation) -> Draft | None:
        """``“....” ― Jane Doe``: a quotation signed by a name on its line."""
        match = _SIGNATURE.match(self.text, quotation.end)
        if match is None:
            return None
        start, end = match.span(2)
        while end > start and self.text[end - 1] in ".,":
            end -= 1
        draft = Draft(
            kind="direct",
            content=[],
            sentence=Span(start=quotation.start, end=quotation.end),
            cue=Span(start=match.start(1), end=match.end(1)),
            cue_lemma="―",
            source=Span(start=start, end=end),
            source_name=self.text[start:end],
        )
        self.drafts.append(draft)
        return draft

    def headed(self, quotation: Quotation) -> Draft | None:
        """``‘We will not surrender’: Zelensky vows to fight on``: a quotation
        opening its line, then a colon and the subject of the next clause, is
        that subject's (the headline convention)."""
        start = quotation.start
        if start > 0 and self.text[start - 1] not in "\n":
            return None
        match = _HEADED.match(self.text, quotation.end)
        if match is None:
            return None
        for draft in self.drafts:
            source = draft.source
            if source is None or source.start != match.end() or draft.cue is None:
                continue
            headed = Draft(
                kind="direct",
                content=[],
                sentence=Span(start=quotation.start, end=quotation.end),
                cue=Span(start=match.start(1), end=match.end(1)),
                cue_lemma=":",
                source=source,
                source_head=draft.source_head,
                source_offset=draft.source_offset,
                source_name=draft.source_name,
            )
            self.drafts.append(headed)
            # the clause after the colon says something else ("vows to fight on")
            whole = Span(start=quotation.start, end=match.end(1))
            draft.content = worded(self.text, minus(draft.content, whole, ()))
            return headed
        return None

    def run(self, quotations: Sequence[Quotation], min_words: int) -> None:
        last: Draft | None = None
        spoken: set[Span] = set()  # pieces of quotations, not of titles
        for quotation in quotations:
            real = is_quotation(self.text, quotation, min_words) or self.goes_on(
                quotation, last
            )
            # a signature after the quotation names its author, whatever the
            # parse made of the line ("” ― Jane Doe\n“Next quote...”")
            signed = (
                (self.signed(quotation) or self.headed(quotation)) if real else None
            )
            draft = signed or self.overlapping(quotation)
            if real:
                spoken.update(quotation.pieces)
            if draft is None and real:
                draft = (
                    self.same_sentence(quotation)
                    or self.adjacent(quotation)
                    or self.colon_before(quotation)
                )
                if draft is None and _opens_sentence(self.text, quotation.start):
                    draft = self.floating(quotation, last)
                elif (
                    draft is None and len(_words(self.text, quotation)[1]) >= min_words
                ):
                    # a quotation inside a sentence with no cue continues
                    # nobody's words; a short one ("placed in a separate
                    # “liquidating trust.”") is the writer's
                    draft = self.unattributed(quotation)
            if draft is None:
                continue
            self.attach(draft, quotation)
            # a signature closes the quote: what follows is someone else's
            last = None if signed is not None else draft
        for draft in self.drafts:
            draft.content = after_signature(
                draft, [q for q in draft.quoted if q in spoken]
            )

    def goes_on(self, quotation: Quotation, last: Draft | None) -> bool:
        """A sentence of one word after a quote, in its paragraph: more of
        it (“We will not trade our land,” he said. “Never.”)."""
        if last is None or not last.quoted:
            return False
        inner, words = _words(self.text, quotation)
        return (
            len(words) == 1
            and inner.rstrip("\"'”’ ")[-1:] in _SENTENCE_END
            and _opens_sentence(self.text, quotation.start)
            and self.paragraph_of(quotation.start)
            == self.paragraph_of(last.quoted[-1].end - 1)
        )

    def floating(self, quotation: Quotation, last: Draft | None) -> Draft:
        """A quotation with no cue: it continues the quote just before it, else
        the attribution of the speaker named just before."""
        para = self.paragraph_of(quotation.start)
        at_start = (
            quotation.start == self.paragraphs[para].start if self.paragraphs else False
        )
        if last is not None and last.quoted:
            last_para = self.paragraph_of(last.quoted[-1].end - 1)
            if para == last_para or (at_start and para - last_para == 1):
                return last
        # "X identified ... as a reason. “The younger people are ...”": the
        # words of the last one named as speaking, just before
        said = self.said_before(quotation, para)
        if said is not None:
            return said
        return self.unattributed(quotation)

    def unattributed(self, quotation: Quotation) -> Draft:
        """A new quote of nobody named."""
        draft = Draft(
            kind="direct",
            content=[],
            sentence=Span(start=quotation.start, end=quotation.end),
        )
        self.drafts.append(draft)
        return draft

    def said_before(self, quotation: Quotation, para: int) -> Draft | None:
        """The last attribution with a speaker before ``quotation``, in its
        paragraph or the one before."""
        best: Draft | None = None
        for draft in self.drafts:
            cue = draft.cue
            if cue is None or draft.source is None or cue.start >= quotation.start:
                continue
            if draft.cue_lemma == "―":  # a signature closes its quote
                continue
            if para - self.paragraph_of(cue.start) > 1:
                continue
            if best is None or (best.cue is not None and cue.start > best.cue.start):
                best = draft
        return best


def _inside(offset: int, draft: Draft) -> bool:
    return any(c.start <= offset < c.end for c in draft.content)


def _modifier_starts(draft: Draft) -> set[int]:
    """Where the participles and relative clauses describing a draft's source
    noun start, in the article ("The report, published by ...": published)."""
    head = draft.source_head
    if head is None or head.pos_ not in {"NOUN", "PROPN"}:
        return set()
    return {
        draft.source_offset + token.idx
        for token in head.subtree
        if token.dep_ in {"acl", "relcl"}
    }


def _without_speaker_asides(drafts: list[Draft]) -> list[Draft]:
    """The drafts but those whose cue only describes another draft's speaker and
    whose content runs into that draft's cue: "The report, published by Human
    Rights Watch on Monday, said ...": the report says, the publishing is an
    aside about it."""
    modifiers = [(d, _modifier_starts(d)) for d in drafts if d.cue is not None]
    asides = set()
    for j, aside in enumerate(drafts):
        cue = aside.cue
        if cue is None:
            continue
        for draft, starts in modifiers:
            if (
                draft is not aside
                and cue.start in starts
                and draft.cue is not None  # (for the type checker)
                and _inside(draft.cue.start, aside)
            ):
                asides.add(j)
                break
    return [d for j, d in enumerate(drafts) if j not in asides]


def outermost(drafts: list[Draft]) -> list[Draft]:
    """The drafts whose cue is not part of what another draft reports.

    ``He said she denied it``: the denial is the content of the saying (the
    convention of PolNeAR, whose annotations never nest). When two drafts
    hold each other's cue, both stay, unless one is an ``according to``
    before the other's cue: the phrase frames the words after it ("According
    to X, talks could be concluded ..." is X's, not a report of its own).
    """
    drafts = _without_speaker_asides(drafts)
    # every content piece as (start, end, draft), by start: a cue is looked
    # up among the pieces that begin before it
    pieces = sorted(
        ((c.start, c.end, k) for k, d in enumerate(drafts) for c in d.content),
        key=lambda piece: piece[0],
    )
    starts = [piece[0] for piece in pieces]
    kept = []
    for k, draft in enumerate(drafts):
        cue = draft.cue
        if cue is None:
            kept.append(draft)
            continue
        holders = {
            j
            for start, end, j in pieces[: bisect.bisect_right(starts, cue.start)]
            if cue.start < end and j != k
        }
        if not any(
            (other := drafts[j].cue) is None
            or not _inside(other.start, draft)
            or (drafts[j].kind == "according" and other.start < cue.start)
            for j in holders
        ):
            kept.append(draft)
    return kept


def worded(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans that hold a word (a letter or a digit)."""
    return [s for s in spans if any(ch.isalnum() for ch in text[s.start : s.end])]


def _phrase_end(draft: Draft) -> int:
    """Where the whole phrase of a draft's source ends (its cue's without one)."""
    head = draft.source_head
    if head is not None:
        last = head.right_edge
        return int(draft.source_offset + last.idx + len(last.text))
    if draft.source is not None:
        return draft.source.end
    return draft.cue.end if draft.cue is not None else 0


def cut_according(drafts: list[Draft], text: str, quoted: Sequence[Span]) -> None:
    """Take an ``according to`` phrase out of the report it follows.

    "Intelligence reports indicate that X, according to two officers": the
    officers say what the reports indicate; the phrase is not what the
    reports indicate. A phrase inside quotation marks (``quoted``, marks
    included) is the quoted words'.
    """
    for according in drafts:
        cue = according.cue
        if according.kind != "according" or cue is None:
            continue
        if any(q.start <= cue.start < q.end for q in quoted):
            continue
        # the phrase and what its source noun holds ("two officers ... who
        # spoke on condition of anonymity"), with the commas around it
        start, end = cue.start, _phrase_end(according)
        while start > 0 and text[start - 1] in " ,;—–-(":
            start -= 1
        while end < len(text) and text[end] in " ,":
            end += 1
        phrase = Span(start=start, end=end)
        for draft in drafts:
            if draft is according or draft.cue is None or draft.cue.start >= cue.start:
                continue
            if not _inside(cue.start, draft):
                continue
            kept = worded(text, minus(draft.content, phrase, ()))
            if kept:
                draft.content = kept
