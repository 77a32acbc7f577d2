"""Polarity and certainty: is the event said to happen, and how surely.

Certainty, strongest first: ``hypothetical`` (a condition: "if", "unless",
"should the talks fail", "would have"; a possibility: "could send",
"could be better"), ``future`` ("will", "is set to",
"plans to", "would" under a past reporting verb), ``hedged`` ("reportedly",
"may have", "is believed to", "I understand"), ``reported`` (someone besides
the outlet asserts it), ``fact``. Polarity is ``denied`` under "not",
"never", "no", or a denial ("denied that", "dismissed reports that").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...records import Certainty, Polarity
from .parsefix import misread_participle, verb_above

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody"})
#: "at no point", "in no way", "under no circumstances": never
_NO_WAY = frozenset({"point", "way", "circumstance", "time", "means", "stage"})
HEDGE_ADVERBS = frozenset(
    """
    reportedly allegedly apparently purportedly supposedly seemingly possibly
    probably perhaps maybe likely presumably ostensibly
    """.split()  # noqa: SIM905
)
#: verbs and adjectives whose complement is uncertain ("is believed to")
HEDGE_HEADS = frozenset(
    """
    believe think suspect allege rumor rumour fear understand appear seem
    suggest possible likely probable unclear unconfirmed hear guess suppose
    assume presume speculate estimate imply
    """.split()  # noqa: SIM905
)
#: "believed to", "said to": passive reporting verbs hedge their complement
PASSIVE_HEDGES = frozenset(
    {"believe", "think", "say", "report", "allege", "suspect", "understand"}
    | {"know", "fear"}
)
FUTURE_HEADS = frozenset(
    """
    plan intend expect schedule set due aim prepare going poised slate vow
    promise pledge threaten propose
    """.split()  # noqa: SIM905
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
HEDGE_AUX = frozenset({"may", "might", "could"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "provided", "lest"})
INVERTED_CONDITION = frozenset({"should", "were", "had"})
#: the marks of a condition a modal hangs on ("whether" asks, it sets none)
_IF_MARKS = CONDITION_MARKS - {"whether"}
#: subjects and objects that say nobody did it ("nobody was detained")
NOBODY = frozenset({"nobody", "none", "nothing", "noone"})
#: verbs that deny their complement ("denied that its aircraft struck")
DENIALS = frozenset({"deny", "dismiss", "refute", "rebut", "reject", "disprove"})
DENIAL_NOUNS = frozenset(
    {"report", "claim", "allegation", "accusation", "suggestion", "rumor", "rumour"}
)
REPORTING = frozenset(
    """
    say tell add report claim state announce insist confirm note explain
    write warn believe think allege indicate show suggest hear learn
    """.split()  # noqa: SIM905
)
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: how a reported clause hangs on its reporting verb
_REPORTED = frozenset({"ccomp", "xcomp"})
#: dependency labels along which modality reaches down to the event
_CHAIN = frozenset({"xcomp", "conj", "acomp", "auxpass", "aux"})


def clause_chain(token: Any, depth: int = 4) -> Iterator[Any]:
    """The token and the heads it hangs from by xcomp/conj ("plans to attack").

    A conjunct with its own tense ("would become ... and called for") keeps
    its own modality.
    """
    node = token
    yield node
    for _ in range(depth):
        if misread_participle(node):
            node = verb_above(node)  # "is said to have relaxed rules"
            yield node
            continue
        if node.dep_ == "pcomp" and node.head.lower_ == "to":
            node = node.head.head  # "could resort to airdropping rations"
            yield node
            continue
        if node.head.i == node.i or not (
            node.dep_ in _CHAIN or (node.dep_ == "attr" and node.tag_ == "VBG")
        ):  # "may be mediating", read as an attribute of "be"
            return
        if node.dep_ == "conj" and node.tag_ in _FINITE:
            return
        node = node.head
        yield node


def _children(token: Any, *deps: str) -> Iterator[Any]:
    return (c for c in token.children if c.dep_ in deps)


def _has_no(noun: Any) -> bool:
    """ "no arrests", "no truth", "at no point": a noun under "no"."""
    return any(d.dep_ == "det" and d.lower_ == "no" for d in noun.children)


def is_negated(token: Any) -> bool:
    """ "did not attack", "never shelled", "fired no shells", "nobody was held",
    "had no plans to recognize"."""
    if token.dep_ == "acl" and token.tag_ == "VB" and _has_no(token.head):
        return True  # an infinitive under "no plans", "no intention", "no way"
    for node in clause_chain(token):
        for child in node.children:
            if child.dep_ == "neg" or (
                child.dep_ in {"advmod", "preconj"} and child.lower_ in NEGATIONS
            ):
                return True
            if child.dep_ == "prep" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _NO_WAY and _has_no(g)
                for g in child.children
            ):
                return True  # "at no point", "in no way", "under no circumstances"
            if child.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"} and (
                child.lower_ in NOBODY or _has_no(child)
            ):
                return True
        if node.dep_ == "conj":
            break  # "X attacked but did not kill": the negation of a sibling stays
    return False


def is_denied_by_head(token: Any) -> bool:
    """Under a denial: "denied that ...", "dismissed reports that ..."."""
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return False
        head = node.head
        if node.dep_ in {"ccomp", "pcomp", "xcomp"} and head.lemma_.lower() in DENIALS:
            return True
        if (
            node.dep_ in {"acl", "ccomp"}
            and head.lemma_.lower() in DENIAL_NOUNS
            and head.head.lemma_.lower() in DENIALS
        ):
            return True
        if node.dep_ in {"acl", "ccomp"} and head.lemma_.lower() in DENIAL_NOUNS:
            # "there is no truth to claims that", "no evidence for reports that"
            holder = head.head.head if head.head.dep_ == "prep" else None
            if holder is not None and _has_no(holder):
                return True
        if node.dep_ == "pcomp" and head.dep_ == "prep":
            node = head
            continue
        if node.dep_ not in {"conj", "xcomp", "ccomp", "advcl", "pcomp", "prep"}:
            return False
        node = head
    return False


def polarity_of(token: Any, *, denied_by_quote: bool = False) -> Polarity:
    """``denied`` when negated or denied (one or the other, not both)."""
    negated = is_negated(token)
    denied = denied_by_quote or is_denied_by_head(token)
    return "denied" if negated != denied else "asserted"


def _inverted(clause: Any) -> bool:
    """ "Should the talks fail", "Were China to invade", "Had they stayed"."""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in INVERTED_CONDITION and clause.i in (first.i, first.head.i)


def _would_if(token: Any) -> bool:
    """ "would ask the coalition to set a timetable ... if strikes continued",
    "might agree to call off the march if ...": a condition anywhere under the
    clause that holds the modal."""
    for node in clause_chain(token):
        if any(c.dep_ == "aux" and c.lower_ in CONDITIONAL_AUX for c in node.children):
            if any(t.dep_ == "mark" and t.lower_ in _IF_MARKS for t in node.subtree):
                return True
            auxes = {c.lower_ for c in node.children if c.dep_ == "aux"}
            if (
                "would" in auxes
                and "have" not in auxes
                and any(
                    d.dep_ == "det" and d.lower_ == "any"
                    for c in node.children
                    if c.dep_ == "dobj"
                    for m in (c, *(g for g in c.children if g.dep_ == "compound"))
                    for d in m.children
                )
            ):
                return True  # "would reject any deal that ...": should one come
            # "X would be ready to return ..., if Cairo dropped ..., the
            # minister told reporters": the parser hung the condition on the
            # reporting verb; it still bounds what was reported
            head = node.head
            return (
                node.dep_ in {"ccomp", "parataxis"}
                and head.lemma_.lower() in REPORTING
                and any(
                    c.dep_ == "advcl"
                    and c.i < head.i
                    and any(
                        m.dep_ == "mark" and m.lower_ in _IF_MARKS for m in c.children
                    )
                    for c in head.children
                )
            )
    return False


def _conditional(token: Any, *, threat: bool = False) -> bool:
    """The event is, or hangs on, a condition.

    A ``threat``'s condition is what it threatens ("warned of consequences
    if it arms Russia"): the threat itself is made, not supposed.
    """
    for node in clause_chain(token):
        for child in node.children:
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS:
                return True  # the event is the condition itself
            if threat:
                continue
            if child.dep_ == "advcl" and (
                any(
                    m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                    for m in child.children
                )
                or _inverted(child)
            ):
                return True
        if node.dep_ == "advcl" and _inverted(node):
            return True
        if (
            node.dep_ == "ccomp"
            and node.left_edge.i == node.sent.start
            and _inverted(node)
        ):
            return True  # "Had Moscow threatened Finland, ...", misparsed
    return False


def reporting_head(token: Any, deps: frozenset[str]) -> Any:
    """The reporting verb whose clause (reached along ``deps``) holds ``token``,
    at most five heads up; None when there is none."""
    node = token
    for _ in range(5):
        if node.head.i == node.i:
            return None
        if node.dep_ in deps and node.head.lemma_.lower() in REPORTING:
            return node.head
        node = node.head
    return None


def _under_past_report(token: Any) -> bool:
    """ "said it would withdraw": "would" is the future of a past statement."""
    head = reporting_head(token, _REPORTED)
    return head is not None and head.tag_ in {"VBD", "VBN"}


def passive_hedge(token: Any, lemma: str | None = None) -> bool:
    """``is alleged``, ``is suspected``: a passive that hedges what it holds
    (``lemma`` when the caller has mended the token's)."""
    lemma = token.lemma_.lower() if lemma is None else lemma
    return lemma in PASSIVE_HEDGES and any(c.dep_ == "auxpass" for c in token.children)


def _hedged(token: Any) -> bool:
    for node in clause_chain(token):
        if node is not token and passive_hedge(node):
            return True  # "is suspected of flying", misread
        for child in node.children:
            if child.lower_ in HEDGE_ADVERBS and child.dep_ in {"advmod", "aux"}:
                return True
            if child.dep_ == "aux" and child.lower_ in HEDGE_AUX:
                return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in HEDGE_HEADS:
            return True
        if node.dep_ == "xcomp" and passive_hedge(node.head):
            return True
        if node.dep_ in {"ccomp", "advcl"} and node.head.lemma_.lower() in HEDGE_HEADS:
            return True
    # "It is possible that ...", "It appears that ..."
    head = token.head
    if token.dep_ == "ccomp" and any(
        c.lemma_.lower() in HEDGE_HEADS for c in _children(head, "acomp", "attr")
    ):
        return True
    # "suspected of torturing"
    if token.dep_ == "pcomp" and head.dep_ == "prep":
        verb = head.head
        return bool(verb.lemma_.lower() in HEDGE_HEADS and verb.tag_ == "VBN")
    return False


def _infinitive(token: Any) -> bool:
    """A verb with its "to": "to begin", "to host"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _future(token: Any) -> bool:
    if (
        token.dep_ == "ROOT" or (token.dep_ == "acl" and token.head.dep_ == "ROOT")
    ) and _infinitive(token):
        return True  # a headline's infinitive: "Navies to begin joint drills"
    if (
        token.dep_ == "advcl"
        and token.head.lemma_.lower() in FUTURE_HEADS
        and _infinitive(token)
    ):
        return True  # "is set to expel", the infinitive misread as adverbial
    below = None
    for node in clause_chain(token):
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
                return True
        if (
            below is not None
            and below.dep_ == "xcomp"
            and (
                node.lemma_.lower() in FUTURE_HEADS
                or node.lower_ == "going"
                or (node.lemma_ == "be" and _infinitive(below))
            )
        ):
            return True  # "plans to", "is set to", "is going to", "is to host"
        below = node
    return False


def _modal(token: Any) -> str | None:
    for node in clause_chain(token):
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in CONDITIONAL_AUX:
                return str(child.lower_)
    return None


def _progressive(token: Any) -> bool:
    """ "may be arming": a guess about what is going on."""
    return token.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in token.children
    )


def certainty_of(
    token: Any,
    *,
    attributed: bool,
    hedged_by_quote: bool = False,
    threat: bool = False,
) -> Certainty:
    """The certainty of the event headed by ``token`` (``threat``: a THREATEN)."""
    modal = _modal(token)
    if _conditional(token, threat=threat):
        return "hypothetical"
    perfect = any(
        c.dep_ == "aux" and c.lemma_ == "have"
        for n in clause_chain(token)
        for c in n.children
    )
    if modal == "would" and perfect:
        return "hypothetical"  # "would have attacked"
    if modal is not None and not threat and _would_if(token):
        return "hypothetical"  # "would ... if ...", "might agree ... if ..."
    if _future(token) or (modal == "would" and _under_past_report(token)):
        return "future"
    if modal == "would":
        return "hypothetical"
    if modal == "could" and not perfect and not _progressive(token):
        # "Russia could send troops", "relations could be better": a
        # possibility; "may send", "could have sent" guess at what happens
        return "hypothetical"
    if hedged_by_quote or _hedged(token):
        return "hedged"
    if attributed:
        return "reported"
    return "fact"
