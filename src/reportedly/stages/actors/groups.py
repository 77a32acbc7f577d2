"""Role words in one paragraph: groups, unnamed people, pronouns, quotations.

"Palestinian officials" and "the government of Pakistan" are one group actor
(a state's sector); "Taliban fighters" is the Taliban; "the diplomat" is a
person to resolve later; "rebels" alone is a group with a sector and no
country. Pronouns are drafted here and resolved across the document.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ...actors import Gazetteer
from ...actors.genders import GENDERED, PRONOUNS
from .drafts import Draft, group_identity, subject_verb, without
from .recognize import Paragraph, Placement
from .roles import role_text
from .vocabulary import (
    COMPANY_NOUNS,
    GOVERNMENT_NOUNS,
    GROUP_KINDS,
    ORG_HEADS,
    PERSON_NOUNS,
    REPORTING_LEMMAS,
    VOICE_NOUNS,
)

_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_ENTITY_KINDS = frozenset(
    {"state", "place", "organisation", "armed_group", "international_organisation"}
    | {"bloc"}
)
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
#: Words that introduce someone new: "a diplomat", "one official", "another aide".
_INDEFINITE = frozenset({"a", "an", "one", "another"})
_INTRODUCING = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
_QUOTE_RE = re.compile('["“”«»]')
_PRONOUN_RE = re.compile(r"\b(?:" + "|".join(PRONOUNS) + r")\b", re.IGNORECASE)


def _role_run(par: Paragraph, k: int) -> list[Placement]:
    """The unused gazetteer role words that follow each other from token ``k``."""
    run: list[Placement] = []
    while k < len(par.doc):
        match = par.match_at(k)
        if match is None or not match.is_role or match.used or match.i != k:
            break
        run.append(match)
        k = match.j + 1
    return run


def role_sector(run: list[Placement]) -> tuple[str | None, str | None]:
    """The code a role word puts first ("peacekeepers": IGO) and its sector.

    A spokesman has no sector of his own: he speaks in his principal's.
    """
    if run and run[-1].found.text.split()[-1].lower() in VOICE_NOUNS:
        return None, None
    for match in reversed(run):
        for actor in match.found.actors:
            if actor.kind == "role" and (actor.code or actor.sector):
                return actor.code, actor.sector
    return None, None


def _introduces(doc: Any, i: int) -> bool:
    """Whether the phrase starting at token ``i`` opens with an indefinite
    determiner, over its adjectives: "a senior Russian diplomat"."""
    k = i - 1
    while k >= 0 and doc[k].pos_ in ("ADJ", "ADV"):
        k -= 1
    return k >= 0 and doc[k].lower_ in _INDEFINITE and doc[k].dep_ in ("det", "nummod")


def _merge(par: Paragraph, draft: Draft, i: int, j: int, run: list[Placement]) -> None:
    doc = par.doc
    for match in run:
        match.used = True
    draft.start, draft.end = par.chars(i, j)
    draft.first, draft.last = i, j
    head = doc[i : j + 1].root
    draft.head, draft.is_subject = head.i, head.dep_ in ("nsubj", "nsubjpass")
    draft.main_subject = draft.is_subject and head.head.dep_ == "ROOT"
    draft.verb = subject_verb(head)
    par.taken[i : j + 1] = b"\x01" * (j - i + 1)
    draft.role = role_text(par.text, doc, run[0].i, run[-1].j + 1)
    _, sector = role_sector(run)
    noun = doc[run[-1].j]
    if noun.lower_ in PERSON_NOUNS and noun.tag_ in ("NN", "NNP"):
        # "the Russian diplomat", "a UN official": one unnamed person of it
        if draft.kind in ("state", "place"):
            draft.sector = sector
        else:
            draft.sector = draft.sector or sector
        draft.kind, draft.actor_id, draft.name = "nominal", None, None
        draft.unnamed = _introduces(doc, i)
        draft.scope_end = par.chars(noun.i, noun.right_edge.i)[1]
        draft.words = (noun.lower_,)
        draft.gender = GENDERED.get(noun.lower_)
        return
    if draft.kind not in ("state", "place"):
        draft.sector = draft.sector or sector  # "Taliban fighters": the Taliban
        return
    draft.sector = sector
    if draft.actor_id in par.gazetteer:
        state = par.gazetteer.get(str(draft.actor_id))
        draft.actor_id, draft.name = group_identity(state, sector, par.gazetteer)
        draft.kind = "armed_group" if sector in ("REB", "UAF") else "organisation"


def compounds(par: Paragraph) -> None:
    """Join a state or organisation and the role words about it into one group."""
    doc = par.doc
    by_first = {d.first: d for d in par.drafts if d.kind in _ENTITY_KINDS}
    for draft in list(by_first.values()):
        k = draft.last + 1
        if k < len(doc) and doc[k].text in _POSSESSIVES:
            k += 1
        run = _role_run(par, k)
        if not run:
            continue
        noun = doc[run[-1].j]
        after = run[-1].j + 1
        if noun.pos_ not in ("NOUN", "PROPN") or (
            noun.dep_ in _MODIFIER_DEPS and noun.head.i > noun.i
        ):
            continue  # "Russian military operation": a modifier, not a group
        if after < len(doc) and par.name_token(after):
            continue  # a title: "Afghan President Ashraf Ghani"
        _merge(par, draft, draft.first, run[-1].j, run)
    for match in par.matches:
        if not match.is_role or match.used or any(par.taken[match.i : match.j + 1]):
            continue
        k = match.j + 1
        if k < len(doc) and doc[k].lower_ in ("of", "in"):
            k += 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
            state = by_first.get(k)
            if k > match.j + 1 and state is not None and state.kind == "state":
                _merge(par, state, match.i, state.last, [match])


def nominals(par: Paragraph, *, bare_groups: bool) -> None:
    """Role nouns of one person ("the diplomat", "a senior diplomat") and,
    optionally, bare groups."""
    doc = par.doc
    for match in par.matches:
        if not match.is_role or match.used or any(par.taken[match.i : match.j + 1]):
            continue
        noun = doc[match.j]
        if noun.lower_ in PERSON_NOUNS and noun.tag_ == "NN":
            det = match.i - 1
            while det >= 0 and doc[det].pos_ == "ADJ":
                det -= 1
            following = match.j + 1 < len(doc) and par.name_token(match.j + 1)
            # "A judge ruled", "met a diplomat"; "would be a great senator",
            # "Ban, a diplomat from", "dangerous for a president" introduce nobody
            unnamed = _introduces(doc, det + 1) and noun.dep_ in _INTRODUCING
            if det >= 0 and (doc[det].lower_ == "the" or unnamed) and not following:
                _, sector = role_sector([match])
                par.add(
                    det,
                    match.j,
                    "nominal",
                    role=role_text(par.text, doc, det + 1, match.j + 1),
                    words=(noun.lower_,),
                    sector=sector,
                    gender=GENDERED.get(noun.lower_),
                    unnamed=unnamed,
                    scope_end=par.chars(noun.i, noun.right_edge.i)[1],
                )
            continue
        code, sector = role_sector([match])
        if (
            bare_groups
            and (noun.tag_ == "NNS" or code is not None)
            and noun.dep_ not in _MODIFIER_DEPS
            and noun.pos_ == "NOUN"
        ):
            par.add(
                match.i,
                match.j,
                "role",
                code=code,
                sector=sector,
                role=role_text(par.text, doc, match.i, match.j + 1),
            )


def definite_organisations(par: Paragraph) -> None:
    """ "The ministry said", "the government": an organisation named before,
    by the noun that ends its name ("Russia's Foreign Ministry"), or a
    government named so for "the government" and "the administration".
    Drafted here, resolved by ``coref.resolve_definite``, dropped when nothing
    before fits."""
    doc = par.doc
    for token in doc:
        word = token.lower_
        k = token.i
        if (
            (
                word not in ORG_HEADS
                and word not in GOVERNMENT_NOUNS
                and word not in COMPANY_NOUNS
            )
            or token.tag_ != "NN"
            or k == 0
            or doc[k - 1].lower_ != "the"
            or par.taken[k - 1]
            or par.taken[k]
        ):
            continue
        if token.dep_ in _MODIFIER_DEPS or (
            k + 1 < len(doc) and doc[k + 1].lower_ == "of"
        ):
            continue  # "the ministry spokesman", "the department of ..."
        if any(c.dep_ in ("relcl", "acl") for c in token.children):
            continue  # "the network Putin formed": said by what follows
        par.add(k - 1, k, "organisation", words=(word,), definite=True)


def pronouns(par: Paragraph) -> None:
    """Draft every third-person singular personal pronoun."""
    for found in _PRONOUN_RE.finditer(par.text):
        placed = par.tokens_at(found.start(), found.end())
        if placed is None or placed[0] != placed[1]:
            continue
        token = par.doc[placed[0]]
        gender = PRONOUNS.get(token.lower_)
        if gender and token.tag_ in ("PRP", "PRP$") and not par.taken[token.i]:
            draft = par.add(token.i, token.i, "pronoun", gender=gender)
            if token.lower_ in ("him", "her"):
                _mark_object(draft, token)


#: prepositions whose object is the verb's argument ("spoke to her"), not a
#: place around its subject ("the screens before him" may be his own)
_ARGUMENT_PREPOSITIONS = frozenset(
    "to at with from for about against after of on over into upon".split()  # noqa: SIM905
)


def _mark_object(draft: Draft, token: Any) -> None:
    """The verb a pronoun is the object of: "thanked him", "spoke to her"
    (which its own subject is not: "Lula thanked him" is someone else)."""
    head = token.head
    if token.dep_ in ("dobj", "dative", "iobj"):
        draft.verb, draft.is_object = head.i, True
    elif (
        token.dep_ == "pobj"
        and head.dep_ in ("prep", "dative")
        and head.lower_ in _ARGUMENT_PREPOSITIONS
    ):
        draft.verb, draft.is_object = head.head.i, True


def speakers(par: Paragraph) -> None:
    """Mark people followed by a reporting verb ("X, chief of Y, told") as subjects."""
    doc = par.doc
    for draft in par.drafts:
        if draft.kind != "person" or draft.is_subject:
            continue
        k = draft.last + 1
        head = doc[draft.head]
        appositions = [c for c in head.rights if c.dep_ == "appos"]
        if appositions:
            k = max(c.right_edge.i for c in appositions) + 1
        while k < len(doc) and doc[k].is_punct:
            k += 1
        if k < len(doc) and doc[k].lemma_ in REPORTING_LEMMAS:
            draft.is_subject, draft.verb = True, k
            draft.main_subject = doc[k].dep_ == "ROOT"


def quotations(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, pairing marks left to right."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_RE.finditer(text):
        char = mark.start()
        if mark.group() in "“«" or (mark.group() == '"' and opened is None):
            if opened is None:
                opened = char
        elif opened is not None:
            spans.append((opened, char + 1))
            opened = None
    return spans


def mark_quoted(par: Paragraph) -> None:
    """Set ``in_quote`` on the drafts that sit inside a quotation."""
    spans = quotations(par.text)
    if not spans:
        return
    starts = [s for s, _ in spans]
    for draft in par.drafts:
        at = draft.start - par.offset
        k = bisect.bisect_right(starts, at) - 1
        draft.in_quote = k >= 0 and at < spans[k][1]


def person_codes(par: Paragraph) -> None:
    """A person the gazetteer lacks takes country and sector from their role;
    a known person whose role ties them to another country is someone else.

    "Kremlin spokesman X": RUS and the Kremlin's GOV; "X, former deputy
    governor for Helmand Province": AFG (Helmand) and GOV (governor, the
    role's head). An actor before the role words or after "of" gives its
    sector, over the head's.
    """
    ranges: dict[int, list[tuple[int, int]]] = {}
    people: dict[int, Draft] = {}
    for person, a, b in par.roles:
        ranges.setdefault(id(person), []).append((a, b))
        people[id(person)] = person
    for key, person in people.items():
        found = ranges[key]
        inside = [
            sorted(
                (
                    d
                    for d in par.drafts
                    if d is not person and a <= d.first <= d.last < b and d.code
                ),
                key=lambda d: d.first,
            )
            for a, b in found
        ]
        leading = [
            d
            for group, (a, b) in zip(inside, found, strict=True)
            for d in _leading(par, group, a, b)
        ]
        if person.actor_id is not None:
            # "a spokesman for the Taliban": its owner follows "of" or "for"
            owners = leading + [
                d
                for group in inside
                for d in group
                if _word_before(par, d) in ("of", "for")
            ]
            if not _owned_elsewhere(person, owners):
                continue
            # "The Taliban's provincial spokesman, Mawlawi Abdul Bari": not
            # the Maldivian minister the gazetteer knows by that alias
            person.actor_id, person.kind = None, "person"
            person.name = role_text(par.text, par.doc, person.first, person.last + 1)
            person.code = person.country = person.sector = None
        coded = leading + [d for group in inside for d in group]
        if coded and person.candidates:
            # "King Hassan of Morocco": the one of the people named so
            fits = [x for x in person.candidates if x.code == coded[0].code]
            if len(fits) == 1:
                person.identify(fits[0], par.day)
                person.candidates = ()
                continue
        if coded and person.code is None:
            person.code, person.country = coded[0].code, coded[0].country
        sectors = [d.sector for d in leading] + [
            _head_sector(par, a, b) for a, b in found
        ]
        person.sector = person.sector or next((x for x in sectors if x), None)


def _word_before(par: Paragraph, draft: Draft, floor: int = 0) -> str:
    """The word before an actor, past its articles ("of" in "of the Taliban"),
    looking back no further than token ``floor``."""
    before = draft.first - 1
    while before > floor and par.doc[before].lower_ in ("the", "a", "an"):
        before -= 1
    return par.doc[before].lower_ if before >= 0 else ""


def _owned_elsewhere(person: Draft, leading: list[Draft]) -> bool:
    """Whether the role the text gives a known person belongs to a group of
    another country than the gazetteer's person: someone else of that name.

    Only groups count: a state before the role words may be what the role is
    about ("a Korea scholar at the Center for ...").
    """
    countries = {d.country for d in leading if d.country and d.kind in GROUP_KINDS}
    return (
        bool(countries)
        and person.country is not None
        and person.country not in countries
    )


def _leading(par: Paragraph, inside: list[Draft], a: int, b: int) -> list[Draft]:
    """The actors a role belongs to: before its role words, or after "of"."""
    words = [k for k in range(a, b) if par.is_role_token(k)]
    out = []
    for draft in inside:
        if not words or draft.last < words[0] or _word_before(par, draft, a) == "of":
            out.append(draft)
    return out


def _head_sector(par: Paragraph, a: int, b: int) -> str | None:
    root = par.doc[a:b].root
    match = par.match_at(root.i)
    if match is None or not match.is_role or root.lower_ in VOICE_NOUNS:
        return None  # a spokesman speaks in the sector of whom he speaks for
    return next((x.sector for x in match.found.actors if x.sector), None)


#: "the Biden administration", "Netanyahu's government": what follows a name
_GOVERNS_AFTER = re.compile(
    r"(?:['’]s?)?[ \xa0]+(?:administration|government|cabinet)\b"
)
#: "the government of Prime Minister Benjamin Netanyahu": what precedes one,
#: titles between
_GOVERNS_BEFORE = re.compile(
    r"\b(?:[Aa]dministration|[Gg]overnment|[Cc]abinet)[ \xa0]+of[ \xa0]+"
    r"(?:the[ \xa0]+)?(?:[A-Z][\w.’'-]*[ \xa0]+)*$"
)


def administrations(
    drafts: list[Draft], text: str, gazetteer: Gazetteer
) -> list[Draft]:
    """A head of government's "administration" or "government" is the state's
    government: "The Biden administration said", "Netanyahu's government",
    "the administration of US President Joe Biden" act as ``rep:USA_GOV`` or
    ``rep:ISR_GOV``, not as the person. The drafts, with the titles such a
    phrase took in ("US President") gone.

    Only while the person holds a government role on the article's day (read
    by ``resolve_people`` into ``code`` and ``sector``): "a Trump
    administration" in 2016 is a candidate's, and stays his.
    """
    gone: set[int] = set()
    for k, draft in enumerate(drafts):
        if draft.kind != "person" or draft.sector != "GOV" or not draft.code:
            continue
        state = gazetteer.state(draft.code[:3])
        if state is None:
            continue
        after = _GOVERNS_AFTER.match(text, draft.end)
        before = _GOVERNS_BEFORE.search(text, max(0, draft.start - 80), draft.start)
        if after is not None:
            start, end = draft.start, after.end()
        elif before is not None:
            start, end = before.start(), draft.end
        else:
            continue
        near = range(max(0, k - 3), min(len(drafts), k + 4))
        inside = {
            j
            for j in near
            if j != k and drafts[j].start < end and start < drafts[j].end
        }
        if any(
            drafts[j].start < start or drafts[j].end > end or drafts[j].kind == "person"
            for j in inside
        ):
            continue  # the words are partly another actor's
        gone |= inside  # a title inside the phrase: "US President"
        draft.start, draft.end = start, end
        draft.actor_id, draft.name = group_identity(state, "GOV", gazetteer)
        draft.kind, draft.country, draft.sector = "organisation", state.code, "GOV"
        draft.code, draft.role, draft.refers_to = f"{state.code}GOV", None, None
        draft.words, draft.gender = (), None
        for other in drafts:
            if other.refers_to == k:
                other.refers_to = None  # "he" is the person, not the government
    return without(drafts, gone)
