"""When an event happened: date expressions resolved against the document date.

Dates are ISO 8601 at the precision the text gives: ``2021-08-15``,
``2016-09``, ``2014``; a week as an interval ``2023-03-06/2023-03-12``; an
open range as ``2014/..``. Relative dates ("on Wednesday", "two years ago",
"last month") need the publication date; without it they stay unknown.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from ..._dates import MONTHS, search_date

#: an event this long before publication is background, not news
HISTORICAL_DAYS = 90
_WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)} | {
    name.lower(): n for n, name in enumerate(calendar.day_abbr)
}
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
    "several": 0,
    "few": 0,
}
_AGO = re.compile(r"\b(\d+|[a-z]+) (day|week|month|year)s? (?:ago|earlier)\b")
_RELATIVE = re.compile(
    r"\b(last|past|previous|next|this|coming|earlier this|later this)"
    r" (week|month|year|weekend)\b"
)
_YEAR = re.compile(r"\b((?:1[89]|20)[0-9]{2})\b")
_DECADE = re.compile(r"\b((?:1[89]|20)[0-9]0)s\b")
_SINCE = frozenset({"since"})


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
        if word in _WEEKDAYS and len(word) > 3:
            delta = (today.weekday() - _WEEKDAYS[word]) % 7
            if future or "next" in text:
                delta = -((_WEEKDAYS[word] - today.weekday()) % 7)
            return (today - timedelta(days=delta)).isoformat()
    return None


def _month_only(text: str, today: date | None, future: bool) -> str | None:
    words = re.findall(r"[a-z]+", text)
    months = [MONTHS[w] for w in words if w in MONTHS and len(w) > 2 and w != "may"]
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


def _date_entities(token: Any) -> list[Any]:
    sentence = token.sent
    return [
        ent
        for ent in token.doc.ents
        if ent.label_ == "DATE"
        and sentence.start <= ent.start < sentence.end
        and not ent.text.lower().startswith(("every", "each"))
    ]


def _governor(ent: Any) -> Any:
    """The verb (or adjective) a date expression hangs from."""
    node = ent.root
    for _ in range(6):
        if node.head.i == node.i:
            return node
        node = node.head
        if node.pos_ in {"VERB", "AUX", "ADJ"} and not (ent.start <= node.i < ent.end):
            return node
    return node


def event_date(
    trigger_tokens: tuple[Any, ...], published: str | None, *, future: bool = False
) -> str | None:
    """The date of the event, from a date expression attached to its trigger."""
    token = trigger_tokens[0]
    own = {t.i for t in trigger_tokens}
    heads = set(own)
    node = token
    # the date may hang above the trigger: "plans to stage ... on Friday", and
    # "since 2014 ... built ties by providing weapons" (a means shares its time)
    for _ in range(4):
        if node.dep_ not in {"xcomp", "aux", "conj", "pcomp", "prep"}:
            break
        if node.head.i == node.i:
            break
        node = node.head
        heads.add(node.i)
    if token.pos_ == "NOUN":
        # "the withdrawal, completed in 1989": a participle describing the event
        heads.update(c.i for c in token.children if c.dep_ == "acl")
    best: tuple[int, int, str] | None = None
    for ent in _date_entities(token):
        governor = _governor(ent).i
        if (
            token.pos_ == "NOUN"
            and token in ent.root.ancestors
            and any(a.i == governor for a in token.ancestors)
        ):
            governor = token.i  # "Berlin's apology to Namibia in 2021"
        if governor not in heads:
            continue
        head = ent.root.head
        if head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head  # "since the 2021 coup"
        since = (head.dep_ == "prep" and head.lower_ in _SINCE) or (
            ent[0].lower_ in _SINCE
        )
        # "since January" looks back even from a plan or a possibility
        iso = resolve_date(ent.text, published, future=future and not since)
        if iso is None:
            continue
        if since:
            iso = f"{iso}/.."
        distance = min(abs(ent.start - t.i) for t in trigger_tokens)
        # a date on the trigger itself before one it shares with a verb above
        # ("led ... in the 1980s and signed a ceasefire ... in 1992")
        rank = (0 if governor in own else 1, distance)
        if best is None or rank < best[:2]:
            best = (*rank, iso)
    return None if best is None else best[2]


def _last_day(iso: str) -> date | None:
    if "/" in iso:
        end = iso.split("/", 1)[1]
        if end == "..":
            return None
        iso = end
    try:
        if len(iso) == 4:
            return date(int(iso), 12, 31)
        if len(iso) == 7:
            year, month = int(iso[:4]), int(iso[5:7])
            return date(year, month, calendar.monthrange(year, month)[1])
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def is_historical(
    iso: str | None, published: str | None, *, past: bool = False
) -> bool:
    """Whether the event ended well before the article (background, not news).

    Without a publication year, a ``past`` event dated with an explicit year
    ("signed a deal in September 2016") is measured against the earliest day
    the article can be from: news style gives the year only for dates outside
    the current one, so the article is from a later year (on its month and
    day when they are known, as in a ``--08-25`` dateline).
    """
    if iso is None:
        return False
    today = published_day(published)
    if today is None:
        today = _earliest_day(iso, published) if past else None
    if today is None:
        return False
    last = _last_day(iso)
    return last is not None and (today - last).days > HISTORICAL_DAYS


def _earliest_day(iso: str, published: str | None) -> date | None:
    """The first day an article with no year can be from, after ``iso``'s year."""
    if not iso[:4].isdigit():
        return None  # "--08-15": the year was never given
    year = int(iso[:4]) + 1
    month, day = 1, 1
    if published and published.startswith("--") and len(published) >= 7:
        try:
            month, day = int(published[2:4]), int(published[5:7])
            return date(year, month, day)
        except ValueError:
            return date(year, 1, 1)
    return date(year, month, day)
