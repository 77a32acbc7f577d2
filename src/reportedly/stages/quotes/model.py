"""The learned parts of the quote stage: cue scorer, content tagger, source picker.

All three are logistic regressions over the feature strings of ``features.py``;
their weights (``weights.json``, written by ``scripts/train_quotes.py``) map
feature strings to floats. A token heads a cue when its probability passes the
cue threshold; a token of the cue's sentence belongs to the content when its
probability passes the content threshold; the source is the best-scoring
nominal token of the cue's sentence, when its probability passes the source
threshold.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise, repeat
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from .features import (
    RULE,
    ContentMemo,
    Paths,
    content_features,
    cue_features,
    is_candidate,
    paths,
    source_candidates,
    source_features,
)
from .sheet import Sheet

WEIGHTS_PATH = Path(__file__).with_name("weights.json")


@dataclass(frozen=True, slots=True)
class Sources:
    """The source picker's scores of one cue's candidates, all but the hint.

    The dependency rules' choice (the hint) is known only as the attribution
    is found; the rest of each candidate's score is summed when the cue's
    content is, with the same features: ``best`` adds the hint's weights in
    the order :func:`~.features.source_features` lists them, so a score is
    the same float as one summed whole.
    """

    #: per candidate: its features' summed weight before the hint's, the
    #: weight of the one after them, and the candidate
    scores: tuple[tuple[float, float, int], ...]
    #: [whether the candidate is the rules' choice]: the two hint weights
    hints: tuple[tuple[float, float], tuple[float, float]]
    cut: float

    def best(self, subject: int | None) -> int | None:
        """The head of the cue's source (``subject``, the rules' choice, is a
        strong hint), when its probability reaches the threshold."""
        if not self.scores:
            return None
        hints = self.hints
        best_logit, best = max(
            (before + hints[i == subject][0] + hints[i == subject][1] + after, i)
            for before, after, i in self.scores
        )
        return best if best_logit >= self.cut else None


@dataclass(slots=True)
class Content:
    """What the learned parts found of one cue before its attribution is:
    the tokens of its content, the tagger's own, and the source picker's
    scores. ``tokens`` is the very list ``tagged`` is until the span model
    draws the content (a new list)."""

    tokens: list[int]
    tagged: list[int]
    sources: Sources


#: the contents found for a paragraph's cues before its attributions are,
#: per cue token
Drawn = Mapping[int, Content]


def unsure_of(logits: Mapping[int, float], cut: float, gate: float) -> bool:
    """Whether the content tagger is unsure of a content, given its logit of
    each word of the sentence: some word is in the content, and some word's
    logit lies within ``gate`` of the threshold ``cut``."""
    values = logits.values()
    return any(v >= cut for v in values) and any(abs(v - cut) < gate for v in values)


@dataclass(frozen=True, slots=True)
class LinearScorer:
    """Feature weights and a probability threshold."""

    weights: Mapping[str, float] = field(repr=False)
    threshold: float = 0.5
    #: the logit the threshold stands for (no logistic per token)
    cut: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"threshold {self.threshold} is not between 0 and 1")
        object.__setattr__(
            self, "cut", math.log(self.threshold / (1.0 - self.threshold))
        )

    def logit(self, features: Sequence[str]) -> float:
        """The summed weight of the features (unknown features weigh 0)."""
        return sum(map(self.weights.get, features, repeat(0.0)))

    def accepts(self, features: Sequence[str]) -> bool:
        """Whether the probability reaches the threshold."""
        return self.logit(features) >= self.cut


@dataclass(frozen=True, slots=True)
class QuoteModel:
    """The cue scorer, the content tagger and the source picker, loaded together."""

    cue: LinearScorer
    content: LinearScorer
    source: LinearScorer
    nouns: frozenset[str] = frozenset()

    def is_cue(self, sheet: Sheet, i: int) -> bool:
        """Whether token ``i`` of the sheet heads a cue."""
        return is_candidate(sheet, i, self.nouns) and self.cue.accepts(
            cue_features(sheet, i)
        )

    def cue_logits(self, sheet: Sheet) -> dict[int, float]:
        """The cue scorer's logit of every candidate token of the sheet."""
        logit, nouns = self.cue.logit, self.nouns
        return {
            i: logit(cue_features(sheet, i))
            for i in range(len(sheet))
            if is_candidate(sheet, i, nouns)
        }

    def content_tokens(
        self,
        sheet: Sheet,
        cue: int,
        found: Paths | None = None,
        memo: ContentMemo | None = None,
    ) -> list[int]:
        """The indices of the tokens of the cue's sentence in its content.

        Words are tagged one by one; punctuation goes with the words on both
        sides of it. ``found`` is ``paths(sheet, cue)`` when the caller has it.
        """
        found = paths(sheet, cue) if found is None else found
        memo = ContentMemo(sheet, cue) if memo is None else memo
        return self.tagged(
            sheet, cue, found, self.content_logits(sheet, cue, found, memo)
        )

    def contents(
        self, sheet: Sheet, cues: Iterable[int], gate: float
    ) -> tuple[dict[int, Content], list[tuple[int, Paths, dict[int, float]]]]:
        """Each cue's content by the content tagger, with its source
        picker's scores, and the cues whose content the tagger is unsure of,
        with the logits of their sentence's words: those whose content has a
        word and whose sentence has a word within ``gate`` of the threshold
        (with ``gate`` 0, none)."""
        cut = self.content.cut
        drawn: dict[int, Content] = {}
        unsure: list[tuple[int, Paths, dict[int, float]]] = []
        for cue in sorted(cues):
            found = paths(sheet, cue)
            memo = ContentMemo(sheet, cue)
            logits = self.content_logits(sheet, cue, found, memo)
            tagged = self.tagged(sheet, cue, found, logits)
            drawn[cue] = Content(tagged, tagged, self.sources(sheet, cue, found, memo))
            if unsure_of(logits, cut, gate):
                unsure.append((cue, found, logits))
        return drawn, unsure

    def content_logits(
        self, sheet: Sheet, cue: int, found: Paths, memo: ContentMemo
    ) -> dict[int, float]:
        """The content tagger's logit of each word of the cue's sentence in
        reach (``found``; not punctuation, not the cue)."""
        # LinearScorer.logit, inlined: this runs for every token of every cue
        get, zero = self.content.weights.get, repeat(0.0)
        punct = sheet.punct
        return {
            i: sum(map(get, content_features(sheet, cue, i, path, memo), zero))
            for i, path in found.items()
            if i != cue and not punct[i]
        }

    def tagged(
        self, sheet: Sheet, cue: int, found: Paths, logits: dict[int, float]
    ) -> list[int]:
        """The content's tokens: the words whose logit reaches the threshold,
        and the punctuation between two of them."""
        cut = self.content.cut
        inside = {i for i, v in logits.items() if v >= cut}
        punct = sheet.punct
        # punctuation goes with its words: in when the words on both sides are
        out: list[int] = []
        words = sorted(i for i in found if not punct[i] and i != cue)
        for left, right in pairwise(words):
            if left in inside:
                out.append(left)
                if right in inside:
                    out.extend(range(left + 1, right))
        if words and words[-1] in inside:
            out.append(words[-1])
        return out

    def source_token(
        self,
        sheet: Sheet,
        cue: int,
        subject: int | None,
        found: Paths | None = None,
        memo: ContentMemo | None = None,
    ) -> int | None:
        """The head of the cue's source: the best candidate, if good enough.

        ``subject`` is the token the dependency rules chose, a strong hint.
        """
        found = paths(sheet, cue) if found is None else found
        memo = ContentMemo(sheet, cue) if memo is None else memo
        return self.sources(sheet, cue, found, memo).best(subject)

    def sources(
        self, sheet: Sheet, cue: int, found: Paths, memo: ContentMemo
    ) -> Sources:
        """The source picker's scores of the cue's candidates, but for the
        rules' hint (see :class:`Sources`)."""
        get, zero = self.source.weights.get, repeat(0.0)  # LinearScorer.logit
        scores = []
        for i in source_candidates(sheet, cue):
            if sheet.quoted[cue] or not sheet.quoted[i]:
                # the hint's two features come right before the last one
                feats = source_features(
                    sheet, cue, i, found[i], is_subject=False, memo=memo
                )
                scores.append((sum(map(get, feats[:-3], zero)), get(feats[-1], 0.0), i))
        weight = self.source.weights.get
        hints = (
            (weight(RULE[0], 0.0), weight(memo.rules[0], 0.0)),
            (weight(RULE[1], 0.0), weight(memo.rules[1], 0.0)),
        )
        return Sources(tuple(scores), hints, self.source.cut)


def _scorer(data: Mapping[str, Any]) -> LinearScorer:
    return LinearScorer(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
    )


@cache
def load_quote_model(path: Path = WEIGHTS_PATH) -> QuoteModel:
    """Read the packaged weights once per process."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return QuoteModel(
            cue=_scorer(data["cue"]),
            content=_scorer(data["content"]),
            source=_scorer(data["source"]),
            nouns=frozenset(data["cue"].get("nouns", ())),
        )
    except (OSError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(
            f"Cannot read the quote model weights {path}: {exc!r}. Reinstall "
            "reportedly, or retrain them with `python scripts/train_quotes.py "
            f'TRAIN.jsonl --out {path}`, or set cues = "lexicon" in '
            '[stages."quotes.rules.v1"].'
        ) from exc
