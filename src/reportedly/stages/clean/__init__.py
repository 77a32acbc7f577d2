"""The cleaning stage: layout regions and printed metadata, as spans over the text.

Every non-white-space character of the text ends up in exactly one region:
title, body (the default), caption, credit, byline, furniture (site widgets,
mastheads, date lines) or comment (one region per reader comment). Title and
comment regions already on the article (hints from HTML ingest) are kept as
they are and the rest is read around them. Metadata printed in the text (title,
outlet, dateline, publication date) fills the fields still empty, each with
the span it was read from; the language is identified on the body text.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import cache
from typing import Any

from ...records import Article, Meta, Region, Span
from ...registry import stage
from .layout import Layout, read_layout
from .rules import byline_names

logger = logging.getLogger(__name__)

#: The region kinds an incoming article may carry as hints from ingest.
HINT_KINDS = frozenset({"title", "comment"})
#: How much body text the language is identified on.
LANGUAGE_SAMPLE = 2000
#: Below this many letters of body text the language is left unknown.
MIN_LANGUAGE_LETTERS = 40
#: Below this probability the language is left unknown.
MIN_LANGUAGE_CONFIDENCE = 0.5
# py3langid labels some languages by their ISO 639-3 or variety code
_ISO_639_1 = {"arz": "ar", "ary": "ar", "uzs": "uz", "yue": "zh", "wuu": "zh"}


@stage("clean.v1", requires={"text", "meta"}, provides={"regions", "meta"})
def clean(article: Article) -> Article:
    """Mark title, body, captions, credits, bylines, widgets and comments."""
    text = article.text
    layout = read_layout(text)
    regions = _place_hints(text, layout.regions, _hints(article))
    meta = _fill_meta(article.meta, text, layout, regions)
    return replace(article, regions=regions, meta=meta)


def _hints(article: Article) -> list[Region]:
    """The valid, non-overlapping title and comment regions of the article."""
    kept: list[Region] = []
    size = len(article.text)
    for region in sorted(
        (r for r in article.regions if r.kind in HINT_KINDS),
        key=lambda r: (r.span.start, r.span.end),
    ):
        if region.span.end > size or (kept and region.span.start < kept[-1].span.end):
            logger.debug(
                "document %s: dropping the %s hint %s (out of bounds or overlapping)",
                article.doc_id,
                region.kind,
                region.span,
            )
            continue
        kept.append(region)
    return kept


def _place_hints(
    text: str, regions: list[Region], hints: list[Region]
) -> tuple[Region, ...]:
    """The read regions cut around the hints, and the hints as they are."""
    if not hints:
        return tuple(regions)
    out = list(hints)
    for region in regions:
        pieces = [(region.span.start, region.span.end)]
        for hint in hints:
            if hint.span.end <= region.span.start or hint.span.start >= region.span.end:
                continue
            cut: list[tuple[int, int]] = []
            for start, end in pieces:
                cut.append((start, min(end, hint.span.start)))
                cut.append((max(start, hint.span.end), end))
            pieces = cut
        for start, end in pieces:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                out.append(Region(kind=region.kind, span=Span(start=start, end=end)))
    out.sort(key=lambda r: (r.span.start, r.span.end))
    return tuple(out)


def _fill_meta(
    meta: Meta, text: str, layout: Layout, regions: tuple[Region, ...]
) -> Meta:
    found: dict[str, tuple[str, Span]] = {}
    title = next((r for r in regions if r.kind == "title"), None)
    if title is not None:
        value = title.span.text_in(text).strip()
        if value:
            start = title.span.start + title.span.text_in(text).find(value)
            found["title"] = (value, Span(start=start, end=start + len(value)))
    if layout.outlet is not None:
        found["outlet"] = layout.outlet
    if layout.dateline is not None:
        found["dateline"] = (layout.dateline.text_in(text), layout.dateline)
    if layout.published is not None:
        found["published"] = layout.published

    values: dict[str, str | None] = {
        "title": meta.title,
        "outlet": meta.outlet,
        "dateline": meta.dateline,
        "published": meta.published,
    }
    evidence = list(meta.evidence)
    named = {name for name, _ in evidence}
    for name, (value, span) in found.items():
        if values[name] is None:
            values[name] = value
        elif values[name] != value:
            continue  # known from elsewhere (HTML metadata): the text does not say it
        if name not in named:
            evidence.append((name, span))
            named.add(name)
    authors = meta.authors
    if not authors:
        # the first byline naming people: "By Jane Doe and John Roe"
        for region in regions:
            if region.kind == "byline":
                authors = byline_names(region.span.text_in(text))
                if authors:
                    if "authors" not in named:
                        evidence.append(("authors", region.span))
                    break
    language = meta.language
    if language is None:
        body = [r.span.text_in(text) for r in regions if r.kind == "body"]
        language = identify_language("\n".join(body)[:LANGUAGE_SAMPLE])
    return replace(
        meta,
        title=values["title"],
        outlet=values["outlet"],
        dateline=values["dateline"],
        published=values["published"],
        authors=authors,
        language=language,
        evidence=tuple(evidence),
    )


@cache
def _identifier() -> Any:
    # deferred: loading the model takes most of a second
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or None if unsure."""
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if letters >= MIN_LANGUAGE_LETTERS:
                break
    else:
        return None
    code, confidence = _identifier().classify(text)
    if confidence < MIN_LANGUAGE_CONFIDENCE:
        return None
    code = _ISO_639_1.get(code, code)
    return code if len(code) == 2 else None
