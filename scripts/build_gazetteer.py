"""Build the packaged actor gazetteer from the Phoenix dictionaries and our layer.

Usage:
    python scripts/build_gazetteer.py ../shared/data/actors/phoenix \
        src/reportedly/actors/data

Reads Phoenix.{Countries,International,MilNonState}.actors.txt, Phoenix.agents.txt
and Phoenix.discards.txt from the Phoenix folder (MIT, Open Event Data Alliance)
and extra.toml from the output folder, and writes there gazetteer.jsonl.gz (a
metadata line, the alias index, then one actor per line) and LICENSE-phoenix.txt.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from reportedly.actors.aliases import FUNCTION_WORDS, alias_key
from reportedly.actors.gazetteer import (
    DATA_FILE,
    DATA_FORMAT,
    Actor,
    Role,
    build_index,
    read_gazetteer,
    state_index,
)

ACTOR_FILES = {
    "Countries": "Phoenix.Countries.actors.txt",
    "International": "Phoenix.International.actors.txt",
    "MilNonState": "Phoenix.MilNonState.actors.txt",
}
AGENTS_FILE = "Phoenix.agents.txt"
DISCARDS_FILE = "Phoenix.discards.txt"
NOTICE = """\
gazetteer.jsonl.gz in this folder is derived from the Phoenix political actor
dictionaries (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt, Phoenix.agents.txt, Phoenix.discards.txt) of the
Open Event Data Alliance, as distributed with PETRARCH 2
(https://github.com/openeventdata/petrarch2), by scripts/build_gazetteer.py.
extra.toml is reportedly's own. The Phoenix dictionaries carry this licence:

"""
ORG_PREFIXES = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG"})
#: The actor fields extra.toml [overrides] may set.
OVERRIDABLE = frozenset({"kind", "code", "country", "sector", "name"})
_BRACKET_RE = re.compile(r"\[([^\]]*)\]")
_PAREN_RE = re.compile(r"\(([^)]*)\)?")
_SUBST_RE = re.compile(r"!([A-Z]+)!")
_ACRONYMS = frozenset({"UN", "US", "EU", "UK", "AU", "USA", "UAE", "UNHCR", "NATO"})


# ---------------------------------------------------------------- Phoenix syntax


@dataclass(slots=True)
class PhoenixRole:
    """One bracketed code: ``[AFGGOV 930617-940628]``; dates are inclusive."""

    code: str
    start: date | None = None
    end: date | None = None


@dataclass(slots=True)
class PhoenixEntry:
    """A primary name, its ``+`` synonyms and the codes that follow them."""

    names: list[str]
    roles: list[PhoenixRole] = field(default_factory=list)
    comment: str = ""
    line: int = 0


def parse_date(text: str) -> date | None:
    """``YYMMDD`` (00-30 read as 20YY, as TABARI does) or ``YYYYMMDD``; else None."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_code(inner: str, problems: Counter[str] | None = None) -> PhoenixRole | None:
    """Parse the inside of ``[CODE]``, ``[CODE a-b]``, ``[CODE >a]``, ``[CODE <b]``.

    The null code ``---`` gives None. A bad date drops that bound, not the code.
    """
    problems = problems if problems is not None else Counter()
    parts = inner.split(None, 1)
    if not parts or parts[0].strip("-") == "":
        return None
    code = parts[0].upper()
    if not code.isalnum():
        problems["bad code"] += 1
        return None
    spec = parts[1].replace(" ", "") if len(parts) > 1 else ""
    role = PhoenixRole(code)
    if not spec:
        return role
    if spec[0] in "<>":
        bound = parse_date(spec[1:])
        if bound is None:
            problems["bad date"] += 1
        elif spec[0] == ">":
            role.start = bound
        else:
            role.end = bound
        return role
    first, _, second = spec.partition("-")
    role.start = parse_date(first)
    role.end = parse_date(second) if second else None
    if role.start is None or (second and role.end is None):
        problems["bad date"] += 1
    return role


def split_comment(line: str) -> tuple[str, str]:
    """Split a dictionary line into its content and its ``#`` comment."""
    content, _, comment = line.partition("#")
    return content, comment.strip()


def parse_actor_lines(
    lines: list[str], problems: Counter[str] | None = None
) -> list[PhoenixEntry]:
    """Parse a Phoenix ``.actors`` file: primaries, ``+`` synonyms, code lines."""
    problems = problems if problems is not None else Counter()
    entries: list[PhoenixEntry] = []
    current: PhoenixEntry | None = None
    for number, raw in enumerate(lines, start=1):
        content, comment = split_comment(raw)
        codes = [parse_code(inner, problems) for inner in _BRACKET_RE.findall(content)]
        roles = [role for role in codes if role is not None]
        name = _BRACKET_RE.sub(" ", content).strip()
        if name.startswith("+"):
            if current is None:
                problems["synonym before any entry"] += 1
                continue
            # a few lines join two synonyms with "+"
            current.names.extend(p.strip() for p in name[1:].split("+") if p.strip())
            current.roles.extend(roles)
        elif (
            name
            and current is not None
            and not current.roles
            and not roles
            and not comment
        ):
            # uncoded primaries in a row name one actor and share the codes after
            # them; a commented line ("# CountryInfo.txt") starts a new actor
            current.names.append(name)
        elif name:
            if current is not None and not current.roles:
                problems["entry without code"] += 1
                entries.pop()
            current = PhoenixEntry(
                names=[name], roles=roles, comment=comment, line=number
            )
            entries.append(current)
        elif roles:
            if current is None:
                problems["code before any entry"] += 1
                continue
            current.roles.extend(roles)
    return entries


def _plural(phrase: str) -> str:
    if phrase.endswith("MAN"):
        return phrase[:-3] + "MEN"
    if phrase.endswith("Y") and phrase[-2:-1] not in ("A", "E", "O", "U"):
        return phrase[:-1] + "IES"
    if phrase.endswith(("S", "SH", "CH", "X")):
        return phrase + "ES"
    return phrase + "S"


def parse_agent_lines(
    lines: list[str], problems: Counter[str] | None = None
) -> list[tuple[list[str], str]]:
    """Parse ``Phoenix.agents.txt`` into (forms, code): the phrase, then its plurals.

    ``PHRASE {PLURAL} [~GOV]``; ``{}`` means no plural; ``!PERSON!`` substitutes
    every member of a ``!PERSON! = MAN, WOMAN`` set (no plural is made then).
    A phrase ending with the bare stem ``MINIST`` ("DEFENCE_MINIST", a stem the
    file says remains) takes the ``!MINIST!`` set: minister(s), ministry(ies).
    """
    problems = problems if problems is not None else Counter()
    sets: dict[str, list[str]] = {}
    agents: list[tuple[list[str], str]] = []
    for raw in lines:
        content = split_comment(raw)[0].strip()
        if not content:
            continue
        if "=" in content and content.startswith("!"):
            marker, _, members = content.partition("=")
            sets[marker.strip().strip("!")] = [m.strip() for m in members.split(",")]
            continue
        found = _BRACKET_RE.search(content)
        if found is None:
            problems["agent without code"] += 1
            continue
        code = found.group(1).strip()
        phrase = content[: found.start()].strip()
        plural: str | None = None
        if "{" in phrase:
            phrase, _, rest = phrase.partition("{")
            plural = rest.partition("}")[0].strip()
            phrase = phrase.strip()
        if phrase.endswith("_MINIST") and "MINIST" in sets:
            # a stem left in the file ("DEFENCE_MINIST"): minister and ministry
            phrase = phrase[: -len("MINIST")] + "!MINIST!"
        substitution = _SUBST_RE.search(phrase)
        if substitution:
            forms = [
                _SUBST_RE.sub(member, phrase, count=1)
                for member in sets.get(substitution.group(1), [])
            ]
        else:
            plural = _plural(phrase) if plural is None else plural
            forms = [phrase, plural] if plural else [phrase]
        if forms:
            agents.append((forms, code))
    return agents


def parse_discard_lines(lines: list[str]) -> list[str]:
    """Discard phrases (sentence- and story-level alike), numbers left out."""
    phrases = []
    for raw in lines:
        content = split_comment(raw)[0].strip().lstrip("+").strip()
        if content and not content.replace(" ", "").isdigit():
            phrases.append(content)
    return phrases


# ---------------------------------------------------------------- names and kinds


def _capitalize(part: str) -> str:
    # "PEOPLE'S" -> "People's", but "D'IVOIRE" -> "D'Ivoire"
    head, quote, tail = part.partition("'")
    if quote and len(head) == 1:
        return head.upper() + quote + tail.capitalize()
    return part.capitalize()


def display(words: str) -> str:
    """Title-case a dictionary name: ``AL-QAEDA_IN_IRAQ`` -> ``Al-Qaeda in Iraq``.

    Short single words stay in capitals (``UN``), as do words without vowels
    (``DPRK``) or with dots (``U.S.``).
    """
    split = words.replace("_", " ").split()
    out = []
    for n, word in enumerate(split):
        letters = [ch for ch in word.lower() if ch.isalpha()]
        vowels = set("aeiouy").intersection(letters)
        short = len(split) == 1 and len(letters) <= 3
        if "." in word or (letters and not vowels) or short or word in _ACRONYMS:
            out.append(word.upper())
        elif n > 0 and word.lower() in FUNCTION_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(_capitalize(p) for p in word.split("-")))
    return " ".join(out)


def clean_alias(name: str) -> list[str]:
    """The aliases a dictionary name gives: parentheses dropped, acronyms kept.

    ``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)`` gives the name and ``AAIA``: an acronym in
    parentheses is kept only when it spells the initials of the words before it.
    """
    name = name.replace("_", " ")
    words_before = _PAREN_RE.split(name)[0].replace("-", " ").split()
    out = [" ".join(_PAREN_RE.sub(" ", name).split())]
    for inner in _PAREN_RE.findall(name):
        acronym = inner.strip()
        initials = "".join(
            w[0] for w in words_before if w.lower() not in FUNCTION_WORDS
        )
        if acronym.isalpha() and 2 <= len(acronym) <= 6 and acronym == initials:
            out.append(acronym)
    return [a for a in out if _usable(a)]


def _usable(alias: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", alias.lower()) if w]
    letters = [ch for ch in alias if ch.isalpha()]
    return len(letters) >= 2 and any(w not in FUNCTION_WORDS for w in words)


def name_variants(names: list[str]) -> list[str]:
    """A person's names with middle names left out.

    "Omar Hassan Ahmad al Bashir" gives "Omar al Bashir", "Omar Hassan al Bashir"
    and "Omar Ahmad al Bashir"; "bin", "al" and the like stay with the surname.
    """
    variants: list[str] = []
    for name in names:
        words = name.split()
        last = len(words) - 1
        while last > 1 and words[last - 1].lower() in FUNCTION_WORDS:
            last -= 1  # keep "al Bashir", "bin Laden" whole
        middle = words[1:last]
        if not 1 <= len(middle) <= 3 or len(words[-1]) < 3 or "." in words[0]:
            continue
        for keep in range(2 ** len(middle) - 1):
            kept = [w for bit, w in enumerate(middle) if keep >> bit & 1]
            variant = " ".join([words[0], *kept, *words[last:]])
            if variant not in variants:
                variants.append(variant)
    return variants


def split_code(code: str, sectors: frozenset[str]) -> tuple[str, str | None, str]:
    """``AFGGOVLEG`` -> (``AFG``, ``GOV``, ``LEG``); the sector must be a known one."""
    prefix, rest = code[:3], code[3:]
    triples = [rest[k : k + 3] for k in range(0, len(rest), 3)]
    sector = next((t for t in triples if t in sectors), None)
    return prefix, sector, rest


def default_role(roles: list[PhoenixRole]) -> PhoenixRole | None:
    """The role that names an actor: the undated default, else the latest one."""
    undated = [r for r in roles if r.start is None and r.end is None]
    if undated:
        return undated[-1]
    if not roles:
        return None
    return max(roles, key=lambda r: (r.end or date.max, r.start or date.min))


# ---------------------------------------------------------------- the build


@dataclass(slots=True)
class Build:
    """The actor records being assembled, keyed by id."""

    countries: dict[str, str | None]  # Phoenix country code -> ISO-3 (None: none)
    regions: dict[str, str]
    sectors: frozenset[str]
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)  # code -> state actor id
    problems: Counter[str] = field(default_factory=Counter)

    def country_of(self, prefix: str, rest: str) -> str | None:
        if prefix in ORG_PREFIXES:
            nested = [rest[k : k + 3] for k in range(0, len(rest), 3)]
            return next(
                (
                    self.countries[t]
                    for t in nested
                    if t in self.countries and t not in self.sectors
                ),
                None,
            )
        return self.countries.get(prefix)

    def add(self, record: dict[str, Any]) -> None:
        """Add an actor, merging it into one of the same id and code."""
        old = self.actors.get(record["id"])
        if old is not None and old["code"] == record["code"]:
            old["aliases"].extend(
                a for a in record["aliases"] if a not in old["aliases"]
            )
            old["roles"].extend(r for r in record["roles"] if r not in old["roles"])
            return
        if old is not None:
            base, n = record["id"], 2
            while f"{base}~{n}" in self.actors:
                n += 1
            record["id"] = f"{base}~{n}"
        self.actors[record["id"]] = record


def kind_of(
    entry: PhoenixEntry, source: str, prefix: str, sector: str | None, rest: str
) -> str:
    """Guess an actor's kind from its file, code, dates and comment."""
    dated = any(r.start or r.end for r in entry.roles)
    comment = entry.comment.lower()
    if "countryinfo" in comment or "rulers" in comment or sector == "ELI":
        return "person"
    if source == "Countries" and prefix and not rest:
        return "state"  # dated too: Iraq is [IRQ <20030320] [IRQOCC ...] [IRQ >...]
    if dated and (sector is not None or source != "Countries"):
        return "person"
    if source == "MilNonState" or prefix == "IMG" or sector in ("REB", "UAF"):
        return "armed_group"
    if prefix == "IGO":
        return "international_organisation"
    if source == "Countries" and sector is None:
        return "place"
    return "organisation"


def add_phoenix(build: Build, source: str, entries: list[PhoenixEntry]) -> None:
    for entry in entries:
        role = default_role(entry.roles)
        if role is None:
            build.problems["entry without code"] += 1
            continue
        prefix, sector, rest = split_code(role.code, build.sectors)
        if prefix in build.sectors - ORG_PREFIXES and prefix not in build.countries:
            prefix, sector = "", prefix  # [MED], [ELI]: a sector without an actor code
        kind = kind_of(entry, source, prefix, sector, rest)
        aliases: list[str] = []
        for name in entry.names:
            for alias in clean_alias(name):
                shown = display(alias)
                if shown not in aliases:
                    aliases.append(shown)
        if not aliases:
            build.problems["entry without usable name"] += 1
            continue
        if kind == "person":
            aliases.extend(v for v in name_variants(aliases) if v not in aliases)
        if kind == "state":
            # Phoenix gives the demonym, singular, right after the name ("Afghan")
            for alias in aliases[1:4]:
                if alias.endswith(("an", "i")) and not alias.endswith("stan"):
                    aliases.append(alias + "s")
        primary = "_".join(_PAREN_RE.sub(" ", entry.names[0]).replace("_", " ").split())
        record = {
            "id": f"phx:{primary.upper()}",
            "name": aliases[0],
            "kind": kind,
            "country": build.country_of(prefix, rest),
            "code": prefix or None,
            "sector": sector,
            "aliases": aliases,
            "roles": [
                [r.code, r.start and r.start.isoformat(), r.end and r.end.isoformat()]
                for r in entry.roles
            ],
            "source": f"phoenix:{source}",
        }
        build.add(record)


def choose_states(build: Build) -> None:
    """Keep one state per country code; the other bare-coded entries are places."""
    # several entries may carry a bare country code (France, Mayotte; Russian SFSR,
    # Russian Federation): the one with the most aliases is the state
    best: dict[str, dict[str, Any]] = {}
    for record in build.actors.values():
        if record["kind"] != "state":
            continue
        rival = best.get(record["code"])
        if rival is None or len(record["aliases"]) > len(rival["aliases"]):
            if rival is not None:
                rival["kind"] = "place"
            best[record["code"]] = record
        else:
            record["kind"] = "place"
    build.states.update({code: record["id"] for code, record in best.items()})


def add_agents(build: Build, agents: list[tuple[list[str], str]]) -> None:
    for forms, code in agents:
        aliases = []
        for form in forms:
            words = form.replace("_", " ").lower().split()
            alias = " ".join(words)
            if len(words) == 1 and len([c for c in alias if c.isalpha()]) <= 3:
                alias = alias.upper()  # MP, TV: acronyms
            if words and alias not in aliases:
                aliases.append(alias)
        if not aliases:
            continue
        # "[NGO~]" puts the code before the actor's: the agent is an organisation type
        prefix = code.rstrip("~")[:3] if code.endswith("~") else None
        _, sector, _ = split_code("XXX" + code.strip("~"), build.sectors)
        build.add(
            {
                "id": f"phx-agent:{aliases[0].upper().replace(' ', '_')}",
                "name": aliases[0],
                "kind": "role",
                "country": None,
                "code": prefix,
                "sector": None if prefix else sector,
                "aliases": aliases,
                "roles": [[code, None, None]],
                "source": "phoenix:agents",
            }
        )


def add_extra(build: Build, extra: dict[str, Any]) -> None:
    """Our own layer: demonyms, capitals and seats of government, blocs."""
    for code, info in extra.get("states", {}).items():
        state_id = build.states.get(code)
        if state_id is None:
            raise SystemExit(f"extra.toml: no Phoenix state coded {code!r}")
        state = build.actors[state_id]
        for alias in info.get("aliases", []):
            if alias not in state["aliases"]:
                state["aliases"].append(alias)
        seats = info.get("capitals", []) + info.get("seats", [])
        if not seats:
            continue
        for alias in info.get("capitals", []):
            if alias not in state["aliases"]:
                state["aliases"].append(alias)
        build.add(
            {
                "id": f"rep:{code}_GOV",
                "name": f"Government of {state['name']}",
                "kind": "organisation",
                "country": state["country"],
                "code": code,
                "sector": "GOV",
                "aliases": list(dict.fromkeys(seats)),
                "roles": [[f"{code}GOV", None, None]],
                "source": "extra",
            }
        )
    for actor_id, aliases in extra.get("aliases", {}).items():
        if actor_id not in build.actors:
            raise SystemExit(f"extra.toml [aliases]: no actor {actor_id!r}")
        known = build.actors[actor_id]["aliases"]
        known.extend(a for a in aliases if a not in known)
    for actor_id, aliases in extra.get("drop_aliases", {}).items():
        if actor_id not in build.actors:
            raise SystemExit(f"extra.toml [drop_aliases]: no actor {actor_id!r}")
        known = build.actors[actor_id]["aliases"]
        known[:] = [a for a in known if a not in aliases]
    for actor_id, fields in extra.get("overrides", {}).items():
        if actor_id not in build.actors:
            raise SystemExit(f"extra.toml [overrides]: no actor {actor_id!r}")
        unknown = set(fields) - OVERRIDABLE
        if unknown:
            raise SystemExit(
                f"extra.toml [overrides] {actor_id!r}: cannot set {sorted(unknown)}; "
                f"fields that can be set: {sorted(OVERRIDABLE)}"
            )
        build.actors[actor_id].update(fields)
    coded = {row.get("code") for row in extra.get("actors", [])}
    for code, name in build.regions.items():
        if code in coded or (" " not in name and name.islower()):
            continue  # "the West" is a bloc of its own; "international" no place
        build.add(
            {
                "id": f"rep:REGION_{code}",
                "name": name,
                "kind": "place",
                "country": None,
                "code": code,
                "sector": None,
                "aliases": [name],
                "roles": [[code, None, None]],
                "source": "extra",
            }
        )
    for row in extra.get("actors", []):
        code_of_role = (row.get("code") or "") + (row.get("sector") or "")
        if row["kind"] == "role" and code_of_role:
            code_of_role = f"{row['code']}~" if row.get("code") else f"~{code_of_role}"
        record = {
            "id": f"rep:{row['id']}",
            "name": row["name"],
            "kind": row["kind"],
            "country": row.get("country"),
            "code": row.get("code"),
            "sector": row.get("sector"),
            "aliases": row.get("aliases", [row["name"]]),
            "roles": [[code_of_role, None, None]] if code_of_role else [],
            "source": "extra",
        }
        build.add(record)


def to_actor(record: dict[str, Any]) -> Actor:
    return Actor(
        id=record["id"],
        name=record["name"],
        kind=record["kind"],
        country=record["country"],
        code=record["code"],
        sector=record["sector"],
        aliases=tuple(record["aliases"]),
        roles=tuple(
            Role(
                code=code,
                start=date.fromisoformat(start) if start else None,
                end=date.fromisoformat(end) if end else None,
            )
            for code, start, end in record["roles"]
        ),
        source=record["source"],
    )


def actor_row(actor: Actor) -> dict[str, Any]:
    """An actor as a data-file row; empty fields are left out."""
    row: dict[str, Any] = {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "code": actor.code,
        "sector": actor.sector,
        "aliases": list(actor.aliases),
        "roles": [
            [r.code, r.start and r.start.isoformat(), r.end and r.end.isoformat()]
            for r in actor.roles
        ],
        "source": actor.source,
    }
    return {k: v for k, v in row.items() if v not in (None, [], "")}


def write_gazetteer(
    actors: list[Actor],
    path: Path,
    *,
    discards: list[str],
    titles: list[str],
    meta: dict[str, Any],
) -> None:
    """Write the data file ``read_gazetteer`` reads: metadata, index, actors."""
    trie, surnames = build_index(actors, discards, titles)
    head = {
        **meta,
        "format": DATA_FORMAT,
        "ids": [actor.id for actor in actors],
        "states": state_index(actors),
    }
    lines = [head, {"trie": trie, "surnames": surnames}, *map(actor_row, actors)]
    body = "".join(
        json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"
        for line in lines
    )
    # mtime=0 and no file name: the same input gives the same bytes
    with (
        path.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle,
    ):
        handle.write(body.encode("utf-8"))


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def build_gazetteer(phoenix: Path, out: Path) -> dict[str, Any]:
    """Write ``out/gazetteer.jsonl.gz``; return counts for the report."""
    extra = tomllib.loads((out / "extra.toml").read_text(encoding="utf-8"))
    problems: Counter[str] = Counter()
    agents = parse_agent_lines(read_lines(phoenix / AGENTS_FILE), problems)
    sectors = frozenset(code.strip("~")[:3] for _, code in agents if code[0] == "~")
    entries = {
        source: parse_actor_lines(read_lines(phoenix / name), problems)
        for source, name in ACTOR_FILES.items()
    }
    countries: dict[str, str | None] = {}
    for entry in entries["Countries"]:
        for role in entry.roles:
            if len(role.code) == 3 and role.code not in ORG_PREFIXES:
                countries.setdefault(role.code, role.code)
    for code, iso in extra.get("phoenix_codes", {}).items():
        countries[code] = iso or None
    for code in extra.get("regions", {}):
        countries.pop(code, None)
    build = Build(
        countries=countries, regions=extra.get("regions", {}), sectors=sectors
    )
    build.problems.update(problems)
    for source, found in entries.items():
        add_phoenix(build, source, found)
    choose_states(build)
    add_agents(build, agents)
    add_extra(build, extra)
    discards = set(parse_discard_lines(read_lines(phoenix / DISCARDS_FILE)))
    discards.update(extra.get("discards", {}).get("phrases", []))
    discard_keys = {alias_key(d) for d in discards}
    for record in build.actors.values():
        kept = [a for a in record["aliases"] if alias_key(a) not in discard_keys]
        build.problems["aliases dropped as discards"] += len(record["aliases"]) - len(
            kept
        )
        record["aliases"] = kept
    meta = {
        "built_from": "Phoenix (MIT, Open Event Data Alliance) + extra.toml",
        "code_equivalents": extra.get("code_equivalents", {}),
        "regions": build.regions,
    }
    target = out / DATA_FILE
    actors = [to_actor(record) for record in build.actors.values()]
    titles = extra.get("person_titles", {}).get("titles", [])
    write_gazetteer(actors, target, discards=sorted(discards), titles=titles, meta=meta)
    licence = (phoenix / "LICENSE").read_text(encoding="utf-8")
    (out / "LICENSE-phoenix.txt").write_text(NOTICE + licence, encoding="utf-8")
    kinds = Counter(r["kind"] for r in build.actors.values())
    return {
        "actors": len(build.actors),
        "aliases": sum(len(r["aliases"]) for r in build.actors.values()),
        "kinds": dict(kinds.most_common()),
        "problems": dict(build.problems),
        "bytes": target.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phoenix", type=Path, help="folder with the Phoenix files")
    parser.add_argument("out", type=Path, help="package data folder (has extra.toml)")
    args = parser.parse_args(argv)
    missing = [
        name
        for name in (*ACTOR_FILES.values(), AGENTS_FILE, DISCARDS_FILE, "LICENSE")
        if not (args.phoenix / name).is_file()
    ]
    if missing:
        print(f"error: {args.phoenix} lacks {', '.join(missing)}", file=sys.stderr)
        return 1
    report = build_gazetteer(args.phoenix, args.out)
    print(json.dumps(report, indent=1))
    started = time.perf_counter()
    gazetteer = read_gazetteer(args.out / DATA_FILE)
    print(f"reloaded {len(gazetteer)} actors in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
