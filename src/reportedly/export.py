"""The JSONL contract: one JSON object per document (see docs/schema.md).

Every span is ``{"start", "end", "text"}`` with ``text == doc["text"][start:end]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from .records import Article, Event, Mention, Quote, Span


def span_to_dict(text: str, span: Span | None) -> dict[str, Any] | None:
    """A span as ``{"start", "end", "text"}`` (None stays None)."""
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text_in(text)}


def mention_to_dict(text: str, mention: Mention) -> dict[str, Any]:
    """A mention with its span and resolved actor."""
    return {
        **span_to_dict(text, mention.span),  # type: ignore[dict-item]
        "actor_id": mention.actor_id,
        "name": mention.name,
        "kind": mention.kind,
        "country": mention.country,
        "sector": mention.sector,
        "code": mention.code,
        "role": mention.role,
        "refers_to": mention.refers_to,
    }


def quote_to_dict(text: str, quote: Quote) -> dict[str, Any]:
    """A quote with its content spans, cue, speaker and circumstances."""
    return {
        "kind": quote.kind,
        "content": [span_to_dict(text, s) for s in quote.content],
        "cue": span_to_dict(text, quote.cue),
        "speaker": span_to_dict(text, quote.speaker),
        "speaker_name": quote.speaker_name,
        "speaker_actor_id": quote.speaker_actor_id,
        "addressee": span_to_dict(text, quote.addressee),
        "medium": quote.medium,
        "date": quote.date,
        "hedge": span_to_dict(text, quote.hedge),
    }


def event_to_dict(text: str, event: Event) -> dict[str, Any]:
    """An event with its actors, provenance, polarity and certainty."""
    return {
        "category": event.category,
        "mode": event.mode,
        "context": event.context,
        "actors": [mention_to_dict(text, m) for m in event.actors],
        "recipients": [mention_to_dict(text, m) for m in event.recipients],
        "trigger": span_to_dict(text, event.trigger),
        "sentence": span_to_dict(text, event.sentence),
        "asserters": [
            {
                "kind": a.kind,
                "name": a.name,
                "quote": a.quote,
                "span": span_to_dict(text, a.span),
            }
            for a in event.asserters
        ],
        "polarity": event.polarity,
        "certainty": event.certainty,
        "historical": event.historical,
        "date": event.date,
        "place": event.place,
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    """The JSON object ``reportedly extract --format jsonl`` prints for an article."""
    text = article.text
    meta = article.meta
    return {
        "doc_id": article.doc_id,
        "text": text,
        "meta": {
            "title": meta.title,
            "outlet": meta.outlet,
            "dateline": meta.dateline,
            "published": meta.published,
            "authors": list(meta.authors),
            "language": meta.language,
            "url": meta.url,
            "source": meta.source,
            "format": meta.format,
            "evidence": {k: span_to_dict(text, s) for k, s in meta.evidence},
        },
        "regions": [
            {"kind": r.kind, **span_to_dict(text, r.span)}  # type: ignore[dict-item]
            for r in article.regions
        ],
        "mentions": [mention_to_dict(text, m) for m in article.mentions],
        "quotes": [quote_to_dict(text, q) for q in article.quotes],
        "events": [event_to_dict(text, e) for e in article.events],
    }


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> int:
    """Write one JSON line per article; return how many were written."""
    n = 0
    for article in articles:
        out.write(json.dumps(article_to_dict(article), ensure_ascii=False) + "\n")
        n += 1
    return n
