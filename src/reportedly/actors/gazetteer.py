"""The actor gazetteer: canonical actors and a fast, case-respecting alias matcher.

``data/gazetteer.jsonl.gz`` is written by ``scripts/build_gazetteer.py`` from the
Phoenix dictionaries and ``data/extra.toml``. Matching walks a trie over word tokens
(one dict lookup per token) and returns character offsets into the text.
"""

from __future__ import annotations

import gc
import gzip
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

from ..errors import ReportedlyError
from ..records import Span
from .aliases import (
    Tokens,
    alias_mode,
    passing_actors,
    token_key,
    tokenize,
)

ActorKind = Literal[
    "state",
    "place",
    "bloc",
    "organisation",
    "international_organisation",
    "armed_group",
    "person",
    "role",
]
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
DATA_FORMAT = 1
DATA_FILE = "gazetteer.jsonl.gz"
REBUILD = (
    "rebuild it with `python scripts/build_gazetteer.py "
    "../shared/data/actors/phoenix src/reportedly/actors/data`"
)
MAX_SURNAME_CANDIDATES = 12
_TERMINAL = ""  # trie key holding [[mode, [actor indices]], ...]; [] marks a discard
_TITLE = "\x01"  # trie key marking a person title ("President") before a surname
_Trie = dict[str, Any]
_NOBODY: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    """A Phoenix/CAMEO code an actor held, optionally within dates (inclusive).

    Role words carry the Phoenix agent form: ``~GOV`` is a sector to append to an
    actor's code, ``NGO~`` a code to put before it.
    """

    code: str
    start: date | None = None
    end: date | None = None

    def is_dated(self) -> bool:
        """Whether the role is limited in time."""
        return self.start is not None or self.end is not None

    def is_valid_on(self, day: date) -> bool:
        """Whether ``day`` falls within the role's dates (open ends always do)."""
        return (self.start is None or self.start <= day) and (
            self.end is None or day <= self.end
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A canonical actor.

    ``code`` is the code event data uses for it (a country code as Phoenix writes
    it, or IGO, NGO, IMG, MNC, a region such as WST); ``country`` is its ISO 3166-1
    alpha-3 code where one applies; ``sector`` its PLOVER/CAMEO sector (GOV, MIL,
    REB, ...). People carry date-ranged ``roles``: see :meth:`role_on`.
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    code: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    source: str = ""

    def role_on(self, day: date | None) -> Role | None:
        """The role held on ``day``, else the most recent one.

        A dated role valid on the day wins; otherwise a role still running (no
        end) that had begun, then the undated default, then the dated role
        that ended last. Without a day, the running role or the default.

        Example: ``hekmatyar.role_on(date(1994, 1, 1)).code == "AFGGOV"``.
        """
        if not self.roles:
            return None
        dated = [r for r in self.roles if r.is_dated()]
        if day is not None:
            valid = [r for r in dated if r.is_valid_on(day)]
            if valid:
                return max(valid, key=lambda r: r.start or date.min)
        running = [
            r
            for r in dated
            if r.end is None and (day is None or r.start is None or r.start <= day)
        ]
        if running:
            return max(running, key=lambda r: r.start or date.min)
        undated = [r for r in self.roles if not r.is_dated()]
        if undated:
            return undated[-1]
        return max(dated, key=lambda r: r.end or date.max)

    def codes(self) -> frozenset[str]:
        """Every three-letter code the actor carries: its own, its country, roles'."""
        found = {r.code[:3] for r in self.roles if "~" not in r.code}
        found.update(c for c in (self.code, self.country) if c)
        return frozenset(found)


@dataclass(frozen=True, slots=True, kw_only=True)
class GazetteerMatch:
    """An alias found in a text: ``text == source[start:end]``, candidate actors."""

    start: int
    end: int
    text: str
    actors: tuple[Actor, ...]

    @property
    def span(self) -> Span:
        """The match as a :class:`~reportedly.records.Span`."""
        return Span(start=self.start, end=self.end)


def build_index(
    actors: Sequence[Actor], discards: Sequence[str] = (), titles: Sequence[str] = ()
) -> tuple[_Trie, dict[str, list[int]]]:
    """The token trie over aliases, discards and titles, and the surname index.

    A person's surname is the last word of its name; "President Kagame" (a title,
    then one capitalised surname) matches every person with that surname.
    """
    trie: _Trie = {}

    def node_for(phrase: str) -> _Trie | None:
        keys = tokenize(phrase).keys
        node = trie
        for key in keys:
            node = node.setdefault(key, {})
        return node if keys else None

    for phrase in discards:
        if (node := node_for(phrase)) is not None:
            node.setdefault(_TERMINAL, []).append([alias_mode(phrase, "discard"), []])
    for index, actor in enumerate(actors):
        for alias in actor.aliases:
            if (node := node_for(alias)) is None:
                continue
            mode = alias_mode(alias, actor.kind)
            terminal: list[list[Any]] = node.setdefault(_TERMINAL, [])
            pair = next((p for p in terminal if p[0] == mode), None)
            if pair is None:
                terminal.append([mode, [index]])
            elif pair[1] and index not in pair[1]:  # a discard of this case wins
                pair[1].append(index)
    for title in titles:
        if (node := node_for(title)) is not None:
            node[_TITLE] = 1
    surnames: dict[str, list[int]] = {}
    for index, actor in enumerate(actors):
        words = actor.name.split()
        if actor.kind == "person" and len(words) > 1 and len(words[-1]) > 2:
            surnames.setdefault(token_key(words[-1]), []).append(index)
    # the best-known first: people with the most aliases
    return trie, {
        k: sorted(v, key=lambda n: -len(actors[n].aliases))
        for k, v in surnames.items()
        if len(v) <= MAX_SURNAME_CANDIDATES
    }


class Gazetteer:
    """Canonical actors and every alias that names them.

    Example::

        gazetteer = load_gazetteer()
        [(m.text, m.actors[0].code) for m in gazetteer.match("Moscow and Kabul")]
    """

    # not a dataclass: packaged actors are parsed lazily, when first matched
    __slots__ = (
        "_actors",
        "_equivalents",
        "_ids",
        "_rows",
        "_states",
        "_surnames",
        "_trie",
    )

    def __init__(
        self,
        actors: Sequence[Actor],
        *,
        discards: Sequence[str] = (),
        titles: Sequence[str] = (),
        code_equivalents: Mapping[str, str] | None = None,
    ) -> None:
        self._actors: list[Actor | None] = list(actors)
        self._rows: list[str] = []
        self._ids = {actor.id: n for n, actor in enumerate(actors)}
        self._equivalents = dict(code_equivalents or {})
        self._states = state_index(actors)
        self._trie, self._surnames = build_index(actors, discards, titles)

    @classmethod
    def from_data(
        cls, meta: Mapping[str, Any], index: Mapping[str, Any], rows: list[str]
    ) -> Gazetteer:
        """A gazetteer over the parts of a data file; see :func:`read_gazetteer`."""
        self = cls.__new__(cls)
        self._actors = [None] * len(rows)
        self._rows = rows
        self._ids = {actor_id: n for n, actor_id in enumerate(meta["ids"])}
        self._equivalents = dict(meta.get("code_equivalents", {}))
        self._states = dict(meta.get("states", {}))
        self._trie, self._surnames = index["trie"], index["surnames"]
        return self

    def _actor(self, index: int) -> Actor:
        actor = self._actors[index]
        if actor is None:
            actor = self._actors[index] = actor_from_row(json.loads(self._rows[index]))
        return actor

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return (self._actor(n) for n in range(len(self._actors)))

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._ids

    def get(self, actor_id: str) -> Actor:
        """The actor with this id; raises ``KeyError`` naming the id if unknown."""
        if (index := self._ids.get(actor_id)) is None:
            raise KeyError(f"no actor {actor_id!r} in the gazetteer")
        return self._actor(index)

    def state(self, code: str) -> Actor | None:
        """The state actor for a country code (``"RUS"``, or a legacy ``"JAP"``)."""
        index = self._states.get(self.canonical_code(code))
        return None if index is None else self._actor(index)

    def canonical_code(self, code: str) -> str:
        """Map a code some annotations use for a country (``JAP``) to ours (``JPN``)."""
        return self._equivalents.get(code, code)

    def match(self, text: str) -> list[GazetteerMatch]:
        """Every alias in ``text``, case respected, longest first, never overlapping.

        Each token starts at most one candidate, its longest alias whose case fits;
        overlaps go to the longest in characters, then the leftmost, so "the West
        Bank" gives "West Bank", not "the West". A discard phrase (a sports event
        named after a country) takes its words and is dropped.
        """
        tokens = tokenize(text)
        starts, ends, keys = tokens.starts, tokens.ends, tokens.keys
        trie, n = self._trie, len(keys)
        found: list[tuple[int, int, tuple[int, ...]]] = []
        for i in range(n):
            node = trie.get(keys[i])
            best_end, best = -1, _NOBODY
            j = i
            while node is not None:
                if (terminal := node.get(_TERMINAL)) is not None:
                    passing = passing_actors(terminal, tokens, i, j)
                    if passing is not None:
                        best_end, best = j, passing
                if _TITLE in node and j + 1 < n:
                    people = self._titled(tokens, j + 1)
                    if people:
                        best_end, best = j + 1, people
                j += 1
                node = node.get(keys[j]) if j < n else None
            if best_end >= 0:
                found.append((i, best_end, best))
        found.sort(key=lambda c: (starts[c[0]] - ends[c[1]], c[0]))
        taken = bytearray(n)
        chosen: list[tuple[int, int, tuple[int, ...]]] = []
        for i, j, best in found:
            if not any(taken[i : j + 1]):
                taken[i : j + 1] = b"\x01" * (j - i + 1)
                if best:
                    chosen.append((i, j, best))
        return [
            GazetteerMatch(
                start=starts[i],
                end=ends[j],
                text=text[starts[i] : ends[j]],
                actors=tuple(self._actor(k) for k in best),
            )
            for i, j, best in sorted(chosen)
        ]

    def _titled(self, tokens: Tokens, k: int) -> tuple[int, ...]:
        """People whose surname is token ``k``, alone and capitalised after a title."""
        people = self._surnames.get(tokens.keys[k])
        if not people or not tokens.text[tokens.starts[k]].isupper():
            return ()
        # "President Hamid Karzai": "Hamid" is no surname when a name goes on
        nxt = k + 1
        following = nxt < len(tokens.keys) and tokens.text[tokens.starts[nxt]].isupper()
        return () if following else tuple(people)

    def people_named(self, surname: str) -> tuple[Actor, ...]:
        """The people whose surname is ``surname``, best-known first.

        Empty for an unknown surname and for one shared by more than
        ``MAX_SURNAME_CANDIDATES`` people, too many to tell apart.
        """
        found = self._surnames.get(token_key(surname), ())
        return tuple(self._actor(k) for k in found)

    def lookup(self, name: str) -> tuple[Actor, ...]:
        """The actors a whole name (an entity's text, say) is an alias of, or ().

        A leading "the" may be left out of the alias: "the Arab League" works.
        """
        stripped = name.strip()
        matches = self.match(stripped)
        if len(matches) == 1 and matches[0].text == stripped:
            return matches[0].actors
        if stripped[:4].lower() == "the ":
            return self.lookup(stripped[4:])
        return ()


def state_index(actors: Sequence[Actor]) -> dict[str, int]:
    """Country code -> index of its state actor."""
    states: dict[str, int] = {}
    for n, actor in enumerate(actors):
        if actor.kind == "state" and actor.code:
            states.setdefault(actor.code, n)
    return states


def _role(row: Sequence[str | None]) -> Role:
    code, start, end = row
    return Role(
        code=code or "",
        start=date.fromisoformat(start) if start else None,
        end=date.fromisoformat(end) if end else None,
    )


def actor_from_row(row: Mapping[str, Any]) -> Actor:
    """An actor from its data-file row: its fields, empty ones left out."""
    fields = {k: v for k, v in row.items() if k not in ("aliases", "roles")}
    return Actor(
        **fields,
        aliases=tuple(row.get("aliases", ())),
        roles=tuple(_role(r) for r in row.get("roles", ())),
    )


def read_gazetteer(path: Path) -> Gazetteer:
    """Read a data file written by ``scripts/build_gazetteer.py``.

    Line 1 is metadata (format, actor ids, state index, code equivalents), line 2
    the alias index (trie and surnames), then one actor per line.
    """
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            lines = handle.read().split("\n")
    except OSError as exc:
        raise ReportedlyError(
            f"cannot read the actor gazetteer {path}: {exc}; {REBUILD}"
        ) from exc
    meta: dict[str, Any] = json.loads(lines[0]) if lines[0] else {}
    if meta.get("format") != DATA_FORMAT or len(lines) < 2:
        raise ReportedlyError(
            f"the actor gazetteer {path} has format {meta.get('format')!r} but this "
            f"reportedly reads format {DATA_FORMAT}; {REBUILD}"
        )
    # the index is ~200k small dicts: collecting cycles while parsing only slows
    enabled = gc.isenabled()
    gc.disable()
    try:
        index = json.loads(lines[1])
    finally:
        if enabled:
            gc.enable()
    return Gazetteer.from_data(meta, index, [line for line in lines[2:] if line])


@cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process (about 0.2 s)."""
    data = resources.files("reportedly.actors") / "data" / DATA_FILE
    with resources.as_file(data) as path:
        return read_gazetteer(path)
