"""How aliases meet text: tokens, lookup keys and the capitalisation an alias needs.

Shared by the gazetteer (matching) and ``scripts/build_gazetteer.py`` (indexing),
so an alias is keyed exactly as the text it should match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Words that may stay lowercase inside a capitalised name ("the White House",
# "Osama bin Laden", "Secretary of State").
FUNCTION_WORDS = frozenset(
    {"a", "al", "an", "and", "at", "bin", "d", "da", "de", "del", "der", "des", "di"}
    | {"du", "el", "for", "ibn", "in", "l", "la", "le", "les", "of", "on", "the"}
    | {"to", "ul", "van", "von", "y"}
)
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
# Hyphens and dashes join words but are not tokens, so "al-Qaeda" == "al Qaeda".
_JOINERS = frozenset("-\u2010\u2011\u2012\u2013\u2014")
_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"}
_AFTER_JOIN = _JOINERS | frozenset("'\u2019")
_VOWELS = frozenset("aeiouy")


def token_key(token: str) -> str:
    """The case- and accent-folded form a token is looked up by."""
    if token.isascii():
        return token.lower()
    if token in _QUOTES:
        return "'"
    folded = unicodedata.normalize("NFKD", token.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Tokens:
    """Word and punctuation tokens of a text: offsets and lookup keys."""

    text: str
    starts: list[int]
    ends: list[int]
    keys: list[str]


def tokenize(text: str) -> Tokens:
    """Tokens of ``text``; hyphens and dashes are skipped, as word boundaries only."""
    starts: list[int] = []
    ends: list[int] = []
    keys: list[str] = []
    for m in _TOKEN_RE.finditer(text):
        token = m.group()
        if token in _JOINERS:
            continue
        key = token.lower() if token.isascii() else token_key(token)
        if not key or unicodedata.category(key[0]) == "Cc":
            # a combining mark alone ("win\u0300") folds to nothing, and a
            # control character is no word (the gazetteer's trie keeps its
            # own marks under both)
            continue
        starts.append(m.start())
        ends.append(m.end())
        keys.append(key)
    return Tokens(text, starts, ends, keys)


def alias_key(alias: str) -> str:
    """An alias's token keys joined by spaces: equal keys match the same text."""
    return " ".join(tokenize(alias).keys)


def alias_mode(alias: str, kind: str) -> str:
    """How an alias must be capitalised in a text to match.

    ``"e"``: every letter in capitals (short acronyms: US, UN, MP); ``"i"``: any
    case (role words: "officials"); ``"t"``: every word capitalised but function
    words ("the White House"); ``"s"`` and one digit per token: an alias written
    with lower-case words ("Western nations", "mainland China") needs capitals
    only where it has them (``"s10"``, ``"s01"``).
    """
    words = alias.replace("_", " ").split()
    letters = [ch for ch in "".join(words).lower() if ch.isalpha()]
    if len(words) == 1 and (len(letters) <= 3 or not _VOWELS.intersection(letters)):
        return "e"
    if kind == "role":
        return "i"
    lower = [w for w in words if w[0].islower() and w.lower() not in FUNCTION_WORDS]
    if not lower:
        return "t"
    tokens = tokenize(alias)
    return "s" + "".join(
        "1" if alias[start].isupper() else "0" for start in tokens.starts
    )


def case_fits(mode: str, tokens: Tokens, i: int, j: int) -> bool:
    """Whether tokens ``i..j`` are capitalised as ``mode`` (see :func:`alias_mode`)."""
    if mode == "i":
        return True
    text, starts = tokens.text, tokens.starts
    for k in range(i, j + 1):
        surface = text[starts[k] : tokens.ends[k]]
        if not surface[0].isalnum():
            continue
        if mode[0] == "s":
            if mode[1 + k - i : 2 + k - i] == "1" and not surface[0].isupper():
                return False
        elif mode == "e":
            if surface != surface.upper():
                return False
        elif not (
            surface[0].isupper()
            or surface[0].isdigit()
            or tokens.keys[k] in FUNCTION_WORDS
            or (starts[k] > 0 and text[starts[k] - 1] in _AFTER_JOIN)
        ):
            return False
    return True


def passing_actors(
    terminal: list[list[Any]], tokens: Tokens, i: int, j: int
) -> tuple[int, ...] | None:
    """Actor indices whose alias case fits; () for a discard; None if none fit."""
    passing: list[int] = []
    fits = False
    for mode, indices in terminal:
        if case_fits(mode, tokens, i, j):
            if not indices:
                return ()
            fits = True
            passing.extend(k for k in indices if k not in passing)
    return tuple(passing) if fits else None
