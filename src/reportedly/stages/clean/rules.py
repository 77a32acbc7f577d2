"""Line rules for names, photo credits, captions and bylines.

Every rule here is context-free: it reads one trimmed line (or its tail).
Where a line sits in the article (header, tail, comment section) is decided in
``layout``; widgets and comment markers are in ``widgets``.
"""

from __future__ import annotations

import re

from ..._dates import DateMatch, parse_date_line
from ...records import RegionKind
from .lines import Line
from .vocabulary import BYLINE_WORDS, NEWS_AGENCIES, PARTICLES, PHOTO_SOURCES
from .widgets import comment_marker, is_furniture, is_related_marker

_PHOTO_WORD = (
    r"(?:photo(?:graph)?s?|pic(?:ture)?s?|images?|video|footage|credit|photo\s+credit"
    r"|image\s+credit|image\s+source|source|courtesy(?:\s+of)?|file(?:\s+photo)?"
    r"|handout|caption)"
)
_CREDIT_PREFIX = re.compile(
    rf"(?i)^(?:{_PHOTO_WORD})\s*(?:[:|\-–—]|\bby\b|\bcourtesy\s+of\b)\s*(?P<rest>.+)$"
    r"|^(?i:courtesy(?:\s+of)?)\s+(?P<rest2>.+)$"
)
_AGENCY_PHOTO = re.compile(
    r"(?i)^(?P<agency>.+?)\s+(?:photos?|pictures?|images?|file|via\s+.+)$"
)
_TOKEN = re.compile(r"[^\s,;&|/·•]+")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+|[\"”’)\]]\s+|\s[|–—]\s+")


def _is_capitalised(token: str) -> bool:
    first = token.lstrip("\"'“‘([")[:1]
    return first.isupper()


def is_name(text: str, *, max_tokens: int = 4) -> bool:
    """A person or organisation name: a few capitalised words and particles."""
    tokens = text.strip().rstrip(".").split()
    if not 1 <= len(tokens) <= max_tokens:
        return False
    capitalised = 0
    for token in tokens:
        if token.lower() in PARTICLES:
            continue
        if not _is_capitalised(token) or not re.fullmatch(r"[^\W\d_][\w'’.-]*", token):
            return False
        capitalised += 1
    return capitalised > 0


def is_name_list(text: str) -> bool:
    """Names as printed in a byline: "Jane Doe and John Roe, Staff Writers"."""
    tokens = _TOKEN.findall(text.strip().rstrip("."))
    if not 1 <= len(tokens) <= 25:
        return False
    capitalised = lower = 0
    for token in tokens:
        bare = token.strip(".()[]\"'“”‘’-–—:")
        if not bare:
            continue
        if bare[0].isdigit():
            if not re.fullmatch(r"[0-9][0-9:.,]*(?:[ap]\.?m\.?)?", bare, re.I):
                return False
        elif _is_capitalised(bare):
            capitalised += 1
        elif bare.lower() in BYLINE_WORDS:
            lower += 1
        else:
            return False
    return capitalised > 0 and capitalised >= lower


# --- credits ----------------------------------------------------------------


def _credit_part(part: str) -> str | None:
    """What one piece of a credit is: "photo", "agency", "name" or None."""
    bare = part.strip(" .:-–—")
    low = bare.lower()
    if not bare:
        return None
    if low in PHOTO_SOURCES or re.fullmatch(_PHOTO_WORD, low):
        return "photo"
    if low in NEWS_AGENCIES:
        return "agency"
    match = _AGENCY_PHOTO.match(bare)
    if match and (
        match.group("agency").lower() in NEWS_AGENCIES
        or match.group("agency").lower() in PHOTO_SOURCES
    ):
        return "photo"
    if is_name(bare):
        return "name"
    return None


def is_credit(text: str, *, strict: bool) -> bool:
    """Whether ``text`` is wholly a photo credit ("Wakil Kohsar/AFP").

    ``strict`` asks for unmistakable credits: a photo word, a photo library or
    an agency joined to a name by a slash; a bare agency name is not enough.
    """
    body = text.strip().rstrip(".").strip()
    if body[:1] in "[(" and body[-1:] in "])":
        body = body[1:-1].strip()
    if not body or len(body) > 90:
        return False
    prefixed = _CREDIT_PREFIX.match(body)
    if prefixed:
        rest = prefixed.group("rest") or prefixed.group("rest2") or ""
        return len(rest) <= 70 and (is_credit(rest, strict=False) or is_name_list(rest))
    parts = re.split(r"\s*[/|]\s*|\s+via\s+|\s+for\s+|\s*,\s*", body)
    kinds = [_credit_part(part) for part in parts]
    if None in kinds or len(parts) > 4:
        return False
    if "photo" in kinds:
        return True
    if strict:
        return "agency" in kinds and "/" in body
    return "agency" in kinds


_BRACKET_END = re.compile(r"\[(?P<inside>[^\[\]\n]{1,90})\][.\s]*$")
_PAREN_END = re.compile(r"\((?P<inside>[^()\n]{1,90})\)[.\s]*$")


def _bracket_credit(inside: str, *, after_sentence: bool) -> bool:
    # a bare "[Reuters]" cites a source; a credit names a photo or photographer
    if is_credit(inside, strict=True):
        return True
    # [First Last/OUTLET] after a full stop: a photographer and an outlet
    parts = inside.split("/")
    return (
        after_sentence
        and len(parts) >= 2
        and len(parts[0].split()) >= 2
        and all(is_name(part) for part in parts)
    )


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return not stripped or stripped[-1] in ".!?…\"”’')"


def trailing_credit(text: str) -> int | None:
    """Where a photo credit at the end of ``text`` starts, if there is one."""
    match = _BRACKET_END.search(text)
    if match and _bracket_credit(
        match.group("inside"), after_sentence=_ends_sentence(text[: match.start()])
    ):
        return match.start()
    match = _PAREN_END.search(text)
    if match and is_credit(match.group("inside"), strict=True):
        return match.start()
    starts = [m.end() for m in _SENTENCE_END.finditer(text)]
    for start in reversed(starts):
        if len(text) - start > 90:
            break
        if is_credit(text[start:], strict=True):
            return start
    return None


_CAPTION_START = re.compile(
    r"""(?x)^(?:
        (?i:file\s+photo|file\s+picture|file\s+image)\s*[:\-–—]
      | (?:PHOTO|IMAGE|PICTURE|Pictured|Caption|CAPTION)\s*[:\-–—]
      | (?i:image\s+caption|media\s+caption|photo\s+caption)\b
      | In\s+this\s+(?:[^.,]{0,40}\s)?(?:file\s+)?
        (?:photo|image|picture|handout|screenshot|screengrab|video\s+grab)\b
      | This\s+(?:[^.,]{0,40}\s)?(?:file\s+)?(?:photo|image|picture|handout\s+photo)
        \s+(?:shows|taken|released|provided|made)\b
    )"""
)
_CREDIT_START = re.compile(r"(?i)^(?:image|photo|picture)\s+(?:copyright|source)\b")


def is_caption_start(text: str) -> bool:
    """A line that announces itself as a caption ("FILE PHOTO: ...")."""
    return bool(_CAPTION_START.match(text)) and not is_credit(text, strict=False)


def is_credit_line(text: str) -> bool:
    """A line that is only a credit ("Getty Images", "Image copyright AFP")."""
    if _CREDIT_START.match(text) and len(text) <= 90:
        return True
    return is_credit(text, strict=False)


# --- bylines ----------------------------------------------------------------

_BY = re.compile(
    r"^(?i:by|written\s+by|words\s+by|story\s+by|text\s+by|reported\s+by|report\s+by|"
    r"posted\s+by|compiled\s+by|interview\s+by|analysis\s+by)\s*:?\s+(?P<names>.+)$"
)
_BY_LABEL = re.compile(
    r"^(?i:byline|author|authors|writer|written\s+by|reporter|reporting)\s*[:|]\s*(?P<names>.+)$"
)
_CONTRIBUTED = re.compile(
    r"""(?ix)^[\[(]?\s*(?P<names>[^\[\]()"“”]{2,160}?)\s+(?:also\s+)?contributed\s+
    (?:reporting|research|to\s+(?:this|the)\s+(?:report|story|article|reporting)|
       (?:additional\s+)?reporting|to\s+this\s+(?:report|story))
    (?:\s+(?:from|in)\s+[^.\[\]()]{1,60})?\s*\.?\s*[\])]?\.?$"""
)
_ROLE_BY = re.compile(
    r"""(?ix)^(?:(?:additional|further|with)\s+)?
    (?:reporting|writing|editing|compiled|reported|written|produced|research|
       translation|translated|graphics|photos?|video|fact-checking)
    (?:\s+and\s+\w+)?\s+by\s+(?P<names>.+)$"""
)
_FOLLOW = re.compile(
    r"^Follow\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+on\s+"
    r"(?:Twitter|X|Facebook|Instagram|Threads|Bluesky|Mastodon|LinkedIn)\b.{0,60}$"
)
_HANDLE = re.compile(
    r"^(?i:twitter|x|e-?mail|instagram|contact|follow)\s*:\s*@?[\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?\.?$"
    r"|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$"
)
_SIGN_OFF = re.compile(r"^(?:--|[-–—])\s*(?P<who>[^\s].{0,60})$")


def _is_role_list(text: str) -> bool:
    body = text.strip().strip("[]()").strip().rstrip(".")
    pieces = [piece.strip() for piece in body.split(";") if piece.strip()]
    if not pieces:
        return False
    for piece in pieces:
        match = _ROLE_BY.match(piece)
        if match is None or not is_name_list(match.group("names")):
            return False
    return True


#: words of a byline that name a desk or a role, not a person
_DESK_WORDS = BYLINE_WORDS - PARTICLES


def byline_names(text: str) -> tuple[str, ...]:
    """The people a "By ..." byline names: "By Jane Doe and John Roe, Staff
    Writers" gives both, "BY DANA WHITFIELD, Reuters" "Dana Whitfield"; a desk
    ("By Staff Reporter") gives none."""
    match = _BY.match(text.strip()) or _BY_LABEL.match(text.strip())
    if match is None:
        return ()
    # what follows a comma, a semicolon or a bar is a role or an outlet
    listed = re.split(r"[,;|]", match.group("names"), maxsplit=1)[0]
    names = []
    for piece in re.split(r"\s+(?:and|&)\s+", listed.strip().rstrip(".")):
        words = piece.split()
        if (
            len(words) >= 2
            and is_name(piece)
            and not any(w.lower().strip(".") in _DESK_WORDS for w in words)
        ):
            names.append(piece.title() if piece.isupper() else piece)
    return tuple(names)


def is_byline(text: str) -> bool:
    """A line naming the article's authors or reporters."""
    if len(text) > 300:
        return False
    for pattern in (_BY, _BY_LABEL):
        match = pattern.match(text)
        if match:
            return is_name_list(match.group("names"))
    match = _CONTRIBUTED.match(text)
    if match:
        return is_name_list(match.group("names"))
    if _is_role_list(text) or _FOLLOW.match(text) or _HANDLE.match(text):
        return True
    # "— Reuters" closes wire copy; "— Jane Doe" may as well attribute a quote
    match = _SIGN_OFF.match(text)
    return match is not None and match.group("who").rstrip(".").lower() in NEWS_AGENCIES


def trailing_byline(text: str) -> int | None:
    """Where a byline sentence closing a body paragraph starts, if any.

    "... he said. Jane Doe contributed to this report." and "... (Reporting by
    Jane Doe; Editing by John Roe)" end paragraphs on many wire stories.
    """
    starts = [m.end() for m in _SENTENCE_END.finditer(text)]
    for start in reversed(starts):
        if len(text) - start > 300:
            break
        tail = text[start:]
        names = _CONTRIBUTED.match(tail)
        if names and is_name_list(names.group("names")):
            return start
        if tail.startswith("(") and _is_role_list(tail):
            return start
    return None


def label_lines(
    lines: list[Line],
) -> tuple[list[RegionKind | None], dict[int, DateMatch]]:
    """The kind each whole line has by itself, and the dates of date lines."""
    labels: list[RegionKind | None] = []
    dates: dict[int, DateMatch] = {}
    for line in lines:
        text = line.text
        label: RegionKind | None = None
        if is_furniture(text) or comment_marker(text) or is_related_marker(text):
            label = "furniture"
        elif is_byline(text):
            label = "byline"
        else:
            date = parse_date_line(text)
            if date is not None:
                label = "furniture"
                dates[line.index] = date
            elif is_credit_line(text):
                label = "credit"
        labels.append(label)
    return labels, dates
