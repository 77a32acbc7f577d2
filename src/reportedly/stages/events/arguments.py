"""Who did it and to whom: actors and recipients read off the dependency parse.

The subject (or the passive's agent) is the actor, the object or the object of
"against", "with", "to", "on" the recipient; each argument becomes the actor
mentions (``Article.mentions``) inside its noun phrase. A pronoun is resolved
through the mention it refers to, the speaker of the quote it stands in ("we"),
or the subject of the reporting verb above it ("Syria says it will ...").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from ...records import Mention, Span
from .parsefix import misread_participle, verb_above

#: dependents that end a noun phrase: clauses, not names
_CLAUSE_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc", "mark"}
)
#: prepositions whose object is the recipient, best first
RECIPIENT_PREPOSITIONS = (
    "against",
    "with",
    "to",
    "on",
    "at",
    "into",
    "toward",
    "towards",
    "upon",
    "between",
    "from",
    "of",
    "for",
)
_PLACE_PREPOSITIONS = frozenset({"in", "into", "at", "near", "outside", "across"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "our", "my", "ours", "ourselves"})
_PERSONAL = frozenset({"he", "she", "it", "they", "him", "her", "them", "its", "their"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_ACTOR_ENTS = frozenset({"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"})
_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "acomp", "pcomp", "ccomp"})


def _subtree_of(token: Any) -> list[Any]:
    """A noun phrase's tokens without its clauses (they describe, not name)."""
    out = [token]
    for child in token.children:
        if child.dep_ in _CLAUSE_DEPS:
            continue
        out.extend(_subtree_of(child))
    return out


def phrase_span(token: Any, offset: int) -> Span:
    """The article span of a noun phrase (its head's subtree, clauses left out)."""
    tokens = _subtree_of(token)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return Span(start=offset + first.idx, end=offset + last.idx + len(last.text))


class MentionIndex:
    """The article's mentions, searchable by character range."""

    __slots__ = ("_mentions", "_starts")

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self._mentions = sorted(mentions, key=lambda m: (m.span.start, -m.span.end))
        self._starts = [m.span.start for m in self._mentions]

    def within(self, spans: Iterable[Span]) -> list[Mention]:
        """Mentions starting inside any of the spans, outermost kept, text order."""
        found: list[Mention] = []
        for span in spans:
            lo = bisect.bisect_left(self._starts, span.start)
            hi = bisect.bisect_left(self._starts, span.end)
            found.extend(m for m in self._mentions[lo:hi] if m.span.end <= span.end)
        found.sort(key=lambda m: (m.span.start, -m.span.end))
        out: list[Mention] = []
        for mention in found:
            if out and mention.span.end <= out[-1].span.end:
                continue  # nested in the previous one (a composed actor)
            out.append(mention)
        return out

    def before(self, end: int, start: int = 0) -> list[Mention]:
        """Mentions wholly inside ``[start, end)``, in text order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self._mentions[lo:hi] if m.span.end <= end]

    def at(self, span: Span) -> Mention | None:
        """A mention overlapping ``span``, if any."""
        hi = bisect.bisect_left(self._starts, span.end)
        for mention in reversed(self._mentions[max(0, hi - 8) : hi]):
            if mention.span.end > span.start:
                return mention
        return None


def _token_spans(tokens: Iterable[Any], offset: int) -> list[Span]:
    """Contiguous runs of tokens as spans."""
    out: list[Span] = []
    for token in sorted(tokens, key=lambda t: t.i):
        start, end = offset + token.idx, offset + token.idx + len(token.text)
        if out and token.i and start - out[-1].end <= 1:
            out[-1] = Span(start=out[-1].start, end=end)
        else:
            out.append(Span(start=start, end=end))
    return out


def is_resolved(mention: Mention) -> bool:
    """Whether the actors stage gave the mention a code or an actor."""
    return bool(mention.code or mention.actor_id)


def phrase_mentions(
    token: Any, offset: int, index: MentionIndex, *, unresolved: bool = True
) -> tuple[Mention, ...]:
    """The actor mentions of the noun phrase headed by ``token``.

    Coded mentions win, then role mentions; with none, the phrase itself is
    an unresolved mention when ``unresolved`` is set.
    """
    tokens = _subtree_of(token)
    mentions = index.within(_token_spans(tokens, offset))
    coded = [m for m in mentions if is_resolved(m)]
    if coded:
        seen: set[str] = set()
        out: list[Mention] = []
        for mention in coded:
            key = mention.actor_id or mention.code or ""
            if key not in seen:
                seen.add(key)
                out.append(mention)
        return tuple(out)
    roles = [m for m in mentions if m.sector]
    if roles:
        return tuple(roles[:1])
    if not unresolved or token.pos_ not in {"NOUN", "PROPN"}:
        return ()
    span = phrase_span(token, offset)
    return (
        Mention(
            span=span, name=token.doc.text[span.start - offset : span.end - offset]
        ),
    )


def _conjuncts(token: Any) -> list[Any]:
    """A token and the tokens conjoined to it ("A, B and C")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


def relation_parties(noun: Any) -> tuple[list[Any], list[Any]]:
    """Whom relations are between, first party and second.

    "relations between A and B", "A's ties with B", "A-B relations",
    "Russian-Afghan ties": the first named party and the others.
    """
    named: list[Any] = []
    partners: list[Any] = []
    for child in noun.children:
        if child.dep_ == "poss":
            named.append(child)
        elif child.dep_ in {"compound", "amod", "nmod"}:
            named.extend(
                t
                for t in child.subtree
                if t.dep_ in {"compound", "amod", "nmod"} and actor_like(t)
            )
        elif child.dep_ == "prep" and child.lower_ in {"between", "among", "with"}:
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                partners.extend(_conjuncts(pobj))
    parties = sorted({t.i: t for t in [*named, *partners]}.values(), key=lambda t: t.i)
    return parties[:1], parties[1:]


def party_mentions(token: Any, offset: int, index: MentionIndex) -> list[Mention]:
    """The coded mentions of one party: its phrase without its conjuncts."""
    skipped = {
        t.i for c in token.children if c.dep_ in {"conj", "cc"} for t in c.subtree
    }
    tokens = [t for t in _subtree_of(token) if t.i not in skipped]
    return [m for m in index.within(_token_spans(tokens, offset)) if is_resolved(m)]


def subject_of(token: Any, depth: int = 0) -> tuple[Any, bool]:
    """The token naming who acts through ``token``, and whether it is a passive.

    An agent ("attacked by rebels") is the actor of a passive; a verb without
    a subject borrows the subject of the verb it hangs from ("continued to
    send", "killing one and arresting 12").
    """
    for child in token.children:
        if child.dep_ in {"nsubj", "csubj"}:
            return child, False
    if depth:
        # reached from a complement: "Egypt is believed to have attacked",
        # "Iran is accused of sending", "troops were ordered to withdraw": the
        # passive's subject does what its complement says
        for child in token.children:
            if child.dep_ == "nsubjpass":
                return child, False
    for child in token.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild, True
    passive = any(c.dep_ == "nsubjpass" for c in token.children)
    if passive or depth > 4 or token.head.i == token.i:
        return None, passive
    if misread_participle(token):
        return subject_of(verb_above(token), depth + 1)
    head = token.head
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
        return subject_of(head.head, depth + 1)  # "built ties by providing arms"
    if token.dep_ in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN"}:
        acts = token.dep_ == "relcl" or any(c.dep_ == "dobj" for c in token.children)
        return (head, False) if acts else (None, False)
    if token.dep_ in _CLIMB_DEPS or (token.dep_ == "advcl" and token.tag_ == "VBG"):
        if token.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children):
            # "urged Serbia to return": the object of the head acts
            obj = next(c for c in head.children if c.dep_ == "dobj")
            if head.lemma_.lower() not in {"help"}:
                return obj, False
        return subject_of(head, depth + 1)
    return None, False


def recipient_of(token: Any, skip: Iterable[Any] = ()) -> Any:
    """The token naming whom the event is directed at, if the parse says."""
    skipped = {t.i for t in skip}
    for child in token.children:
        if child.dep_ == "nsubjpass" and child.i not in skipped:
            return child
    objects = [c for c in token.children if c.dep_ in {"dobj", "dative"}]
    for obj in objects:
        if obj.i not in skipped and actor_like(obj):
            return obj
    preps = {c.lower_: c for c in token.children if c.dep_ in {"prep", "dative"}}
    for obj in [*objects, *[t for t in skip if t.i != token.i]]:
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ not in preps:
                preps[child.lower_] = child
    for word in RECIPIENT_PREPOSITIONS:
        prep = preps.get(word)
        if prep is None:
            continue
        for child in prep.children:
            if child.dep_ == "pobj" and child.ent_type_ not in {"DATE", "TIME"}:
                if word in {"of", "for", "from"} and not actor_like(child):
                    continue
                return child
    for obj in objects:
        if obj.i in skipped:
            continue
        for child in obj.children:
            if child.dep_ in {"poss", "amod", "compound", "nmod"} and actor_like(child):
                return child
        return obj
    return None


_NOT_TARGET_DEPS = frozenset({"advcl", "parataxis", "relcl", "npadvmod", "punct"})


def clause_mentions(
    token: Any,
    offset: int,
    index: MentionIndex,
    *,
    exclude: Iterable[Any] = (),
    skip_lemmas: frozenset[str] = frozenset(),
    limit: int = 3,
) -> tuple[Mention, ...]:
    """Coded mentions in the clause of ``token``, objects first.

    The clause leaves out the ``exclude`` phrases (the actor), adverbial,
    relative and parenthetical clauses, and reporting verbs ("police said").
    """
    skipped: set[int] = set()
    for phrase in exclude:
        skipped.update(t.i for t in phrase.subtree)
    for child in token.children:
        if child.dep_ in _NOT_TARGET_DEPS or child.lemma_.lower() in skip_lemmas:
            skipped.update(t.i for t in child.subtree)
    tokens = [t for t in token.subtree if t.i not in skipped]
    after = [t for t in tokens if t.i > token.i]
    before = [t for t in tokens if t.i < token.i]
    out: list[Mention] = []
    seen: set[str] = set()
    for group in (after, before):
        for mention in index.within(_token_spans(group, offset)):
            key = mention.code or mention.actor_id or ""
            if key and key not in seen:
                seen.add(key)
                out.append(mention)
    return tuple(out[:limit])


def place_of(token: Any) -> Any:
    """A place the event happened in: a GPE, LOC or FAC after "in", "at"..."""
    for holder in (token, *[c for c in token.children if c.dep_ == "dobj"]):
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPOSITIONS:
                continue
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
                    return pobj
    return None


def actor_like(token: Any) -> bool:
    """A name, a people word or a pronoun: something that can act."""
    if token.ent_type_ in _ACTOR_ENTS or token.pos_ == "PROPN":
        return True
    if token.lower_ in _PERSONAL or token.lower_ in _FIRST_PERSON:
        return True
    return any(c.ent_type_ in _ACTOR_ENTS for c in token.children if c.dep_ != "prep")


def is_first_person(token: Any) -> bool:
    """I, we, our..."""
    return bool(token.lower_ in _FIRST_PERSON)


def is_pronoun(token: Any) -> bool:
    """A personal or relative pronoun that needs resolving."""
    return bool(token.lower_ in _PERSONAL or token.lower_ in _RELATIVE)


def reporting_subject(token: Any, verbs: frozenset[str]) -> Any:
    """The subject of the reporting verb whose clause holds ``token``, if any.

    ``"Syria says it is willing"``: for "willing", the subject of "says".
    """
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if node.dep_ in {"ccomp", "xcomp", "advcl", "conj"} and (
            node.head.lemma_.lower() in verbs
        ):
            subject, _ = subject_of(node.head)
            if subject is not None and not is_pronoun(subject):
                return subject
        node = node.head
    return None
