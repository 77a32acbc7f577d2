"""Canonical actors: the packaged gazetteer and its fast alias lookup.

The gazetteer is built by ``scripts/build_gazetteer.py`` from the Phoenix
political actor dictionaries (MIT, Open Event Data Alliance; see
``data/LICENSE-phoenix.txt``) plus our own layer in ``data/extra.toml``.
"""

from __future__ import annotations

from .gazetteer import (
    ACTOR_KINDS,
    Actor,
    ActorKind,
    Gazetteer,
    GazetteerMatch,
    Role,
    load_gazetteer,
)

__all__ = [
    "ACTOR_KINDS",
    "Actor",
    "ActorKind",
    "Gazetteer",
    "GazetteerMatch",
    "Role",
    "load_gazetteer",
]
