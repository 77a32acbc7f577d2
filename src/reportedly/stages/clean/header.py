"""The top of an article: title, outlet and section lines, and the dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..._dates import DateMatch, match_date
from .rules import is_name
from .vocabulary import MEDIA_WORDS, NEWS_AGENCIES, NOT_PLACES, SECTION_WORDS
from .widgets import is_headline

_DOMAIN = re.compile(
    r"(?i)^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|news|tv|media|af|ru|uk|us|pk|in|ir|ua|eu|de|fr)$"
)
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')]*\s+(?=[\"“‘'(]?[A-Z0-9])")


def outlet_name(text: str) -> str | None:
    """The outlet a short masthead line names ("Salaam Times"), if it is one."""
    if len(text) > 40:
        return None
    bare = text.strip().rstrip(".").strip()
    if bare.lower() in NEWS_AGENCIES or _DOMAIN.match(bare):
        return bare
    words = bare.split()
    if not 1 <= len(words) <= 4 or text[-1:] in ".!?:,;":
        return None
    if not all(w[:1].isupper() or w.lower() in {"of", "the", "and"} for w in words):
        return None
    lowered = [w.strip("'’").lower() for w in words]
    # "News" or "World News" alone is a section label, not a masthead
    if any(w in MEDIA_WORDS for w in lowered) and not all(
        w in MEDIA_WORDS or w in SECTION_WORDS for w in lowered
    ):
        return bare
    return None


def echoed_outlet(line: str, text: str) -> str | None:
    """A short capitalised header line the article itself names as an outlet.

    Outlets without a masthead word ("Frontier Ledger", "The Kabul Lantern")
    show themselves elsewhere in the text: in a photo credit ("[Name/Kabul
    Lantern]"), in a dateline ("ANKARA (Frontier Ledger) -") or as the one a
    speaker talked to ("told the Ledger", "told Europa Brief").
    """
    bare = line.strip().rstrip(".").strip()
    words = bare.split()
    if not 1 <= len(words) <= 5 or len(bare) > 40 or bare[-1:] in "!?:,;":
        return None
    if not all(w[:1].isupper() or w.lower() in {"of", "the", "and"} for w in words):
        return None
    core = bare[4:] if bare.startswith("The ") else bare
    names = {re.escape(core)}
    if len(core.split()) > 1:
        names.add(re.escape(core.split()[-1]))
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    echo = re.compile(
        rf"(?:\btold (?:the )?|/\s*|\()(?:{alternatives})(?=[\s\]).,;]|$)"
    )
    return bare if echo.search(text) else None


def is_section_label(text: str) -> bool:
    """A short page-section label ("World", "Middle East", "LETTERS.")."""
    bare = text.strip().rstrip(".:").strip()
    words = bare.split()
    if not 1 <= len(words) <= 3 or len(bare) > 30:
        return False
    if not all(w[:1].isupper() or w in {"&", "and", "of", "the"} for w in words):
        return False
    if any(w.lower() in SECTION_WORDS for w in words):
        return True
    return len(words) == 1 or bare.isupper()


_NOT_NAMES = SECTION_WORDS | {"the", "your", "my", "our", "from", "of", "letter"}


def is_person_line(text: str) -> bool:
    """A line that is only a person's name, as bylines print them."""
    bare = text.strip().rstrip(".")
    words = bare.split()
    if not 2 <= len(words) <= 4 or any(w.lower() in _NOT_NAMES for w in words):
        return False
    return is_name(bare) and outlet_name(text) is None


def is_title_like(text: str) -> bool:
    """A line that can be a headline: short, few sentences, not a lead paragraph."""
    if not 8 <= len(text) <= 250 or text.endswith(":"):
        return False
    if len(text.split()) < 3:
        return False
    breaks = len(_SENTENCE_BREAK.findall(text))
    if breaks >= 3:
        return False
    if len(text) > 140 and breaks >= 1 and text[-1] in ".\"”'’":
        return False
    # a long sentence-case line ending in a full stop is a lead paragraph
    return not (len(text) > 120 and text.endswith(".") and not is_headline(text))


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """A dateline read at the start of a line; offsets are into that line."""

    place_start: int
    place_end: int
    agency: tuple[int, int] | None
    date: DateMatch | None
    #: where the story starts, after the separator ("KABUL -- |The ...")
    end: int


_PLACE = r"(?P<place>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3}?)"
_QUALIFIER = r"(?:,[ \t]*(?P<qual>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,2}?))?"
_DATE_PART = r"(?P<date>[^()/\n:]{3,30}?)"
_AGENCY = r"(?P<agency>[^()/\n]{1,30}?)"
# a lone hyphen needs spaces around it, or "AFL-CIO" would be a dateline
_DASH = r"(?:[ \t]*(?:--|[–—―])[ \t]*|[ \t]+-[ \t]*)"

# (pattern, whether the place must be in capitals, whether it ends in a colon)
_DATELINES: tuple[tuple[re.Pattern[str], bool, bool], ...] = (
    # WASHINGTON (Reuters) -   LONDON, Nov 3 (AFP) —   Washington (AFP) –
    (
        re.compile(
            rf"^{_PLACE}{_QUALIFIER}(?:,[ \t]*{_DATE_PART})?"
            rf"[ \t]*\([ \t]*{_AGENCY}[ \t]*\)(?:{_DASH}|[ \t]*:[ \t]*)"
        ),
        False,
        False,
    ),
    # MOSCOW, August 25. /TASS/.
    (
        re.compile(
            rf"^{_PLACE}{_QUALIFIER},[ \t]*{_DATE_PART}"
            rf"[ \t]*\.?[ \t]*/[ \t]*{_AGENCY}[ \t]*/[ \t]*\.?"
        ),
        False,
        False,
    ),
    # Kabul, 12 March 2021:   KABUL, March 3 --
    (
        re.compile(rf"^{_PLACE}{_QUALIFIER},[ \t]*{_DATE_PART}[ \t]*(?::|{_DASH})"),
        False,
        False,
    ),
    # KABUL --   NEWPORT NEWS, Va. -
    (re.compile(rf"^{_PLACE}{_QUALIFIER}{_DASH}(?=\S)"), True, False),
    # ISLAMABAD:
    (re.compile(rf"^{_PLACE}{_QUALIFIER}:[ \t]+(?=\S)"), True, True),
)


def _is_place(place: str, *, capitals: bool) -> bool:
    words = place.replace("-", " ").split()
    if any(w.strip(".'’").lower() in NOT_PLACES for w in words):
        return False
    if match_date(place) is not None:
        return False
    if capitals:
        return place.isupper() and sum(c.isalpha() for c in place) >= 2
    return place.isupper() or all(w[:1].isupper() for w in words)


def _is_agency(agency: str) -> bool:
    """An agency or outlet in a dateline: "Reuters", "CNN", "Al Jazeera".

    A party-and-state tag such as "(R-S.C.)" after a politician's name is not.
    """
    bare = agency.strip()
    if bare.lower() in NEWS_AGENCIES:
        return True
    return bool(re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+){0,2}", bare)) and is_name(
        bare, max_tokens=3
    )


def find_dateline(
    line: str, *, labels: frozenset[str] = frozenset(), colon: bool = True
) -> Dateline | None:
    """The dateline opening ``line``, if any.

    ``labels`` are the capitalised ``WORD:`` prefixes used elsewhere in the
    article as speaker labels, which a colon dateline must not be taken for;
    ``colon=False`` leaves out the "ISLAMABAD: ..." form altogether (a
    headline kicker such as "EXCLUSIVE: ..." looks the same).
    """
    for pattern, capitals, is_colon in _DATELINES:
        if is_colon and not colon:
            continue
        match = pattern.match(line)
        if match is None or not _is_place(match.group("place"), capitals=capitals):
            continue
        qualifier = match.group("qual")
        if qualifier and (match_date(qualifier) or not qualifier[:1].isupper()):
            continue
        if is_colon and match.group("place") in labels:
            continue
        date: DateMatch | None = None
        if "date" in match.groupdict() and match.group("date") is not None:
            raw_start, raw_end = match.span("date")
            end = raw_end
            while end > raw_start and line[end - 1] in " .\t":
                end -= 1
            date = match_date(line, raw_start, end)
            if date is None or date.end != end:
                continue
        agency: tuple[int, int] | None = None
        if "agency" in match.groupdict() and match.group("agency") is not None:
            if not _is_agency(match.group("agency")):
                continue
            agency = match.span("agency")
        place_end = match.end("qual") if qualifier else match.end("place")
        story = match.end()
        while story < len(line) and line[story] in " \t\u00a0":
            story += 1
        return Dateline(
            place_start=match.start("place"),
            place_end=place_end,
            agency=agency,
            date=date,
            end=story,
        )
    return None


_LABEL = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,2}):[ \t]")


def speaker_labels(text: str) -> frozenset[str]:
    """The capitalised ``NAME:`` line prefixes of a transcript.

    Two or more such lines make the text a transcript ("TAPPER: ...",
    "FALLIN: ..."), and then none of its labels is a dateline.
    """
    found = [match.group(1) for match in _LABEL.finditer(text)]
    return frozenset(found) if len(found) >= 2 else frozenset()
