from __future__ import annotations

import pytest

from reportedly.records import Article, Meta, Region, Span
from reportedly.stages.nlp import paragraphs


@pytest.mark.parametrize(
    ("lead", "evidence"),
    [
        ("KABUL -- ", {"dateline": "KABUL"}),
        ("MOSCOW, August 25. /WIRE/. ", {"dateline": "MOSCOW", "outlet": "WIRE"}),
        ("LONDON (Ledger) - ", {"dateline": "LONDON"}),
        ("Tehran, 12 May 2023: ", {"dateline": "Tehran"}),
        ("LONDON, Nov. 3 (Ledger) — ", {"dateline": "LONDON"}),
        ("NEWPORT NEWS, Va. - ", {"dateline": "NEWPORT NEWS, Va."}),
    ],
)
def test_nlp_paragraphs_leave_out_the_dateline(
    lead: str, evidence: dict[str, str]
) -> None:
    title = "A title here"
    story = "The minister said the talks had failed."
    text = f"{title}\n\n{lead}{story}\n\nA second paragraph."
    spans = tuple(
        (name, Span(start=text.index(value), end=text.index(value) + len(value)))
        for name, value in evidence.items()
    )
    article = Article(
        doc_id="d",
        text=text,
        meta=Meta(evidence=spans),
        regions=(
            Region(kind="title", span=Span(start=0, end=len(title))),
            Region(kind="body", span=Span(start=len(title) + 2, end=len(text))),
        ),
    )
    got = [p.text_in(text) for p in paragraphs(article)]
    assert got == [title, story, "A second paragraph."]
