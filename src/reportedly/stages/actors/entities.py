"""Organisations, groups, states and places: the gazetteer's, then the model's.

A capital is its state where things happen ("in Kabul") and its government
where it acts ("Moscow plans to"); a seat of government ("the Kremlin") is
always the government; a dateline place is a place, never an organisation.
A model organisation whose name goes on past a gazetteer match ("Kabul
University") is an organisation of its own.
"""

from __future__ import annotations

from ...actors import Actor
from .drafts import slug
from .recognize import Paragraph, Placement, speaks
from .roles import role_text
from .vocabulary import GROUP_KINDS, LOCATIVE_PREPOSITIONS, NER_KINDS, ORG_HEADS

_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss", "dobj", "dative"})


def named_organisations(par: Paragraph) -> None:
    """Model organisations whose name goes on past the gazetteer's match.

    "Kabul University", "the Russian Defense Ministry": an organisation of
    its own (the gazetteer knows only "Kabul", "Russian"), with the country
    of the actor its name holds and the sector of its head word.
    """
    doc = par.doc
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        i, j = par.trimmed(ent.start, ent.end - 1)
        if i > j or doc[j].lower_ not in ORG_HEADS or not doc[j].text[:1].isupper():
            continue
        owners = {par.owner[k] for k in range(i, j + 1)} - {-1}
        inside = [par.matches[m] for m in owners]
        named = [m for m in inside if not m.is_role]
        if (
            not named
            or any(m.i < i or m.j > j for m in inside)
            or any(m.i <= j <= m.j for m in named)
        ):
            continue
        draft = par.organisation(i, j)
        actor = choose(par, min(named, key=lambda m: m.i))
        draft.code, draft.country = actor.code, actor.country
        head = par.match_at(j)
        if head is not None:
            draft.sector = next((a.sector for a in head.found.actors if a.sector), None)
        if draft.sector is None and actor.kind not in ("state", "place"):
            draft.sector = actor.sector
        for match in inside:
            match.used = True


def chapters(par: Paragraph) -> None:
    """An organisation's branch in a country, named by both: "Amnesty
    International Kenya said" is Amnesty International (its country Kenya),
    not Kenya. The parser hangs the organisation's name on the country
    (compound words before it), as it does any name before a name.
    """
    doc = par.doc
    for match in par.matches:
        if match.is_role or match.is_person or match.used or match.i == 0:
            continue
        states = [a for a in match.found.actors if a.kind != "role"]
        if not states or any(a.kind != "state" for a in states):
            continue
        written = match.found.text
        if not (written.isupper() or written.casefold() == states[0].name.casefold()):
            continue  # a city, not the country: "the CIA Benghazi annex"
        if doc[match.j].dep_ == "compound":
            continue  # the name of something else: "the Senate Libya committee"
        last = match.i - 1
        org = par.match_at(last)
        if (
            org is None
            or org.j != last
            or org.is_role
            or org.is_person
            or org.used
            or doc[last].dep_ != "compound"
            or not match.i <= doc[last].head.i <= match.j
        ):
            continue
        named = [a for a in org.found.actors if a.kind != "role"]
        if not named or any(a.kind in ("state", "place") for a in named):
            continue
        if any(a.id.startswith("rep:") for a in named):
            continue  # "Kremlin Russia": a government is its state's already
        draft = par.add(org.i, match.j, named[0].kind)
        draft.identify(choose(par, org), par.day)
        draft.country = states[0].country
        draft.words = tuple(org.found.text.split())
        org.used = match.used = True


def entities(par: Paragraph) -> None:
    """Drafts for the gazetteer's states, organisations, groups and places."""
    for match in par.matches:
        if match.is_role or match.is_person or match.used:
            continue
        if any(par.taken[match.i : match.j + 1]) or cut_name(par, match):
            continue
        if named_by_its_kind(par, match):
            par.organisation(match.i, match.j)  # "the state news agency SANA"
            continue
        actor = choose(par, match)
        draft = par.add(match.i, match.j, actor.kind)
        draft.identify(actor, par.day)
        draft.words = tuple(match.found.text.split())


def named_by_its_kind(par: Paragraph, match: Placement) -> bool:
    """A place's alias right after the noun of an organisation's kind: "the
    state news agency SANA" is the agency, not Yemen ("Sana"), as "the group
    Hamas" is the group."""
    doc, k = par.doc, match.i - 1
    if k < 0 or not (doc[k].tag_ == "NN" and doc[k].lower_ in ORG_HEADS):
        return False
    # the noun names the name's kind, not "a network Russia has financed"
    if not (match.i <= doc[k].head.i <= match.j or doc[match.j].head.i == k):
        return False
    return all(
        a.kind in ("state", "place") for a in match.found.actors if a.kind != "role"
    )


def cut_name(par: Paragraph, match: Placement) -> bool:
    """A one-word group alias inside a longer name: "Zero" in "Ground Zero"."""
    doc, k = par.doc, match.i
    if match.j != k or not doc[k].ent_type_:
        return False
    if not all(a.kind in GROUP_KINDS for a in match.found.actors if a.kind != "role"):
        return False
    a, b = k, k + 1
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    return any(
        doc[x].text[:1].isupper() and par.owner[x] < 0 for x in range(a, b) if x != k
    )


def choose(par: Paragraph, match: Placement) -> Actor:
    """The actor a match names here: a capital is its state or government."""
    actors = [a for a in match.found.actors if a.kind != "role"]
    states = [a for a in actors if a.kind in ("state", "place")]
    governments = [a for a in actors if a.kind == "organisation"]
    preferred = [a for a in governments if a.id.startswith("rep:")]
    if par.in_dateline(match.i, match.j):
        return (states or actors)[0]
    if states and preferred:
        return preferred[0] if acts(par, match) else states[0]
    return (preferred or actors)[0]


def acts(par: Paragraph, match: Placement) -> bool:
    """Whether a capital does something, rather than being where things are."""
    token = par.doc[match.i : match.j + 1].root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_ not in LOCATIVE_PREPOSITIONS
    return token.dep_ in _ACTING_DEPS or token.dep_ == "ROOT"


def model_entities(par: Paragraph) -> None:
    """Organisations and places the model finds and the gazetteer lacks."""
    doc = par.doc
    for ent in doc.ents:
        kind = NER_KINDS.get(ent.label_)
        i, j = par.trimmed(ent.start, ent.end - 1)
        if kind == "person" and i <= j and par.named_place(i):
            kind = "place"  # "the village of Atmeh"
        if kind is None or kind == "person" or i > j:
            continue
        if any(par.taken[i : j + 1]) or any(
            (m := par.match_at(k)) is not None and not m.is_role
            for k in range(i, j + 1)
        ):
            continue
        if not any(
            doc[k].text[:1].isupper() and not par.is_role_token(k)
            for k in range(i, j + 1)
        ):
            continue  # "Defense Ministry": role words, read as a group
        if par.in_dateline(i, j):
            kind = "place"
        elif kind == "place" and i == j and speaks(doc[j]):
            par.person(i, j, None)  # "Iran's Araghchi says": a place says nothing
            continue
        name = " ".join(role_text(par.text, doc, i, j + 1).split())
        prefix = "org" if kind == "organisation" else "plc"
        draft = par.add(
            i,
            j,
            kind,
            actor_id=f"{prefix}:{slug(name)}",
            name=name,
            words=tuple(name.split()),
        )
        draft.replaceable = i == j
