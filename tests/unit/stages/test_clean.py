"""The cleaning stage on invented articles that show what news pages print."""

from __future__ import annotations

import pytest

from reportedly._dates import parse_date_line, search_date
from reportedly.evaluation.cleaning import score_cleaning
from reportedly.records import Article, Meta, Region, Span
from reportedly.registry import STAGES
from reportedly.stages.clean import clean, identify_language
from reportedly.stages.clean.rules import byline_names

CAPTION = "A fisherman mends his nets in the old harbour on May 3. [Ana Lima/AFP]"

HARBOUR = f"""Island council backs new harbour plan

The Harbour Herald

{CAPTION}

{CAPTION}

VALLETTA -- The island council on Tuesday approved a plan to widen the old harbour, \
ending a dispute that had split fishermen and hotel owners for two years.

"This is a good day for the island," council leader Marta Vella told reporters.

Critics said the plan would raise rents. "We will keep fighting it," said Karl Mifsud, \
who runs a boat repair yard.

[Tom Reed from Valletta contributed to this report.]

Do you like this article?

2 Comments

Comment Policy * Denotes required field 1500 / 1500

What a waste of money.


I fished here for thirty years.

Nobody asked us.
"""

WIRE = """All news

Grain deal talks to resume next week — minister

The deputy minister for trade expects a compromise by the end of the month

OSLO, June 5. /NTB/. Talks on the regional grain deal will resume next week, \
deputy trade minister Ola Berg said on Thursday.

"We are closer than ever," he told the Storting committee. He declined to comment on \
the price cap.

Share this
"""

REUTERS_STYLE = """Court halts port sale

By Jane Doe and John Roe

BERLIN (Reuters) - A German court on Monday halted the sale of a port stake to a \
foreign buyer, saying the ministry had not heard the unions.

The ministry said it would appeal. (Reporting by Jane Doe; Editing by John Roe)
"""

DATED = """Farmers protest new water rules

Published: 3 March 2020

Quito, 12 March 2021: Hundreds of farmers marched on the ministry on Thursday, \
saying the new water rules would ruin them.

Advertisement

"We were never consulted," said one protester.
"""

AFP_STYLE = """LONDON, Nov 3 (AFP) — The British government said on Friday it would \
not change its plans, despite calls from opposition leaders.

"The plan stays," a spokesman said.
"""

STANDALONE_DATE = """Storm closes schools across the north

November 21, 2017 11:04 GMT

Schools across the north stayed shut on Tuesday as a storm brought heavy snow, \
officials said.
"""


def _kinds(article: Article) -> list[tuple[str, str]]:
    return [(r.kind, r.span.text_in(article.text)) for r in article.regions]


def _first(article: Article, kind: str) -> str:
    return next(text for k, text in _kinds(article) if k == kind)


def test_clean_is_registered() -> None:
    info = STAGES["clean.v1"]
    assert info.requires == {"text", "meta"}
    assert info.provides == {"regions", "meta"}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_clean_reads_the_parts_of_a_page(newline: str) -> None:
    text = HARBOUR.replace("\n", newline)
    article = clean(Article(doc_id="harbour", text=text))
    kinds = _kinds(article)
    assert kinds[0] == ("title", "Island council backs new harbour plan")
    assert kinds[1] == ("furniture", "The Harbour Herald")
    assert [k for k, _ in kinds[2:6]] == ["caption", "credit", "caption", "credit"]
    assert kinds[3][1] == "[Ana Lima/AFP]"
    body = _first(article, "body")
    assert body.startswith("VALLETTA -- ")
    assert "keep fighting" in body
    assert CAPTION.split("[")[0].strip() not in body
    assert ("byline", "[Tom Reed from Valletta contributed to this report.]") in kinds
    assert [text for kind, text in kinds if kind == "comment"] == [
        "What a waste of money.",
        f"I fished here for thirty years.{newline}{newline}Nobody asked us.",
    ]
    assert article.meta.title == "Island council backs new harbour plan"
    assert article.meta.outlet == "The Harbour Herald"
    assert article.meta.dateline == "VALLETTA"
    assert article.meta.published is None
    assert article.meta.language == "en"


def test_clean_reads_a_wire_report() -> None:
    article = clean(Article(doc_id="wire", text=WIRE))
    kinds = _kinds(article)
    assert kinds[0] == ("furniture", "All news")
    assert kinds[1] == ("title", "Grain deal talks to resume next week — minister")
    assert kinds[-1] == ("furniture", "Share this")
    assert not article.comments
    assert "declined to comment" in _first(article, "body")
    meta = article.meta
    assert (meta.outlet, meta.dateline, meta.published) == ("NTB", "OSLO", "--06-05")
    assert meta.evidence_for("published") is not None
    assert meta.evidence_for("published").text_in(WIRE) == "June 5"  # type: ignore[union-attr]


def test_clean_splits_bylines_from_the_body() -> None:
    article = clean(Article(doc_id="court", text=REUTERS_STYLE))
    kinds = _kinds(article)
    assert kinds[1] == ("byline", "By Jane Doe and John Roe")
    assert kinds[-1] == ("byline", "(Reporting by Jane Doe; Editing by John Roe)")
    assert kinds[-2][0] == "body"
    assert kinds[-2][1].endswith("would appeal.")
    assert (article.meta.outlet, article.meta.dateline) == ("Reuters", "BERLIN")


@pytest.mark.parametrize(
    ("text", "dateline", "outlet", "published", "published_text"),
    [
        (DATED, "Quito", None, "2020-03-03", "3 March 2020"),
        (AFP_STYLE, "LONDON", "AFP", "--11-03", "Nov 3"),
        (STANDALONE_DATE, None, None, "2017-11-21", "November 21, 2017"),
        (HARBOUR, "VALLETTA", "The Harbour Herald", None, None),
    ],
)
def test_clean_reads_datelines_and_dates(
    text: str,
    dateline: str | None,
    outlet: str | None,
    published: str | None,
    published_text: str | None,
) -> None:
    meta = clean(Article(doc_id="d", text=text)).meta
    assert (meta.dateline, meta.outlet, meta.published) == (dateline, outlet, published)
    span = meta.evidence_for("published")
    assert (span.text_in(text) if span else None) == published_text
    for name, span in meta.evidence:
        if name != "published":
            assert span.text_in(text) == getattr(meta, name)


def test_clean_marks_date_lines_and_widgets_as_furniture() -> None:
    kinds = _kinds(clean(Article(doc_id="d", text=DATED)))
    assert ("furniture", "Published: 3 March 2020") in kinds
    assert ("furniture", "Advertisement") in kinds
    assert kinds[-1] == ("body", '"We were never consulted," said one protester.')


@pytest.mark.parametrize(
    "text",
    [
        # "comment" and "(Reuters)" in the middle of body sentences
        "Leaders meet on trade\n\nThe ministry declined to comment on the report.\n\n"
        "Comments from the minister, first carried by Reuters (Reuters has not seen "
        "the letter), were denied.\n\nNo comment was made by the embassy.",
        # a short quote printed in two paragraphs is not a caption
        "Mayor vows to stay\n\n“I will not resign,” the mayor said on Monday.\n\n"
        "Asked again, she repeated: “I will not resign,” and left the room.",
        # a pull quote printed again far from its paragraph
        "Mayor vows to stay\n\n“I will not resign,” the mayor said.\n\nThe council "
        "meets on Friday to vote on the budget, which has been delayed twice.\n\n"
        "Opposition members said they had the votes.\n\n“I will not resign,” the "
        "mayor said.",
    ],
)
def test_clean_keeps_body_text_in_the_body(text: str) -> None:
    article = clean(Article(doc_id="n", text=text))
    assert not article.comments
    kinds = {kind for kind, _ in _kinds(article)}
    assert kinds == {"title", "body"}
    assert article.meta.outlet is None
    assert article.meta.dateline is None


def test_clean_reads_a_paragraph_printed_twice_in_a_row_as_a_caption() -> None:
    caption = "Workers clear snow from the main road outside the town hall."
    text = f"Storm shuts town\n\n{caption}\n\n{caption}\n\nThe storm closed roads."
    kinds = _kinds(clean(Article(doc_id="c", text=text)))
    assert kinds[1:3] == [("caption", caption), ("caption", caption)]
    assert kinds[3] == ("body", "The storm closed roads.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   \n\n \t ", []),
        ("Just one line of text here.", [("body", "Just one line of text here.")]),
        (
            "WASHINGTON (AP) — The Senate passed the bill.\n\nIt goes to the House.",
            [
                (
                    "body",
                    "WASHINGTON (AP) — The Senate passed the bill.\n\n"
                    "It goes to the House.",
                )
            ],
        ),
        (
            "The committee met for nine hours on Tuesday and did not reach a decision "
            "on the budget, the fourth such failure this year, members said after the "
            "meeting.\n\nAnother meeting is planned for Friday.",
            [
                (
                    "body",
                    "The committee met for nine hours on Tuesday and did not reach "
                    "a decision on the budget, the fourth such failure this year, "
                    "members said after the meeting.\n\n"
                    "Another meeting is planned for Friday.",
                )
            ],
        ),
    ],
)
def test_clean_handles_texts_without_a_title(
    text: str, expected: list[tuple[str, str]]
) -> None:
    article = clean(Article(doc_id="t", text=text))
    assert _kinds(article) == expected
    assert article.meta.title is None


@pytest.mark.parametrize("text", [HARBOUR, WIRE, REUTERS_STYLE, DATED, AFP_STYLE, ""])
def test_clean_is_idempotent(text: str) -> None:
    once = clean(Article(doc_id="i", text=text))
    assert clean(once) == once


def test_clean_keeps_hints_and_known_metadata() -> None:
    title = Region(kind="title", span=Span(start=0, end=37))
    comment = Region(
        kind="comment", span=Span(start=HARBOUR.index("What a"), end=len(HARBOUR))
    )
    meta = Meta(title="From the page metadata", outlet="Herald", language="mt")
    article = Article(doc_id="h", text=HARBOUR, meta=meta, regions=(title, comment))
    cleaned = clean(article)
    assert title in cleaned.regions
    assert comment in cleaned.regions
    assert cleaned.comments == (comment,)
    assert cleaned.meta.title == "From the page metadata"
    assert cleaned.meta.outlet == "Herald"
    assert cleaned.meta.language == "mt"
    assert cleaned.meta.evidence_for("title") is None
    assert cleaned.meta.dateline == "VALLETTA"
    assert clean(cleaned) == cleaned


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published: 3 March 2020", "2020-03-03"),
        ("November 21, 2017 11:04 GMT", "2017-11-21"),
        ("Tue 21 Nov 2017 11.04 GMT", "2017-11-21"),
        ("Posted on Sept. 12, 2016 at 9:05 p.m. EDT", "2016-09-12"),
        ("2021-08-25T10:00:00Z", "2021-08-25"),
        ("25.08.2021", "2021-08-25"),
        ("August 2021", "2021-08"),
        ("Monday, August 25", "--08-25"),
        ("03/04/2021", None),  # day and month cannot be told apart
        ("Feb 30, 2020", None),
        ("He arrived on March 3 and left.", None),
    ],
)
def test_clean_reads_date_lines(line: str, iso: str | None) -> None:
    found = parse_date_line(line)
    assert (found.iso if found else None) == iso


def test_clean_reads_dates_at_the_precision_given() -> None:
    found = search_date("KABUL, 29 February: talks")
    assert found is not None
    assert found.iso == "--02-29"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The minister said on Tuesday that the talks would resume next week.", "en"),
        (
            "Der Minister sagte am Dienstag, die Gespräche gingen weiter.",
            "de",
        ),
        ("Too short", None),
        ("12 345 678 --- ///", None),
    ],
)
def test_clean_identifies_the_language(text: str, language: str | None) -> None:
    assert identify_language(text) == language


def test_clean_score_counts_attribution_outside_the_body() -> None:
    text = HARBOUR
    quote_start = text.index('"This is a good day')
    comment_start = text.index("What a waste")
    records = [
        {
            "doc_id": "harbour",
            "annotator": annotator,
            "text": text,
            "quotes": [
                {
                    "cue": None,
                    "sources": [],
                    "contents": [{"start": start, "end": start + 10}],
                }
            ],
        }
        for annotator, start in (("a", quote_start), ("b", comment_start))
    ]
    score = score_cleaning(records)
    assert score.n_docs == 1
    # non-space characters of '"This is a' and 'What a was'
    assert score.attributed_chars == 16
    assert score.misclassified_chars == 8
    assert score.misses == (("harbour", "comment", "What a waste of money."),)
    assert score.as_dict()["chars_by_kind"]["comment"] > 0


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Dana Whitfield", ("Dana Whitfield",)),
        ("BY DANA WHITFIELD, Reuters", ("Dana Whitfield",)),
        ("Written by Ana Ruiz | Kabul", ("Ana Ruiz",)),
        ("By Jane Doe and John Roe, Staff Writers", ("Jane Doe", "John Roe")),
        ("By Jan van der Berg", ("Jan van der Berg",)),
        ("By Staff Reporter", ()),
        ("by the editorial board", ()),
    ],
)
def test_clean_byline_names(byline: str, names: tuple[str, ...]) -> None:
    assert byline_names(byline) == names


def test_clean_authors_from_the_byline() -> None:
    text = "Talks resume in Doha\n\nBy Dana Whitfield\n\nTalks resumed on Monday."
    article = clean(Article(doc_id="d", text=text))
    assert article.meta.authors == ("Dana Whitfield",)
    span = article.meta.evidence_for("authors")
    assert span is not None
    assert span.text_in(text) == "By Dana Whitfield"
    # authors known from elsewhere (HTML metadata) are kept
    given = Article(doc_id="d", text=text, meta=Meta(authors=("D. Whitfield",)))
    assert clean(given).meta.authors == ("D. Whitfield",)
