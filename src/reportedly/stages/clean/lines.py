"""The text cut into non-blank lines with their offsets, and paragraphs of lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...records import RegionKind

# The line boundaries of str.splitlines, with CRLF as one boundary.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One non-blank line, trimmed: ``text == article_text[start:end]``.

    ``gap`` counts the blank lines between this line and the previous
    non-blank one (for the first line, the blank lines before it).
    """

    index: int
    start: int
    end: int
    text: str
    gap: int

    @property
    def key(self) -> str:
        """The line with runs of white space collapsed, for comparing lines."""
        return _SPACES.sub(" ", self.text)


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, trimmed of surrounding white space."""
    lines: list[Line] = []
    gap = 0
    position = 0
    for boundary in [*_LINE_BREAK.finditer(text), None]:
        end = boundary.start() if boundary else len(text)
        raw = text[position:end]
        stripped = raw.strip()
        if stripped:
            start = position + len(raw) - len(raw.lstrip())
            lines.append(
                Line(
                    index=len(lines),
                    start=start,
                    end=start + len(stripped),
                    text=stripped,
                    gap=gap,
                )
            )
            gap = 0
        else:
            gap += 1
        if boundary:
            position = boundary.end()
    return lines


def is_hard_wrapped(lines: list[Line]) -> bool:
    """Whether paragraphs are blank-line separated runs of wrapped lines.

    Scraped text usually has one paragraph per line; text from e-mail or
    plain-text archives wraps paragraphs at a fixed width instead.
    """
    if len(lines) < 6:
        return False
    joined = sum(1 for line in lines[1:] if line.gap == 0)
    separated = sum(1 for line in lines[1:] if line.gap > 0)
    if separated < 2 or joined < 2 * separated:
        return False
    # wrapped lines run close to the same width
    widths = sorted(len(line.text) for line in lines)
    width = widths[len(widths) * 3 // 4]
    near = sum(1 for line in lines if width - 25 <= len(line.text) <= width + 5)
    return 30 <= width <= 110 and near >= len(lines) // 2


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """A labelled line or an unlabelled paragraph, trimmed."""

    start: int
    end: int
    text: str
    key: str
    gap: int


def join_paragraphs(
    text: str, lines: list[Line], labels: list[RegionKind | None]
) -> list[tuple[Item, RegionKind | None, int]]:
    """Labelled lines stay single; unlabelled ones join into paragraphs.

    Returns each item with its label and the index of its first line.
    """
    wrapped = is_hard_wrapped(lines)
    groups: list[list[Line]] = []
    for line, label in zip(lines, labels, strict=True):
        joins = (
            wrapped
            and label is None
            and groups
            and line.gap == 0
            and labels[groups[-1][-1].index] is None
        )
        if joins:
            groups[-1].append(line)
        else:
            groups.append([line])
    items = []
    for group in groups:
        start, end = group[0].start, group[-1].end
        item = Item(
            start=start,
            end=end,
            text=text[start:end],
            key=" ".join(line.key for line in group),
            gap=group[0].gap,
        )
        items.append((item, labels[group[0].index], group[0].index))
    return items
