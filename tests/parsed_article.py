"""An article around a hand-made parse, for the quote stage's unit tests."""

from __future__ import annotations

from typing import Any

from reportedly.records import Article, Region, Span
from reportedly.stages.nlp import Parse


def article_of(doc: Any, doc_id: str = "x") -> Article:
    """One body paragraph: the parse's whole text."""
    text = doc.text
    return Article(
        doc_id=doc_id,
        text=text,
        regions=(Region(kind="body", span=Span(start=0, end=len(text))),),
        parses=(Parse(start=0, doc=doc),),
    )
