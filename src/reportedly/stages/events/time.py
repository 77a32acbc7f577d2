"""When an event happened: the date expression that governs its trigger.

The expression is resolved against the document date by
:func:`reportedly._when.resolve_date` (ISO 8601 at the precision the text
gives); "since 2014" gives an open range, ``2014/..``. An event long before
publication is historical.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from ..._when import published_day, resolve_date

#: an event this long before publication is background, not news
HISTORICAL_DAYS = 90
_SINCE = frozenset({"since"})


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
