"""Properties of the cleaning stage on arbitrary and on article-like text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportedly.records import Article, Region, Span
from reportedly.stages.clean import clean

# Lines that trigger the rules: widgets, credits, bylines, markers, datelines.
_LINES = [
    "Share this",
    "Advertisement",
    "3 Comments",
    "Comments",
    "Leave a reply",
    "Comment Policy * Denotes required field 1500 / 1500",
    "Read more",
    "Related articles",
    "By Jane Doe and John Roe",
    "Jane Doe contributed to this report.",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "A man walks past a wall in Paris on May 3. [Ana Lima/AFP]",
    "A man walks past a wall in Paris on May 3. [Ana Lima/AFP]",
    "Getty Images",
    "FILE PHOTO: A ship sails by.",
    "Published: 3 March 2020",
    "The Daily Courier",
    "Officials Meet In Capital",
    "PARIS -- The minister said the talks would go on.",
    "BERLIN, May 4 (Reuters) - The minister spoke.",
    "OSLO, June 5. /NTB/. The talks resumed.",
    "Quito, 12 March 2021: The vote was held.",
    "ADAMS: What did you say?",
    "He said it was “a comment on the times” (Reuters) and left.",
    "“We will win,” she said.",
    "",
    "   ",
    "\t",
    "***",
]
_article_text = st.lists(
    st.one_of(st.sampled_from(_LINES), st.text(max_size=40)), max_size=25
).map(lambda lines: "\n".join(lines))
_separators = st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n", " \n \n"])
_article_text_varied = st.tuples(
    st.lists(st.sampled_from(_LINES), max_size=20),
    st.lists(_separators, min_size=20, max_size=20),
).map(lambda pair: "".join(line + sep for line, sep in zip(*pair, strict=False)))
_any_text = st.one_of(st.text(max_size=300), _article_text, _article_text_varied)


def _check_regions(article: Article, hints: tuple[Region, ...] = ()) -> None:
    text = article.text
    covered = [0] * len(text)
    previous_end = 0
    for region in article.regions:
        span = region.span
        assert 0 <= span.start <= span.end <= len(text)
        assert span.start >= previous_end, "regions overlap or are unsorted"
        previous_end = span.end
        chunk = span.text_in(text)
        if region not in hints:  # hints are kept as they came
            assert chunk == chunk.strip(), "a region is not trimmed"
        for p in range(span.start, span.end):
            covered[p] += 1
    for p, char in enumerate(text):
        if not char.isspace():
            assert covered[p] == 1, f"character {p} ({char!r}) is in no region"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_any_text)
def test_clean_regions_cover_every_character_once(text: str) -> None:
    _check_regions(clean(Article(doc_id="x", text=text)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_any_text)
def test_clean_is_idempotent(text: str) -> None:
    once = clean(Article(doc_id="x", text=text))
    assert clean(once) == once


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_any_text)
def test_clean_evidence_spans_match_their_text(text: str) -> None:
    meta = clean(Article(doc_id="x", text=text)).meta
    for name, span in meta.evidence:
        assert 0 <= span.start <= span.end <= len(text)
        value = getattr(meta, name)
        if name == "published":
            assert value is not None
        elif name == "authors":  # the names, read off their byline
            assert value
            assert all(a.casefold() in span.text_in(text).casefold() for a in value)
        else:
            assert span.text_in(text) == value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_any_text, st.data())
def test_clean_keeps_hints_and_covers_the_rest(text: str, data: st.DataObject) -> None:
    bounds = sorted(
        data.draw(st.lists(st.integers(0, len(text)), max_size=4, unique=True))
    )
    kinds = data.draw(
        st.lists(
            st.sampled_from(["title", "comment"]),
            min_size=len(bounds) // 2,
            max_size=len(bounds) // 2,
        )
    )
    hints = tuple(
        Region(kind=kind, span=Span(start=bounds[2 * i], end=bounds[2 * i + 1]))
        for i, kind in enumerate(kinds)
    )
    once = clean(Article(doc_id="x", text=text, regions=hints))
    for hint in hints:
        assert hint in once.regions
    _check_regions(once, hints)
    assert clean(once) == once
