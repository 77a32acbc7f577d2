"""A parsed paragraph copied into plain per-token lists, once.

Reading spaCy tokens one by one makes a Python object per token and per
attribute; the learned parts of the quote stage read every token of a
sentence for every cue, so they read this copy instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .marks import find_quotations

#: spaCy's string hashes are the same in every vocabulary: the names read so
#: far, shared by every sheet (cleared past a bound, for long runs)
_NAMES: dict[int, str] = {0: ""}
_MAX_NAMES = 200_000
#: a lemma's name → the name lowercased
_LOWERED: dict[str, str] = {}


@cache
def _columns() -> tuple[int, ...]:
    """The token attributes a sheet copies, in the order it reads them."""
    from spacy.attrs import (  # deferred: importing reportedly stays model-free
        DEP,
        ENT_TYPE,
        HEAD,
        IDX,
        IS_PUNCT,
        LEMMA,
        LENGTH,
        LOWER,
        POS,
        SENT_START,
        TAG,
    )

    return (
        HEAD,
        DEP,
        POS,
        TAG,
        LEMMA,
        LOWER,
        ENT_TYPE,
        IS_PUNCT,
        SENT_START,
        IDX,
        LENGTH,
    )


def _arange(n: int) -> Any:
    import numpy  # deferred with spaCy, which brings it

    return numpy.arange(n, dtype="int64")


@dataclass(frozen=True, slots=True)
class Sheet:
    """One parsed paragraph as plain per-token lists, read once."""

    head: list[int]
    children: list[list[int]]
    dep: list[str]
    pos: list[str]
    tag: list[str]
    lemma: list[str]
    lower: list[str]
    text: list[str]
    #: where each token starts in the doc's text
    idx: list[int]
    ent: list[str]
    punct: list[bool]
    left: list[int]
    sentence: list[tuple[int, int]]
    quoted: list[bool]

    @classmethod
    def read(
        cls,
        doc: Any,
        text: str | None = None,
        quoted: Sequence[tuple[int, int]] | None = None,
    ) -> Sheet:
        """Copy what the features need out of a spaCy ``Doc``.

        ``text`` is ``doc.text`` when the caller has it (spaCy joins it token
        by token); ``quoted`` are the doc's quotations (marks included, doc
        offsets), paired here when not given.
        """
        n = len(doc)
        rows = doc.to_array(_columns())
        # relative heads and sentence starts are signed
        head = (rows[:, 0].astype("int64") + _arange(n)).tolist()
        # the six string columns as one block, read through the shared names
        block = rows[:, 1:7].ravel().tolist()
        names = _NAMES
        if len(names) > _MAX_NAMES:
            names.clear()
            names[0] = ""
            _LOWERED.clear()
        try:
            read = list(map(names.__getitem__, block))
        except KeyError:
            strings = doc.vocab.strings
            for value in set(block).difference(names):
                names[value] = strings[value]
            read = list(map(names.__getitem__, block))
        lowered = _LOWERED
        lemmas = read[3::6]
        try:
            lemma = list(map(lowered.__getitem__, lemmas))
        except KeyError:
            for value in set(lemmas).difference(lowered):
                lowered[value] = value.lower()
            lemma = list(map(lowered.__getitem__, lemmas))
        children: list[list[int]] = [[] for _ in range(n)]
        left = list(range(n))
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)
                node = i
                while head[node] != node and left[head[node]] > i:
                    node = head[node]
                    left[node] = i
        sentence: list[tuple[int, int]] = []
        starts = (rows[:, 8] == 1).nonzero()[0].tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        for start, end in zip(starts, [*starts[1:], n], strict=True):
            sentence.extend([(start, end)] * (end - start))
        full = doc.text if text is None else text
        idx = rows[:, 9].tolist()
        ends = (rows[:, 9] + rows[:, 10]).tolist()
        words = [full[a:b] for a, b in zip(idx, ends, strict=True)]
        return cls(
            head=head,
            children=children,
            dep=read[0::6],
            pos=read[1::6],
            tag=read[2::6],
            lemma=lemma,
            lower=read[4::6],
            text=words,
            idx=idx,
            ent=read[5::6],
            punct=(rows[:, 7] != 0).tolist(),
            left=left,
            sentence=sentence,
            quoted=_quoted(full, idx, quoted),
        )

    def __len__(self) -> int:
        return len(self.head)


def _quoted(
    text: str, starts: list[int], pieces: Sequence[tuple[int, int]] | None
) -> list[bool]:
    """Whether each token starts inside a quotation's marks (``a < x < b - 1``)."""
    if pieces is None:
        pieces = [(p.start, p.end) for q in find_quotations(text) for p in q.pieces]
    if not pieces:
        return [False] * len(starts)
    inside = bytearray(len(text) + 1)
    for a, b in pieces:
        if b - 1 > a + 1:
            inside[a + 1 : b - 1] = b"\x01" * (b - 2 - a)
    return [bool(inside[x]) if 0 <= x < len(inside) else False for x in starts]
