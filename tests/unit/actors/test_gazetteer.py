"""The actor gazetteer: Phoenix parsing, case-respecting matching, packaged data."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from reportedly.actors import Actor, Gazetteer, Role, load_gazetteer
from reportedly.actors.aliases import tokenize
from reportedly.actors.gazetteer import read_gazetteer
from reportedly.errors import ReportedlyError

ROOT = Path(__file__).resolve().parents[3]


def _load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    spec.loader.exec_module(module)
    return module


build = _load_build_script()

# Invented dictionary lines in the Phoenix format.
ACTOR_LINES = """\
# a comment line
ZORBIA_  [ZRB]
+ZORBIAN_
+NEW_ZORBA_ # the capital
MARTA_KLOVINSKA_  # CountryInfo.txt
+PRESIDENT_KLOVINSKA
\t[ZRBELI 850101-991231]
\t[ZRBGOV >20000101]
\t[ZRBELI]
ZORBIAN_ARMED_FORCES
+ZORBIAN_ARMY
\t[ZRBMIL]
PETR_ODINSKY_  # CountryInfo.txt
PETR_A._ODINSKY
ODINSKY
\t[ZRBGOV 19991231-051231]
VASSILY_GROM_  [ZRBGOV 950101-961231] [---]
WHITE_MARSH_FRONT_(WMF)_ [ZRBREB] # kkl
""".splitlines()


def test_gazetteer_parse_actor_lines_synonyms_codes_comments() -> None:
    problems: Counter[str] = Counter()
    entries = build.parse_actor_lines(ACTOR_LINES, problems)
    names = [e.names for e in entries]
    assert names[0] == ["ZORBIA_", "ZORBIAN_", "NEW_ZORBA_"]
    assert [r.code for r in entries[0].roles] == ["ZRB"]
    assert entries[1].comment == "CountryInfo.txt"
    assert entries[2].names == ["ZORBIAN_ARMED_FORCES", "ZORBIAN_ARMY"]
    # uncoded primaries in a row share the codes that follow them
    assert entries[3].names == ["PETR_ODINSKY_", "PETR_A._ODINSKY", "ODINSKY"]
    assert [r.code for r in entries[4].roles] == ["ZRBGOV"]  # [---] is no code
    assert not problems


@pytest.mark.parametrize(
    ("inner", "code", "start", "end"),
    [
        ("ZRBGOV 850101-991231", "ZRBGOV", date(1985, 1, 1), date(1999, 12, 31)),
        ("ZRBGOV 010203-040506", "ZRBGOV", date(2001, 2, 3), date(2004, 5, 6)),
        ("ZRBGOV 19291231-20050101", "ZRBGOV", date(1929, 12, 31), date(2005, 1, 1)),
        ("ZRBGOV >20000101", "ZRBGOV", date(2000, 1, 1), None),
        ("ZRBGOV <301231", "ZRBGOV", None, date(2030, 12, 31)),
        ("ZRBGOV > 310101", "ZRBGOV", date(1931, 1, 1), None),
        ("ZRB", "ZRB", None, None),
    ],
)
def test_gazetteer_parse_code_date_ranges(
    inner: str, code: str, start: date | None, end: date | None
) -> None:
    role = build.parse_code(inner)
    assert (role.code, role.start, role.end) == (code, start, end)


@pytest.mark.parametrize("inner", ["---", " ", "ZRBGOV 2001017-20061201"])
def test_gazetteer_parse_code_null_and_bad(inner: str) -> None:
    problems: Counter[str] = Counter()
    role = build.parse_code(inner, problems)
    if inner.strip(" -"):
        assert role is not None
        assert role.start is None
        assert problems["bad date"] == 1
    else:
        assert role is None


@pytest.mark.parametrize(
    ("line", "forms", "code"),
    [
        (
            "PEACE_ENVOY [~GOV] # sb 01 Jan 2001",
            ["PEACE_ENVOY", "PEACE_ENVOYS"],
            "~GOV",
        ),
        ("SECURITY_AGENCY [~SPY]", ["SECURITY_AGENCY", "SECURITY_AGENCIES"], "~SPY"),
        ("RIOT_POLICE {} [~COP]", ["RIOT_POLICE"], "~COP"),
        (
            "CHIEF_OF_STAFF {CHIEFS_OF_STAFF} [~MIL]",
            ["CHIEF_OF_STAFF", "CHIEFS_OF_STAFF"],
            "~MIL",
        ),
        ("AID_AGENCY [NGO~]", ["AID_AGENCY", "AID_AGENCIES"], "NGO~"),
        ("TRADE!PERSON! [~BUS]", ["TRADEMAN", "TRADEWOMAN"], "~BUS"),
        (  # a stem left bare in the file: minister and ministry
            "DEFENCE_MINIST [~GOVMIL]",
            ["DEFENCE_MINISTER", "DEFENCE_MINISTRY"],
            "~GOVMIL",
        ),
        ("HOME_!MINIST! [~GOV]", ["HOME_MINISTER", "HOME_MINISTRY"], "~GOV"),
    ],
)
def test_gazetteer_parse_agent_lines(line: str, forms: list[str], code: str) -> None:
    sets = ["!PERSON! = MAN, WOMAN", "!MINIST! = MINISTER, MINISTRY"]
    agents = build.parse_agent_lines([*sets, line])
    assert agents == [(forms, code)]


def test_gazetteer_parse_discards_story_and_sentence_level() -> None:
    lines = ["# a comment", "1999", "ZORBIA OPEN   # tennis", "+ZORBA CUP"]
    assert build.parse_discard_lines(lines) == ["ZORBIA OPEN", "ZORBA CUP"]


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("WHITE_MARSH_FRONT_(WMF)_", ["WHITE MARSH FRONT", "WMF"]),
        ("ZORBIA_(COUNTRY)_", ["ZORBIA"]),
        ("PETR_ODINSKY (ACTING_", ["PETR ODINSKY"]),
    ],
)
def test_gazetteer_clean_alias_keeps_initials_acronyms(
    name: str, aliases: list[str]
) -> None:
    assert build.clean_alias(name) == aliases


@pytest.mark.parametrize(
    ("names", "variants"),
    [
        (["Petr Andrei Odinsky"], ["Petr Odinsky"]),
        (["Omar Saleh al Zorbi"], ["Omar al Zorbi"]),
        (["Marta Klovinska"], []),
    ],
)
def test_gazetteer_name_variants_drop_middle_names(
    names: list[str], variants: list[str]
) -> None:
    assert build.name_variants(names) == variants


ZORBIA = Actor(
    id="t:ZORBIA",
    name="Zorbia",
    kind="state",
    country="ZRB",
    code="ZRB",
    aliases=("Zorbia", "Zorbian", "Zorbians", "New Zorba", "ZR"),
)
CITY = Actor(
    id="t:NEW_ZORBA_CITY",
    name="New Zorba City",
    kind="place",
    code="ZRB",
    aliases=("New Zorba City",),
)
KLOVINSKA = Actor(
    id="t:MARTA_KLOVINSKA",
    name="Marta Klovinska",
    kind="person",
    code="ZRB",
    sector="ELI",
    aliases=("Marta Klovinska",),
    roles=(
        Role(code="ZRBELI", start=date(1985, 1, 1), end=date(1999, 12, 31)),
        Role(code="ZRBGOV", start=date(2000, 1, 1)),
        Role(code="ZRBELI"),
    ),
)
NORTH = Actor(
    id="t:NORTH", name="the North", kind="bloc", code="NTH", aliases=("the North",)
)
MARSH = Actor(
    id="t:MARSH", name="North Marsh", kind="place", code="ZRB", aliases=("North Marsh",)
)
FRONT = Actor(
    id="t:FRONT",
    name="al-Zarqa Front",
    kind="armed_group",
    code="ZRB",
    sector="REB",
    aliases=("al-Zarqa Front", "Côte Rouge"),
)
OFFICIAL = Actor(
    id="t:OFFICIAL",
    name="official",
    kind="role",
    sector="GOV",
    aliases=("official", "officials"),
    roles=(Role(code="~GOV"),),
)


@pytest.fixture(scope="module")
def small() -> Gazetteer:
    return Gazetteer(
        [ZORBIA, CITY, KLOVINSKA, NORTH, MARSH, FRONT, OFFICIAL],
        discards=["Zorbia Open"],
        titles=["President", "Mr"],
        code_equivalents={"ZRA": "ZRB"},
    )


def _found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    matches = gazetteer.match(text)
    for m in matches:
        assert text[m.start : m.end] == m.text
        assert m.span.start == m.start
    return [(m.text, m.actors[0].id) for m in matches]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zorbia agreed.", [("Zorbia", "t:ZORBIA")]),
        ("ZORBIA -- Troops left.", [("ZORBIA", "t:ZORBIA")]),
        ("a zorbia cheese", []),
        (
            "ZR and Zorbian officials",
            [("ZR", "t:ZORBIA"), ("Zorbian", "t:ZORBIA"), ("officials", "t:OFFICIAL")],
        ),
        ("Zr or zr", []),
        ("Officials said", [("Officials", "t:OFFICIAL")]),
        ("the north marsh", []),
    ],
)
def test_gazetteer_match_respects_case(
    small: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(small, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in New Zorba City today", [("New Zorba City", "t:NEW_ZORBA_CITY")]),
        ("in New Zorba today", [("New Zorba", "t:ZORBIA")]),
        ("the North Marsh", [("North Marsh", "t:MARSH")]),
        ("the North agreed", [("the North", "t:NORTH")]),
        ("President Marta Klovinska", [("Marta Klovinska", "t:MARTA_KLOVINSKA")]),
    ],
)
def test_gazetteer_match_longest_first(
    small: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(small, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zorbiana", []),
        ("ZRX", []),
        ("Zorbia's army", [("Zorbia", "t:ZORBIA")]),
        ("Zorbia-backed", [("Zorbia", "t:ZORBIA")]),
        ("the al Zarqa Front", [("al Zarqa Front", "t:FRONT")]),
        ("the al-Zarqa Front", [("al-Zarqa Front", "t:FRONT")]),
        ("Cote Rouge", [("Cote Rouge", "t:FRONT")]),
    ],
)
def test_gazetteer_match_word_boundaries(
    small: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(small, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Zorbia Open final", []),
        ("President Klovinska said", [("President Klovinska", "t:MARTA_KLOVINSKA")]),
        ("Mr Klovinska's visit", [("Mr Klovinska", "t:MARTA_KLOVINSKA")]),
        ("President Klovinska Jones", []),
        ("Klovinska said", []),
    ],
)
def test_gazetteer_match_discards_and_titles(
    small: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [e for e in _found(small, text) if e[1] != "t:OFFICIAL"] == expected


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(1990, 6, 1), "ZRBELI"),
        (date(2003, 1, 1), "ZRBGOV"),
        (date(1970, 1, 1), "ZRBELI"),
        (None, "ZRBGOV"),  # no date: the role still running
    ],
)
def test_gazetteer_actor_role_on(day: date | None, code: str) -> None:
    role = KLOVINSKA.role_on(day)
    assert role is not None
    assert role.code == code


def test_gazetteer_actor_role_on_after_every_dated_role_ended() -> None:
    retired = Actor(
        id="t:RETIRED",
        name="A Retired General",
        kind="person",
        roles=(
            Role(code="ZRBMIL", start=date(1980, 1, 1), end=date(1990, 1, 1)),
            Role(code="ZRBGOV", start=date(1990, 1, 2), end=date(1995, 1, 1)),
        ),
    )
    role = retired.role_on(date(2020, 1, 1))
    assert role is not None
    assert role.code == "ZRBGOV"
    assert NORTH.role_on(date(2020, 1, 1)) is None


@pytest.mark.parametrize(("actor", "codes"), [(KLOVINSKA, {"ZRB"}), (OFFICIAL, set())])
def test_gazetteer_actor_codes(actor: Actor, codes: set[str]) -> None:
    assert actor.codes() == codes


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("Zorbia", ["t:ZORBIA"]),
        ("the North", ["t:NORTH"]),
        ("the North Marsh", ["t:MARSH"]),
        ("Zorbia and Zorbians", []),
    ],
)
def test_gazetteer_lookup_whole_names(
    small: Gazetteer, name: str, ids: list[str]
) -> None:
    assert [a.id for a in small.lookup(name)] == ids


def test_gazetteer_state_get_and_equivalents(small: Gazetteer) -> None:
    assert small.state("ZRA") is ZORBIA
    assert small.get("t:NORTH") is NORTH
    assert "t:NORTH" in small
    with pytest.raises(KeyError, match="t:NOPE"):
        small.get("t:NOPE")


@pytest.mark.parametrize(
    "text", ["Zorbia, \u00e9t\u00e9 \u2014 New Zorba\u2019s", "", "\u0130stanbul"]
)
def test_gazetteer_tokenize_offsets(text: str) -> None:
    tokens = tokenize(text)
    assert all(text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True))
    assert len(tokens.keys) == len(tokens.starts)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("New Zorba\u0300", ["New Zorba"]),
        ("New \u0301 Zorba", ["New \u0301 Zorba"]),  # skipped, as a hyphen is
        ("\u0300", []),
        ("New Zorba\x01", ["New Zorba"]),  # a control character: no token either
    ],
)
def test_gazetteer_a_lone_combining_mark_is_no_token(
    small: Gazetteer, text: str, found: list[str]
) -> None:
    # the mark folds to the empty key, the trie's key for an alias that ends
    # there; "\x01" is the trie's key for a title
    assert not {"", "\x01"} & set(tokenize(text).keys)
    assert [m.text for m in small.match(text)] == found


def test_gazetteer_write_read_round_trip(small: Gazetteer, tmp_path: Path) -> None:
    actors = list(small)
    path = tmp_path / "g.jsonl.gz"
    build.write_gazetteer(
        actors,
        path,
        discards=["Zorbia Open"],
        titles=["President"],
        meta={"code_equivalents": {"ZRA": "ZRB"}},
    )
    again = read_gazetteer(path)
    text = (
        "President Klovinska met Zorbian officials in New Zorba City, not Zorbia Open."
    )
    assert [(m.text, [a.id for a in m.actors]) for m in again.match(text)] == [
        (m.text, [a.id for a in m.actors]) for m in small.match(text)
    ]
    assert again.get("t:MARTA_KLOVINSKA") == KLOVINSKA
    assert again.state("ZRA") == ZORBIA


@pytest.mark.parametrize("body", [b"", b"not gzip"])
def test_gazetteer_read_bad_file_says_rebuild(tmp_path: Path, body: bytes) -> None:
    path = tmp_path / "g.jsonl.gz"
    path.write_bytes(body)
    with pytest.raises(ReportedlyError, match="build_gazetteer"):
        read_gazetteer(path)


@pytest.fixture(scope="module")
def packaged() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russians queued.", [("Russians", "RUS", "state")]),
        (
            "Moscow said no.",
            [("Moscow", "RUS", "state"), ("Moscow", "RUS", "organisation")],
        ),
        ("the Kremlin said", [("the Kremlin", "RUS", "organisation")]),
        (
            "Washington and the White House",
            [
                ("Washington", "USA", "state"),
                ("Washington", "USA", "organisation"),
                ("the White House", "USA", "organisation"),
            ],
        ),
        ("the West warned", [("the West", "WST", "bloc")]),
        (
            "Kabul hosted Afghans",
            [
                ("Kabul", "AFG", "state"),
                ("Kabul", "AFG", "organisation"),
                ("Afghans", "AFG", "state"),
            ],
        ),
        ("they told us", []),
        (
            "the US and the UN",
            [
                ("the US", "USA", "state"),
                ("the UN", "IGO", "international_organisation"),
            ],
        ),
    ],
)
def test_gazetteer_packaged_demonyms_capitals_seats(
    packaged: Gazetteer, text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = [
        (m.text, a.code, a.kind)
        for m in packaged.match(text)
        for a in m.actors
        if a.kind in ("state", "organisation", "bloc", "international_organisation")
        and (a.kind != "organisation" or a.source == "extra")
    ]
    assert found == expected


def test_gazetteer_packaged_government_actor(packaged: Gazetteer) -> None:
    government = packaged.get("rep:RUS_GOV")
    assert (government.country, government.code, government.sector) == (
        "RUS",
        "RUS",
        "GOV",
    )
    assert packaged.canonical_code("JAP") == "JPN"
    state = packaged.state("JAP")
    assert state is not None
    assert (state.kind, state.country) == ("state", "JPN")


@pytest.mark.parametrize(
    ("actor_id", "kind"),
    [
        ("phx:SYRIAN_OBSERVATORY_FOR_HUMAN_RIGHTS", "organisation"),
        ("phx:TAWHID_BRIGADE", "armed_group"),
        ("phx:WARSAW_TREATY_ORGANIZATION", "international_organisation"),
    ],
)
def test_gazetteer_packaged_dated_groups_are_not_people(
    packaged: Gazetteer, actor_id: str, kind: str
) -> None:
    # Phoenix dates these groups as it dates people; extra.toml sets the kind
    assert packaged.get(actor_id).kind == kind


def test_gazetteer_packaged_names_as_the_news_writes_them(packaged: Gazetteer) -> None:
    assert packaged.get("phx:HOJATOLISLAM_SAYYED_ALI_KHAMENEI").name == "Ali Khamenei"


def test_gazetteer_packaged_a_directors_name_is_not_his_group(
    packaged: Gazetteer,
) -> None:
    found = packaged.match("Rami Abdulrahman said")
    assert not [a for m in found for a in m.actors if a.kind != "role"]
