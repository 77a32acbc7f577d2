"""The actor stage: recognition, metonymy, roles, groups and coreference.

Model-free tests parse invented sentences by hand (``Doc`` with heads, deps and
entities) against a small invented gazetteer; the slow tests run the real
spaCy model and the packaged gazetteer on invented articles.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from reportedly.actors import Actor, Gazetteer, Role, load_gazetteer
from reportedly.records import Article, Mention, Meta, Region, Span
from reportedly.registry import STAGES
from reportedly.stages.actors import (
    EXTRACTOR,
    ResolveActors,
    article_day,
    resolve_actors,
)
from reportedly.stages.actors.drafts import code_on, group_identity, slug
from reportedly.stages.nlp import Parse

VOCAB = spacy.blank("en").vocab
LEMMAS = {"said": "say", "told": "tell", "added": "add", "plans": "plan"}
_NO_SPACE_BEFORE = {",", ".", "'s", ":", ";", "?", "!"}


def _actor(actor_id: str, name: str, kind: str, **fields: object) -> Actor:
    return Actor(id=actor_id, name=name, kind=kind, source="test", **fields)  # type: ignore[arg-type]


ZORBIA = _actor(
    "phx:ZORBIA",
    "Zorbia",
    "state",
    country="ZRB",
    code="ZRB",
    aliases=("Zorbia", "Zorbian", "Zorbians", "Novagrad"),
)
ACTORS = [
    ZORBIA,
    _actor(
        "rep:ZRB_GOV",
        "Government of Zorbia",
        "organisation",
        country="ZRB",
        code="ZRB",
        sector="GOV",
        aliases=("Novagrad", "the Citadel", "Citadel"),
    ),
    _actor(
        "phx:VESPERIA",
        "Vesperia",
        "state",
        country="VSP",
        code="VSP",
        aliases=("Vesperia", "Vesperian"),
    ),
    _actor(
        "phx:RED_MARSH_FRONT",
        "Red Marsh Front",
        "armed_group",
        country="ZRB",
        code="ZRB",
        sector="REB",
        aliases=("Red Marsh Front",),
    ),
    _actor(
        "phx:MARTA_KLOVINSKA",
        "Marta Klovinska",
        "person",
        country="ZRB",
        code="ZRB",
        sector="ELI",
        aliases=("Marta Klovinska",),
        roles=(
            Role(code="ZRBREB", start=date(1990, 1, 1), end=date(1999, 12, 31)),
            Role(code="ZRBGOV", start=date(2000, 1, 1), end=date(2005, 12, 31)),
            Role(code="ZRBELI"),
        ),
    ),
    _actor(
        "phx:KAREL_DUSAN",
        "Karel Dusan",
        "person",
        country="ZRB",
        code="ZRB",
        sector="GOV",
        aliases=("Karel Dusan",),
        roles=(Role(code="ZRBGOV"),),
    ),
    _actor(
        "phx-agent:SPOKESMAN",
        "spokesman",
        "role",
        sector="MED",
        aliases=("spokesman", "spokesmen"),
        roles=(Role(code="~MED"),),
    ),
    _actor(
        "phx-agent:OFFICIAL",
        "official",
        "role",
        sector="GOV",
        aliases=("official", "officials"),
        roles=(Role(code="~GOV"),),
    ),
    _actor(
        "phx-agent:REBEL",
        "rebel",
        "role",
        sector="REB",
        aliases=("rebel", "rebels"),
        roles=(Role(code="~REB"),),
    ),
    _actor(
        "phx-agent:GOVERNOR",
        "governor",
        "role",
        sector="GOV",
        aliases=("governor",),
        roles=(Role(code="~GOV"),),
    ),
    _actor(
        "phx-agent:GOVERNMENT",
        "government",
        "role",
        sector="GOV",
        aliases=("government",),
        roles=(Role(code="~GOV"),),
    ),
    _actor(
        "phx-agent:ENVOY",
        "envoy",
        "role",
        sector="GOV",
        aliases=("envoy",),
        roles=(Role(code="~GOV"),),
    ),
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(ACTORS, titles=("President",), code_equivalents={"ZRX": "ZRB"})


def doc_of(rows: str) -> Doc:
    """A parsed Doc from lines ``text POS TAG dep head ent`` (head: token index)."""
    table = [line.split() for line in rows.strip().splitlines()]
    words = [row[0] for row in table]
    spaces = [
        n + 1 < len(words) and words[n + 1] not in _NO_SPACE_BEFORE
        for n in range(len(words))
    ]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        pos=[row[1] for row in table],
        tags=[row[2] for row in table],
        deps=[row[3] for row in table],
        heads=[int(row[4]) for row in table],
        ents=[row[5] for row in table],
        lemmas=[LEMMAS.get(w, w.lower()) for w in words],
    )


def article_of(*docs: Doc, published: str | None = None, dateline: int = 0) -> Article:
    """An article whose paragraphs are ``docs``; each sentence ends with "."."""
    text = "\n\n".join(d.text for d in docs)
    parses, sentences, start = [], [], 0
    for doc in docs:
        parses.append(Parse(start=start, doc=doc))
        for sent in doc.sents:
            sentences.append(
                Span(start=start + sent.start_char, end=start + sent.end_char)
            )
        start += len(doc.text) + 2
    evidence = (("dateline", Span(start=0, end=dateline)),) if dateline else ()
    return Article(
        doc_id="test",
        text=text,
        meta=Meta(published=published, evidence=evidence),
        regions=(Region(kind="body", span=Span(start=0, end=len(text))),),
        sentences=tuple(sentences),
        parses=tuple(parses),
    )


def by_text(article: Article, mentions: tuple[Mention, ...]) -> dict[str, Mention]:
    return {m.span.text_in(article.text): m for m in mentions}


METONYMY = """
Novagrad PROPN NNP nsubj 1 B-GPE
plans VERB VBZ ccomp 6 O
talks NOUN NNS dobj 1 O
, PUNCT , punct 6 O
the DET DT det 5 O
Citadel PROPN NNP nsubj 6 B-ORG
said VERB VBD ROOT 6 O
in ADP IN prep 6 O
Novagrad PROPN NNP pobj 7 B-GPE
. PUNCT . punct 6 O
"""


def test_actors_capital_acts_as_government_and_seat(gazetteer: Gazetteer) -> None:
    article = article_of(doc_of(METONYMY))
    mentions = resolve_actors(article, gazetteer=gazetteer)
    acting, seat, place = mentions
    assert (acting.actor_id, acting.code, acting.sector) == (
        "rep:ZRB_GOV",
        "ZRB",
        "GOV",
    )
    assert seat.span.text_in(article.text) == "the Citadel"
    assert seat.actor_id == "rep:ZRB_GOV"
    assert (place.actor_id, place.kind, place.sector) == ("phx:ZORBIA", "state", None)
    assert all(m.extractor == EXTRACTOR for m in mentions)


DATELINE = """
NOVAGRAD PROPN NNP ROOT 0 B-ORG
-- PUNCT : punct 0 O
Zorbians PROPN NNPS nsubj 3 B-NORP
protested VERB VBD ROOT 3 O
. PUNCT . punct 3 O
"""


def test_actors_dateline_place_and_demonym(gazetteer: Gazetteer) -> None:
    article = article_of(doc_of(DATELINE), dateline=8)
    found = by_text(article, resolve_actors(article, gazetteer=gazetteer))
    assert (found["NOVAGRAD"].kind, found["NOVAGRAD"].actor_id) == (
        "state",
        "phx:ZORBIA",
    )
    assert (found["Zorbians"].code, found["Zorbians"].country) == ("ZRB", "ZRB")


TITLE = """
Citadel PROPN NNP compound 1 B-ORG
spokesman NOUN NN compound 3 O
Ivo PROPN NNP compound 3 B-PERSON
Brandt PROPN NNP nsubj 4 I-PERSON
told VERB VBD ROOT 4 O
reporters NOUN NNS dobj 4 O
. PUNCT . punct 4 O
"""
APPOSITION = """
Ivo PROPN NNP compound 1 B-PERSON
Brandt PROPN NNP nsubj 8 I-PERSON
, PUNCT , punct 1 O
former ADJ JJ amod 4 O
governor NOUN NN appos 1 O
of ADP IN prep 4 O
Vesperia PROPN NNP pobj 5 B-GPE
, PUNCT , punct 1 O
said VERB VBD ROOT 8 O
. PUNCT . punct 8 O
"""


@pytest.mark.parametrize(
    ("rows", "role", "code", "sector"),
    [
        (TITLE, "Citadel spokesman", "ZRB", "GOV"),
        (APPOSITION, "former governor of Vesperia", "VSP", "GOV"),
    ],
)
def test_actors_title_and_apposition_give_role_and_codes(
    gazetteer: Gazetteer, rows: str, role: str, code: str, sector: str
) -> None:
    article = article_of(doc_of(rows))
    person = by_text(article, resolve_actors(article, gazetteer=gazetteer))[
        "Ivo Brandt"
    ]
    assert (person.actor_id, person.kind, person.name) == (
        "per:ivo-brandt",
        "person",
        "Ivo Brandt",
    )
    assert (person.role, person.code, person.sector) == (role, code, sector)


FAMILY = [
    """
Petr PROPN NNP compound 1 B-PERSON
Vost PROPN NNP nsubj 2 I-PERSON
founded VERB VBD ROOT 2 O
the DET DT det 4 O
party NOUN NN dobj 2 O
. PUNCT . punct 2 O
""",
    """
Anna PROPN NNP compound 1 B-PERSON
Vost PROPN NNP nsubj 2 I-PERSON
leads VERB VBZ ROOT 2 O
it PRON PRP dobj 2 O
. PUNCT . punct 2 O
""",
    """
Vost PROPN NNP nsubj 1 B-PERSON
said VERB VBD ROOT 1 O
she PRON PRP nsubj 3 O
was AUX VBD ccomp 1 O
ready ADJ JJ acomp 3 O
. PUNCT . punct 1 O
""",
]


def test_actors_short_name_pronoun_and_same_surname(gazetteer: Gazetteer) -> None:
    article = article_of(*(doc_of(rows) for rows in FAMILY))
    mentions = resolve_actors(article, gazetteer=gazetteer)
    words = [m.span.text_in(article.text) for m in mentions]
    assert words == ["Petr Vost", "Anna Vost", "Vost", "she"]
    petr, anna, vost, she = mentions
    assert petr.actor_id == "per:petr-vost" != anna.actor_id == "per:anna-vost"
    # the short name takes the nearest full name, not the first Vost
    assert (vost.actor_id, vost.refers_to) == ("per:anna-vost", 1)
    assert (she.actor_id, she.refers_to, she.kind) == ("per:anna-vost", 2, "person")


UNRESOLVED = [
    """
Petr PROPN NNP compound 1 B-PERSON
Vost PROPN NNP nsubj 2 I-PERSON
said VERB VBD ROOT 2 O
Ivo PROPN NNP compound 4 B-PERSON
Brandt PROPN NNP nsubj 5 I-PERSON
lied VERB VBD ccomp 2 O
. PUNCT . punct 2 O
""",
    """
He PRON PRP nsubj 1 O
left VERB VBD ROOT 1 O
. PUNCT . punct 1 O
""",
]


TWO_SUBJECTS = """
Officials NOUN NNS nsubj 1 O
said VERB VBD ROOT 1 O
Petr PROPN NNP compound 3 B-PERSON
Vost PROPN NNP nsubj 4 I-PERSON
lied VERB VBD ccomp 1 O
and CCONJ CC cc 4 O
Ivo PROPN NNP compound 7 B-PERSON
Brandt PROPN NNP nsubj 8 I-PERSON
cheated VERB VBD conj 4 O
. PUNCT . punct 1 O
"""


@pytest.mark.parametrize("docs", [UNRESOLVED[1:], [TWO_SUBJECTS, UNRESOLVED[1]]])
def test_actors_unresolvable_pronoun_stays_none(
    gazetteer: Gazetteer, docs: list[str]
) -> None:
    """No person before it, or two subjects, neither of the main verb: never
    guessed."""
    article = article_of(*(doc_of(rows) for rows in docs))
    pronoun = resolve_actors(article, gazetteer=gazetteer)[-1]
    assert pronoun.span.text_in(article.text) == "He"
    assert (pronoun.actor_id, pronoun.refers_to, pronoun.kind) == (None, None, "person")


def test_actors_pronoun_takes_the_subject_of_the_main_verb(
    gazetteer: Gazetteer,
) -> None:
    """ "Petr Vost said Ivo Brandt lied. He left.": Vost, not Brandt, whose
    clause Vost reports."""
    article = article_of(*(doc_of(rows) for rows in UNRESOLVED))
    mentions = resolve_actors(article, gazetteer=gazetteer)
    pronoun = mentions[-1]
    assert (pronoun.actor_id, pronoun.refers_to) == ("per:petr-vost", 0)


GROUPS = """
Zorbian ADJ JJ amod 1 B-NORP
officials NOUN NNS nsubj 2 O
met VERB VBD ROOT 2 O
Zorbian ADJ JJ amod 4 B-NORP
rebels NOUN NNS dobj 2 O
. PUNCT . punct 2 O
"""


def test_actors_state_and_role_words_make_a_group(gazetteer: Gazetteer) -> None:
    article = article_of(doc_of(GROUPS))
    officials, rebels = resolve_actors(article, gazetteer=gazetteer)
    assert officials.span.text_in(article.text) == "Zorbian officials"
    assert (officials.actor_id, officials.sector) == ("rep:ZRB_GOV", "GOV")
    assert (rebels.actor_id, rebels.kind, rebels.code, rebels.sector) == (
        "grp:zrb-reb",
        "armed_group",
        "ZRB",
        "REB",
    )


MODEL_ERRORS = """
Fighters NOUN NNS nsubj 5 O
of ADP IN prep 0 O
the DET DT det 4 O
Red PROPN NNP compound 4 B-PERSON
Marsh PROPN NNP compound 4 I-PERSON
Front PROPN NNP pobj 1 I-PERSON
met VERB VBD ROOT 5 O
Karel PROPN NNP compound 8 B-PERSON
Dusan PROPN NNP compound 8 I-PERSON
Hora PROPN NNP dobj 5 I-PERSON
. PUNCT . punct 5 O
"""


def test_actors_gazetteer_corrects_model_and_longer_name_wins(
    gazetteer: Gazetteer,
) -> None:
    article = article_of(doc_of(MODEL_ERRORS))
    found = by_text(article, resolve_actors(article, gazetteer=gazetteer))
    assert found["Red Marsh Front"].kind == "armed_group"  # tagged PERSON
    # a known "Karel Dusan" does not make "Karel Dusan Hora" that man
    assert found["Karel Dusan Hora"].actor_id == "per:karel-dusan-hora"


KLOVINSKA = """
Marta PROPN NNP compound 1 B-PERSON
Klovinska PROPN NNP nsubj 2 I-PERSON
spoke VERB VBD ROOT 2 O
. PUNCT . punct 2 O
"""


@pytest.mark.parametrize(
    ("published", "sector"),
    [("1995-05-01", "REB"), ("2003", "GOV"), ("2020-02", "ELI"), (None, "ELI")],
)
def test_actors_gazetteer_person_role_on_article_date(
    gazetteer: Gazetteer, published: str | None, sector: str
) -> None:
    article = article_of(doc_of(KLOVINSKA), published=published)
    (person,) = resolve_actors(article, gazetteer=gazetteer)
    assert (person.actor_id, person.code, person.sector) == (
        "phx:MARTA_KLOVINSKA",
        "ZRB",
        sector,
    )


ADMINISTRATION = """
The DET DT det 3 O
Marta PROPN NNP compound 2 B-PERSON
Klovinska PROPN NNP compound 3 I-PERSON
administration NOUN NN nsubj 4 O
said VERB VBD ROOT 4 O
. PUNCT . punct 4 O
"""
GOVERNMENT_OF = """
The DET DT det 1 O
government NOUN NN nsubj 5 O
of ADP IN prep 1 O
Marta PROPN NNP compound 4 B-PERSON
Klovinska PROPN NNP pobj 2 I-PERSON
fell VERB VBD ROOT 5 O
. PUNCT . punct 5 O
"""


@pytest.mark.parametrize(
    ("rows", "phrase"),
    [
        (ADMINISTRATION, "Marta Klovinska administration"),
        (GOVERNMENT_OF, "government of Marta Klovinska"),
    ],
)
def test_actors_administration_of_a_head_of_government_is_the_government(
    gazetteer: Gazetteer, rows: str, phrase: str
) -> None:
    # in office (2000-2005): her administration is the state's government
    article = article_of(doc_of(rows), published="2003-06-01")
    (government,) = resolve_actors(article, gazetteer=gazetteer)
    assert government.span.text_in(article.text) == phrase
    assert (government.actor_id, government.kind, government.sector) == (
        "rep:ZRB_GOV",
        "organisation",
        "GOV",
    )
    # a rebel leader then: her side is hers, not a government's
    article = article_of(doc_of(rows), published="1995-05-01")
    (person,) = resolve_actors(article, gazetteer=gazetteer)
    assert person.span.text_in(article.text) == "Marta Klovinska"
    assert (person.actor_id, person.kind) == ("phx:MARTA_KLOVINSKA", "person")


ORGANISATIONS = [
    """
The DET DT det 3 O
Blue PROPN NNP compound 3 B-ORG
Lantern PROPN NNP compound 3 I-ORG
Front PROPN NNP nsubj 4 I-ORG
marched VERB VBD ROOT 4 O
. PUNCT . punct 4 O
""",
    """
The DET DT det 1 O
Front PROPN NNP nsubj 2 B-ORG
said VERB VBD ROOT 2 O
. PUNCT . punct 2 O
""",
]


def test_actors_organisation_short_name(gazetteer: Gazetteer) -> None:
    article = article_of(*(doc_of(rows) for rows in ORGANISATIONS))
    full, short = resolve_actors(article, gazetteer=gazetteer)
    assert full.actor_id == short.actor_id == "org:blue-lantern-front"
    assert short.refers_to == 0


DEFINITE = [
    ORGANISATIONS[0],  # "The Blue Lantern Front marched."
    """
The DET DT det 1 O
Citadel PROPN NNP nsubj 2 B-ORG
said VERB VBD ROOT 2 O
. PUNCT . punct 2 O
""",
    """
The DET DT det 2 O
Zorbian ADJ JJ amod 2 B-NORP
government NOUN NN nsubj 3 O
said VERB VBD ROOT 3 O
. PUNCT . punct 3 O
""",
    """
The DET DT det 1 O
front NOUN NN nsubj 2 O
said VERB VBD ROOT 2 O
. PUNCT . punct 2 O
""",
    """
The DET DT det 1 O
government NOUN NN nsubj 2 O
agreed VERB VBD ROOT 2 O
. PUNCT . punct 2 O
""",
    """
The DET DT det 1 O
court NOUN NN nsubj 2 O
ruled VERB VBD ROOT 2 O
. PUNCT . punct 2 O
""",
]


def test_actors_a_definite_noun_is_the_organisation_named_before(
    gazetteer: Gazetteer,
) -> None:
    article = article_of(*(doc_of(rows) for rows in DEFINITE))
    mentions = resolve_actors(article, gazetteer=gazetteer)
    found = by_text(article, mentions)
    # "the front": the group whose name ends with the noun
    front = found["The front"]
    assert front.actor_id == "org:blue-lantern-front"
    assert mentions[front.refers_to or 0] == found["Blue Lantern Front"]
    # "the government": a government named so ("the Citadel" is not)
    government = found["The government"]
    assert government.actor_id == "rep:ZRB_GOV"
    assert mentions[government.refers_to or 0] == found["Zorbian government"]
    # "the court": no court named before, no mention
    assert "The court" not in found


ACRONYM = """
BLF PROPN NNP nsubj 1 B-ORG
marched VERB VBD ROOT 1 O
. PUNCT . punct 1 O
"""


def test_actors_acronym_named_in_full_later_is_that_organisation(
    gazetteer: Gazetteer,
) -> None:
    # a headline's "BLF", then "The Blue Lantern Front marched"
    article = article_of(doc_of(ACRONYM), doc_of(ORGANISATIONS[0]))
    acronym, full = resolve_actors(article, gazetteer=gazetteer)
    assert acronym.actor_id == full.actor_id == "org:blue-lantern-front"
    assert acronym.name == "Blue Lantern Front"
    assert acronym.refers_to is None  # named in full only after it


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2021-08-25", date(2021, 8, 25)),
        ("2021-08", date(2021, 8, 15)),
        ("2021", date(2021, 7, 1)),
        ("--08-25", None),
        (None, None),
        ("2021-02-30", None),
    ],
)
def test_actors_article_day(published: str | None, day: date | None) -> None:
    assert article_day(published) == day


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zoë Weiß", "zoe-weiss"),
        ("Habib-ur-Rahman  Hekmatyar", "habib-ur-rahman-hekmatyar"),
        ("Kerem Yıldız", "kerem-yildiz"),
        ("Łukasz Ørsted", "lukasz-orsted"),
    ],
)
def test_actors_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_actors_group_identity_prefers_government(gazetteer: Gazetteer) -> None:
    assert group_identity(ZORBIA, "GOV", gazetteer) == (
        "rep:ZRB_GOV",
        "Government of Zorbia",
    )
    assert group_identity(ZORBIA, "MIL", gazetteer) == (
        "grp:zrb-mil",
        "Zorbia military",
    )


def test_actors_code_on_undated_actor() -> None:
    assert code_on(ZORBIA, date(2000, 1, 1)) == ("ZRB", None)


def test_actors_no_parses_no_mentions(gazetteer: Gazetteer) -> None:
    article = Article(doc_id="x", text="Zorbia")
    assert resolve_actors(article, gazetteer=gazetteer) == ()


@pytest.mark.parametrize("rows", [METONYMY, TITLE, APPOSITION, GROUPS, MODEL_ERRORS])
def test_actors_mentions_sorted_and_disjoint(gazetteer: Gazetteer, rows: str) -> None:
    article = article_of(doc_of(rows))
    mentions = resolve_actors(article, gazetteer=gazetteer)
    spans = [m.span for m in mentions]
    assert spans == sorted(spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    for mention in mentions:
        assert mention.span.text_in(article.text).strip() == mention.span.text_in(
            article.text
        )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Eastern nations met", ["Eastern nations"]),
        ("Eastern Nations met", ["Eastern Nations"]),
        ("eastern nations met", []),
    ],
)
def test_actors_lower_case_alias_words_need_no_capitals(
    text: str, found: list[str]
) -> None:
    bloc = _actor(
        "rep:EAST", "the East", "bloc", code="EST", aliases=("Eastern nations",)
    )
    assert [m.text for m in Gazetteer([bloc]).match(text)] == found


def test_actors_gazetteer_people_named(gazetteer: Gazetteer) -> None:
    assert [a.id for a in gazetteer.people_named("Klovinska")] == [
        "phx:MARTA_KLOVINSKA"
    ]
    assert gazetteer.people_named("Nobody") == ()


def test_actors_stage_registered() -> None:
    info = STAGES[EXTRACTOR]
    assert info.factory is ResolveActors
    assert info.requires == {"parses", "regions"}
    assert info.provides == {"mentions"}


# ---------------------------------------------------------------- the real model

ARTICLE = """\
Kremlin rejects appeal from Western nations

OSLO -- The Kremlin said on Monday that Moscow plans to ignore the appeal. \
Russians living abroad were not consulted, and the West was told to wait.

Kremlin spokesman Ivan Morozkin told reporters that the talks had failed. \
Morozkin said he would not comment further.

Eirik Dahl, a former deputy governor of Finnmark, said the decision was expected.

Lars Halvorsen and his brother Per Halvorsen attended the meeting. \
Per Halvorsen spoke first. Halvorsen said the region needed calm.
"""


@pytest.fixture(scope="module")
def real_mentions(nlp: object) -> tuple[Article, dict[str, list[Mention]]]:
    from reportedly.stages.clean import clean
    from reportedly.stages.nlp import SpacyParser

    article = SpacyParser()(clean(Article(doc_id="slow", text=ARTICLE)))
    article = ResolveActors()(article)
    found: dict[str, list[Mention]] = {}
    for mention in article.mentions:
        found.setdefault(mention.span.text_in(article.text), []).append(mention)
    return article, found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actor_id", "code", "sector"),
    [
        ("Moscow", "rep:RUS_GOV", "RUS", "GOV"),
        ("The Kremlin", "rep:RUS_GOV", "RUS", "GOV"),
        ("Russians", "phx:RUSSIAN_FEDERATION", "RUS", None),
        ("the West", "rep:WEST", "WST", None),
    ],
)
def test_actors_real_metonymy_demonym_bloc(
    real_mentions: tuple[Article, dict[str, list[Mention]]],
    text: str,
    actor_id: str,
    code: str,
    sector: str | None,
) -> None:
    _, found = real_mentions
    mention = found[text][0]
    assert (mention.actor_id, mention.code, mention.sector) == (actor_id, code, sector)


@pytest.mark.slow
@pytest.mark.parametrize("place", ["OSLO"])
def test_actors_real_dateline_is_layout_not_a_mention(
    real_mentions: tuple[Article, dict[str, list[Mention]]], place: str
) -> None:
    article, found = real_mentions
    assert article.meta.dateline == place
    assert place not in found  # the spaCy stage does not parse the dateline


@pytest.mark.slow
def test_actors_real_roles_and_references(
    real_mentions: tuple[Article, dict[str, list[Mention]]],
) -> None:
    article, found = real_mentions
    mentions = article.mentions
    morozkin = found["Ivan Morozkin"][0]
    assert (morozkin.role, morozkin.code, morozkin.sector) == (
        "Kremlin spokesman",
        "RUS",
        "GOV",
    )
    assert found["Morozkin"][0].actor_id == morozkin.actor_id == "per:ivan-morozkin"
    he = found["he"][0]
    assert he.actor_id == morozkin.actor_id
    assert he.refers_to is not None
    assert mentions[he.refers_to].actor_id == morozkin.actor_id
    dahl = found["Eirik Dahl"][0]
    assert dahl.role == "former deputy governor of Finnmark"
    lars, per = found["Lars Halvorsen"][0], found["Per Halvorsen"][0]
    assert lars.actor_id != per.actor_id
    assert found["Halvorsen"][0].actor_id == per.actor_id


@pytest.mark.slow
def test_actors_real_pronoun_without_antecedent(nlp: object) -> None:
    from reportedly.stages.nlp import SpacyParser

    text = "He said the meeting was over."
    article = Article(
        doc_id="he",
        text=text,
        regions=(Region(kind="body", span=Span(start=0, end=len(text))),),
    )
    (pronoun,) = ResolveActors()(SpacyParser()(article)).mentions
    assert (pronoun.actor_id, pronoun.kind) == (None, "person")


@pytest.mark.slow
def test_actors_real_packaged_gazetteer_loads() -> None:
    assert load_gazetteer().state("RUS") is not None


def _real(text: str) -> tuple[Article, dict[str, list[Mention]]]:
    from reportedly.stages.nlp import SpacyParser

    article = Article(
        doc_id="real",
        text=text,
        regions=(Region(kind="body", span=Span(start=0, end=len(text))),),
    )
    article = ResolveActors()(SpacyParser()(article))
    found: dict[str, list[Mention]] = {}
    for mention in article.mentions:
        found.setdefault(mention.span.text_in(article.text), []).append(mention)
    return article, found


@pytest.mark.slow
def test_actors_real_someone_introduced_unnamed_is_nobody_named_before(
    nlp: object,
) -> None:
    article, found = _real(
        "Foreign Minister Ivo Stanek met the envoy on Tuesday. A senior Western "
        "diplomat said the talks had stalled. He added that no date had been set. "
        "The diplomat said the next round was far off."
    )
    (diplomat,) = found["A senior Western diplomat"]
    index = article.mentions.index(diplomat)
    assert (diplomat.kind, diplomat.actor_id) == ("person", None)
    # the pronoun and the role noun after him are the diplomat, not Stanek
    for later in (found["He"][0], found["The diplomat"][0]):
        assert later.actor_id is None
        while later.refers_to is not None:
            later = article.mentions[later.refers_to]
        assert later == diplomat
    assert found["He"][0].refers_to == index


@pytest.mark.slow
def test_actors_real_the_subject_inside_an_unnamed_persons_phrase_is_that_person(
    nlp: object,
) -> None:
    article, found = _real(
        "Rebel spokesman Omar Haddad told reporters the convoy had passed. A "
        "senior military official, who spoke on condition of anonymity because "
        "he was not authorised to brief the media, said the army planned an "
        "offensive. The official declined to give a date."
    )
    official = next(
        m
        for m in article.mentions
        if m.span.text_in(article.text).endswith("military official")
    )
    index = article.mentions.index(official)
    for later in (found["he"][0], found["The official"][0]):
        assert later.actor_id is None  # not Omar Haddad
        while later.refers_to is not None and later.refers_to != index:
            later = article.mentions[later.refers_to]
        assert later.refers_to == index


@pytest.mark.slow
def test_actors_real_an_indefinite_role_is_not_the_minister_named_before(
    nlp: object,
) -> None:
    _, found = _real(
        "Russian Foreign Minister Sergei Lavrov met the envoy on Tuesday. "
        "A Russian diplomat told reporters he was hopeful."
    )
    assert found["Sergei Lavrov"][0].actor_id == "phx:SERGEY_LAVROV"
    assert found["Russian diplomat"][0].actor_id is None
    assert found["he"][0].actor_id is None


@pytest.mark.slow
def test_actors_real_another_persons_title_makes_no_group_a_person(
    nlp: object,
) -> None:
    # "former governor Tomas Rell" is another person's title, not the caucus's
    _, found = _real(
        "Talks could still resume, according to Ilse Varga, a researcher at a "
        "Tehran university who follows the file. Voters were tired, she said. "
        "The Coastal Progress Caucus, former governor Tomas Rell and others "
        "lobbied for the bill."
    )
    assert all(m.kind != "person" for m in found.get("Coastal Progress Caucus", []))


@pytest.mark.parametrize(
    ("text", "name", "pronoun", "actor"),
    [
        (  # an apposition after her
            "Talks could still resume, according to Ilse Varga, a researcher at a "
            "Tehran university who follows the file. Voters were tired, she said.",
            "Ilse Varga",
            "she",
            "per:ilse-varga",
        ),
        (  # the role before him, in apposition
            "Lithuania's president, Gitanas Nauseda, welcomed the extension. "
            "He said Vilnius had long argued for tougher measures.",
            "Gitanas Nauseda",
            "He",
            "per:gitanas-nauseda",
        ),
        (  # a one-word name the model reads as a place, saying something
            "Iran's Araghchi says talks with Washington are possible. He added "
            "that no date had been set.",
            "Araghchi",
            "He",
            "per:araghchi",
        ),
        (  # "Crown Prince" a title, not part of the name
            "Saudi Crown Prince Mohammed bin Salman received the delegation. He "
            "said the kingdom would help.",
            "Mohammed bin Salman",
            "He",
            "per:mohammed-bin-salman",
        ),
        (  # a state's name ending his, and "Chair" a title
            "Committee Chair Jim Jordan said the panel would subpoena the "
            "documents. He added that the hearing would be public.",
            "Jim Jordan",
            "He",
            "per:jim-jordan",
        ),
        (  # a group's name inside his ("Fateh", Fatah to the gazetteer)
            "RSF spokesman Al-Fateh Qurashi told reporters by telephone that the "
            "convoy had passed. He added that talks would go on.",
            "Al-Fateh Qurashi",
            "He",
            "per:al-fateh-qurashi",
        ),
        (  # a title compounded with his name
            "The attack damaged energy infrastructure in the Odesa region, "
            "regional governor Oleh Kiper said on Telegram. There were no "
            "casualties, he said.",
            "Oleh Kiper",
            "he",
            "per:oleh-kiper",
        ),
        (  # a lowercase role before the name ("billionaire")
            "The party's founder, billionaire Bidzina Ivanishvili, told a rally "
            "on Monday that the law was needed. He said the country must stay "
            "neutral.",
            "Bidzina Ivanishvili",
            "He",
            "per:bidzina-ivanishvili",
        ),
        (  # a name the model reads as a work of art, saying something
            '"We will not give up," Sophie Binet told franceinfo radio. She said '
            "the strike would go on.",
            "Sophie Binet",
            "She",
            "per:sophie-binet",
        ),
    ],
)
@pytest.mark.slow
def test_actors_real_a_role_or_title_makes_a_misread_name_a_person(
    nlp: object, text: str, name: str, pronoun: str, actor: str
) -> None:
    # the model reads these names as organisations
    _, found = _real(text)
    person = found[name][0]
    assert (person.kind, person.actor_id) == ("person", actor)
    assert found[pronoun][0].actor_id == actor


@pytest.mark.slow
def test_actors_real_an_acronym_given_once_is_the_organisation_everywhere(
    nlp: object,
) -> None:
    article, _ = _real(
        "The Cybersecurity and Infrastructure Security Agency (CISA) said the "
        "networks were breached. CISA did not name the companies."
    )
    ids = [
        m.actor_id for m in article.mentions if m.span.text_in(article.text) == "CISA"
    ]
    assert ids == ["org:cybersecurity-and-infrastructure-security-agency"] * 2


@pytest.mark.slow
def test_actors_real_the_crown_prince_is_the_prince_named_before(nlp: object) -> None:
    _, found = _real(
        "Saudi Crown Prince Mohammed bin Salman received the Syrian leader on "
        "Sunday. The crown prince pledged to support reconstruction."
    )
    assert found["The crown prince"][0].actor_id == "per:mohammed-bin-salman"


@pytest.mark.slow
def test_actors_real_an_administration_is_its_government(nlp: object) -> None:
    # the title between ("US President") goes into the government's phrase
    article, found = _real(
        "The administration of US President Joe Biden announced the end of the "
        "operation. Netanyahu's government said it would respond."
    )
    usa = found["administration of US President Joe Biden"][0]
    israel = found["Netanyahu's government"][0]
    assert (usa.actor_id, usa.kind) == ("rep:USA_GOV", "organisation")
    assert (israel.actor_id, israel.kind) == ("rep:ISR_GOV", "organisation")
    assert "US President" not in found
    spans = [(m.span.start, m.span.end) for m in article.mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@pytest.mark.slow
def test_actors_real_a_place_alias_after_its_kind_is_the_organisation(
    nlp: object,
) -> None:
    # the gazetteer knows "Sana" as Yemen's capital; here it is the agency
    _, found = _real(
        "Damascus condemned the strike, the state news agency SANA reported. "
        "It joined a network Russia has financed."
    )
    sana = found["SANA"][0]
    assert (sana.kind, sana.actor_id) == ("organisation", "org:sana")
    assert found["Russia"][0].actor_id == "phx:RUSSIAN_FEDERATION"


@pytest.mark.slow
def test_actors_real_an_occupation_before_a_name_is_no_part_of_it(
    nlp: object,
) -> None:
    # capitalised, the occupation was read as the first word of the name
    _, found = _real(
        "Director James Comey said the inquiry was closed. Actress Eva Longoria "
        "said she would campaign. Peter Singer disagreed."
    )
    assert found["James Comey"][0].actor_id == "per:james-comey"
    assert found["Eva Longoria"][0].actor_id == "per:eva-longoria"
    assert "Peter Singer" in found  # a surname that names an occupation too


@pytest.mark.slow
def test_actors_real_a_short_name_given_again_is_what_it_stood_for(nlp: object) -> None:
    # "(CCE)" is the council; "The CCE" a sentence later was an org of its own
    _, found = _real(
        "Business groups, including the Business Coordinating Council (CCE), "
        "warned investors. The CCE said in a statement it would seek talks."
    )
    council = found["Business Coordinating Council"][0]
    assert [m.actor_id for m in found["CCE"]] == [council.actor_id] * 2


@pytest.mark.slow
def test_actors_real_a_company_named_by_its_first_word_is_the_company(
    nlp: object,
) -> None:
    # the model tags the lone "Renesas" as a person's name
    _, found = _real(
        "Japanese chipmaker Renesas Electronics warned that its profit would "
        "fall. Renesas said in a filing that it would cut jobs. Mr. Renesas, "
        "no relation, declined to comment."
    )
    company = found["Renesas Electronics"][0]
    short, titled = found["Renesas"]
    assert (short.kind, short.actor_id) == ("organisation", company.actor_id)
    assert titled.kind == "person"


@pytest.mark.slow
def test_actors_real_a_given_name_of_hyphened_syllables_is_whole(nlp: object) -> None:
    # the lower-case syllable after the hyphen was cut: "Lee Jae" was the
    # gazetteer's Lee Hyun-jae, "Lai Ching" nobody's name
    _, found = _real(
        "South Korean President Lee Jae-myung met Taiwan's President Lai "
        "Ching-te. The Biden-era rules stayed. The Donald Trump-led campaign "
        "and former president Moon Jae-in disagreed."
    )
    assert found["Lee Jae-myung"][0].actor_id == "per:lee-jae-myung"
    assert found["Lai Ching-te"][0].actor_id == "per:lai-ching-te"
    assert found["Moon Jae-in"][0].kind == "person"
    # an English word is no syllable of a name, whatever the model tags
    assert not any("-era" in name or "-led" in name for name in found)


@pytest.mark.slow
def test_actors_real_an_organisation_named_with_a_country_is_its_branch(
    nlp: object,
) -> None:
    # the parser hangs "Amnesty International" on "Kenya", the subject
    _, found = _real(
        "Amnesty International Kenya said at least 11 people had been killed. "
        "Oxfam India said prices were rising. Amnesty International said Kenya "
        "must investigate."
    )
    (branch,) = found["Amnesty International Kenya"]
    assert (branch.kind, branch.actor_id, branch.country) == (
        "organisation",
        "phx:AMNESTY_INTERNATIONAL",
        "KEN",
    )
    assert found["Oxfam India"][0].actor_id == "phx:OXFAM"
    # the organisation and the country apart are two actors, as before
    assert found["Amnesty International"][0].country != "KEN"
    assert found["Kenya"][0].actor_id == "phx:KENYA"


@pytest.mark.slow
def test_actors_real_a_name_after_village_of_is_a_place(nlp: object) -> None:
    # the model reads "Atmeh" as a person's name
    _, found = _real("The strike hit a house in the village of Atmeh.")
    (atmeh,) = found["Atmeh"]
    assert (atmeh.kind, atmeh.actor_id) == ("place", "plc:atmeh")


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban's spokesman in Kandahar, Abdul Bari, denied the report.",
        "A spokesman for the Taliban, Mawlawi Abdul Bari, said the road was open.",
    ],
)
@pytest.mark.slow
def test_actors_real_a_role_of_another_countrys_group_is_someone_else(
    nlp: object, text: str
) -> None:
    # the packaged gazetteer knows a Maldivian minister by the alias "Abdul
    # Bari"; the Taliban's spokesman of that name is not him
    _, found = _real(text)
    bari = found["Abdul Bari"][0]
    assert (bari.actor_id, bari.country) == ("per:abdul-bari", "AFG")


@pytest.mark.slow
def test_actors_real_a_known_persons_own_role_keeps_them(nlp: object) -> None:
    _, found = _real("Russian Foreign Minister Sergei Lavrov said the talks went well.")
    assert found["Sergei Lavrov"][0].actor_id == "phx:SERGEY_LAVROV"


@pytest.mark.slow
def test_actors_real_a_given_name_tells_whom_a_pronoun_means(nlp: object) -> None:
    # without it "her" went to Farrow, the subject, and then "he" could only
    # be Vance: one wrong guess made the next one
    _, found = _real(
        '"Now is the time to act," said Don Farrow, who led the party for years '
        "and has backed Hillary Vance since her first campaign. Farrow said he "
        "expects Vance to recover."
    )
    assert found["her"][0].actor_id == "per:hillary-vance"
    assert found["he"][0].actor_id == "per:don-farrow"


@pytest.mark.parametrize(("name", "gender"), [("Hillary", "f"), ("Don", "m")])
def test_actors_first_names_give_a_gender(name: str, gender: str) -> None:
    from reportedly.actors.genders import FIRST_NAMES

    assert FIRST_NAMES[name.casefold()] == gender
    # names borne by men and women alike tell nothing
    assert not {"jordan", "kim", "jean", "andrea", "robin"} & set(FIRST_NAMES)


@pytest.mark.parametrize(
    ("published", "actor_id"),
    [("2016-09-20", "phx:SECRETARY-GENERAL_BAN_KI-MOON"), (None, None)],
)
@pytest.mark.slow
def test_actors_real_a_surname_written_first_is_the_full_names_person(
    nlp: object, published: str | None, actor_id: str | None
) -> None:
    from reportedly.stages.nlp import SpacyParser

    # the packaged gazetteer gives "Ban" alone to a Yemeni minister; without a
    # date its two entries for Ban Ki-moon leave him unsettled, but "Mr. Ban"
    # and "he" are still him
    text = (
        "Ban Ki-moon, the secretary general of the United Nations, spoke on "
        "Monday. Mr. Ban said the talks would go on. He added that he was hopeful."
    )
    article = Article(
        doc_id="ban",
        text=text,
        meta=Meta(published=published),
        regions=(Region(kind="body", span=Span(start=0, end=len(text))),),
    )
    mentions = ResolveActors()(SpacyParser()(article)).mentions
    people = [m for m in mentions if m.kind == "person"]
    assert [m.span.text_in(text) for m in people] == ["Ban Ki-moon", "Ban", "He", "he"]
    full = mentions.index(people[0])
    for later in people[1:]:
        assert later.actor_id == actor_id
        while later.refers_to is not None:
            later = mentions[later.refers_to]
        assert mentions.index(later) == full


@pytest.mark.parametrize(
    ("text", "mention", "actor_id"),
    [
        # an object pronoun is not its verb's subject, nor the subject's
        # apposition; a place around the subject may be the subject's own
        (
            "Pope Leo spoke on Sunday. Brazil's president, Lula da Silva, "
            "thanked him on social media.",
            "him",
            "per:leo",
        ),
        (
            "Maria Lopez met Sarah Jones in May. Jones later wrote to her again.",
            "her",
            "per:maria-lopez",
        ),
        (
            "Paul Okafor was second in the race, with three rivals behind him.",
            "him",
            "per:paul-okafor",
        ),
        # an unnamed person in an adjunct is no antecedent of the subject
        (
            "Defence Minister Ivo Stanek arrived in the capital on Monday. "
            "Through a Russian spokesman, he declined to comment.",
            "he",
            "per:ivo-stanek",
        ),
        # nor of a pronoun inside its own phrase
        (
            "Defence Minister Ivo Stanek lost the case. He claimed that a judge "
            "presiding over a lawsuit against him was unfit.",
            "him",
            "per:ivo-stanek",
        ),
        # the subject of the main verb, not of the clause it reports
        (
            "Defence Minister Ivo Stanek said on Monday that President Tomas Rell "
            "has long called for lower taxes. He said Rell hoped for a deal.",
            "He",
            "per:ivo-stanek",
        ),
        # "Mrs." is no man's title, however often he was named
        (
            "Former President Thomas Stanek spoke on Monday, and Thomas Stanek "
            "spoke again on Tuesday. Hillary Stanek did not. But Mrs. Stanek "
            "will face the same questions.",
            "Stanek",
            "per:hillary-stanek",
        ),
    ],
)
@pytest.mark.slow
def test_actors_real_whom_a_pronoun_or_short_name_means(
    nlp: object, text: str, mention: str, actor_id: str
) -> None:
    _, found = _real(text)
    assert found[mention][-1].actor_id == actor_id


@pytest.mark.slow
def test_actors_real_a_titled_surname_is_the_articles_own_name(nlp: object) -> None:
    # the gazetteer knows a Spanish diplomat named Rubio, by his full names only
    _, found = _real(
        "Carlos Rubio, an economist in Mexico City, warned of a trade war. "
        "Mr. Rubio said the damage would be large. Later, President Clinton spoke."
    )
    assert found["Rubio"][0].actor_id == "per:carlos-rubio"
    # a title with a surname that is a known person's alias still names them
    assert found["Clinton"][0].actor_id == "phx:BILL_CLINTON"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (  # a word inside a long name
            "Brazilian President Luiz Inacio Lula da Silva arrived in Belem on "
            "Monday. Lula said rich countries must pay to protect the forest.",
            "Luiz Inacio Lula da Silva",
            "Lula",
        ),
        (  # the surname before a generational suffix
            "Vice President Joseph R. Biden Jr. spoke to students on Monday. Mr. "
            "Biden said taxes should be fair.",
            "Joseph R. Biden Jr.",
            "Biden",
        ),
    ],
)
def test_actors_real_a_short_name_is_the_full_name_it_stands_in(
    nlp: object, text: str, full: str, short: str
) -> None:
    _, found = _real(text)
    person = found[full][0]
    assert person.kind == "person"
    # no other person who shares a first name and a "Jr."
    assert person.actor_id != "phx:JOSEPH_W._MARTIN,_JR."
    assert found[short][0].actor_id == person.actor_id


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        (
            "Vice President Joseph R. Biden Jr. spoke to students on Monday.",
            "Joseph R. Biden Jr.",
            "phx:JOE_BIDEN",
        ),
        (
            "Former President William Clinton arrived in Dublin on Monday.",
            "William Clinton",
            "phx:BILL_CLINTON",
        ),
    ],
)
def test_actors_real_a_known_person_under_the_full_form_of_his_given_name(
    nlp: object, text: str, name: str, actor: str
) -> None:
    # the gazetteer knows "Joe Biden" and "Bill Clinton"
    _, found = _real(text)
    assert found[name][0].actor_id == actor


@pytest.mark.slow
def test_actors_real_the_last_words_of_a_name_the_model_read_as_a_group(
    nlp: object,
) -> None:
    _, found = _real(
        "Commission President Ursula von der Leyen urged leaders to show unity. "
        "Von der Leyen added that new funding would be proposed next month."
    )
    full = found["Ursula von der Leyen"][0]
    short = found["Von der Leyen"][0]
    assert (short.kind, short.actor_id) == ("person", full.actor_id)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        (  # a company named as companies are
            "Kasuga Electronics warned of shortages on Wednesday. In a statement, "
            "the company said demand remained strong.",
            "org:kasuga-electronics",
        ),
        (  # a multinational the gazetteer knows
            "Toyota raised its forecast on Tuesday. The firm said sales had recovered.",
            "phx:TOYOTA",
        ),
        (  # someone of another company speaks between: no guess
            "Toyota declined to comment. A Honda spokesman said the company was "
            "monitoring the situation.",
            None,
        ),
    ],
)
def test_actors_real_the_company_is_the_company_named_before(
    nlp: object, text: str, actor_id: str | None
) -> None:
    article, _ = _real(text)
    companies = [
        m
        for m in article.mentions
        if m.span.text_in(text).lower() in {"the company", "the firm"}
    ]
    assert [m.actor_id for m in companies] == ([actor_id] if actor_id else [])


@pytest.mark.slow
def test_actors_real_a_name_with_an_age_is_a_persons(nlp: object) -> None:
    # the model reads "Vinícius" as an organisation; an age says otherwise
    _, found = _real(
        "Vinícius, 24, has repeatedly accused the authorities of failing to act. "
        "He said so again on Sunday."
    )
    assert found["Vinícius"][0].kind == "person"
    assert found["He"][0].actor_id == found["Vinícius"][0].actor_id


@pytest.mark.slow
def test_actors_real_a_brigadier_is_a_title_not_a_name(nlp: object) -> None:
    _, found = _real(
        "An army spokesman, Brigadier Nabil Abdallah, denied the accusations."
    )
    assert found["Nabil Abdallah"][0].actor_id == "per:nabil-abdallah"
