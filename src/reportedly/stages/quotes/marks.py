"""Quote marks on raw text: find them, pair them, and never raise.

Straight, curly, low-nine, guillemet and corner marks are paired per line with a
stack; a quotation left open at the end of a paragraph continues when the next
paragraph opens with a mark (the multi-paragraph convention). Apostrophes are
told from single quote marks by the letters around them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...records import Span

# family of each mark: quotations pair only within a family
_FAMILY = {
    '"': "double",
    "“": "double",
    "”": "double",
    "„": "double",
    "‟": "double",
    "″": "double",
    "'": "single",
    "‘": "single",
    "’": "single",
    "‚": "single",
    "‛": "single",
    "«": "angle",
    "»": "angle",
    "‹": "single-angle",
    "›": "single-angle",
    "「": "corner",  # Chinese and Japanese quotations quoted in English copy
    "」": "corner",
    "『": "white-corner",
    "』": "white-corner",
}
_OPEN_ONLY = frozenset("“„‟‘‚‛«‹「『")
_CLOSE_ONLY = frozenset("”»›」』")
_OPEN_CONTEXT = frozenset(" \t\r\n([{<—–-/\u00a0")
_CLOSE_CONTEXT = frozenset(" \t\r\n)]}>.,;:!?—–-/…\u00a0")

#: every character treated as a quotation mark
QUOTE_MARKS = frozenset(_FAMILY)
#: the marks that open and close a quotation and are never apostrophes
DOUBLE_MARKS = frozenset(c for c, f in _FAMILY.items() if f in {"double", "angle"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Quotation:
    """A stretch of text between paired quote marks.

    ``pieces`` holds one span per paragraph, marks included; ``closed`` is
    false when the closing mark is missing and the quotation was cut at the
    end of its paragraph.
    """

    pieces: tuple[Span, ...]
    closed: bool = True

    @property
    def start(self) -> int:
        """The offset of the opening mark."""
        return self.pieces[0].start

    @property
    def end(self) -> int:
        """The offset just past the closing mark (or the paragraph end)."""
        return self.pieces[-1].end

    def inner(self, text: str) -> tuple[Span, ...]:
        """The pieces without their quote marks and surrounding space."""
        out: list[Span] = []
        for piece in self.pieces:
            start, end = piece.start, piece.end
            while start < end and (text[start] in QUOTE_MARKS or text[start].isspace()):
                start += 1
            while end > start and (
                text[end - 1] in QUOTE_MARKS or text[end - 1].isspace()
            ):
                end -= 1
            if end > start:
                out.append(Span(start=start, end=end))
        return tuple(out)


def _role(text: str, index: int, *, is_open: bool) -> str:
    """``open``, ``close``, ``either`` or ``none`` for the mark at ``index``."""
    char = text[index]
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    family = _FAMILY[char]
    if family == "single":
        # an apostrophe between letters or digits (don’t, 1990’s)
        if before.isalnum() and after.isalnum():
            return "none"
        opens = before in _OPEN_CONTEXT or before in QUOTE_MARKS
        closes = after in _CLOSE_CONTEXT or after in QUOTE_MARKS
        if char == "‘" and is_open and not before.isspace() and closes:
            return "close"  # ‚German‘ closes with the English opening mark
        if char in "‘‚‛":
            return "open" if opens and not after.isspace() else "none"
        if opens and not closes and after.isalpha():
            return "open"
        if closes and not before.isspace() and is_open:
            return "close"
        return "none"
    if char in _OPEN_ONLY:
        # „German“ closes with the English opening mark
        if (
            char == "“"
            and is_open
            and (after in _CLOSE_CONTEXT or after in QUOTE_MARKS)
        ):
            return "close"
        return "open"
    if char in _CLOSE_ONLY:
        # a closing mark used as an opener (some styles and typos)
        if not is_open and before in _OPEN_CONTEXT and not after.isspace():
            return "open"
        return "close"
    return _straight(before, after, is_open=is_open)


def _straight(before: str, after: str, *, is_open: bool) -> str:
    """The role of a straight double mark between ``before`` and ``after``."""
    opens = before in _OPEN_CONTEXT or before in QUOTE_MARKS
    closes = after in _CLOSE_CONTEXT or after in QUOTE_MARKS
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if is_open else "open"


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        newline = text.find("\n", pos, end)
        stop = end if newline < 0 else newline
        lo, hi = pos, stop
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            out.append((lo, hi))
        if newline < 0:
            break
        pos = newline + 1
    return out


def _doubled(text: str, index: int, *, is_open: bool) -> str:
    """The role of two straight single marks standing for one double mark
    (''like this,'' in some newspapers' archives), at ``index``."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 2] if index + 2 < len(text) else " "
    return _straight(before, after, is_open=is_open)


def _opens_paragraph(text: str, lo: int) -> bool:
    """Whether the paragraph at ``lo`` opens with a quote mark."""
    if text.startswith("''", lo):
        return _doubled(text, lo, is_open=False) == "open"
    return text[lo] in _FAMILY and _role(text, lo, is_open=False) == "open"


def _pair_line(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int]], int | None]:
    """Top-level (open, close) pairs in a line, and an opening left unclosed."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    index = lo
    while index < hi:
        char = text[index]
        family = _FAMILY.get(char)
        if family is None:
            index += 1
            continue
        width = 1
        if char == "'" and text.startswith("''", index) and index + 1 < hi:
            family, width = "double", 2  # two straight single marks for one
        is_open = any(f == family for f, _ in stack)
        if width == 2:
            role = _doubled(text, index, is_open=is_open)
        else:
            role = _role(text, index, is_open=is_open)
        if role == "open":
            stack.append((family, index))
        elif role == "close" and is_open:
            while stack:
                top_family, top_index = stack.pop()
                if top_family == family:
                    if not stack:
                        pairs.append((top_index, index + width))
                    break
        index += width
    # an unclosed single mark was most likely an apostrophe
    unclosed = [i for f, i in stack if f != "single"]
    if (unclosed and not pairs) or (unclosed and unclosed[0] > pairs[-1][1]):
        return pairs, unclosed[0]
    return pairs, None


def find_quotations(
    text: str, start: int = 0, end: int | None = None
) -> list[Quotation]:
    """Pair the quote marks of ``text[start:end]`` into quotations, in order.

    Only outermost quotations are returned. An opening mark with no closing
    mark in its paragraph continues into the next paragraph when that one
    starts with an opening mark; otherwise it runs to the end of the paragraph
    and the quotation is marked ``closed=False``.
    """
    end = len(text) if end is None else min(end, len(text))
    out: list[Quotation] = []
    pending: list[Span] = []
    for lo, hi in _lines(text, start, end):
        pairs, unclosed = _pair_line(text, lo, hi)
        if pending:
            if _opens_paragraph(text, lo):
                if pairs and pairs[0][0] == lo:
                    # the continuation closes in this paragraph
                    pending.append(Span(start=lo, end=pairs[0][1]))
                    out.append(Quotation(pieces=tuple(pending)))
                    pending = []
                    pairs = pairs[1:]
                elif unclosed == lo and not pairs:
                    pending.append(Span(start=lo, end=hi))
                    continue
                else:
                    out.append(Quotation(pieces=tuple(pending), closed=False))
                    pending = []
            else:
                out.append(Quotation(pieces=tuple(pending), closed=False))
                pending = []
        out.extend(Quotation(pieces=(Span(start=a, end=b),)) for a, b in pairs)
        if unclosed is not None:
            pending = [Span(start=unclosed, end=hi)]
    if pending:
        out.append(Quotation(pieces=tuple(pending), closed=False))
    return out
