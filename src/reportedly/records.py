"""The records that flow through reportedly: frozen, slotted, offset-based.

Every span is a pair of half-open character offsets into ``Article.text``, the
text exactly as it was ingested. Nothing here imports spaCy or DuckDB.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

RegionKind = Literal[
    "title", "body", "caption", "credit", "byline", "furniture", "comment"
]
REGION_KINDS: tuple[str, ...] = get_args(RegionKind)

SourceFormat = Literal["txt", "html", "jsonl", "warc"]

QuoteKind = Literal[
    "direct", "split", "multi", "colon", "indirect", "mixed", "according", "document"
]

Polarity = Literal["asserted", "denied"]
Certainty = Literal["fact", "reported", "hedged", "hypothetical", "future"]
AsserterKind = Literal["outlet", "speaker", "source"]


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Span:
    """Half-open character offsets into ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def text_in(self, text: str) -> str:
        """Return the characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True, kw_only=True)
class Region:
    """A stretch of the article with a layout role (body, caption, comment...)."""

    kind: RegionKind
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    """What is known about an article besides its text.

    ``published`` is ISO 8601 at the precision known: ``2021-08-25``, ``2021-08``,
    ``2021`` or ``--08-25`` when the year is not given. It is never invented.
    ``authors`` are the people the byline names, in its order.
    ``evidence`` maps a field name to the span of the text it was read from; a
    field read from HTML metadata, a URL or a JSONL key has no evidence span.
    """

    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    url: str | None = None
    source: str | None = None
    format: SourceFormat | None = None
    evidence: tuple[tuple[str, Span], ...] = ()

    def evidence_for(self, name: str) -> Span | None:
        """The text span a metadata field was read from, if any."""
        for key, span in self.evidence:
            if key == name:
                return span
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A mention of an actor, resolved where the evidence allows.

    ``role`` is the title or apposition the text gives the actor at this
    mention ("Kremlin spokesman", "former deputy governor for Helmand
    Province"); ``refers_to`` is the index of the earlier mention a pronoun,
    role noun or short name was resolved through.
    """

    span: Span
    actor_id: str | None = None
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    refers_to: int | None = None
    extractor: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A quotation or attribution: what was said, by whom, through which cue."""

    kind: QuoteKind
    content: tuple[Span, ...]
    cue: Span | None = None
    speaker: Span | None = None
    speaker_name: str | None = None
    speaker_actor_id: str | None = None
    addressee: Span | None = None
    medium: str | None = None
    date: str | None = None
    hedge: Span | None = None
    extractor: str = ""
    confidence: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Asserter:
    """Who asserts an event: the outlet, a quoted speaker, or a cited source.

    ``quote`` is the index of the quote carrying the event; ``span`` points at
    the asserter in the text when it is named there ("intelligence reports").
    """

    kind: AsserterKind
    name: str | None
    quote: int | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A PLOVER event between actors, with who asserts it and how."""

    category: str
    trigger: Span
    sentence: Span
    mode: str | None = None
    context: str | None = None
    actors: tuple[Mention, ...] = ()
    recipients: tuple[Mention, ...] = ()
    asserters: tuple[Asserter, ...] = ()
    polarity: Polarity = "asserted"
    certainty: Certainty = "fact"
    historical: bool = False
    date: str | None = None
    place: str | None = None
    extractor: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """The unit that flows through the pipeline.

    ``text`` is immutable: stages add spans over it and never rewrite it.
    ``parses`` holds transient NLP objects (spaCy docs with their character
    offset in ``text``) for the stages that need them; it is never stored,
    compared or serialised.
    """

    doc_id: str
    text: str
    meta: Meta = field(default_factory=Meta)
    regions: tuple[Region, ...] = ()
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    parses: tuple[Any, ...] = field(default=(), compare=False, repr=False)

    @property
    def comments(self) -> tuple[Region, ...]:
        """The reader-comment regions, in text order (one per comment)."""
        return tuple(r for r in self.regions if r.kind == "comment")

    def regions_of(self, *kinds: RegionKind) -> tuple[Region, ...]:
        """The regions of the given kinds, in text order."""
        return tuple(r for r in self.regions if r.kind in kinds)


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """One input or article that could not be processed, and why."""

    source: str
    stage: str
    reason: str
    doc_id: str | None = None


def make_doc_id(text: str, url: str | None = None) -> str:
    """A stable document id: the hash of the URL (when known) and the text.

    Sixteen hex digits of SHA-256, so re-ingesting the same input upserts.
    """
    key = f"{url}\n{text}" if url else text
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
