"""Mention drafts and actor identity: ids, the code a role gives on a date, groups.

A draft is a mention being worked on by recognition and coreference; it
becomes a frozen :class:`~reportedly.records.Mention` at the end of the stage.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...actors import Actor, Gazetteer
from .vocabulary import SECTOR_NAMES, SECTORS

_SLUG_RE = re.compile(r"[^a-z0-9]+")


# not frozen: recognition and coreference fill a draft in several passes
@dataclass(slots=True, kw_only=True)
class Draft:
    """A mention being resolved; offsets are into ``Article.text``.

    ``kind`` is the actor kind, or ``pronoun``/``nominal`` until resolved.
    ``candidates`` holds the people a title and a surname may name.
    ``replaceable`` marks a one-word model entity a person's surname overrides.
    ``head``, ``first`` and ``last`` place it in its paragraph's tokens.
    ``unnamed`` marks a person introduced without a name ("a Russian
    diplomat", "one official"): someone new, never a person named before;
    ``scope_end`` is where its phrase ends ("a judge presiding over a lawsuit
    against him": "him" is someone else).
    """

    start: int
    end: int
    kind: str
    head: int
    first: int = 0
    last: int = 0
    actor_id: str | None = None
    name: str | None = None
    country: str | None = None
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    candidates: tuple[Actor, ...] = ()
    words: tuple[str, ...] = ()
    refers_to: int | None = None
    gender: str | None = None
    sentence: int = 0
    is_subject: bool = False
    #: the subject of the sentence's main verb ("Josh Earnest said that Obama
    #: ..."), not of a clause inside it
    main_subject: bool = False
    #: the verb the mention is the subject or (``is_object``) the object of,
    #: as a token index of its paragraph (-1: neither)
    verb: int = -1
    is_object: bool = False
    in_quote: bool = False
    replaceable: bool = False
    unnamed: bool = False
    scope_end: int = 0
    #: "the ministry", "the government": an organisation named before, by the
    #: noun its name ends with (``words``); dropped when none is found
    definite: bool = False

    def identify(self, actor: Actor, day: date | None) -> None:
        """Take ``actor``'s identity, with the code its role has on ``day``."""
        self.actor_id, self.name, self.kind = actor.id, actor.name, actor.kind
        self.country = actor.country
        self.code, self.sector = code_on(actor, day)

    def copy_identity(self, other: Draft, index: int) -> None:
        """Refer to draft ``index`` (``other``) and take its identity."""
        self.refers_to = index
        self.actor_id, self.name, self.kind = other.actor_id, other.name, other.kind
        self.country, self.code, self.sector = other.country, other.code, other.sector
        if self.gender is None:
            self.gender = other.gender


_UNDECOMPOSABLE = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}
)


def slug(name: str) -> str:
    """A name folded to ASCII lower case with hyphens: "Zoë Weiß" -> "zoe-weiss"."""
    # letters with no decomposition of their own (ı, ł, ø, đ) fold by hand
    name = name.casefold().translate(_UNDECOMPOSABLE)
    folded = unicodedata.normalize("NFKD", name.replace("ß", "ss"))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _SLUG_RE.sub("-", plain).strip("-")


def split_code(code: str) -> tuple[str | None, str | None]:
    """``AFGGOVBUS`` -> (``AFG``, ``GOV``): the actor code and its first sector."""
    triples = [code[k : k + 3] for k in range(3, len(code), 3)]
    return (code[:3] or None), next((t for t in triples if t in SECTORS), None)


def code_on(actor: Actor, day: date | None) -> tuple[str | None, str | None]:
    """The code and sector an actor carries on ``day`` (people: by their role)."""
    if actor.kind == "person":
        role = actor.role_on(day)
        if role is not None and "~" not in role.code and len(role.code) >= 3:
            code, sector = split_code(role.code)
            return code, sector or actor.sector
    return actor.code, actor.sector


def valid_on(actors: tuple[Actor, ...], day: date | None) -> tuple[Actor, ...]:
    """The people among ``actors`` holding a dated role on ``day`` (all if none)."""
    if day is None:
        return actors
    holding = tuple(
        a for a in actors if any(r.is_dated() and r.is_valid_on(day) for r in a.roles)
    )
    return holding or actors


def group_identity(
    state: Actor, sector: str | None, gazetteer: Gazetteer
) -> tuple[str, str]:
    """The id and name of a state's sector as one actor: "Israeli army".

    A state's government is its ``rep:<CODE>_GOV`` actor when the gazetteer has
    one, so "Russian officials", "Moscow said" and "the Kremlin" are one actor.
    """
    code = state.code or ""
    if sector == "GOV" and f"rep:{code}_GOV" in gazetteer:
        actor = gazetteer.get(f"rep:{code}_GOV")
        return actor.id, actor.name
    label = SECTOR_NAMES.get(sector or "", (sector or "").lower())
    return f"grp:{code.lower()}-{(sector or 'ppl').lower()}", f"{state.name} {label}"


def person_id(name: str) -> str:
    """The id of a person the gazetteer does not know: ``per:`` + the name's slug."""
    return f"per:{slug(name)}"


def without(drafts: list[Draft], gone: set[int]) -> list[Draft]:
    """The drafts but those at the indices ``gone``, references renumbered (a
    reference to a draft gone is no reference)."""
    if not gone:
        return drafts
    kept = [k for k in range(len(drafts)) if k not in gone]
    moved = {old: new for new, old in enumerate(kept)}
    out = [drafts[k] for k in kept]
    for draft in out:
        if draft.refers_to is not None:
            draft.refers_to = moved.get(draft.refers_to)
    return out


def subject_verb(head: Any) -> int:
    """The verb a mention's head (a spaCy token) is the subject of, through
    appositions ("Brazil's president, Lula, thanked ..."); -1 when none."""
    while head.dep_ == "appos" and head.head.i != head.i:
        head = head.head
    return head.head.i if head.dep_ in ("nsubj", "nsubjpass") else -1
