"""Date expressions read against the publication date, into ISO 8601.

Dates are ISO 8601 at the precision the text gives: ``2021-08-15``,
``2016-09``, ``2014``; a week as an interval ``2023-03-06/2023-03-12``; a
decade as ``1980/1989``. Relative dates ("on Wednesday", "two years ago",
"last month") need the publication date; without it they stay unknown. Used
for when an event happened and when a quote was said.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ._dates import MONTHS, search_date

_WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
_AGO = re.compile(r"\b(\d+|[a-z]+) (day|week|month|year)s? (?:ago|earlier)\b")
_RELATIVE = re.compile(
    r"\b(last|past|previous|next|this|coming|earlier this|later this)"
    r" (week|month|year|weekend)\b"
)
_YEAR = re.compile(r"\b((?:1[89]|20)[0-9]{2})\b")
_DECADE = re.compile(r"\b((?:1[89]|20)[0-9]0)s\b")


def published_day(published: str | None) -> date | None:
    """The publication date when known to the day."""
    if not published or len(published) < 10 or published.startswith("--"):
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _shift_months(day: date, months: int) -> tuple[int, int]:
    total = day.year * 12 + day.month - 1 + months
    return total // 12, total % 12 + 1


def _week(day: date) -> str:
    monday = day - timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def _relative(text: str, today: date, future: bool) -> str | None:
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", text):
        return today.isoformat()
    if "yesterday" in text or "last night" in text:
        return (today - timedelta(days=1)).isoformat()
    if "tomorrow" in text:
        return (today + timedelta(days=1)).isoformat()
    if match := _AGO.search(text):
        number = match.group(1)
        count = int(number) if number.isdigit() else _NUMBERS.get(number, 0)
        if not count:
            return None
        unit = match.group(2)
        if unit == "day":
            return (today - timedelta(days=count)).isoformat()
        if unit == "week":
            return _week(today - timedelta(weeks=count))
        if unit == "month":
            year, month = _shift_months(today, -count)
            return f"{year:04d}-{month:02d}"
        return f"{today.year - count:04d}"
    if match := _RELATIVE.search(text):
        which, unit = match.groups()
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
            which, 0
        )
        if unit in {"week", "weekend"}:
            return _week(today + timedelta(weeks=step))
        if unit == "month":
            year, month = _shift_months(today, step)
            return f"{year:04d}-{month:02d}"
        return f"{today.year + step:04d}"
    for word in re.findall(r"[a-z]+", text):
        if word in _WEEKDAYS:
            delta = (today.weekday() - _WEEKDAYS[word]) % 7
            if future or "next" in text:
                delta = -((_WEEKDAYS[word] - today.weekday()) % 7)
            return (today - timedelta(days=delta)).isoformat()
    return None


def _month_only(text: str, today: date | None, future: bool) -> str | None:
    words = re.findall(r"[a-z]+", text)
    months = [MONTHS[w] for w in words if w in MONTHS and w != "may"]
    if len(months) != 1 or today is None:
        return None
    month = months[0]
    year = today.year
    if not future and month > today.month:
        year -= 1
    elif future and month < today.month:
        year += 1
    return f"{year:04d}-{month:02d}"


def resolve_date(
    text: str, published: str | None, *, future: bool = False
) -> str | None:
    """The ISO form of a date expression, relative ones read against ``published``."""
    today = published_day(published)
    lower = text.lower()
    found = search_date(text)
    if found is not None:
        iso = found.iso
        if iso.startswith("--"):
            if today is None:
                return iso  # the year is known to neither text nor metadata
            year = today.year
            candidate = f"{year:04d}{iso[1:]}"
            if not future and candidate > today.isoformat():
                year -= 1
            elif future and candidate < today.isoformat():
                year += 1
            try:
                return date.fromisoformat(f"{year:04d}{iso[1:]}").isoformat()
            except ValueError:
                return None
        return iso
    if today is not None and (relative := _relative(lower, today, future)):
        return relative
    if match := _DECADE.search(lower):  # "during the 1980s"
        first = int(match.group(1))
        return f"{first}/{first + 9}"
    if match := _YEAR.search(lower):
        return match.group(1)
    return _month_only(lower, today, future)
