"""Quotes: every attribution, direct or reported, with its speaker, cue and addressee.

Cues, their contents and sources come from small learned scorers over the
parse (``model.py``, ``features.py``; weights trained on PolNeAR by
``scripts/train_quotes.py``) inside dependency rules (``rules.py``); the cue
scorer's close calls are decided by a sentence model (``context.py``), and
the contents the content tagger is unsure of are drawn by a span model
(``bounds.py``), each for a whole batch of articles at once
(``RuleQuotes.pipe``); quote
marks paired on the raw text (``marks.py``) then widen those contents to whole
quotations, attach quotations to the cue of their sentence, of a colon before
them or of a dash signature after them, and carry quotations that float in
later paragraphs to the speaker named before. Attributions reported inside
another's content are dropped. Speaker names come from ``speakers.py``.
"""

from __future__ import annotations

import bisect
import gc
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..._when import resolve_date
from ...actors.genders import FIRST_NAMES, GENDERED, PRONOUNS
from ...errors import ConfigError
from ...records import Article, Mention, Quote, QuoteKind, Span
from ...registry import stage
from .assemble import (
    Assembler,
    cut_according,
    fill_gaps,
    outermost,
    overlap,
    worded,
)
from .bounds import GATE, BoundsScorer, Call, load_bounds_scorer
from .context import BAND, ContextScorer, load_context_scorer
from .cues import DOCUMENT_NOUNS, NOT_SPEAKERS
from .marks import DOUBLE_MARKS, QUOTE_MARKS, Quotation, find_quotations
from .model import Content, QuoteModel, load_quote_model
from .rules import UNNAMED, Draft, find_attributions, hedge_frame, minus
from .sheet import Sheet
from .speakers import (
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    Name,
    as_written,
    named_entities,
    names_the_speaker,
    resolve_speaker,
)

__all__ = ["EXTRACTOR", "RuleQuotes", "extract_quotes"]

logger = logging.getLogger(__name__)

EXTRACTOR = "quotes.rules.v1"
#: the content of a request for anonymity ("asked not to be identified",
#: "asked that his name not be used", "to remain anonymous"), even when the
#: parser hung the main clause on it ("..., who asked not to be named, said the
#: talks ...")
_ANONYMITY = re.compile(
    r"(?:not to be (?:named|identified|quoted)\b|anonymity\W*$|to remain anonymous\b"
    r"|(?:that )?(?:(?:his|her|their) (?:full )?names? (?:not be|be withheld)"
    r"|(?:he|she|they) not be (?:named|identified|quoted))\b)",
    re.IGNORECASE,
)

#: "..., declining to be named because ...": the same, refused
_DECLINING = frozenset({"decline", "refuse"})


def _kind(text: str, draft: Draft, paragraphs: Assembler) -> QuoteKind:
    if draft.kind == "according":
        return "according"
    content_chars = sum(len(c) for c in draft.content)
    quoted_chars = sum(overlap(c, q) for c in draft.content for q in draft.quoted)
    cue = draft.cue
    if cue is not None and draft.content:
        first = draft.content[0]
        between = text[cue.end : first.start] if first.start >= cue.end else ""
        if ":" in between or draft.kind == "colon":
            return "colon"
    if draft.quoted and quoted_chars >= 0.9 * content_chars:
        paras = {paragraphs.paragraph_of(q.start) for q in draft.quoted}
        if len(paras) > 1:
            return "multi"
        if (
            cue is not None
            and any(q.end <= cue.start for q in draft.quoted)
            and any(q.start >= cue.end for q in draft.quoted)
        ):
            return "split"
        return "direct"
    if quoted_chars:
        return "mixed"
    head = draft.source_head
    if head is not None and (
        head.lemma_.lower() in DOCUMENT_NOUNS
        or (head.ent_type_ == "ORG" and head.pos_ == "PROPN")
    ):
        return "document"
    return "indirect"


def _hedge_inside(
    article: Article, assembler: Assembler, content: tuple[Span, ...]
) -> Span | None:
    """The speaker's own hedge inside the content ("I understand and hear that")."""
    parse = article.parses[assembler.paragraph_of(content[0].start)]
    return hedge_frame(parse.doc, parse.start, content, article.text)


#: brackets a content pairs at its edges (:func:`_balanced`): round ones set
#: off the writer's asides, square ones the editor's insertions
_BRACKETS = (("(", ")", True), ("[", "]", False))
#: the most words of an aside in brackets kept whole at a content's end
_SHORT_ASIDE = 3
#: "1)", "b)": an item's number, which opens no aside
_ITEM = re.compile(r"(?:^|\s)\w\)")
#: what may follow an aside's closing bracket at a content's end
_EDGE = " .,;:"


def _quoting(aside: str) -> bool:
    """Whether an aside quotes someone (then it is not the writer's to cut)."""
    return "''" in aside or not DOUBLE_MARKS.isdisjoint(aside)


def _holds(cue: Span | None, start: int, end: int) -> bool:
    """Whether the cue lies between ``start`` and ``end``."""
    return cue is not None and start <= cue.start < end


def _balanced(text: str, start: int, end: int, cue: Span | None) -> tuple[int, int]:
    """``start, end`` with the brackets at its edges paired, as PolNeAR draws
    them.

    A bracket the content's edge left out as punctuation comes back when the
    content holds its partner: an editor's insertion (``[the army] would
    ...``, ``those [Democratic lies]``), an aside the content begins with, a
    short aside it ends with (``Rep. John Culberson (R-TX)``, ``Sen. Bernie
    Sanders (Vt.)``). A content that stops inside or at the end of a longer
    aside it opened ends before the aside (``raising the minimum wage (with
    far less intensity``), and one that begins inside an aside begins after it
    (``then opposition again) for the invasion``). An aside that quotes
    someone, or holds the cue (``(..., according to Senate filings)``), stays.
    """
    for opening, closing, aside in _BRACKETS:
        piece = text[start:end]
        opened = piece.count(opening) - piece.count(closing)
        if opened == 1:
            at = piece.rindex(opening)
            short = not aside or len(piece[at:].split()) <= _SHORT_ASIDE
            for tail in (closing, "." + closing):
                if short and text[end : end + len(tail)] == tail:
                    end += len(tail)
                    break
            else:
                closes = text.find(closing, end)
                if (
                    aside
                    and not _quoting(piece[at:])
                    and not _holds(
                        cue, start + at, closes if closes >= 0 else len(text)
                    )
                ):
                    end = start + at
        elif opened == -1 and not _ITEM.search(piece):
            at = piece.index(closing)
            if text[start - 1 : start] == opening:
                start -= 1  # the content begins with what the bracket holds
            elif aside and not piece[at + 1 :].strip(_EDGE):
                end = start + at  # "... damaging her)": the aside ends it
            elif (
                aside
                and not _quoting(piece[:at])
                and not _holds(cue, text.rfind(opening, 0, start), start + at)
            ):
                start += at + 1
        piece = text[start:end]
        start, end = (
            start + len(piece) - len(piece.lstrip()),
            start + len(piece.rstrip()),
        )
    return start, end


#: a word no content ends with, when nothing of it follows: what the tagger
#: kept of a clause it left ("... the Southern border and"); lowercase only,
#: as "Plan A" and "Vitamin A" end with a name
_DANGLING = re.compile(r"(?:[\s,;:—–-]+)(?:and|or|but|nor|the|a|an)$")


def _trimmed(text: str, spans: list[Span], cue: Span | None = None) -> list[Span]:
    """The spans without white space at their edges, with brackets paired
    (:func:`_balanced`), without a dangling word at their end
    (``_DANGLING``) unless the next span goes on right after, those with
    words only."""
    out = []
    for k, span in enumerate(spans):
        piece = text[span.start : span.end]
        start = span.start + len(piece) - len(piece.lstrip())
        start, end = _balanced(text, start, start + len(piece.strip()), cue)
        following = spans[k + 1].start if k + 1 < len(spans) else None
        if following is None or text[end:following].strip():
            dangling = _DANGLING.search(text, start, end)
            if dangling is not None:
                end = dangling.start()
        out.append(Span(start=start, end=end))
    return worded(text, out)


def _cue_model(cues: str) -> QuoteModel | None:
    """The packaged model for ``cues = "model"``, None for the lexicon."""
    if cues == "model":
        return load_quote_model()
    if cues != "lexicon":
        raise ConfigError(
            f'Unknown quote cue finder {cues!r}: use "model" or "lexicon" '
            '(the cues setting of [stages."quotes.rules.v1"]).'
        )
    return None


#: a paragraph's contents per cue (``model.Drawn``)
_Contents = dict[int, Content]


@dataclass(slots=True)
class _Reading:
    """An article read up to its cues: quotations, names, turns, each
    paragraph's parse and offset and, with a model, its sheet, (set by
    ``choose_cues``) the tokens that head a cue and (set by
    ``choose_contents``) their contents."""

    article: Article
    paragraphs: list[Span]
    quotations: list[Quotation]
    pieces: list[Span]
    names: list[Name]
    author: str | None
    turns: list[Draft]
    labelled: set[Span | None]
    parses: list[tuple[Any, int]]
    sheets: list[Sheet]
    cues: list[set[int]] = field(default_factory=list)
    contents: list[_Contents] = field(default_factory=list)


def extract_quotes(
    article: Article,
    *,
    cues: str = "model",
    context: bool = True,
    bounds: bool = True,
    min_quote_words: int = 4,
    resolve_names: bool = True,
    nested: bool = False,
) -> tuple[Quote, ...]:
    """The quotes of a parsed article, in text order of their content.

    ``cues`` is ``"model"`` (the packaged cue scorer, content tagger and
    source picker of ``model.py``) or ``"lexicon"`` (the hand-written lexicon
    of ``cues.py`` and the dependency rules alone). ``context`` lets the
    sentence model of ``context.py`` decide the cue scorer's close calls, and
    ``bounds`` the span model of ``bounds.py`` draw the contents the content
    tagger is unsure of. ``nested`` keeps attributions reported inside
    another one's content (``He said she denied it`` gives the saying only,
    unless ``nested``).
    """
    model = _cue_model(cues)
    reading = _read(article, model, resolve_names)
    if reading is None:
        return ()
    choose_cues([reading], model, _context_scorer(context, model))
    choose_contents([reading], model, _bounds_scorer(bounds, model))
    return _quotes(reading, model, min_quote_words, resolve_names, nested)


def _context_scorer(context: bool, model: QuoteModel | None) -> ContextScorer | None:
    return load_context_scorer() if context and model is not None else None


def _bounds_scorer(bounds: bool, model: QuoteModel | None) -> BoundsScorer | None:
    return load_bounds_scorer() if bounds and model is not None else None


def choose_cues(
    readings: Sequence[_Reading],
    model: QuoteModel | None,
    scorer: ContextScorer | None,
) -> None:
    """Which tokens head a cue, in every paragraph of every reading.

    The cue scorer decides; with a ``scorer``, the sentences that hold a close
    call (a logit within ``BAND`` of the threshold) are scored together, in
    one batch for all the readings, and the sentence model decides those calls.
    """
    if model is None:
        return
    cut = model.cue.cut
    # per close call's sentence: the paragraph's cues, sheet and logits, the
    # sentence's first and last token and the paragraph's close calls
    close: list[tuple[set[int], Sheet, int, int, dict[int, float], set[int]]] = []
    for reading in readings:
        reading.cues = []
        for sheet in reading.sheets:
            logits = model.cue_logits(sheet)
            cues = {k for k, v in logits.items() if v >= cut}
            reading.cues.append(cues)
            if scorer is None:
                continue
            calls = {k for k, v in logits.items() if abs(v - cut) < BAND}
            for first, last in sorted({sheet.sentence[k] for k in calls}):
                close.append((cues, sheet, first, last, logits, calls))
    if not close or scorer is None:
        return
    z = scorer.scores(
        scorer.encode(
            [(sheet, a, b, logits) for _, sheet, a, b, logits, _ in close], cut
        )
    ).tolist()
    at = 0
    for cues, _, first, last, _, calls in close:
        for k in calls.intersection(range(first, last)):
            if z[at + k - first] > 0:
                cues.add(k)
            else:
                cues.discard(k)
        at += last - first


def choose_contents(
    readings: Sequence[_Reading],
    model: QuoteModel | None,
    scorer: BoundsScorer | None,
) -> None:
    """The content and the source picker's scores of every chosen cue, in
    every paragraph of every reading.

    The content tagger decides each content; with a ``scorer``, the contents
    it is unsure of (``bounds.unsure``) are drawn by the span model instead,
    in one batch for all the readings. Both are found here, with one path and
    feature memo per cue, so that finding the attributions after need not
    build them again.
    """
    if model is None:
        return
    cut = model.content.cut
    pending: list[tuple[Content, Call]] = []
    for reading in readings:
        reading.contents = []
        for sheet, cues in zip(reading.sheets, reading.cues, strict=True):
            drawn, unsure = model.contents(sheet, cues, GATE)
            if scorer is not None:
                pending.extend(
                    (
                        drawn[cue],
                        Call(sheet=sheet, cue=cue, found=found, logits=logits, cut=cut),
                    )
                    for cue, found, logits in unsure
                )
            reading.contents.append(drawn)
    if not pending or scorer is None:
        return
    for (content, _), tokens in zip(
        pending, scorer.draw([call for _, call in pending]), strict=True
    ):
        content.tokens = tokens


def _read(
    article: Article, model: QuoteModel | None, resolve_names: bool
) -> _Reading | None:
    """An article's quotations, names, turns and paragraph sheets (None
    without parses)."""
    paragraphs = [Span(start=p.start, end=p.end) for p in article.parses]
    if not paragraphs:
        return None
    quotations: list[Quotation] = []
    for region in article.regions_of("title", "body") or (
        Span(start=paragraphs[0].start, end=paragraphs[-1].end),
    ):
        span = region.span if not isinstance(region, Span) else region
        quotations.extend(find_quotations(article.text, span.start, span.end))
    marked = [p for q in quotations for p in q.pieces]
    names: list[Name] = (
        named_entities(article.parses, marked, article.text) if resolve_names else []
    )
    # the writer's "I" is the one author the byline names
    authors = article.meta.authors
    author = authors[0] if resolve_names and len(authors) == 1 else None
    turns = transcript_turns(article.text, paragraphs, names)
    turns.extend(headline_signatures(article.text, article.parses))
    # a turn's label is its speaker: it replaces a colon rule's guess (and an
    # interview's question is nobody's quote)
    labelled = {t.cue for t in turns}
    turns = [t for t in turns if t.kind != "question"]
    if turns:
        quotations = _outside_turns(quotations, turns)
    pieces = [p for q in quotations for p in q.pieces]
    sheets = []
    if model is not None:
        for parse, paragraph in zip(article.parses, paragraphs, strict=True):
            start = paragraph.start
            quoted = [
                (p.start - start, p.end - start)
                for p in pieces
                if start <= p.start and p.end <= paragraph.end
            ]
            text = article.text[start : paragraph.end]
            sheets.append(Sheet.read(parse.doc, text, quoted))
    return _Reading(
        article=article,
        paragraphs=paragraphs,
        quotations=quotations,
        pieces=pieces,
        names=names,
        author=author,
        turns=turns,
        labelled=labelled,
        parses=[
            (parse.doc, paragraph.start)
            for parse, paragraph in zip(article.parses, paragraphs, strict=True)
        ],
        sheets=sheets,
    )


def _quotes(
    reading: _Reading,
    model: QuoteModel | None,
    min_quote_words: int,
    resolve_names: bool,
    nested: bool,
) -> tuple[Quote, ...]:
    """The quotes of a read article whose cues are chosen (with ``model``)."""
    article, paragraphs, pieces = reading.article, reading.paragraphs, reading.pieces
    quotations, names, author = reading.quotations, reading.names, reading.author
    turns, labelled = reading.turns, reading.labelled
    drafts: list[Draft] = []
    for k, (doc, start) in enumerate(reading.parses):
        chosen = (
            (model, reading.sheets[k], reading.cues[k], reading.contents[k])
            if model is not None
            else None
        )
        drafts.extend(find_attributions(doc, start, chosen))
    if labelled:
        drafts = [d for d in drafts if d.cue not in labelled] + turns
    assembler = Assembler(article.text, drafts, paragraphs)
    assembler.run(quotations, min_quote_words)
    if not nested:
        assembler.drafts = outermost(assembler.drafts)
    cut_according(assembler.drafts, article.text, pieces)
    quotes: list[Quote] = []
    seen: set[tuple[tuple[Span, ...], Span | None]] = set()
    for draft in assembler.drafts:
        # cut around a quotation or an aside, a content may end at a space
        content = tuple(_trimmed(article.text, fill_gaps(draft, assembler), draft.cue))
        head = draft.source_head
        if (
            draft.source is not None
            and head is not None
            and head.head.dep_ == "agent"
            and any(overlap(c, draft.source) for c in content)
        ):  # "were approved by the ambassadors of the 27 member states": the
            # agent of a passive cue is who speaks, not what is said
            content = tuple(
                _trimmed(article.text, minus(content, draft.source, ()), draft.cue)
            )
        if not content or (content, draft.cue) in seen:
            continue
        said = " ".join(c.text_in(article.text) for c in content)
        if _ANONYMITY.match(said) or (
            draft.cue_lemma in _DECLINING and UNNAMED.match(said)
        ):
            continue  # "who asked not to be named": why no name, not a quote
        if (
            draft.cue_lemma == "be"
            and draft.source is not None
            and draft.source.text_in(article.text).lower() == "it"
        ):  # "It was not immediately clear whether ...": nobody's, "it" stands
            # for the clause
            draft.source = draft.source_head = None
        seen.add((content, draft.cue))
        name = None
        if draft.source_head is None and draft.source_name:
            name = draft.source_name  # a signature or a transcript's label
        elif (
            author is not None
            and draft.source is not None
            and draft.source.text_in(article.text) == "I"
            and not any(p.start <= draft.source.start < p.end for p in pieces)
        ):
            name = author  # "I wrote at the time that ...": the writer's own
        elif resolve_names and draft.source is not None:
            name = (
                resolve_speaker(
                    draft.source_head,
                    draft.source,
                    names,
                    offset=draft.source_offset,
                    before=draft.source.start,
                    text=article.text,
                )
                or draft.source_name
            )
            head = draft.source_head
            if name is None and (head is None or head.pos_ in {"NOUN", "PROPN"}):
                # "an adviser to the presidential office": as written; a bare
                # role noun ("the spokesman") names nobody, a bare name
                # ("Musk tweeted") itself
                written = as_written(draft.source.text_in(article.text))
                proper = (
                    head is not None
                    and head.pos_ == "PROPN"
                    and head.ent_type_ in {"PERSON", ""}
                    and head.lemma_.lower() not in ROLE_NOUNS  # "Lawmaker urges"
                )
                name = written if len(written.split()) > 1 or proper else None
        if name is not None and not any(c.isalnum() for c in name):
            name = None  # ",Q:" read as a speaker's label: no name in it
        quotes.append(
            Quote(
                kind=_kind(article.text, draft, assembler),
                content=content,
                cue=draft.cue,
                speaker=draft.source,
                speaker_name=name,
                addressee=draft.addressee,
                medium=draft.medium,
                date=(
                    resolve_date(draft.date, article.meta.published)
                    if draft.date
                    else None
                ),
                hedge=draft.hedge or _hedge_inside(article, assembler, content),
                extractor=EXTRACTOR,
            )
        )
    quotes.sort(key=lambda q: (q.content[0].start, q.cue.start if q.cue else -1))
    if resolve_names:
        quotes = _introduced_speakers(quotes, article.text)
    return tuple(quotes)


#: what introduces someone new, unnamed: "A resident ...", "One witness ..."
_INDEFINITE = frozenset({"a", "an", "one", "another"})
#: the words that make an introduction a person's ("a resident of Bahri")
_PERSON_NOUNS = ROLE_NOUNS | frozenset(
    """
    resident witness woman man voter user source questioner delegate worker
    employee student activist member supporter protester soldier officer doctor
    nurse teacher reporter journalist analyst expert researcher economist
    farmer mother father survivor victim neighbor neighbour passenger driver
    owner staffer strategist donor veteran parent citizen refugee migrant
    """.split()  # noqa: SIM905
)
#: where the words naming who someone is end: "resident | of nearby Bahri"
_AFTER_HEAD = frozenset({"of", "for", "in", "at", "from", "with", "on", "to", "who"})


def _person_introduced(phrase: str) -> bool:
    """Whether a speaker phrase introduces one person, unnamed: "A resident
    of nearby Bahri", "One California delegate" (not "a video", "a report",
    "an army of workers")."""
    words = phrase.replace(",", " ").split()
    if len(words) < 2 or words[0].lower() not in _INDEFINITE:
        return False
    head = next(
        (k for k, w in enumerate(words) if k and w.lower() in _AFTER_HEAD), len(words)
    )
    return words[head - 1].lower() in _PERSON_NOUNS


def _introduced_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """Quotes whose speaker is "he" or "she" right after a quote of someone
    introduced unnamed, given to that person when the name the pronoun was
    resolved to came before the introduction: in "... spokesman Nabil Abdallah
    said. A resident of nearby Bahri, who asked not to be named, told Reuters
    ... “We could not sleep,” she said", "she" is the resident (named as
    written), not the spokesman. A gendered word of the introduction ("a man")
    that the pronoun contradicts leaves the name."""
    out: list[Quote] = []
    last: tuple[Span, Quote] | None = None  # the speaker furthest on so far
    for quote in quotes:
        speaker, name = quote.speaker, quote.speaker_name
        if speaker is None:
            out.append(quote)
            continue
        word = speaker.text_in(text).lower()
        if name and word in {"he", "she"} and last is not None:
            at, before = last
            phrase = at.text_in(text)
            if (
                at.start < speaker.start
                and before.speaker_name == as_written(phrase)
                and _person_introduced(phrase)
                and _genders_told(phrase) <= {PRONOUNS[word]}
                and text.rfind(name.split()[-1], 0, speaker.start) < at.start
            ):
                quote = replace(quote, speaker_name=before.speaker_name)
        if last is None or last[0].start < speaker.start:
            last = (speaker, quote)
        out.append(quote)
    return out


#: "WALLACE: Let's start with ...": a speaker's label opening a paragraph
#: ("Q:" and "A:" for an interview's questions and answers)
_TURN = re.compile(r"[\"“]?[ \t]*([A-Z][A-Z'’.\- ]{0,28}[A-Z.]|[QA])(:)[ \t]+(?=\S)")


def transcript_turns(
    text: str, paragraphs: list[Span], names: Sequence[Name] = ()
) -> list[Draft]:
    """The turns of a transcript: paragraphs opened by a speaker's label.

    Two labelled paragraphs at least make a transcript; each turn is a
    ``colon`` quote whose speaker is the label and content the paragraph.
    In an interview printed as questions and answers ("Q: ...", "A: ..."),
    the answers are the words of the first person the article names before
    them (``names``, the article's entities), who was interviewed; the
    questions are the interviewer's, and no quotes: they come last, of kind
    ``question``, for the caller to drop the colon rule's reading of them
    ("Q" is nobody's name). The reports inside a question stay.
    """
    labelled = [
        (paragraph, match)
        for paragraph in paragraphs
        if (match := _TURN.match(text, paragraph.start, paragraph.end)) is not None
        and match.group(1).strip(" .") not in NOT_SPEAKERS
    ]
    letters = {m.group(1) for _, m in labelled if m.group(1) in {"Q", "A"}}
    interviewee = None
    if letters == {"Q", "A"}:
        first = labelled[0][0].start
        interviewee = next(
            (n.text for n in names if n.label == "PERSON" and n.span.end <= first),
            None,
        )
    turns: list[Draft] = []
    questions: list[Draft] = []
    for paragraph, match in labelled:
        if match.group(1) in {"Q", "A"} and letters != {"Q", "A"}:
            continue  # a list's "A:"
        end = paragraph.end
        while end > match.end() and text[end - 1] in ' \t\n"”':
            end -= 1
        if end - match.end() < 2:
            continue
        label = Span(start=match.start(1), end=match.end(1))
        (questions if match.group(1) == "Q" else turns).append(
            Draft(
                kind="question" if match.group(1) == "Q" else "colon",
                content=[Span(start=match.end(), end=end)],
                sentence=paragraph,
                cue=Span(start=match.start(2), end=match.end(2)),
                cue_lemma=":",
                source=label,
                source_name=(
                    interviewee
                    if match.group(1) == "A"
                    else label.text_in(text).title()
                ),
            )
        )
    if len(turns) < 2 and not interviewee:
        return []
    return turns + questions


#: "Navies to begin joint drills – navy spokesman": a headline and its source
_HEADLINE_SOURCE = re.compile(
    r"(?P<text>.*\S)\s+(?P<dash>[–—―]|--?)\s+(?P<source>[^–—―.!?]+?)\s*$"
)


def headline_signatures(text: str, parses: Sequence[Any]) -> list[Draft]:
    """Headlines that end with their source after a dash.

    "Kabul-Moscow relations will be better — Hezb-e-Islami Gulbuddin": a
    one-line paragraph without a final stop whose last words, after a dash,
    are a short name (at most six words, the first a word: "– ministry", not
    "– :") is a quote of that source.
    """
    out: list[Draft] = []
    for parse in parses:
        paragraph = Span(start=parse.start, end=parse.end)
        line = text[paragraph.start : paragraph.end]
        if "\n" in line.strip() or line.rstrip().endswith((".", "!", "?", '"', "”")):
            continue
        match = _HEADLINE_SOURCE.match(line)
        if match is None:
            continue
        source = match.group("source")
        if match.group("text")[-1] in QUOTE_MARKS:
            continue  # a quotation signed by its author (the assembler's)
        words = source.split()
        if not 1 <= len(words) <= 6 or len(match.group("text").split()) < 4:
            continue
        if not source[0].isalpha():
            continue  # "... — -- :": no name after the dash
        if any(
            t.pos_ in {"VERB", "AUX"}
            for t in parse.doc
            if t.idx >= match.start("source")
        ):
            continue  # "– reached the border": the sentence goes on
        at = paragraph.start
        out.append(
            Draft(
                kind="direct",
                content=[
                    Span(start=at + match.start("text"), end=at + match.end("text"))
                ],
                sentence=paragraph,
                cue=Span(start=at + match.start("dash"), end=at + match.end("dash")),
                cue_lemma="―",
                source=Span(
                    start=at + match.start("source"), end=at + match.end("source")
                ),
                source_name=source.strip(),
            )
        )
    return out


def _outside_turns(quotations: list[Quotation], turns: list[Draft]) -> list[Quotation]:
    """Quotations without their pieces inside a turn (a turn is its own quote)."""
    held = [t.sentence for t in turns]
    out = []
    for quotation in quotations:
        kept = tuple(
            p for p in quotation.pieces if not any(overlap(p, h) for h in held)
        )
        if kept:
            out.append(replace(quotation, pieces=kept))
    return out


@stage("quotes.rules.v1", requires={"parses", "sentences"}, provides={"quotes"})
@dataclass(frozen=True, slots=True)
class RuleQuotes:
    """Direct, indirect and mixed quotes from quote marks, learned cues and rules.

    ``cues``: ``"model"`` (learned cue scorer, content tagger and source
    picker) or ``"lexicon"`` (hand-written lexicon and dependency rules).
    ``context``: the sentence model decides the cue scorer's close calls.
    ``nested`` keeps attributions reported inside another one's content.
    """

    cues: str = "model"
    context: bool = True
    bounds: bool = True
    min_quote_words: int = 4
    resolve_names: bool = True
    nested: bool = False

    def __post_init__(self) -> None:
        # a bad setting or model fails the run, once
        model = _cue_model(self.cues)
        _context_scorer(self.context, model)
        _bounds_scorer(self.bounds, model)

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles with their quotes; the sentence model scores the close
        calls of all of them in one batch, and the span model the contents
        the tagger is unsure of."""
        articles = list(articles)
        # the sheets of the whole batch live until its cues are chosen: the
        # cycle collector would walk them (and the rest of the heap) again and
        # again for nothing, as they are freed by reference counting after
        collecting = gc.isenabled()
        gc.disable()
        try:
            model = _cue_model(self.cues)
            readings = [_read(a, model, self.resolve_names) for a in articles]
            read = [r for r in readings if r is not None]
            choose_cues(read, model, _context_scorer(self.context, model))
            choose_contents(read, model, _bounds_scorer(self.bounds, model))
            done = []
            for article, reading in zip(articles, readings, strict=True):
                quotes = (
                    _quotes(
                        reading,
                        model,
                        self.min_quote_words,
                        self.resolve_names,
                        self.nested,
                    )
                    if reading is not None
                    else ()
                )
                if article.mentions:
                    quotes = link_speakers(quotes, article)
                logger.debug("%s: %s quotes", article.doc_id, len(quotes))
                done.append(replace(article, quotes=quotes))
        finally:
            if collecting:
                gc.enable()
        yield from done


#: "documents seen by Reuters", "a letter obtained by the Post": the one who
#: saw a document is not its source
_WITNESSED = re.compile(
    r"\b(?:seen|obtained|reviewed|viewed|examined) by\s+(?:the\s+)?$"
)
#: "a letter to the court": what comes before a group a speaker addressed
_ADDRESSED = re.compile(r"\w\s+to\s+(?:the\s+)?$")


def link_speakers(quotes: tuple[Quote, ...], article: Article) -> tuple[Quote, ...]:
    """Give each speaker the actor the actors stage resolved it to.

    The resolved mention holding the speaker's syntactic head ("the party
    chief Jane Doe", "he") wins; else the nearest one before the head
    ("Russia's embassy in Washington" -> Russia); else the first after it
    ("officials in Kyiv" -> Kyiv). A pronoun or role noun the actors stage
    resolved brings its person's name; a person who only qualifies the
    speaker ("an aide to President Aliyev") brings the actor, not the name.
    A speaker with no resolved mention inside ("an alliance spokeswoman, Karin
    Holm,", "the diplomat") takes the person the quote stage named, when the
    actors stage resolved that name.
    """
    mentions = [m for m in article.mentions if m.actor_id is not None]
    starts = [m.span.start for m in mentions]
    every_start = [m.span.start for m in article.mentions]
    parse_starts = [p.start for p in article.parses]
    linked = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None:
            linked.append(quote)
            continue
        unnamed = _unnamed_referent(article, speaker, every_start, parse_starts)
        if unnamed is not None:
            # "A senior diplomat said ... He added": the diplomat, not the
            # person named before him, named as the quote that introduced him
            named_so = next(
                (
                    q.speaker_name
                    for q in reversed(linked)
                    if q.speaker is not None
                    and q.speaker.start <= unnamed.span.start < q.speaker.end
                ),
                None,
            )
            linked.append(
                replace(
                    quote,
                    speaker_actor_id=None,
                    speaker_name=named_so
                    or as_written(unnamed.span.text_in(article.text)),
                )
            )
            continue
        holder = _role_holder(article, speaker, mentions)
        if holder is not None:
            linked.append(
                replace(
                    quote, speaker_actor_id=holder.actor_id, speaker_name=holder.name
                )
            )
            continue
        # "Critics of Erdogan argue ...", "his rivals": not his side
        opposing = bool(
            _OPPOSING.search(article.text, speaker.start, speaker.end)
            and _OPPOSING.fullmatch(_head_word(article, speaker, parse_starts))
        )
        first = bisect.bisect_left(starts, speaker.start)
        last = bisect.bisect_left(starts, speaker.end)
        whole = speaker.text_in(article.text).lower()
        inside = [
            m
            for m in mentions[first:last]
            if m.span.end <= speaker.end
            # "Mikati's office", "his adviser": a person who owns the speaker
            and not (m.kind == "person" and _possessor(article, m))
            # "a diplomat, who said he was not authorised, ...": a pronoun
            # inside the phrase is someone else
            and not (
                m.span != speaker
                and m.span.text_in(article.text).lower() in PERSON_PRONOUNS
                and whole not in PERSON_PRONOUNS
            )
            # "documents seen by Reuters": who saw them does not speak
            and not _WITNESSED.search(article.text, speaker.start, m.span.start)
            # "her submission to the court": nor the group it was addressed to
            and not (
                m.kind != "person"
                and _ADDRESSED.search(article.text, speaker.start, m.span.start)
            )
            and not opposing
        ]
        if not inside:
            # "An alliance spokeswoman, Karin Holm, said", "the diplomat", a
            # pronoun the actors stage could not reach: the person the quote
            # stage named
            unsettled = article.mentions[
                bisect.bisect_left(every_start, speaker.start) : bisect.bisect_left(
                    every_start, speaker.end
                )
            ]
            if any(_unnamed_introduction(article, m) for m in unsettled):
                # "One diplomat said": someone new, not the minister named
                # before, named as introduced
                written = as_written(speaker.text_in(article.text))
                linked.append(replace(quote, speaker_name=written or None))
                continue
            named = (
                _named_beside(
                    article.text, mentions, starts, speaker, _PERSON, _BESIDE_ROLE
                )
                or _named_person(article.text, quote.speaker_name, mentions, speaker)
                # "said the report's lead author, Marta Costa, a jurist": the
                # person a description names in apposition
                or _named_beside(
                    article.text, mentions, starts, speaker, _PERSON, _APPOSITION_OPENS
                )
            )
            if named is not None and not _gender_fits(whole, named):
                # "she" named "Obama" by the speaker resolver: not Barack Obama
                named = None
            if named is not None:
                quote = replace(
                    quote,
                    speaker_actor_id=named.actor_id,
                    speaker_name=named.name or quote.speaker_name,
                )
            elif (
                not opposing
                and (owner := _owner(article, speaker, mentions[first:last]))
                is not None
            ):
                # "Macron's office said": his side speaks, named as written
                quote = replace(quote, speaker_actor_id=owner.actor_id)
            elif (
                group := _named_beside(
                    article.text,
                    mentions,
                    starts,
                    speaker,
                    _GROUP_SPEAKERS,
                    _APPOSITION_OPENS,
                )
            ) is not None:
                # "The army's media wing, Inter-Services Public Relations,
                # said": the group named beside the description
                quote = replace(
                    quote,
                    speaker_actor_id=group.actor_id,
                    speaker_name=as_written(group.span.text_in(article.text)),
                )
            linked.append(quote)
            continue
        head = _head_offset(article, speaker, parse_starts)
        holding = [m for m in inside if m.span.start <= head < m.span.end]
        before = [m for m in inside if m.span.end <= head]
        people = [
            m
            for m in inside
            if m.kind == "person"
            and (m in holding or names_the_speaker(article.text, m.span, speaker))
        ]
        # "a spokesman for French President Emmanuel Macron": Macron's side
        # (named in the phrase itself, not in an aside: "a diplomat, who said
        # he was not authorised, ...")
        sides = [
            m
            for m in inside
            if m.kind == "person" and "," not in article.text[head : m.span.start]
        ]
        # "Sources close to the talks in Jeddah": the place where something
        # else in the phrase happened is not who speaks
        near = [m for m in inside if not _placed_deeper(article, m, head, parse_starts)]
        if not (holding or people or before or sides or near):
            linked.append(quote)
            continue
        chosen = (holding or people[-1:] or before[-1:] or sides[-1:] or near)[0]
        # a person's canonical name resolves "he" and "Peskov" when the person
        # is the speaker; "an aide to President Aliyev" is Aliyev's side, not
        # Aliyev; an institution keeps the name the text gives it
        speaks = chosen in people
        apposed = (
            None
            if speaks
            else _apposed(article.text, quote.speaker_name, mentions, starts, speaker)
        )
        if apposed is not None:
            # "The Taliban's provincial spokesman, Mawlawi Abdul Bari,": the
            # man named beside the role speaks, not the Taliban
            chosen, speaks = apposed, True
        name = (
            chosen.name if speaks else _organisation_as_named(article, chosen, speaker)
        )
        if name is None and chosen.span == speaker and chosen.kind in _GROUP_SPEAKERS:
            # "Médecins Sans Frontières": the model may have named only a part
            written = as_written(speaker.text_in(article.text))
            part = (quote.speaker_name or "").split()
            if part and written.endswith(" " + " ".join(part)):
                name = written
        # "Lavrov says ..." in a headline: a person the tagger took for an
        # organisation speaks, no document
        kind: QuoteKind = (
            "indirect" if speaks and quote.kind == "document" else quote.kind
        )
        linked.append(
            replace(
                quote,
                kind=kind,
                speaker_actor_id=chosen.actor_id,
                # (None when the phrase holds no word: ",Kabul Q:")
                speaker_name=name
                or quote.speaker_name
                or as_written(speaker.text_in(article.text))
                or None,
            )
        )
    return _groups_referred_to(tuple(linked), article)


def _organisation_as_named(
    article: Article, mention: Mention, speaker: Span
) -> str | None:
    """ "The ministry said": the organisation's name as the text gave it before
    ("Russia's Foreign Ministry"), when the speaker is the definite noun (or
    the short name) the actors stage resolved to it and that name holds the
    speaker's last word."""
    if mention.span != speaker and mention.span.text_in(article.text).lower() != (
        speaker.text_in(article.text).lower()
    ):
        return None
    chain = list(_referents(article.mentions, mention))
    if not chain or chain[-1].refers_to is not None:
        return None  # no reference, or a broken one
    mention = chain[-1]
    if mention.kind not in _GROUP_SPEAKERS:
        return None
    named = as_written(mention.span.text_in(article.text))
    noun = speaker.text_in(article.text).lower().split()[-1:]
    # "the government" after "West Virginia officials": no name of it; "the
    # company" is a company of any name ("Kasuga Electronics")
    if noun and (noun[0] in named.lower().split() or noun[0] in _COMPANY_NOUNS):
        return named
    return None


#: nouns the actors stage resolves to a company whatever its name
_COMPANY_NOUNS = frozenset({"company", "firm"})


#: the kinds of actor "it" and "they" may stand for as a speaker
_GROUP_SPEAKERS = frozenset(
    {"organisation", "armed_group", "international_organisation", "state", "bloc"}
)
#: how far back, in characters, the group a pronoun speaker means is looked for
_GROUP_REACH = 600
#: the words of a plain saying, after which "it" and "they" go on with the
#: group that spoke before ("It added that ..."; not "It refers to ...")
_SPOKE = frozenset(
    """
    said says say added adds told tells wrote writes stated states announced
    announces noted notes warned warns insisted insists argued argues claimed
    claims reported reports declared declares explained explains stressed
    stresses urged urges denied denies confirmed confirms accused accuses
    rejected rejects maintained maintains called calls demanded demands
    condemned condemns welcomed welcomes criticised criticises criticized
    criticizes blamed blames
    """.split()  # noqa: SIM905
)
#: documents that speak for whoever issued them ("the statement said")
_ISSUED = frozenset({"statement", "report", "communique", "letter", "release"})


def _groups_referred_to(
    quotes: tuple[Quote, ...], article: Article
) -> tuple[Quote, ...]:
    """Speakers "it", "they", "the statement" and "the office" that name
    nobody: the group whose quote comes right before ("The foreign ministry
    said in a statement that ... It added that ..."), that issued the
    statement ("the statement said"), or whose speaker phrase ends with the
    noun ("The United Nations humanitarian office said ... The office
    warned"), when it is near."""
    kinds = {m.actor_id: m.kind for m in article.mentions if m.actor_id is not None}
    sentences = [s.start for s in article.sentences]
    order = sorted(
        range(len(quotes)),
        key=lambda k: s.start if (s := quotes[k].speaker) is not None else -1,
    )
    out = list(quotes)
    last: dict[str | None, Quote] = {}  # the last group's quote, by its medium
    heads: dict[str, Quote] = {}  # the last group's quote, by its phrase's noun
    for k in order:
        quote = quotes[k]
        speaker = quote.speaker
        if speaker is None:
            continue
        word = speaker.text_in(article.text).lower()
        # "It added", "It called for": a word of the cue
        said = quote.cue.text_in(article.text).lower().split() if quote.cue else []
        before = None
        if word in {"it", "they"} and not _SPOKE.isdisjoint(said):
            before = last.get(None)  # the group that spoke right before
            # in the same sentence or the next: "... said. It added that ..."
            if (
                before is not None
                and before.speaker is not None
                and bisect.bisect_right(sentences, speaker.start)
                - bisect.bisect_right(sentences, before.speaker.start)
                > 1
            ):
                before = None
        elif word.startswith("the ") and word[4:] in _ISSUED:
            # the group that issued a statement, or whose report spoke before
            # ("A United Nations report found ... The report said")
            before = last.get(word[4:]) or heads.get(word[4:])
        elif word.startswith("the ") and len(word.split()) == 2:
            # "The United Nations humanitarian office said ... The office
            # warned": the group whose speaker phrase ends with the noun
            before = heads.get(word[4:])
        if (
            before is not None
            and before.speaker is not None
            and quote.speaker_actor_id is None
            and speaker.start - before.speaker.end <= _GROUP_REACH
        ):
            out[k] = quote = replace(
                quote,
                speaker_actor_id=before.speaker_actor_id,
                speaker_name=before.speaker_name,
            )
        # only the quote right before: "it" and "they" go on with its speaker
        last.pop(None, None)
        actor = quote.speaker_actor_id
        if actor is not None and kinds.get(actor) in _GROUP_SPEAKERS:
            last[None] = quote
            if quote.medium is not None:
                last[quote.medium] = quote
            phrase = speaker.text_in(article.text).lower().split()
            if len(phrase) > 1:
                heads[phrase[-1]] = quote
    return tuple(out)


def _named_person(
    text: str, name: str | None, mentions: list[Mention], speaker: Span
) -> Mention | None:
    """The resolved person a speaker's name (found by the quote stage through an
    apposition, a pronoun or a role noun) is, nearest the speaker first.

    The name as written wins over a part of it ("Liu" is "Liu Wenbo",
    "Mammadova" is "Leyla Mammadova").
    """
    if not name:
        return None
    words = name.casefold().split()
    exact: list[Mention] = []
    partial: list[Mention] = []
    for mention in mentions:
        if mention.kind != "person":
            continue
        written = mention.span.text_in(text).casefold().split()
        canonical = (mention.name or "").casefold().split()
        if words in (written, canonical):
            exact.append(mention)
        elif len(words) < len(written) and (
            written[: len(words)] == words or written[-len(words) :] == words
        ):
            partial.append(mention)
        elif 2 <= len(written) < len(words) and words[-len(written) :] == written:
            partial.append(mention)  # "Mawlawi Abdul Bari" is "Abdul Bari"
    for found in (exact, partial):
        if found:
            return min(found, key=lambda m: abs(m.span.start - speaker.start))
    return None


_ARTICLES = ("the ", "a ", "an ")
#: what may stand between a role and the name beside it: ", Mawlawi "
_BESIDE = re.compile(r"[,\s]*(?:[A-Z][\w.]*\s+){0,2}")
#: ... or a role of a few lowercase words ("Georgian Dream's founder,
#: billionaire Bidzina Ivanishvili,", "the party's leader, former prime
#: minister ...")
_BESIDE_ROLE = re.compile(
    r",\s*(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+){0,2}(?:"
    + "|".join(sorted(ROLE_NOUNS))
    + r")\s+"
)
_BESIDE_REACH = 60


def _apposed(
    text: str,
    name: str | None,
    mentions: list[Mention],
    starts: list[int],
    speaker: Span,
) -> Mention | None:
    """The resolved person named right after a role that speaks, when the
    quote stage named the speaker by that apposition (``starts``: where the
    sorted ``mentions`` start)."""
    low = bisect.bisect_left(starts, speaker.end)
    high = bisect.bisect_right(starts, speaker.end + _BESIDE_REACH, lo=low)
    found = _named_person(text, name, mentions[low:high], speaker)
    if found is None:
        return None
    gap = text[speaker.end : found.span.start]
    beside = _BESIDE.fullmatch(gap) or _BESIDE_ROLE.fullmatch(gap)
    return found if beside else None


#: an apposition's opening comma, and what closes it (an acronym in brackets
#: may come first)
_APPOSITION_OPENS = re.compile(r"\s*,\s*")
_APPOSITION_CLOSES = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?,")
_PERSON = frozenset({"person"})


def _named_beside(
    text: str,
    mentions: list[Mention],
    starts: list[int],
    speaker: Span,
    kinds: frozenset[str],
    opening: re.Pattern[str],
) -> Mention | None:
    """The mention of one of ``kinds`` a description that speaks names in
    apposition, right after ``opening`` ("The army's media wing, Inter-Services
    Public Relations (ISPR), said"; "Georgian Dream's founder, billionaire
    Bidzina Ivanishvili, told"); ``starts``: where the sorted ``mentions``
    start."""
    at = bisect.bisect_left(starts, speaker.end)
    if at == len(mentions):
        return None
    named = mentions[at]
    if (
        named.kind in kinds
        and opening.fullmatch(text, speaker.end, named.span.start)
        and _APPOSITION_CLOSES.match(text, named.span.end)
    ):
        return named
    return None


def _unnamed_referent(
    article: Article, speaker: Span, starts: list[int], parse_starts: list[int]
) -> Mention | None:
    """The person a pronoun or role noun speaking refers to when the actors
    stage could give them no actor: someone introduced unnamed ("a senior
    diplomat"), or a known name the article leaves unsettled. ``starts`` are
    where the article's (sorted) mentions start."""
    mentions = article.mentions
    # the mentions inside the speaker, and none referring back unresolved
    # among them, say no before its head is looked for
    first = bisect.bisect_left(starts, speaker.start)
    inside = range(first, bisect.bisect_left(starts, speaker.end, lo=first))
    if not any(
        mentions[k].actor_id is None and mentions[k].refers_to is not None
        for k in inside
    ):
        return None
    head = _head_offset(article, speaker, parse_starts)
    at = next(
        (k for k in inside if mentions[k].span.start <= head < mentions[k].span.end), -1
    )
    if at < 0:
        return None
    if mentions[at].actor_id is not None:
        return None
    for mention in _referents(mentions, mentions[at]):
        if mention.actor_id is not None:
            return None
        if mention.refers_to is None:
            return mention
    return None


def _referents(mentions: Sequence[Mention], mention: Mention) -> Iterator[Mention]:
    """The mentions ``mention`` refers back to, nearest first; a reference out
    of range or back into the chain ends them."""
    seen: set[int] = set()
    while (
        mention.refers_to is not None
        and mention.refers_to not in seen
        and 0 <= mention.refers_to < len(mentions)
    ):
        seen.add(mention.refers_to)
        mention = mentions[mention.refers_to]
        yield mention


def _gender_fits(word: str, person: Mention) -> bool:
    """Whether a pronoun may stand for a person, by the gender their given
    name or their title tells (a person neither tells fits; so does a word
    that is no pronoun)."""
    wanted = PRONOUNS.get(word)
    if wanted is None:
        return True
    # a one-word name tells too ("Kevin"), unlike a speaker's name the
    # resolver reads (``given_gender``), where one word may be a surname
    first = (person.name or "").split()[:1]
    told = {FIRST_NAMES.get(first[0].casefold())} if first else set()
    # "Foreign Ministry spokeswoman Gao Ming": her title tells it
    told.update(_genders_told(person.role or ""))
    told.discard(None)
    return not told or told == {wanted}


def _genders_told(words: str) -> set[str]:
    """The genders the gendered words of a phrase tell ("spokeswoman": f)."""
    told = {GENDERED.get(w.strip(".,").casefold()) for w in words.split()}
    return {g for g in told if g is not None}


def _unnamed_introduction(article: Article, mention: Mention) -> bool:
    """A person the actors stage left without actor or reference whose phrase
    opens with an indefinite word: "One diplomat", "a senior official"."""
    if mention.kind != "person" or mention.refers_to is not None:
        return False
    words = mention.span.text_in(article.text).lower().split()
    return len(words) > 1 and words[0] in _INDEFINITE


def _role_holder(
    article: Article, speaker: Span, mentions: list[Mention]
) -> Mention | None:
    """The person an earlier sentence gave the speaker's words as a role.

    "Jane Doe, chief of the party's headquarters, ..." then "according to the
    chief of the party's headquarters": the same person.
    """
    words = speaker.text_in(article.text).strip(" ,;:").casefold()
    for article_word in _ARTICLES:
        words = words.removeprefix(article_word)
    if len(words.split()) < 2:
        return None
    for mention in reversed(mentions):
        if (
            mention.kind == "person"
            and mention.role
            and mention.span.end <= speaker.start
            and mention.role.casefold() == words
        ):
            return mention
    return None


_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my"})


#: what a person's possessive may head and still speak for them
_PERSONS_VOICES = frozenset(
    {"office", "spokesman", "spokeswoman", "spokesperson", "campaign"}
)


#: a document said to come from whoever the rest of the phrase names
_ISSUED_BY = re.compile(
    r"(?:an?|the)\s+(?:" + "|".join(sorted(_ISSUED)) + r")\s+(?:from|by|issued by)\s+",
    re.IGNORECASE,
)


def _owner(article: Article, speaker: Span, mentions: list[Mention]) -> Mention | None:
    """The person whose office speaks: "Macron's office", "his spokesman" (the
    person the possessive names, opening the speaker or after a word or two
    about them), also through a document of theirs ("A statement from
    Netanyahu's office")."""
    start = speaker.start
    issued = _ISSUED_BY.match(article.text, start, speaker.end)
    if issued is not None:
        start = issued.end()
    text = article.text
    words = text[start : speaker.end].split()
    if not 2 <= len(words) <= 5 or words[-1].lower() not in _PERSONS_VOICES:
        return None
    for mention in mentions:
        if (
            mention.kind == "person"
            and start <= mention.span.start
            # what comes before is a word or two about the person: "Rival
            # Hillary Clinton's campaign", "Democratic rival Tom Abbas's"
            and len(text[start : mention.span.start].split()) <= 2
            and "," not in text[start : mention.span.start]
            and _possessor(article, mention)
            # and the possession is the voice: "John Kasich's presidential
            # campaign", not "Trump's rival's campaign"
            and len(text[mention.span.end : speaker.end].split()) <= 3
        ):
            return mention
    return None


def _possessor(article: Article, mention: Mention) -> bool:
    """Whether a mention is a possessor ("Mikati's", "his")."""
    text = article.text
    if mention.span.text_in(text).lower() in _POSSESSIVES:
        return True
    return text[mention.span.end : mention.span.end + 2] in {"'s", "’s"}


#: speakers against whoever their phrase names ("critics of the president")
_OPPOSING = re.compile(
    r"\b(?:critic|opponent|rival|detractor|enem(?:y|ie)|foe|adversar(?:y|ie)"
    r"|challenger|skeptic|sceptic)s?\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


def _head_word(article: Article, span: Span, parse_starts: list[int]) -> str:
    """The word at a span's syntactic head."""
    at = _head_offset(article, span, parse_starts)
    found = _WORD.match(article.text, at)
    return found.group() if found else ""


#: prepositions that place something ("the talks in Jeddah")
_LOCATIVE = frozenset({"in", "at", "near", "across", "outside", "inside"})


def _placed_deeper(
    article: Article, mention: Mention, head: int, parse_starts: list[int]
) -> bool:
    """Whether a place or state is only where something in the speaker's
    phrase is, not the speaker's own ("sources close to the negotiations in
    Jeddah", "students at a school in Merrillville"; but "officials in Kyiv"
    are Kyiv's). ``head`` is the offset of the phrase's head."""
    if mention.kind not in {"place", "state"}:
        return False
    found = _head_token(article, mention.span, parse_starts)
    if found is None:
        return False
    offset, root = found
    while root.dep_ in {"appos", "compound", "conj"} and root.head.i != root.i:
        root = root.head  # "in Pasadena, Calif.": the state goes with the town
    preposition = root.head
    return (
        root.dep_ == "pobj"
        and preposition.lower_ in _LOCATIVE
        and offset + preposition.head.idx != head
    )


def _head_token(
    article: Article, span: Span, parse_starts: list[int]
) -> tuple[int, Any] | None:
    """A span's syntactic head as a spaCy token, with where its parse starts
    (``parse_starts`` are where the article's parses start); None when no
    parse holds the span."""
    parses = article.parses
    index = bisect.bisect_right(parse_starts, span.start) - 1
    if index < 0 or span.end > parses[index].end:
        return None
    parse = parses[index]
    chunk = parse.doc.char_span(
        span.start - parse.start, span.end - parse.start, alignment_mode="expand"
    )
    if chunk is None or not len(chunk):
        return None
    return parse.start, chunk.root


def _head_offset(article: Article, span: Span, parse_starts: list[int]) -> int:
    """The character offset of a span's syntactic head (its end when unknown)."""
    found = _head_token(article, span, parse_starts)
    if found is None:
        return span.end - 1
    offset, root = found
    return int(offset + root.idx)
