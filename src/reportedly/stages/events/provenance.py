"""Who asserts an event: the outlet, then each quote or attribution around it.

The chain runs outside in: the outlet always; the speaker of the outermost
quote whose content holds the trigger; then sources nested inside it ("...
intelligence reports indicate that ...", told by a speaker). A document, a
report or an unnamed body of evidence is a ``source``, as is any nested
attribution; a person or institution quoted at the top level is a
``speaker``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...records import Article, Asserter, AsserterKind, Quote, Span
from ..quotes.cues import DOCUMENT_NOUNS
from .modality import HEDGE_ADVERBS

#: document nouns that also name an agency, which speaks ("intelligence said")
_BODIES = frozenset({"intelligence"})
_SPEAKING = frozenset(
    "said say says told tell tells warned warns added announced stated".split()  # noqa: SIM905
)
#: cue words that deny their content
DENIAL_CUES = frozenset(
    """
    deny denies denied denying dismiss dismissed dismisses refute refuted
    refutes rebut rebutted
    """.split()  # noqa: SIM905
)
#: cue words that hedge their content
HEDGE_CUES = frozenset(
    """
    understand understands understood believe believes believed think thinks
    thought suspect suspects suspected suggest suggests suggested hear heard
    appear appears appeared seem seems seemed speculate speculated guess
    """.split()  # noqa: SIM905
)
#: cue words of intention and appearance: modality (read by modality.py)
MODALITY_CUES = frozenset(
    """
    plan plans planned planning intend intends intended intending want wants
    wanted hope hopes hoped wish wishes wished seek seeks sought aim aims aimed
    decide decides decided prepare prepares prepared try tries tried need needs
    needed appear appears appeared seem seems seemed expect expects expected
    vow vows vowed promise promises promised pledge pledges pledged threaten
    threatens threatened refuse refuses refused agree agrees agreed
    """.split()  # noqa: SIM905
)
_DET = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "that"})
#: words after which a source's name says whose or where it is, not what
_CUT_NAME = (
    *("by", "from", "of", "on", "in", "for", "at"),
    *("seen", "obtained", "reviewed", "shared", "circulated", "leaked"),
)
_WORD = re.compile(r"[\w'-]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """What the quotes around a trigger say about it."""

    asserters: tuple[Asserter, ...]
    quotes: tuple[int, ...] = ()
    denied: bool = False
    hedged: bool = False


def _inside(quote: Quote, span: Span) -> bool:
    if (
        quote.cue is not None
        and quote.cue.start < span.end
        and span.start < quote.cue.end
    ):
        return False  # the trigger is the quote's own cue: a speech act
    return any(c.start <= span.start and span.end <= c.end for c in quote.content)


def _quoted(quote: Quote) -> bool:
    """Whether the quote stands inside quote marks (its speaker is quoted)."""
    return quote.kind in {"direct", "split", "multi", "mixed"}


def _size(quote: Quote) -> int:
    return sum(len(c) for c in quote.content)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def speaker_text(article: Article, quote: Quote) -> str | None:
    """The speaker's resolved name, else the speaker as written."""
    if quote.speaker_name:
        return quote.speaker_name
    if quote.speaker is not None:
        return quote.speaker.text_in(article.text).strip() or None
    return None


def is_document(article: Article, quote: Quote) -> bool:
    """A source that is a document or evidence, not a person speaking.

    "a report by Human Rights Watch", "satellite images", "intelligence".
    """
    if quote.speaker is None:
        return False
    name = quote.speaker.text_in(article.text)
    words = _words(name)
    if words and words[-1] in _BODIES and quote.cue is not None:
        # "South Korean intelligence said": an agency that speaks
        cue = _words(quote.cue.text_in(article.text))
        if cue and cue[0] in _SPEAKING:
            return False
    return is_document_name(name)


def _is_modality(article: Article, quote: Quote) -> bool:
    """ "plans to", "is expected to", "It appears that": modality, not a source."""
    if quote.speaker is None:
        return not quote.speaker_name  # "is expected to": nobody speaks
    speaker = _words(quote.speaker.text_in(article.text))
    if speaker in (["it"], ["there"]):
        return True
    cue = _words(quote.cue.text_in(article.text)) if quote.cue else []
    return bool(cue) and cue[0] in MODALITY_CUES


@dataclass(frozen=True, slots=True, kw_only=True)
class Said:
    """An attribution read off the parse: a reporting verb and its subject."""

    cue: Span
    speaker: Span
    name: str


def is_document_name(name: str) -> bool:
    """Whether a speaker as written names a document or body of evidence."""
    words = [w for w in _words(name) if w not in _DET]
    for word in _CUT_NAME:  # "data from X", "a document seen by Y"
        if word in words[1:]:
            words = words[: words.index(word, 1)]
    return bool(words) and (words[-1] in DOCUMENT_NOUNS or words[0] in DOCUMENT_NOUNS)


def _same_cue(quote: Quote, found: Said) -> bool:
    """Whether a quote's cue is the reporting verb the parse found."""
    cue = quote.cue
    return cue is not None and cue.start < found.cue.end and found.cue.start < cue.end


def attribution(
    article: Article,
    span: Span,
    said: Sequence[Said] = (),
) -> Attribution:
    """The asserter chain for an event whose trigger is ``span``.

    ``said`` are attributions the parse shows around the trigger, innermost
    first; those no quote covers join the chain where they nest.
    """
    outlet = Asserter(kind="outlet", name=article.meta.outlet)
    indices = [i for i, q in enumerate(article.quotes) if _inside(q, span)]
    indices.sort(key=lambda i: -_size(article.quotes[i]))
    chain: list[Asserter] = [outlet]
    used: list[int] = []
    seen: set[str] = set()
    denied = hedged = False
    for index in indices:
        quote = article.quotes[index]
        cue = quote.cue.text_in(article.text).lower() if quote.cue else ""
        cue_words = set(_words(cue))
        hedge = quote.hedge.text_in(article.text).lower() if quote.hedge else ""
        hedged = (
            hedged
            or bool(cue_words & HEDGE_CUES)
            or bool(set(_words(hedge)) & HEDGE_ADVERBS)
        )
        speaker = _words(quote.speaker.text_in(article.text)) if quote.speaker else []
        first_person = speaker in (["i"], ["we"])
        # "I understand that" in a speaker's quote, or in the article's own
        # voice (not quoted): how sure, not who says
        nested_self = first_person and (len(chain) > 1 or not _quoted(quote))
        if nested_self or _is_modality(article, quote):
            continue  # "X plans to": modality, not a source
        name = speaker_text(article, quote)
        document = is_document(article, quote)
        if document and quote.speaker is not None:
            name = quote.speaker.text_in(article.text).strip()
        key = (name or "").casefold()
        if key in seen:
            continue
        seen.add(key)
        used.append(index)
        kind: AsserterKind = "source" if len(chain) > 1 or document else "speaker"
        chain.append(Asserter(kind=kind, name=name, quote=index))
        denied = denied != bool(cue_words & DENIAL_CUES)
    quotes = [article.quotes[i] for i in used]
    for found in said:
        if any(_same_cue(q, found) for q in quotes) or found.name.casefold() in seen:
            continue
        depth = 1 + sum(
            any(c.start <= found.cue.start < c.end for c in q.content) for q in quotes
        )
        kind = "source" if depth > 1 or is_document_name(found.name) else "speaker"
        seen.add(found.name.casefold())
        # the quote whose cue is this reporting verb carries the event, even
        # when its content stops short of the trigger
        act = next(
            (i for i, q in enumerate(article.quotes) if _same_cue(q, found)), None
        )
        chain.insert(depth, Asserter(kind=kind, name=found.name, quote=act))
    return Attribution(
        asserters=tuple(chain), quotes=tuple(used), denied=denied, hedged=hedged
    )
