"""Mending one misreading of the small English parser that hides events.

"Egypt is said to have relaxed entry rules", "police are believed to have
frozen assets", "Iran may have relaxed enforcement", "Iran is suspected of
flying weapons": the parser reads the participle as an adjective of its own
object ("relaxed rules") and the auxiliary "have" or the preposition "of" as
the clause. The event's verb is the participle; its object is the noun it
seems to describe; the clause it belongs to is the one above that noun.
"""

from __future__ import annotations

from typing import Any

_HOLDERS = frozenset({"dobj", "pobj", "attr"})


def misread_participle(token: Any) -> bool:
    """Whether ``token`` is a participle the parser took for an adjective."""
    if token.dep_ != "amod" or token.tag_ not in {"VBN", "VBG"}:
        return False
    if token.i > token.head.i:
        return False  # "the rules relaxed": after its noun it describes it
    noun = token.head
    if noun.dep_ not in _HOLDERS:
        return False
    above = noun.head
    if noun.dep_ == "pobj":
        return bool(above.lower_ == "of" and above.head.tag_ == "VBN")
    return bool(
        above.lemma_ in {"have", "be"}
        and any(
            c.dep_ == "aux"
            # "to have relaxed rules", "may have relaxed rules" (a modal, tag MD)
            and (c.lower_ == "to" or (above.lemma_ == "have" and c.tag_ == "MD"))
            for c in above.children
        )
    )


def verb_above(token: Any) -> Any:
    """The clause a misread participle belongs to ("have", "suspected")."""
    above = token.head.head
    return above.head if token.head.dep_ == "pobj" else above
