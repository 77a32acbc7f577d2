"""Frames: events whose complement is their content, not an event of its own.

"agreed to withdraw", "threatened to break relations", "accused X of
shelling": the inner trigger is absorbed by the frame and lends it a mode
(REQUEST assist/yield/meet, THREATEN relations/restrict/violence) and a
context. A verbal trigger in the purpose clause of another event ("staged
demonstrations to demand reforms") is that event's aim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .modality import DENIAL_NOUNS
from .triggers import Sense, Trigger

#: categories whose complement is their content, not an event of its own
FRAMES = frozenset(
    {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"}
)
#: verbal categories: as the purpose of another event they are its aim
VERBAL = FRAMES - {"CONCEDE"}
_COMPLEMENT_DEPS = frozenset(
    {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl", "conj", "advcl", "appos"}
)
#: what is asked for or refused, by the category of the content
_ASKED_MODES = {
    "AID": "assist",
    "COOPERATE": "assist",
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "CONSULT": "meet",
    "AGREE": "meet",
}
#: the mode a framing event takes from the category of its content
FRAME_MODES = {
    "REQUEST": _ASKED_MODES,
    "REJECT": _ASKED_MODES,
    "THREATEN": {
        "SANCTION": "relations",
        "COERCE": "restrict",
        "ASSAULT": "violence",
        "MOBILIZE": "violence",
    },
}


def frame_mode(frame: Sense, content: list[Trigger]) -> tuple[str | None, str | None]:
    """The mode and context of a frame, from its own sense or its content's."""
    mode, context = frame.mode, frame.context
    for inner in content:
        if mode is None:
            mode = FRAME_MODES.get(frame.category, {}).get(inner.sense.category)
        context = context or inner.sense.context
    return mode, context


@dataclass(slots=True)
class Found:
    """A trigger while the sentence is read: what it absorbs and is absorbed by."""

    trigger: Trigger
    absorbed_by: int | None = None
    content: list[Trigger] = field(default_factory=list)


def path_to_frame(token: Any, found: dict[int, Found]) -> int | None:
    """The nearest trigger above ``token`` whose content ``token`` is, if any."""
    own = found[token.i].trigger.sense.category
    own_mode = found[token.i].trigger.sense.mode
    node = token
    deps: list[str] = []
    for _ in range(5):
        if node.head.i == node.i:
            return None
        deps.append(node.dep_)
        if node.dep_ == "acl" and node.head.lemma_.lower() in DENIAL_NOUNS:
            return None  # "rejected reports that police had seized": denied
        node = node.head
        if node.i in found:
            above = found[node.i].trigger
            if not set(deps) <= _COMPLEMENT_DEPS:
                return None
            index: int = node.i
            if above.sense.category in FRAMES or above.kind == "deontic":
                return index
            if (
                own in VERBAL
                and own_mode != "investigate"
                and (set(deps) & {"advcl", "xcomp", "acl"})
            ):
                return index  # "staged demonstrations to demand reforms"
            return None
    return None
