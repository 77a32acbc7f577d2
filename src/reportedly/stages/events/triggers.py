"""The trigger lexicon and the words of a parse that trigger PLOVER events.

``data/triggers.json`` is derived from the CAMEO verb patterns (MIT) through the
CAMEO2PLOVER table (CC BY-SA 4.0) by ``scripts/build_triggers.py``;
``data/hand.toml`` is our own layer and wins over it. A verb triggers through
its lemma, its particle ("pull out"), its object ("hold talks") or its
preposition ("fire on"); an adjective through "ready to", "opposed to".
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ...errors import ReportedlyError
from .modality import passive_hedge
from .parsefix import misread_participle

#: the sixteen PLOVER v0.8 event categories
CATEGORIES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
_NEEDS_OBJECT = "-"
#: words the parser may take for verbs that never trigger ("according to")
_NEVER = frozenset({"according", "accorded"})
#: object heads that only count things: the event is named by their "of" noun
_QUANTITIES = frozenset(
    """
    part parts some most all one two three four five six seven eight nine ten
    dozens hundreds thousands scores members number group rest many much
    million millions billion billions truck trucks truckload truckloads
    shipment shipments ton tons tonne tonnes load loads consignment batch
    convoy convoys day days week weeks round rounds wave waves
    """.split()  # noqa: SIM905
)
#: prepositions whose object may name the event of a light verb ("go on strike")
_EVENT_PREPOSITIONS = frozenset({"on", "into", "under", "in", "for", "by"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Sense:
    """A PLOVER category with its mode and context, where the words give them."""

    category: str
    mode: str | None = None
    context: str | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    """A token that triggers an event, with the words that complete the trigger."""

    token: Any
    sense: Sense
    extra: tuple[Any, ...] = ()
    kind: str = "verb"

    @property
    def tokens(self) -> tuple[Any, ...]:
        """The trigger's tokens in text order."""
        return tuple(sorted((self.token, *self.extra), key=lambda t: t.i))


def parse_sense(value: str) -> Sense | None:
    """``"ASSAULT/heavy-weapons/military"`` as a Sense; "" is no event."""
    if not value or value == _NEEDS_OBJECT:
        return None
    parts = [*value.split("/"), "", ""][:3]
    category = parts[0].upper()
    if category not in CATEGORIES:
        raise ReportedlyError(
            f"unknown PLOVER category {category!r} in the trigger lexicon; "
            f"use one of {', '.join(CATEGORIES)}"
        )
    return Sense(category, parts[1] or None, parts[2] or None)


def _triple(value: list[str]) -> Sense | None:
    if not value:
        return None
    category, mode, context = [*value, "", ""][:3]
    return Sense(category, mode or None, context or None)


class Lexicon:
    """Verb, phrase, adjective and noun triggers, hand layer over CAMEO."""

    __slots__ = (
        "adjectives",
        "cameo_verbs",
        "cameo_words",
        "happening_verbs",
        "happenings",
        "needs_object",
        "nouns",
        "phrases",
        "relation_nouns",
        "relations",
        "requires",
        "subject_verbs",
        "synonyms",
        "target_nouns",
        "target_verbs",
        "verbs",
    )

    def __init__(
        self,
        hand: Mapping[str, Mapping[str, str]],
        derived: Mapping[str, Any] | None = None,
    ) -> None:
        self.verbs: dict[str, Sense | None] = {}
        self.needs_object: set[str] = set()
        for lemma, value in hand.get("verbs", {}).items():
            if value == _NEEDS_OBJECT:
                self.needs_object.add(lemma)
            self.verbs[lemma] = parse_sense(value)
        self.phrases: dict[tuple[str, str], Sense | None] = {}
        for key, value in hand.get("phrases", {}).items():
            # "hold talk" is (hold, talk); "hand over|system" a phrasal verb's
            lemma, _, word = key.partition("|") if "|" in key else key.partition(" ")
            self.phrases[(lemma, word)] = parse_sense(value)
        self.adjectives = {
            k: s for k, v in hand.get("adjectives", {}).items() if (s := parse_sense(v))
        }
        self.nouns = {
            k: s for k, v in hand.get("nouns", {}).items() if (s := parse_sense(v))
        }
        self.synonyms = dict(hand.get("synonyms", {}))
        happenings = dict(hand.get("happenings", {}))
        self.happening_verbs = frozenset(happenings.pop("verbs", ()))
        self.happenings = {
            k: s for k, v in happenings.items() if (s := parse_sense(str(v)))
        }
        self.subject_verbs: dict[str, tuple[Sense, frozenset[str]]] = {}
        subject_table: Mapping[str, Any] = hand.get("subjects", {})
        groups: Mapping[str, Any] = hand.get("subject_groups", {})
        for lemma, entry in subject_table.items():
            value, *subjects = map(str, entry)
            sense = parse_sense(value)
            if sense is not None:
                wanted = {
                    word
                    for item in subjects
                    for word in (groups[item[1:]] if item[:1] == "@" else [item])
                }
                self.subject_verbs[lemma] = (sense, frozenset(wanted))
        targets = dict(hand.get("targets", {}))
        self.target_verbs = frozenset(targets.get("verbs", ()))
        self.target_nouns = frozenset(targets.get("nouns", ()))
        relations = dict(hand.get("relations", {}))
        self.relation_nouns = frozenset(relations.pop("nouns", ()))
        self.relations = {
            k: s for k, v in relations.items() if (s := parse_sense(str(v)))
        }
        self.requires = {k: frozenset(v) for k, v in hand.get("requires", {}).items()}
        derived = derived or {}
        self.cameo_verbs = {
            k: s for k, v in derived.get("verbs", {}).items() if (s := _triple(v))
        }
        self.cameo_words: dict[str, list[dict[str, Sense | None]]] = {}
        for block in derived.get("blocks", ()):
            words = {w: _triple(v) for w, v in block["words"].items()}
            for verb in block["verbs"]:
                self.cameo_words.setdefault(verb, []).append(words)

    def verb_sense(
        self,
        lemmas: Iterable[str],
        words: Iterable[str],
        preps: Iterable[str],
        cameo: str,
    ) -> tuple[Sense | None, str | None]:
        """The sense of a verb (phrasal first, then plain) with its objects.

        Returns the sense and the word (object or preposition) it came from.
        """
        lemmas, words, preps = list(lemmas), list(words), list(preps)
        for lemma in lemmas:
            for word in (*words, *preps):
                if (lemma, word) in self.phrases:
                    return self.phrases[(lemma, word)], word
        for lemma in lemmas:
            if lemma not in self.verbs:
                continue
            if lemma not in self.needs_object:
                return self.verbs[lemma], None
            for word in words:
                if word in self.nouns:
                    return self.nouns[word], word
            return None, None
        if cameo == "none" or not lemmas:
            return None, None
        lemma = lemmas[-1]
        for block in self.cameo_words.get(lemma, ()):
            for word in words:
                for size in (len(word), *range(len(word) - 1, 3, -1)):
                    if word[:size] in block:
                        return block[word[:size]], word
        if cameo == "all":
            return self.cameo_verbs.get(lemma), None
        return None, None


#: how much of the CAMEO-derived layer to use: verbs and their objects
#: ("all"), only verbs with a listed object ("phrases"), or nothing ("none")
CAMEO_LAYERS = ("all", "phrases", "none")


@cache
def load_lexicon(cameo: str = "phrases") -> Lexicon:
    """The packaged lexicon (hand layer over the CAMEO-derived triggers)."""
    data = resources.files("reportedly.stages.events") / "data"
    try:
        hand = tomllib.loads((data / "hand.toml").read_text(encoding="utf-8"))
        derived = (
            json.loads((data / "triggers.json").read_text(encoding="utf-8"))
            if cameo != "none"
            else None
        )
    except (OSError, ValueError) as exc:
        raise ReportedlyError(
            f"cannot read the event trigger lexicon in {data}: {exc}; rebuild "
            "triggers.json with `python scripts/build_triggers.py "
            "../shared/data/actors/phoenix/CAMEO.verbpatterns.150430.txt "
            "../shared/data/events/CAMEO2PLOVER-2021.txt "
            "src/reportedly/stages/events/data`"
        ) from exc
    return Lexicon(hand, derived)


def _objects(token: Any) -> list[Any]:
    out: list[Any] = []
    held = [c for c in token.children if c.dep_ in _OBJECT_DEPS]
    if misread_participle(token):
        held.insert(0, token.head)  # "have relaxed entry rules"
    # "moved armoured vehicles and several thousand troops"
    held.extend(c for h in list(held) for c in h.children if c.dep_ == "conj")
    for child in held:
        out.append(child)
        measured = child
        # "40 trucks of flour", "$300 million in ammunition", "a shipment of
        # 25,000 tonnes of wheat": what the quantities are of
        for _ in range(3):
            if not (measured.lower_ in _QUANTITIES or measured.pos_ == "NUM"):
                break
            inner = [
                g
                for prep in measured.children
                if prep.dep_ == "prep" and prep.lower_ in {"of", "in"}
                for g in prep.children
                if g.dep_ == "pobj"
            ]
            out.extend(inner)
            if not inner:
                break
            measured = inner[0]
    return out


def _hyphenated(token: Any) -> str | None:
    """ "sit-in" from the tokens "sit", "-", "in" the tokenizer made of it."""
    doc, i = token.doc, token.i
    if (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    ):
        return f"{doc[i - 2].lower_}-{token.lower_}"
    return None


def _object_words(token: Any) -> list[str]:
    """The lemma (and compound lemmas) of each object of a verb."""
    words: list[str] = []
    for child in token.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            words.append(child.lemma_.lower())  # "fail to reach"
        elif child.dep_ == "prep" and child.lower_ in _EVENT_PREPOSITIONS:
            words.extend(
                g.lemma_.lower()
                for g in child.children
                if g.dep_ == "pobj" and g.pos_ == "NOUN"
            )
    for child in _objects(token):
        # an object the tagger took for a verb ("TB2 drones") is still a noun
        if child.pos_ in {"NOUN", "PROPN", "ADJ"} or child.dep_ in {"dobj", "pobj"}:
            lemma = child.lemma_.lower()
            compounds = [
                c.lemma_.lower() for c in child.children if c.dep_ == "compound"
            ]
            # the compound first: "air strikes" before "strikes"
            words.extend(f"{c} {lemma}" for c in compounds)
            words.append(lemma)
            if child.lower_ != lemma:
                words.append(child.lower_)
            words.extend(compounds)
            hyphened = _hyphenated(child)
            if hyphened:
                words.append(hyphened)
    return words


def _extra_tokens(token: Any, word: str | None) -> tuple[Any, ...]:
    out = [c for c in token.children if c.dep_ == "prt"]
    if word is not None:
        for child in [*token.children, *_objects(token)]:
            if child.dep_ in _OBJECT_DEPS | {"prep", "xcomp"} and (
                child.lemma_.lower() == word
                or child.lower_ == word
                or word.endswith(" " + child.lemma_.lower())
            ):
                out.append(child)
                break
            if child.dep_ == "prep" and child.lower_ in _EVENT_PREPOSITIONS:
                out.extend(
                    g for g in child.children if g.dep_ == "pobj" and g.lemma_ == word
                )
    return tuple(out)


_PARTICLES = frozenset({"back", "out", "up", "down", "off", "away"})
#: participles that make their noun people ("the kidnapped engineers")
_CAPTIVE = frozenset(
    [
        "kidnapped",
        "abducted",
        "detained",
        "jailed",
        "imprisoned",
        "arrested",
        "captured",
        "held",
    ]
)
_PEOPLE = frozenset(
    """
    engineer doctor nurse teacher lawyer farmer fisherman tourist employee
    staff contractor priest villager resident diplomat volunteer hiker sailor
    prisoner hostage detainee captive activist journalist reporter soldier
    civilian worker people person man woman child citizen national member
    fighter official leader dissident protester demonstrator student refugee
    migrant crew sailor pilot observer monitor opponent suspect politician
    """.split()  # noqa: SIM905
)
_MODALS = frozenset({"should", "would", "will", "must", "shall", "could", "'ll"})


def _person_like(token: Any) -> bool:
    return bool(
        token.ent_type_ in {"PERSON", "NORP"}
        or token.pos_ in {"PROPN", "NUM"}
        or token.lemma_.lower() in _PEOPLE
        or any(c.lower_ in _CAPTIVE for c in token.children)
    )


def complement_ok(token: Any, kinds: frozenset[str]) -> bool:
    """Whether a verb has one of the complements it needs to be an event.

    Kinds: ``xcomp``, ``ccomp``, ``modal-ccomp`` (a clause with should, will,
    would...), ``dobj``, ``person`` (an object that is people), ``prep:WORD``.
    """
    for child in token.children:
        dep = child.dep_
        if dep in kinds:
            return True  # xcomp, ccomp, dobj, dative
        if (
            dep == "ccomp"
            and "modal-ccomp" in kinds
            and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in child.children)
        ):
            return True
        if dep == "prep" and f"prep:{child.lower_}" in kinds:
            return True
    return "person" in kinds and any(_person_like(o) for o in _objects(token))


def _lemma(token: Any, lexicon: Lexicon) -> str:
    """The token's lemma, mended where the lemmatiser guessed wrong ("stag")."""
    lemma = str(token.lemma_.lower())
    if lemma in lexicon.verbs or lemma in lexicon.cameo_verbs:
        return lexicon.synonyms.get(lemma, lemma)
    lower = str(token.lower_)
    guesses = [lower]
    if lower.endswith("ied"):
        guesses.append(lower[:-3] + "y")
    if lower.endswith(("ed", "es")):
        guesses.extend([lower[:-1], lower[:-2]])
    if lower.endswith("ing"):
        guesses.extend([lower[:-3], lower[:-3] + "e"])
    for guess in guesses:
        if guess in lexicon.verbs:
            return lexicon.synonyms.get(guess, guess)
    return lexicon.synonyms.get(lemma, lemma)


#: verbs that link relations to how they are ("relations will be better")
_LINKING = frozenset({"be", "become", "get", "grow"})


def relation_noun(token: Any, lexicon: Lexicon) -> Any:
    """The "relations"/"ties" subject of ``token``, if it has one."""
    for child in token.children:
        if child.dep_ == "nsubj" and child.lemma_.lower() in lexicon.relation_nouns:
            return child
    return None


def _match_relation(token: Any, lexicon: Lexicon) -> Trigger | None:
    """ "Ties between A and B improved", "relations could be better"."""
    if token.pos_ not in {"VERB", "AUX"} or not lexicon.relation_nouns:
        return None
    noun = relation_noun(token, lexicon)
    if noun is None:
        return None
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in lexicon.relations:
        return Trigger(token, lexicon.relations[lemma], (noun,), kind="relation")
    if lemma not in _LINKING:
        return None
    # "be better", "be in a better situation", "be on a stronger footing"
    words = [c for c in token.children if c.dep_ in {"acomp", "attr", "oprd"}]
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            words.extend(g for g in pobj.children if g.dep_ == "amod")
    for word in words:
        sense = lexicon.relations.get(word.lower_)
        if sense is not None:
            return Trigger(token, sense, (noun, word), kind="relation")
    return None


#: what two sides do together: "joint patrols", "jointly investigate"
_JOINT_MILITARY = frozenset(
    """
    patrol drill exercise operation mission manoeuvre maneuver sortie force
    training flight
    """.split()  # noqa: SIM905
)
_JOINT_OTHER = frozenset(
    "investigation inquiry probe venture project production research".split()  # noqa: SIM905
)


_TAKING_PART = frozenset({"take", "participate", "join", "engage"})


def _match_joint(token: Any) -> Trigger | None:
    """ "Conducted joint patrols", "will jointly investigate": COOPERATE."""
    if any(c.dep_ == "advmod" and c.lower_ == "jointly" for c in token.children):
        return Trigger(token, Sense("COOPERATE", None, None))
    held = _objects(token)
    if token.lemma_.lower() in _TAKING_PART:  # "take part in joint patrols"
        held.extend(
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children
            if g.dep_ == "pobj"
        )
    for obj in held:
        # "joint air drills": the adjective may sit on a compound
        modifiers = [obj, *(c for c in obj.children if c.dep_ == "compound")]
        if not any(
            c.dep_ == "amod" and c.lower_ == "joint"
            for m in modifiers
            for c in m.children
        ):
            continue
        noun = obj.lemma_.lower()
        if noun in _JOINT_MILITARY:
            return Trigger(token, Sense("COOPERATE", None, "military"), (obj,))
        if noun in _JOINT_OTHER:
            return Trigger(token, Sense("COOPERATE", None, None), (obj,))
    return None


_PLACES = frozenset({"GPE", "LOC", "FAC"})
_STRIKE = Sense("ASSAULT", None, "military")


def _match_target(token: Any, lemma: str, lexicon: Lexicon) -> Trigger | None:
    """ "Struck a weapons depot", "hit Kharkiv": striking a place or a target."""
    if lemma not in lexicon.target_verbs:
        return None
    for obj in _objects(token):
        if obj.ent_type_ in _PLACES or obj.lemma_.lower() in lexicon.target_nouns:
            return Trigger(token, _STRIKE, (obj,) if obj.i == token.i + 1 else ())
    return None


def _match_by_subject(token: Any, lemma: str, lexicon: Lexicon) -> Trigger | None:
    """ "Protesters gathered", "troops left": an event only with such a subject."""
    entry = lexicon.subject_verbs.get(lemma)
    if entry is None:
        return None
    sense, wanted = entry
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "xcomp":  # "troops are to leave"
        subjects = [c for c in token.head.children if c.dep_ in _SUBJECTS]
    for child in subjects:
        heads = [child] + [
            g
            for prep in child.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for g in prep.children
            if g.dep_ == "pobj"
        ]
        if any(h.lemma_.lower() in wanted for h in heads):
            return Trigger(token, sense)
    return None


def _happening_sense(noun: Any, lexicon: Lexicon) -> Sense | None:
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ == "compound":
            compound = lexicon.happenings.get(f"{child.lemma_.lower()} {lemma}")
            if compound is not None:
                return compound
    return lexicon.happenings.get(lemma)


def _match_happening(token: Any, lexicon: Lexicon) -> Trigger | None:
    """ "Clashes broke out", "talks resumed", "there were no meetings"."""
    if token.pos_ not in {"VERB", "AUX"} or not lexicon.happenings:
        return None
    lemma = token.lemma_.lower()
    verbs = {lemma} | {
        f"{lemma} {c.lower_}" for c in token.children if c.dep_ in {"prt", "dobj"}
    }
    if verbs & lexicon.happening_verbs:
        deps = {"nsubj"}
    elif lemma == "be" and any(c.dep_ == "expl" for c in token.children):
        deps = {"attr"}  # "there have been no meetings"
    else:
        return None
    for child in token.children:
        if child.dep_ in deps and child.pos_ == "NOUN":
            sense = _happening_sense(child, lexicon)
            if sense is not None:
                return Trigger(token, sense, (child,), kind="happening")
    return None


#: who acts through a nominal event: "Berlin's apology", "the Soviet withdrawal"
_NOMINAL_ACTORS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _match_nominal(token: Any, lexicon: Lexicon) -> Trigger | None:
    """ "Berlin's 2021 apology to Namibia ...", "the Soviet withdrawal ...".

    A noun that names an event, as the subject of its clause, with the actor
    as its possessor or a national adjective.
    """
    if token.pos_ != "NOUN" or token.dep_ not in _SUBJECTS:
        return None
    sense = lexicon.nouns.get(token.lemma_.lower())
    if sense is None:
        return None
    for child in token.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN":
            return None  # "press release", "food aid": not this event
        if (child.dep_ == "poss" and child.pos_ != "PRON") or (
            child.dep_ in {"amod", "compound"} and child.ent_type_ in _NOMINAL_ACTORS
        ):
            return Trigger(token, sense, kind="nominal")
    return None


def _hedging_passive(token: Any, lemma: str) -> bool:
    """ "Iran is alleged to have shipped drones": a hedge on the shipping."""
    return passive_hedge(token, lemma) and any(
        c.dep_ == "xcomp" for c in token.children
    )


def match_token(
    token: Any, lexicon: Lexicon, *, cameo: str = "phrases"
) -> Trigger | None:
    """The trigger a token heads, if it heads one."""
    pos = token.pos_
    if pos == "NOUN":
        return _match_nominal(token, lexicon)
    relation = _match_relation(token, lexicon) or _match_happening(token, lexicon)
    if relation is not None:
        return relation
    if pos == "VERB":
        lemma = _lemma(token, lexicon)
        if token.lower_ in _NEVER or _hedging_passive(token, lemma):
            return None
        phrasal = [
            f"{lemma} {c.lower_}"
            for c in token.children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES)
        ]
        phrasal.extend(
            f"{lemma} {c.lower_}"
            for c in token.children
            if c.dep_ == "prep"
            and c.i > token.i
            and not any(g.ent_type_ in {"DATE", "TIME"} for g in c.children)
        )
        preps = [
            c.lower_
            for c in token.children
            if c.dep_ in {"prep", "agent", "dative"}
            and not any(g.ent_type_ in {"DATE", "TIME"} for g in c.children)
        ]
        target = _match_target(token, lemma, lexicon) or _match_joint(token)
        if target is not None:
            return target
        sense, word = lexicon.verb_sense(
            [*phrasal, lemma], _object_words(token), preps, cameo
        )
        # "farmers blockaded the capital": who does it decides what it is
        bound = _match_by_subject(token, lemma, lexicon)
        if bound is not None and (
            sense is None or sense.category != bound.sense.category
        ):
            return bound
        if sense is None:
            return None
        needs = lexicon.requires.get(lemma)
        if word is None and needs is not None and not complement_ok(token, needs):
            return None
        return Trigger(token, sense, _extra_tokens(token, word))
    if (
        pos == "ADJ"
        and token.lemma_.lower() in lexicon.adjectives
        and any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to")
            for c in token.children
        )
    ):
        return Trigger(token, lexicon.adjectives[token.lemma_.lower()], kind="adj")
    return None
