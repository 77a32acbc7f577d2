"""How much reported speech the cleaning stage hides from the later stages.

Cleaning must never mark news text as something else: a quote inside a region
called caption, furniture or comment is lost to quote and event extraction.
Run over records with annotated attributions (PolNeAR-shaped: ``doc_id``,
``text`` and ``quotes`` with ``cue``/``sources``/``contents`` spans), this
counts the attributed characters that land outside body and title regions.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ..records import Article
from ..stages.clean import clean
from ._common import iter_jsonl, share

#: The region kinds that carry the news text.
NEWS_KINDS = frozenset({"body", "title"})
#: How many characters of a missed region a miss shows.
SNIPPET_CHARS = 120


@dataclass(frozen=True, slots=True, kw_only=True)
class CleaningScore:
    """Attributed characters that cleaning put outside body and title.

    ``misses`` holds one ``(doc_id, region kind, snippet)`` per region that
    swallowed attributed text; ``chars_by_kind`` the characters each region
    kind received over all documents, to spot a rule that takes too much.
    """

    n_docs: int
    attributed_chars: int
    misclassified_chars: int
    rate: float
    misses: tuple[tuple[str, str, str], ...]
    chars_by_kind: tuple[tuple[str, int], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The score as plain JSON-ready values."""
        out = asdict(self)
        out["misses"] = [list(miss) for miss in self.misses]
        out["chars_by_kind"] = dict(self.chars_by_kind)
        return out


def load_records(paths: Iterable[str | os.PathLike[str]]) -> Iterator[dict[str, Any]]:
    """The records of PolNeAR-shaped JSONL files, one JSON object per line."""
    for path in paths:
        yield from iter_jsonl(path, needs="doc_id, text and quotes")


def _spans(quote: Mapping[str, Any]) -> Iterable[tuple[int, int]]:
    cue = quote.get("cue")
    if cue:
        yield int(cue["start"]), int(cue["end"])
    for key in ("sources", "contents"):
        for span in quote.get(key) or ():
            yield int(span["start"]), int(span["end"])


def score_cleaning(records: Iterable[Mapping[str, Any]]) -> CleaningScore:
    """Run ``clean`` over annotated records and count what it hides.

    Records sharing a ``doc_id`` (several annotators of one text) are scored
    once, over the union of their annotated characters.
    """
    texts: dict[str, str] = {}
    attributed: dict[str, set[int]] = {}
    for record in records:
        doc_id = str(record["doc_id"])
        text = str(record["text"])
        if texts.setdefault(doc_id, text) != text:
            raise ValueError(
                f"record {doc_id!r} has a different text from an earlier record "
                "with the same doc_id: give each text its own doc_id"
            )
        positions = attributed.setdefault(doc_id, set())
        for quote in record.get("quotes") or ():
            for start, end in _spans(quote):
                positions.update(range(max(0, start), min(end, len(text))))

    total = missed = 0
    misses: list[tuple[str, str, str]] = []
    by_kind: Counter[str] = Counter()
    for doc_id, text in texts.items():
        article = clean(Article(doc_id=doc_id, text=text))
        positions = attributed[doc_id]
        total += sum(1 for p in positions if not text[p].isspace())
        for region in article.regions:
            span = region.span
            by_kind[region.kind] += len(span)
            if region.kind in NEWS_KINDS:
                continue
            inside = sum(
                1
                for p in range(span.start, span.end)
                if p in positions and not text[p].isspace()
            )
            if inside:
                missed += inside
                snippet = " ".join(span.text_in(text).split())[:SNIPPET_CHARS]
                misses.append((doc_id, region.kind, snippet))
    return CleaningScore(
        n_docs=len(texts),
        attributed_chars=total,
        misclassified_chars=missed,
        rate=share(missed, total),
        misses=tuple(misses),
        chars_by_kind=tuple(sorted(by_kind.items())),
    )
