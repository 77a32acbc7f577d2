"""Dates as printed in news text, read into ISO 8601 at the precision given.

Only what is written is read: a month and day without a year gives
``--MM-DD``, a month and year gives ``YYYY-MM``; nothing is ever filled in.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

#: month names, their three-letter abbreviations and "sept", lower case
MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name[1:], start=1):
    MONTHS[_name.lower()] = _number
    MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR4 = r"(?:1[89]|20)[0-9]{2}"
_YEAR = _YEAR4 + r"\b"

_DATE = re.compile(
    rf"""
    (?P<iso>(?P<iy>{_YEAR4})-(?P<im>[01][0-9])(?:-(?P<id>[0-3][0-9]))?
        (?:[T\s][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?)?)
      (?![0-9])
    | (?P<mdy>(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?)
    | (?P<dmy>(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH}),?(?:\s+(?P<y2>{_YEAR}))?)
    | (?P<my>(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR}))
    | (?P<num>(?P<n1>[0-9]{{1,2}})(?P<sep>[./])(?P<n2>[0-9]{{1,2}})(?P=sep)
        (?P<n3>{_YEAR}))
    | (?P<ymd>(?P<y4>{_YEAR4})/(?P<m4>[01]?[0-9])/(?P<d4>[0-3]?[0-9])\b)
    """,
    re.VERBOSE,
)

_WEEKDAY = (
    r"(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"(?i:day|sday|nesday|rsday|urday)?\b\.?"
)
_TIME = (
    r"(?:[01]?[0-9]|2[0-3])[:.h][0-5][0-9](?::[0-5][0-9])?(?:\s*(?i:[ap]\.?m\.?))?"
    r"|(?:1[0-2]|0?[1-9])\s*(?i:[ap]\.?m\.?)"
)
_ZONE = (
    r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|PKT|AFT|AEST|AEDT|JST|KST|ET|EST|EDT"
    r"|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT)(?:\s*[+-]\s*[0-9]{1,2}(?::?[0-9]{2})?)?"
    r"|[+-][0-9]{2}:?[0-9]{2}"
)
# Whatever may surround the date on a date line: weekday, time, zone, "at", "|".
_FILLER = re.compile(
    rf"(?:{_WEEKDAY}|{_TIME}|\b(?:{_ZONE})\b|\b(?i:at|on|the)\b|[\s,|:;·•/()\[\]–—-])*"
)
_LABEL = re.compile(
    r"""(?ix)^(?P<label>
        (?:first\s+|originally\s+)?(?:published|posted|updated|last\s+updated|last\s+modified|
        modified|date|dated|created|issued|released|filed)
        (?:\s+(?:on|at))?\s*[:|\-–—]?\s*
    )?"""
)
_UPDATED = re.compile(r"(?i)updated|modified")


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMatch:
    """A date found in a string: offsets into that string and its ISO form."""

    start: int
    end: int
    iso: str
    is_update: bool = False


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """The ISO 8601 form at the precision given, or None if it is no real date."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None:
            return None
        # a year-less 29 February is possible, so check against a leap year
        days = calendar.monthrange(year if year is not None else 2000, month)[1]
        if not 1 <= day <= days:
            return None
        if year is None:
            return f"--{month:02d}-{day:02d}"
        return f"{year:04d}-{month:02d}-{day:02d}"
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}"


def _month(name: str) -> int:
    key = name.rstrip(".").lower()
    return MONTHS[key if key in MONTHS else key[:3]]


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    return int(re.sub(r"[^0-9]", "", value))


def _iso_of(match: re.Match[str]) -> str | None:
    group = match.group
    if group("iso"):
        return iso_date(_int(group("iy")), _int(group("im")), _int(group("id")))
    if group("mdy"):
        return iso_date(_int(group("y1")), _month(group("m1")), _int(group("d1")))
    if group("dmy"):
        return iso_date(_int(group("y2")), _month(group("m2")), _int(group("d2")))
    if group("my"):
        return iso_date(_int(group("y3")), _month(group("m3")), None)
    if group("ymd"):
        return iso_date(_int(group("y4")), _int(group("m4")), _int(group("d4")))
    first, second, year = _int(group("n1")), _int(group("n2")), _int(group("n3"))
    if first is None or second is None:  # pragma: no cover - the pattern has both
        return None
    if group("sep") == ".":  # 25.08.2021: day first wherever dots are used
        return iso_date(year, second, first)
    if first > 12 >= second:
        return iso_date(year, second, first)
    if second > 12 >= first or first == second:
        return iso_date(year, first, second)
    return None  # 03/04/2021 is ambiguous: read nothing rather than guess


def match_date(text: str, pos: int = 0, endpos: int | None = None) -> DateMatch | None:
    """The date expression starting exactly at ``pos``, if there is one."""
    match = _DATE.match(text, pos, len(text) if endpos is None else endpos)
    if match is None:
        return None
    iso = _iso_of(match)
    if iso is None:
        return None
    return DateMatch(start=match.start(), end=match.end(), iso=iso)


def search_date(text: str, pos: int = 0, endpos: int | None = None) -> DateMatch | None:
    """The first date expression in ``text[pos:endpos]`` that reads as a date."""
    end = len(text) if endpos is None else endpos
    for match in _DATE.finditer(text, pos, end):
        if match.start() > 0 and text[match.start() - 1].isalnum():
            continue
        iso = _iso_of(match)
        if iso is not None:
            return DateMatch(start=match.start(), end=match.end(), iso=iso)
    return None


def parse_date_line(line: str) -> DateMatch | None:
    """Read a line that is only a date, maybe labelled and with a time.

    ``"Published: 3 March 2020"``, ``"November 21, 2017 11:04 GMT"`` and
    ``"Updated 11:04 AM ET, Tue November 21, 2017"`` are date lines; a
    sentence that mentions a date is not.
    """
    if len(line) > 120:
        return None
    label = _LABEL.match(line)
    assert label is not None  # the pattern can match the empty string
    start = label.end()
    found = search_date(line, start)
    if found is None:
        return None
    before = _FILLER.fullmatch(line, start, found.start)
    after = _FILLER.fullmatch(line, found.end)
    if before is None or after is None:
        return None
    is_update = bool(label.group("label") and _UPDATED.search(label.group("label")))
    return DateMatch(
        start=found.start, end=found.end, iso=found.iso, is_update=is_update
    )


def precision(iso: str) -> int:
    """How much of a date is known: 1 year only ... 3 day, month and year."""
    if iso.startswith("--"):
        return 2
    return iso.count("-") + 1
