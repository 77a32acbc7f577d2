"""Records to Arrow rows, one builder per table (``reading`` goes back).

The layer tables hold one document's analysis; they are replaced as a whole
when the document is processed again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pyarrow as pa

from ..records import (
    Article,
    Event,
    Failure,
    Mention,
    Quote,
    Span,
)

_INT_COLUMNS = {"refers_to", "quote_index", "position", "n_chars"}
_INT_SUFFIXES = ("_index", "_char", "_start", "_end")


def arrow_table(rows: Sequence[tuple[Any, ...]], names: Sequence[str]) -> pa.Table:
    """An Arrow table with the column types the schema expects."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    arrays = []
    for name, column in zip(names, columns, strict=True):
        if name.endswith(_INT_SUFFIXES) or name in _INT_COLUMNS:
            arrays.append(pa.array(column, pa.int32()))
        elif name.endswith("_at"):
            arrays.append(pa.array(column, pa.timestamp("us")))
        elif name == "historical":
            arrays.append(pa.array(column, pa.bool_()))
        elif name == "confidence":
            arrays.append(pa.array(column, pa.float64()))
        elif name in ("stages", "authors"):
            arrays.append(pa.array(column, pa.list_(pa.string())))
        else:
            arrays.append(pa.array(column, pa.string()))
    return pa.table(dict(zip(names, arrays, strict=True)))


def _edges(span: Span | None) -> tuple[int | None, int | None]:
    return (span.start, span.end) if span else (None, None)


# -- writing ---------------------------------------------------------------


def documents_table(
    articles: Sequence[Article],
    run_id: str,
    stages: Sequence[str],
    now: datetime,
    pipeline: str | None = None,
) -> pa.Table:
    """One row per new document."""
    rows = [
        (
            a.doc_id,
            a.text,
            hashlib.sha256(a.text.encode("utf-8", "surrogatepass")).hexdigest(),
            len(a.text),
            a.meta.title,
            a.meta.outlet,
            a.meta.dateline,
            a.meta.published,
            a.meta.language,
            a.meta.url,
            a.meta.source,
            a.meta.format,
            json.dumps([[k, s.start, s.end] for k, s in a.meta.evidence]),
            list(stages),
            run_id,
            now,
            pipeline,
            list(a.meta.authors),
        )
        for a in articles
    ]
    return arrow_table(
        rows,
        [
            "doc_id",
            "text",
            "text_sha256",
            "n_chars",
            "title",
            "outlet",
            "dateline",
            "published",
            "language",
            "url",
            "source",
            "format",
            "evidence",
            "stages",
            "run_id",
            "ingested_at",
            "pipeline",
            "authors",
        ],
    )


def failures_table(failures: Sequence[Failure], run_id: str, now: datetime) -> pa.Table:
    """One row per failure of a batch."""
    rows = [(run_id, f.source, f.doc_id, f.stage, f.reason, now) for f in failures]
    return arrow_table(
        rows, ["run_id", "source", "doc_id", "stage", "reason", "failed_at"]
    )


def actor_rows(articles: Sequence[Article]) -> pa.Table:
    """The actors these articles mention, first name seen wins."""
    seen: dict[str, tuple[Any, ...]] = {}
    for a in articles:
        for m in a.mentions:
            if m.actor_id and m.actor_id not in seen:
                seen[m.actor_id] = (
                    m.actor_id,
                    m.name or m.span.text_in(a.text),
                    m.kind,
                    m.country,
                    m.sector,
                    m.code,
                    a.doc_id,
                )
    return arrow_table(
        list(seen.values()),
        ["actor_id", "name", "kind", "country", "sector", "code", "first_doc_id"],
    )


def _mention_row(a: Article, m: Mention) -> tuple[Any, ...]:
    return (
        m.span.start,
        m.span.end,
        m.span.text_in(a.text),
        m.actor_id,
        m.name,
        m.kind,
        m.country,
        m.sector,
        m.code,
    )


MENTION_COLUMNS = [
    "start_char",
    "end_char",
    "text",
    "actor_id",
    "name",
    "kind",
    "country",
    "sector",
    "code",
]


def layer_tables(articles: Sequence[Article]) -> dict[str, pa.Table]:
    """Every layer table's rows for these articles."""
    regions, comments, sentences, mentions, quotes = [], [], [], [], []
    events, participants, asserters = [], [], []
    for a in articles:
        number = 0
        for i, r in enumerate(a.regions):
            regions.append((a.doc_id, i, r.kind, r.span.start, r.span.end))
            if r.kind == "comment":
                comments.append(
                    (
                        f"{a.doc_id}-c{number}",
                        a.doc_id,
                        number,
                        i,
                        r.span.start,
                        r.span.end,
                        r.span.text_in(a.text),
                        None,
                    )
                )
                number += 1
        sentences += [(a.doc_id, i, s.start, s.end) for i, s in enumerate(a.sentences)]
        for i, m in enumerate(a.mentions):
            mentions.append(
                (a.doc_id, i, *_mention_row(a, m), m.role, m.refers_to, m.extractor)
            )
        for i, q in enumerate(a.quotes):
            quotes.append((a.doc_id, i, *_quote_row(a, q)))
        for i, e in enumerate(a.events):
            events.append((a.doc_id, i, *_event_row(a, e)))
            for role, group in (("actor", e.actors), ("recipient", e.recipients)):
                participants += [
                    (
                        a.doc_id,
                        i,
                        role,
                        n,
                        *_mention_row(a, m),
                        m.role,
                        m.refers_to,
                        m.extractor,
                    )
                    for n, m in enumerate(group)
                ]
            asserters += [
                (a.doc_id, i, n, s.kind, s.name, s.quote, *_edges(s.span))
                for n, s in enumerate(e.asserters)
            ]
    return {
        "regions": arrow_table(
            regions, ["doc_id", "region_index", "kind", "start_char", "end_char"]
        ),
        "comments": arrow_table(
            comments,
            [
                "comment_id",
                "doc_id",
                "comment_index",
                "region_index",
                "start_char",
                "end_char",
                "text",
                "author",
            ],
        ),
        "sentences": arrow_table(
            sentences, ["doc_id", "sentence_index", "start_char", "end_char"]
        ),
        "mentions": arrow_table(
            mentions,
            [
                "doc_id",
                "mention_index",
                *MENTION_COLUMNS,
                "role",
                "refers_to",
                "extractor",
            ],
        ),
        "quotes": arrow_table(quotes, QUOTE_COLUMNS),
        "events": arrow_table(events, EVENT_COLUMNS),
        "event_participants": arrow_table(
            participants,
            [
                "doc_id",
                "event_index",
                "role",
                "position",
                *MENTION_COLUMNS,
                "mention_role",
                "refers_to",
                "extractor",
            ],
        ),
        "event_asserters": arrow_table(
            asserters,
            [
                "doc_id",
                "event_index",
                "position",
                "kind",
                "name",
                "quote_index",
                "start_char",
                "end_char",
            ],
        ),
    }


#: The tables ``layer_tables`` fills, deleted per document before re-insertion.
LAYER_TABLES = (
    "regions",
    "comments",
    "sentences",
    "mentions",
    "quotes",
    "events",
    "event_participants",
    "event_asserters",
)

QUOTE_COLUMNS = [
    "doc_id",
    "quote_index",
    "kind",
    "content",
    "content_text",
    "start_char",
    "end_char",
    "cue_start",
    "cue_end",
    "speaker_start",
    "speaker_end",
    "speaker_text",
    "speaker_name",
    "speaker_actor_id",
    "addressee_start",
    "addressee_end",
    "medium",
    "date",
    "hedge_start",
    "hedge_end",
    "extractor",
    "confidence",
]


def _quote_row(a: Article, q: Quote) -> tuple[Any, ...]:
    content = json.dumps([[s.start, s.end] for s in q.content])
    text = " … ".join(s.text_in(a.text) for s in q.content)
    start = min((s.start for s in q.content), default=0)
    end = max((s.end for s in q.content), default=0)
    speaker_text = q.speaker.text_in(a.text) if q.speaker else None
    return (
        q.kind,
        content,
        text,
        start,
        end,
        *_edges(q.cue),
        *_edges(q.speaker),
        speaker_text,
        q.speaker_name,
        q.speaker_actor_id,
        *_edges(q.addressee),
        q.medium,
        q.date,
        *_edges(q.hedge),
        q.extractor,
        q.confidence,
    )


EVENT_COLUMNS = [
    "doc_id",
    "event_index",
    "category",
    "mode",
    "context",
    "trigger_start",
    "trigger_end",
    "trigger_text",
    "sentence_start",
    "sentence_end",
    "polarity",
    "certainty",
    "historical",
    "date",
    "place",
    "extractor",
]


def _event_row(a: Article, e: Event) -> tuple[Any, ...]:
    return (
        e.category,
        e.mode,
        e.context,
        e.trigger.start,
        e.trigger.end,
        e.trigger.text_in(a.text),
        e.sentence.start,
        e.sentence.end,
        e.polarity,
        e.certainty,
        e.historical,
        e.date,
        e.place,
        e.extractor,
    )
