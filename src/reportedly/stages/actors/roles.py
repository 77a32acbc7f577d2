"""Titles and appositions: the role a text gives a person where it names them.

"Kremlin spokesman Dmitry Peskov" (a title before the name), "Muhammad Jaan
Rasool, former deputy governor for Helmand Province," (an apposition after it),
"The party's deputy leader, Omid Durrani," (an apposition before it) and the
parser's habit of hanging a name under "for" in "envoy for Central Asia Oleg
Varentsov". Everything works on token indices of one spaCy ``Doc``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: Longest role read, in tokens: longer appositions are clauses, not titles.
MAX_ROLE_TOKENS = 14
_DETERMINERS = frozenset({"the", "a", "an"})
_EDGE_PUNCT = frozenset(",;:()[]\"'“”‘’«»—–-")


def _trim(doc: Any, a: int, b: int) -> tuple[int, int] | None:
    """Drop determiners and punctuation at the edges of tokens ``[a, b)``."""
    while a < b and (doc[a].lower_ in _DETERMINERS or doc[a].text in _EDGE_PUNCT):
        a += 1
    while b > a and doc[b - 1].text in _EDGE_PUNCT:
        b -= 1
    if b <= a or b - a > MAX_ROLE_TOKENS:
        return None
    return a, b


def _premodifier(
    doc: Any, head: Any, i: int, is_role: Callable[[int], bool]
) -> tuple[int, int] | None:
    lefts = [c for c in head.lefts if c.i < i and c.dep_ not in ("det", "punct")]
    if not lefts:
        return None
    a = min(c.left_edge.i for c in lefts)
    if any(doc[k].text == "," for k in range(a, i)):
        return None  # "Ghani, Habib": a list, not a title
    if not any(is_role(k) for k in range(a, i)):
        return None
    return _trim(doc, a, i)


def _governing_noun(
    doc: Any, head: Any, i: int, j: int, is_role: Callable[[int], bool]
) -> tuple[int, int] | None:
    """A role noun whose phrase the name ends: "envoy for Central Asia Oleg X"."""
    node = head
    for _ in range(3):
        parent = node.head
        if parent.i == node.i or parent.i >= i or parent.right_edge.i != j:
            return None
        if parent.pos_ in ("NOUN", "PROPN") and is_role(parent.i):
            return _trim(doc, parent.left_edge.i, i)
        node = parent
    return None


def _adjacent_noun(
    doc: Any, i: int, is_role: Callable[[int], bool]
) -> tuple[int, int] | None:
    """A role noun right before the name the parser did not attach to it."""
    k = i - 1
    if k < 0 or not is_role(k) or doc[k].pos_ not in ("NOUN", "PROPN"):
        return None
    return _trim(doc, doc[k].left_edge.i, i)


def _appositions(
    doc: Any, head: Any, i: int, j: int, is_role: Callable[[int], bool]
) -> list[tuple[int, int] | None]:
    found = []
    node = head.head
    for _ in range(3 if head.dep_ == "appos" else 0):
        # "The party's deputy leader, Omid Durrani" or, attached to the place,
        # "The Taliban's deputy governor in Herat, Mullah Hamdullah Faizi"
        if node.i < i and node.pos_ in ("NOUN", "PROPN") and is_role(node.i):
            found.append(_trim(doc, node.left_edge.i, min(i, head.left_edge.i)))
            break
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            break
        node = node.head
    for child in head.rights:
        if child.dep_ == "appos" and child.i > j and child.pos_ in ("NOUN", "PROPN"):
            a, b = child.left_edge.i, child.right_edge.i + 1
            if any(doc[k].is_lower and doc[k].is_alpha for k in range(a, b)):
                # all capitalised: a headline after a colon, not an apposition
                found.append(_trim(doc, a, b))
        elif child.dep_ == "prep" and child.i == j + 1 and child.lower_ == "of":
            # "King Hassan of Morocco"
            found.append(_trim(doc, child.i, child.right_edge.i + 1))
    return found


def person_roles(
    doc: Any, i: int, j: int, is_role: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` of the titles and appositions of ``doc[i:j+1]``.

    ``is_role(k)`` says whether token ``k`` is a role word (a gazetteer role or
    a title). At most one title before the name, then the appositions.
    """
    head = doc[i : j + 1].root
    title = (
        _premodifier(doc, head, i, is_role)
        or _adjacent_noun(doc, i, is_role)
        or _governing_noun(doc, head, i, j, is_role)
    )
    out: list[tuple[int, int]] = []
    for found in (title, *_appositions(doc, head, i, j, is_role)):
        if found is not None and not any(found[0] < b and a < found[1] for a, b in out):
            out.append(found)
    return out


def role_text(text: str, doc: Any, a: int, b: int) -> str:
    """The text of tokens ``[a, b)`` as written (``text`` is ``doc.text``, which
    spaCy rebuilds on every access)."""
    return text[doc[a].idx : doc[b - 1].idx + len(doc[b - 1].text)]
