"""A parsed paragraph copied into plain per-token lists, once.

Reading spaCy tokens one by one makes a Python object per token and per
attribute; the learned parts of the quote stage read every token of a
sentence for every cue, so they read this copy instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .marks import find_quotations

#: spaCy's string hashes are the same in every vocabulary: the names read so
#: far, shared by every sheet (cleared past a bound, for long runs)
_NAMES: dict[int, str] = {0: ""}
_MAX_NAMES = 200_000


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

        n = len(doc)
        attrs = [HEAD, DEP, POS, TAG, LEMMA, LOWER, ENT_TYPE, IS_PUNCT, SENT_START]
        rows = doc.to_array([*attrs, IDX, LENGTH])
        signed = rows.astype("int64")  # relative heads and sentence starts
        # the six string columns as one block, read through the shared names
        block = rows[:, 1:7].ravel().tolist()
        names = _NAMES
        if len(names) > _MAX_NAMES:
            names.clear()
            names[0] = ""
        try:
            read = list(map(names.__getitem__, block))
        except KeyError:
            strings = doc.vocab.strings
            for value in set(block).difference(names):
                names[value] = strings[value]
            read = list(map(names.__getitem__, block))

        def column(k: int) -> list[str]:
            return read[k - 1 :: 6]

        head = [i + h for i, h in enumerate(signed[:, 0].tolist())]
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
        starts = [i for i, v in enumerate(signed[:, 8].tolist()) if v == 1 or i == 0]
        for start, end in zip(starts, [*starts[1:], n], strict=True):
            sentence.extend([(start, end)] * (end - start))
        full = doc.text if text is None else text
        idx = rows[:, 9].tolist()
        lengths = rows[:, 10].tolist()
        words = [full[a : a + k] for a, k in zip(idx, lengths, strict=True)]
        return cls(
            head=head,
            children=children,
            dep=column(1),
            pos=column(2),
            tag=column(3),
            lemma=[x.lower() for x in column(4)],
            lower=column(5),
            text=words,
            idx=idx,
            ent=column(6),
            punct=[bool(v) for v in rows[:, 7].tolist()],
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
