"""Stored rows back to records: an article with every layer."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from ..records import Article, Asserter, Event, Mention, Meta, Quote, Region, Span
from .tables import EVENT_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS

Fetch = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start=start, end=end)


def read_article(fetch: Fetch, doc_id: str) -> Article | None:
    """Rebuild a stored article with all its layers, or None if unknown."""
    rows = fetch(
        "SELECT doc_id, text, title, outlet, dateline, published, language, url, "
        "source, format, evidence, authors FROM documents WHERE doc_id = ?",
        [doc_id],
    )
    if not rows:
        return None
    (
        doc_id,
        text,
        title,
        outlet,
        dateline,
        published,
        language,
        url,
        source,
        fmt,
        evidence,
        authors,
    ) = rows[0]
    meta = Meta(
        title=title,
        outlet=outlet,
        dateline=dateline,
        published=published,
        authors=tuple(authors or ()),
        language=language,
        url=url,
        source=source,
        format=fmt,
        evidence=tuple((k, Span(start=s, end=e)) for k, s, e in json.loads(evidence)),
    )

    def select(table: str, columns: str, order: str) -> list[tuple[Any, ...]]:
        return fetch(
            f"SELECT {columns} FROM {table} WHERE doc_id = ? ORDER BY {order}", [doc_id]
        )

    mention_columns = ", ".join(c for c in MENTION_COLUMNS if c != "text")
    return Article(
        doc_id=doc_id,
        text=text,
        meta=meta,
        regions=tuple(
            Region(kind=k, span=Span(start=s, end=e))
            for k, s, e in select(
                "regions", "kind, start_char, end_char", "region_index"
            )
        ),
        sentences=tuple(
            Span(start=s, end=e)
            for s, e in select("sentences", "start_char, end_char", "sentence_index")
        ),
        mentions=tuple(
            _mention(r[:8], role=r[8], refers_to=r[9], extractor=r[10])
            for r in select(
                "mentions",
                f"{mention_columns}, role, refers_to, extractor",
                "mention_index",
            )
        ),
        quotes=tuple(
            _quote(r)
            for r in select("quotes", ", ".join(QUOTE_COLUMNS[2:]), "quote_index")
        ),
        events=_events(select, mention_columns),
    )


def _mention(r: Sequence[Any], **extra: Any) -> Mention:
    return Mention(
        span=Span(start=r[0], end=r[1]),
        actor_id=r[2],
        name=r[3],
        kind=r[4],
        country=r[5],
        sector=r[6],
        code=r[7],
        **extra,
    )


def _quote(r: Sequence[Any]) -> Quote:
    (
        kind,
        content,
        _text,
        _start,
        _end,
        cue_s,
        cue_e,
        sp_s,
        sp_e,
        _sp_text,
        sp_name,
        sp_actor,
        ad_s,
        ad_e,
        medium,
        date,
        hd_s,
        hd_e,
        extractor,
        confidence,
    ) = r
    return Quote(
        kind=kind,
        content=tuple(Span(start=s, end=e) for s, e in json.loads(content)),
        cue=_span(cue_s, cue_e),
        speaker=_span(sp_s, sp_e),
        speaker_name=sp_name,
        speaker_actor_id=sp_actor,
        addressee=_span(ad_s, ad_e),
        medium=medium,
        date=date,
        hedge=_span(hd_s, hd_e),
        extractor=extractor,
        confidence=confidence,
    )


def _events(
    select: Callable[[str, str, str], list[tuple[Any, ...]]], mention_columns: str
) -> tuple[Event, ...]:
    people: dict[tuple[int, str], list[Mention]] = {}
    for r in select(
        "event_participants",
        f"event_index, role, {mention_columns}, mention_role, refers_to, extractor",
        "event_index, role, position",
    ):
        people.setdefault((r[0], r[1]), []).append(
            _mention(r[2:10], role=r[10], refers_to=r[11], extractor=r[12])
        )
    said: dict[int, list[Asserter]] = {}
    for i, kind, name, quote, start, end in select(
        "event_asserters",
        "event_index, kind, name, quote_index, start_char, end_char",
        "event_index, position",
    ):
        said.setdefault(i, []).append(
            Asserter(kind=kind, name=name, quote=quote, span=_span(start, end))
        )
    events = []
    for r in select("events", ", ".join(EVENT_COLUMNS[1:]), "event_index"):
        (
            i,
            category,
            mode,
            context,
            t_s,
            t_e,
            _t_text,
            s_s,
            s_e,
            polarity,
            certainty,
            historical,
            date,
            place,
            extractor,
        ) = r
        events.append(
            Event(
                category=category,
                mode=mode,
                context=context,
                trigger=Span(start=t_s, end=t_e),
                sentence=Span(start=s_s, end=s_e),
                actors=tuple(people.get((i, "actor"), ())),
                recipients=tuple(people.get((i, "recipient"), ())),
                asserters=tuple(said.get(i, ())),
                polarity=polarity,
                certainty=certainty,
                historical=historical,
                date=date,
                place=place,
                extractor=extractor,
            )
        )
    return tuple(events)
