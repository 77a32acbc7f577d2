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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one line break between paragraphs, as extracted HTML and feeds have
        (
            "The envoy said the US would “not be intimidated.”\r\nTaiwan thanked it.",
            ["The envoy said the US would “not be intimidated.”", "Taiwan thanked it."],
        ),
        (
            "Talks failed.\n“We tried,” he said.",
            ["Talks failed.", "“We tried,” he said."],
        ),
        ("It rose 4%.\n2023 was worse.", ["It rose 4%.", "2023 was worse."]),
        # a line wrapped inside a sentence stays one paragraph
        (
            "The minister said the\ntalks had failed.",
            ["The minister said the\ntalks had failed."],
        ),
        (
            "Aid reached the U.S.\nofficials said.",
            ["Aid reached the U.S.\nofficials said."],
        ),
        ("He said:\nThe talks failed.", ["He said:\nThe talks failed."]),
        # blank lines, as before
        ("One.\n \nTwo.\n\n\nThree.", ["One.", "Two.", "Three."]),
    ],
)
def test_nlp_paragraphs_break_at_a_line_that_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    article = Article(
        doc_id="d",
        text=text,
        regions=(Region(kind="body", span=Span(start=0, end=len(text))),),
    )
    assert [p.text_in(text) for p in paragraphs(article)] == expected


@pytest.mark.slow
@pytest.mark.parametrize("title", ["Brig. Gen.", "Sgt.", "Lt.-Col.", "Cmdr."])
def test_nlp_a_title_of_rank_ends_no_sentence(title: str) -> None:
    from reportedly.stages.nlp import SpacyParser

    text = f"The army's spokesman, {title} Daniel Hagari, said the troops held."
    article = Article(
        doc_id="d",
        text=text,
        regions=(Region(kind="body", span=Span(start=0, end=len(text))),),
    )
    parsed = SpacyParser()(article)
    assert len(parsed.sentences) == 1


@pytest.mark.slow
def test_nlp_a_post_on_x_ends_its_sentence() -> None:
    from reportedly.stages.nlp import SpacyParser

    text = (
        "The spokesman confirmed the agreement in a post on X. "
        '"Trade is in the interest of both nations," he wrote.'
    )
    article = Article(
        doc_id="d",
        text=text,
        regions=(Region(kind="body", span=Span(start=0, end=len(text))),),
    )
    parsed = SpacyParser()(article)
    first = parsed.sentences[0].text_in(text)
    assert first.endswith("on X.")
