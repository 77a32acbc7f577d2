"""The layout of an article's text: which stretch is title, body, caption ...

``read_layout`` is a pure function of the text. It labels whole lines first
(widgets, bylines, credits, date lines), joins the rest into paragraphs, reads
the header, the comment section and the captions, and returns the regions with
what it read for the metadata.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..._dates import DateMatch, precision, search_date
from ...records import Region, RegionKind, Span
from .comments import group_comments
from .header import (
    Dateline,
    echoed_outlet,
    find_dateline,
    is_person_line,
    is_section_label,
    is_title_like,
    outlet_name,
    speaker_labels,
)
from .lines import Item, join_paragraphs, split_lines
from .rules import is_caption_start, label_lines, trailing_byline, trailing_credit
from .vocabulary import NEWS_AGENCIES
from .widgets import CommentMarker, comment_marker, is_headline, is_related_marker

#: How many paragraphs from the top the header (title, outlet, date) may span.
HEADER_ITEMS = 15
#: How many body paragraphs from the top may open with the dateline.
DATELINE_ITEMS = 3
#: The longest caption, in characters; longer text before a credit is body.
MAX_CAPTION = 350
#: Body characters that must precede a comment marker for it to open comments.
MIN_BODY_BEFORE_COMMENTS = 100
_MERGED: frozenset[RegionKind] = frozenset({"body", "furniture", "byline"})


@dataclass(slots=True, kw_only=True)
class Layout:
    """The regions of a text and the metadata evidence read from it."""

    regions: list[Region] = field(default_factory=list)
    outlet: tuple[str, Span] | None = None
    dateline: Span | None = None
    published: tuple[str, Span] | None = None


class _Reader:
    """One pass over one text; the attributes are the working state."""

    def __init__(self, text: str) -> None:
        self.text = text
        lines = split_lines(text)
        line_labels, line_dates = label_lines(lines)
        self.items: list[Item] = []
        self.kinds: list[RegionKind | None] = []
        self.dates: dict[int, DateMatch] = {}
        self.markers: dict[int, CommentMarker] = {}
        for i, (item, label, line) in enumerate(
            join_paragraphs(text, lines, line_labels)
        ):
            self.items.append(item)
            self.kinds.append(label)
            if line in line_dates:
                self.dates[i] = line_dates[line]
            marker = comment_marker(item.text) if label is not None else None
            if marker is not None:
                self.markers[i] = marker
        self.counts = Counter(
            item.key
            for item, kind in zip(self.items, self.kinds, strict=True)
            if kind is None
        )
        self.splits: dict[int, list[tuple[int, int, RegionKind]]] = {}
        self.comments: list[list[int]] = []
        self.layout = Layout()
        self.first_body: int | None = None
        self.title_key: str | None = None

    # --- passes -------------------------------------------------------------

    def read(self) -> Layout:
        if not self.items:
            return self.layout
        self._header()
        self._related()
        self._comment_section()
        self._captions()
        self._tail_bylines()
        self._dateline()
        self._build()
        return self.layout

    def _is_caption_like(self, i: int) -> bool:
        item = self.items[i]
        if trailing_credit(item.text) is not None or is_caption_start(item.text):
            return True
        return (
            i > 0
            and self.counts[item.key] >= 2
            and any(
                self.kinds[j] is None and self.items[j].key == item.key
                for j in (i - 1, i + 1)
                if 0 <= j < len(self.items)
            )
        )

    def _has_content_after(self, i: int) -> bool:
        return any(kind is None for kind in self.kinds[i + 1 :])

    def _header(self) -> None:
        title: int | None = None
        header_dates: list[tuple[int, DateMatch]] = []
        for i in range(min(len(self.items), HEADER_ITEMS)):
            item, kind = self.items[i], self.kinds[i]
            text = item.text
            if kind is not None:
                if i in self.dates:
                    header_dates.append((i, self.dates[i]))
                elif kind == "byline":
                    date = search_date(text)
                    if date is not None:
                        header_dates.append((i, date))
                elif kind == "credit" and text.strip("()[]. ").lower() in NEWS_AGENCIES:
                    self.kinds[i] = "furniture"
                    self._set_outlet(i)
                continue
            if self._is_caption_like(i):
                continue
            if title is not None and item.key == self.title_key:
                self.kinds[i] = "furniture"  # the headline printed twice
                continue
            if outlet_name(text) is not None or (
                title is not None and echoed_outlet(text, self.text) is not None
            ):
                self.kinds[i] = "furniture"
                self._set_outlet(i)
                continue
            if title is None:
                if is_section_label(text):
                    self.kinds[i] = "furniture"
                    continue
                if (
                    is_title_like(text)
                    and self._has_content_after(i)
                    and find_dateline(text, colon=False) is None
                ):
                    title = i
                    self.kinds[i] = "title"
                    self.title_key = item.key
                    continue
            elif is_section_label(text):
                self.kinds[i] = "furniture"
                continue
            elif is_person_line(text):
                self.kinds[i] = "byline"
                continue
            self.first_body = i
            break
        if self.first_body is None:
            self.first_body = next(
                (
                    i
                    for i, kind in enumerate(self.kinds)
                    if kind is None and not self._is_caption_like(i)
                ),
                None,
            )
        self._published(header_dates)

    def _set_outlet(self, i: int) -> None:
        if self.layout.outlet is not None:
            return
        item = self.items[i]
        name = item.text.strip().strip("()[]").strip().rstrip(".").strip()
        offset = item.text.find(name)
        start = item.start + offset
        self.layout.outlet = (name, Span(start=start, end=start + len(name)))

    def _published(self, header_dates: list[tuple[int, DateMatch]]) -> None:
        for i, date in header_dates:
            if date.is_update:
                continue
            start = self.items[i].start + date.start
            self.layout.published = (
                date.iso,
                Span(start=start, end=start + date.end - date.start),
            )
            return

    def _related(self) -> None:
        """Headlines listed under "Related" or "Read more" are links, not body."""
        for i, item in enumerate(self.items):
            if not is_related_marker(item.text):
                continue
            for j in range(i + 1, min(len(self.items), i + 13)):
                if self.kinds[j] is not None:
                    break
                if not is_headline(self.items[j].text):
                    break
                self.kinds[j] = "furniture"

    def _comment_section(self) -> None:
        if self.first_body is None:
            return
        body_chars = 0
        start: int | None = None
        for i in range(self.first_body, len(self.items)):
            if i in self.markers and body_chars >= MIN_BODY_BEFORE_COMMENTS:
                start = i
                break
            if self.kinds[i] is None:
                body_chars += len(self.items[i].text)
        if start is None:
            return
        count = next(
            (
                m.count
                for i, m in sorted(self.markers.items())
                if i >= start and m.count is not None
            ),
            None,
        )
        units: list[int] = []
        gaps: list[int] = []
        widget = False
        ended = False
        for i in range(start + 1, len(self.items)):
            item = self.items[i]
            if ended or is_related_marker(item.text):
                ended = True
                self.kinds[i] = "furniture"
                continue
            if self.kinds[i] is not None:
                self.kinds[i] = "furniture"
                widget = widget or i not in self.dates
                continue
            if count == 0:
                self.kinds[i] = "furniture"
                continue
            units.append(i)
            gaps.append(item.gap + (1 if widget else 0))
            widget = False
        for group in group_comments(gaps, count):
            members = [units[g] for g in group]
            for i in range(members[0], members[-1] + 1):
                self.kinds[i] = "comment"
            self.comments.append(members)

    def _captions(self) -> None:
        for i, item in enumerate(self.items):
            if self.kinds[i] is not None:
                continue
            text = item.text
            credit = trailing_credit(text)
            if credit is not None:
                head = text[:credit].rstrip()
                if not head:
                    self.kinds[i] = "credit"
                    continue
                kind: RegionKind = "caption" if len(head) <= MAX_CAPTION else "body"
                self.splits[i] = [
                    (item.start, item.start + len(head), kind),
                    (item.start + credit, item.end, "credit"),
                ]
                self.kinds[i] = kind
                continue
            if is_caption_start(text) and len(text) <= MAX_CAPTION + 100:
                self.kinds[i] = "caption"
                continue
            if self._is_repeated_caption(i):
                self.kinds[i] = "caption"

    def _neighbours(self, i: int) -> list[int]:
        found = []
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(self.items) and self.kinds[j] in ("furniture", "credit"):
                j += step
            if 0 <= j < len(self.items) and self.kinds[j] in (None, "caption", "body"):
                found.append(j)
        return found

    def _is_repeated_caption(self, i: int) -> bool:
        """A paragraph printed twice is a caption, unless text was duplicated.

        A duplicated run of paragraphs (a live blog repeating its summary) and
        a pull quote far from its first print are not captions; a paragraph
        repeated next to itself, or in the header above the story, is.
        """
        item = self.items[i]
        if self.counts[item.key] < 2 or len(item.text) > MAX_CAPTION:
            return False
        if item.key == self.title_key:
            return False
        neighbours = self._neighbours(i)
        if any(
            self.items[j].key != item.key and self.counts[self.items[j].key] >= 2
            for j in neighbours
        ):
            return False
        if any(self.items[j].key == item.key for j in neighbours):
            return True
        first = next(j for j, other in enumerate(self.items) if other.key == item.key)
        return self.first_body is not None and first < self.first_body

    def _tail_bylines(self) -> None:
        for i, item in enumerate(self.items):
            if self.kinds[i] is not None or i in self.splits:
                continue
            start = trailing_byline(item.text)
            if start is not None and start > 0:
                self.splits[i] = [
                    (item.start, item.start + len(item.text[:start].rstrip()), "body"),
                    (item.start + start, item.end, "byline"),
                ]

    def _dateline(self) -> None:
        if self.first_body is None:
            return
        labels = speaker_labels(self.text)
        seen = 0
        for i in range(self.first_body, min(len(self.items), HEADER_ITEMS + 5)):
            if self.kinds[i] not in (None, "body"):
                continue
            item = self.items[i]
            found = find_dateline(item.text, labels=labels)
            if found is not None:
                self._read_dateline(item, found)
                return
            seen += 1
            if seen >= DATELINE_ITEMS:
                return

    def _read_dateline(self, item: Item, found: Dateline) -> None:
        start = item.start
        self.layout.dateline = Span(
            start=start + found.place_start, end=start + found.place_end
        )
        if found.agency is not None and self.layout.outlet is None:
            a_start, a_end = found.agency
            name = item.text[a_start:a_end].strip()
            a_start += item.text[a_start:a_end].find(name)
            span = Span(start=start + a_start, end=start + a_start + len(name))
            self.layout.outlet = (name, span)
        date = found.date
        if date is not None:
            span = Span(start=start + date.start, end=start + date.end)
            current = self.layout.published
            if current is None or precision(date.iso) > precision(current[0]):
                self.layout.published = (date.iso, span)

    def _build(self) -> None:
        segments: list[tuple[int, int, RegionKind]] = []
        comment_of: dict[int, int] = {}
        for number, members in enumerate(self.comments):
            for i in range(members[0], members[-1] + 1):
                comment_of[i] = number
        done: set[int] = set()
        for i, item in enumerate(self.items):
            if i in comment_of:
                number = comment_of[i]
                if number not in done:
                    members = self.comments[number]
                    first, last = self.items[members[0]], self.items[members[-1]]
                    segments.append((first.start, last.end, "comment"))
                    done.add(number)
                continue
            pieces = self.splits.get(
                i, [(item.start, item.end, self.kinds[i] or "body")]
            )
            segments.extend(pieces)
        regions: list[Region] = []
        for start, end, kind in segments:
            start, end = _trim(self.text, start, end)
            if start >= end:
                continue
            if regions and regions[-1].kind == kind and kind in _MERGED:
                span = Span(start=regions[-1].span.start, end=end)
                regions[-1] = Region(kind=kind, span=span)
                continue
            regions.append(Region(kind=kind, span=Span(start=start, end=end)))
        self.layout.regions = regions


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def read_layout(text: str) -> Layout:
    """Read the regions of ``text`` and the metadata printed in it."""
    return _Reader(text).read()
