"""The quote stage's sentence model: gradients, inference, loading, gating."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from gradcheck import worst_error
from parsed_article import article_of
from reportedly.errors import ConfigError
from reportedly.records import Article, Region, Span
from reportedly.stages.quotes import RuleQuotes, choose_cues
from reportedly.stages.quotes import context as C
from reportedly.stages.quotes.model import LinearScorer, QuoteModel, load_quote_model
from reportedly.stages.quotes.sheet import Sheet

WIDTHS = {"Ew": (11, 3), "Ed": (4, 2), "Ep": (4, 2), "Ee": (3, 2), "Eh": (3, 1)}


def _params(seed: int, hidden: int = 5, width: int = 7) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    p = {k: rng.normal(size=shape) for k, shape in WIDTHS.items()}
    inputs = sum(w for _, w in WIDTHS.values()) + C.NUMERIC
    p["Wi"] = rng.normal(size=(inputs, width)) * 0.3
    p["bi"] = rng.normal(size=width) * 0.1
    p["Wx"] = rng.normal(size=(2, width, 4 * hidden)) * 0.3
    p["bx"] = rng.normal(size=(2, 4 * hidden)) * 0.1
    p["Wh"] = rng.normal(size=(2, hidden, 4 * hidden)) * 0.3
    p["Wo"] = rng.normal(size=2 * hidden + C.NUMERIC)
    p["bo"] = np.array([0.1])
    return p


def _sentences(seed: int, lengths: list[int]) -> C.Sentences:
    rng = np.random.default_rng(seed)
    n = sum(lengths)
    highs = [WIDTHS[k][0] for k in ("Ew", "Ed", "Ep", "Ee", "Eh")]
    return C.Sentences(
        ids=rng.integers(0, highs, size=(n, 5)),
        numbers=rng.normal(size=(n, C.NUMERIC)),
        lengths=np.array(lengths),
    )


def test_context_gradients_match_finite_differences() -> None:
    p = _params(0)
    ids, numbers, lengths = C.pad(_sentences(1, [6, 4, 1]))
    rng = np.random.default_rng(2)
    labels = rng.integers(0, 2, size=ids.shape[:2]).astype(float)
    mask = (np.arange(ids.shape[1])[None] < lengths[:, None]).astype(float)
    mask[0, 2] = 0.0  # a token that is no candidate

    def loss() -> float:
        z, _ = C.forward(p, ids, numbers, lengths)
        return float(((np.logaddexp(0, z) - labels * z) * mask).sum() / mask.sum())

    z, cache = C.forward(p, ids, numbers, lengths)
    dz = (1 / (1 + np.exp(-z)) - labels) * mask / mask.sum()
    grad = C.gradients(p, ids, dz, cache)
    assert worst_error(p, loss, grad) < 1e-6


def test_context_inference_matches_the_padded_forward() -> None:
    p = _params(3)
    sentences = _sentences(4, [9, 1, 5, 9, 2])
    z, _ = C.forward(p, *C.pad(sentences))
    flat = np.concatenate(
        [z[row, :n] for row, n in enumerate(sentences.lengths.tolist())]
    )
    assert np.allclose(C.infer(p, sentences), flat, atol=1e-4)


def test_context_a_sentence_scores_the_same_alone_and_in_a_batch() -> None:
    p = _params(5)
    batch = _sentences(6, [7, 3, 12])
    together = C.infer(p, batch)
    at = 0
    for n in batch.lengths.tolist():
        alone = C.Sentences(
            ids=batch.ids[at : at + n],
            numbers=batch.numbers[at : at + n],
            lengths=np.array([n]),
        )
        assert np.allclose(C.infer(p, alone), together[at : at + n], atol=1e-5)
        at += n


def test_context_no_sentences_no_scores() -> None:
    empty = C.Sentences(
        ids=np.zeros((0, 5), dtype=np.int64),
        numbers=np.zeros((0, C.NUMERIC)),
        lengths=np.zeros(0, dtype=np.int64),
    )
    assert C.infer(_params(0), empty).shape == (0,)


def test_context_packaged_model_loads_and_fits_together() -> None:
    scorer = C.load_context_scorer()
    assert {"say", "the"} <= set(scorer.lemmas)
    inputs = sum(scorer.params[n].shape[1] for n in ("Ew", "Ed", "Ep", "Ee", "Eh"))
    assert scorer.params["Wi"].shape[0] == inputs + C.NUMERIC


@pytest.mark.parametrize("content", [None, b"not a zip file"])
def test_context_unreadable_model_says_what_to_do(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "context.npz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ConfigError, match="context = false"):
        C.load_context_scorer(path)


def _doc(words: str, heads: list[int], deps: str, pos: str, lemmas: str) -> Doc:
    return Doc(
        Vocab(),
        words=words.split(),
        heads=heads,
        deps=deps.split(),
        pos=pos.split(),
        lemmas=lemmas.split(),
    )


class _Always:
    """A sentence model with one opinion on every token."""

    def __init__(self, logit: float) -> None:
        self.logit = logit
        self.sentences: list[tuple[int, int]] = []

    def encode(self, sentences: Any, cut: float) -> Any:
        self.sentences.extend((a, b) for _, a, b, _ in sentences)
        return sum(b - a for _, a, b, _ in sentences)

    def scores(self, n: Any) -> Any:
        return np.full(n, self.logit)


# "Ana said it rained . Bo noted it" : two sentences, two cues
_WORDS = "Ana said it rained . Bo noted it"
_DOC = (
    _WORDS,
    [1, 1, 3, 1, 1, 6, 6, 6],
    "nsubj ROOT nsubj ccomp punct nsubj ROOT dobj",
    "PROPN VERB PRON VERB PUNCT PROPN VERB PRON",
    "Ana say it rain . Bo note it",
)


def _reading(doc: Doc, cue_weights: dict[str, float]) -> tuple[Any, QuoteModel]:
    from reportedly.stages.quotes import _read

    model = QuoteModel(
        cue=LinearScorer(weights=cue_weights),
        content=LinearScorer(weights={}),
        source=LinearScorer(weights={}),
    )
    reading = _read(article_of(doc, "d"), model, False)
    assert reading is not None
    return reading, model


def _lemma_weights(sheet: Sheet, logits: dict[str, float]) -> dict[str, float]:
    """Cue weights that give each verb lemma the logit asked."""
    from reportedly.stages.quotes.features import cue_features

    weights: dict[str, float] = {}
    for k in range(len(sheet)):
        if sheet.lemma[k] in logits:
            features = cue_features(sheet, k)
            weights[features[1]] = logits[sheet.lemma[k]]  # "L=say"
    return weights


@pytest.mark.parametrize(
    ("opinion", "expected"),
    [(5.0, {"say", "rain", "note"}), (-5.0, {"say", "rain"})],
)
def test_context_decides_the_close_calls_only(
    opinion: float, expected: set[str]
) -> None:
    doc = _doc(*_DOC)
    sheet = Sheet.read(doc)
    cut = LinearScorer(weights={}).cut
    # "say" and "rain" are sure cues (far above the threshold), "note" a close
    # call just below it: only the close call's sentence is asked
    logits = {
        "say": cut + 3 * C.BAND,
        "rain": cut + 3 * C.BAND,
        "note": cut - C.BAND / 2,
    }
    reading, model = _reading(doc, _lemma_weights(sheet, logits))
    scorer = _Always(opinion)
    choose_cues([reading], model, scorer)  # type: ignore[arg-type]
    chosen = {sheet.lemma[k] for k in reading.cues[0]}
    assert chosen & {"say", "rain", "note"} == expected
    assert scorer.sentences == [(5, 8)]


def test_context_without_a_scorer_the_cue_scorer_decides() -> None:
    doc = _doc(*_DOC)
    sheet = Sheet.read(doc)
    cut = LinearScorer(weights={}).cut
    logits = {"say": cut + C.BAND / 2, "note": cut - C.BAND / 2}
    reading, model = _reading(doc, _lemma_weights(sheet, logits))
    choose_cues([reading], model, None)
    chosen = {sheet.lemma[k] for k in reading.cues[0]}
    assert "say" in chosen
    assert "note" not in chosen


def test_context_setting_reaches_the_stage() -> None:
    assert RuleQuotes().context is True
    assert RuleQuotes(context=False).context is False
    assert load_quote_model() is not None


@pytest.mark.slow
def test_context_a_batch_gives_each_article_what_it_gets_alone() -> None:
    import gc

    from reportedly.stages.nlp import SpacyParser

    texts = [
        "It is widely believed that the ceasefire will collapse.",
        "Officials who called for calm said the talks would go on.",
        '"We are ready," the minister said. Critics noted the delay.',
    ]
    parsed = list(
        SpacyParser().pipe(
            [
                Article(
                    doc_id=str(k),
                    text=t,
                    regions=(Region(kind="body", span=Span(start=0, end=len(t))),),
                )
                for k, t in enumerate(texts)
            ]
        )
    )
    stage = RuleQuotes()
    together = list(stage.pipe(parsed))
    assert [a.quotes for a in together] == [stage(a).quotes for a in parsed]
    assert gc.isenabled()  # paused for the batch only
    gc.disable()
    try:
        list(stage.pipe(parsed))
        assert not gc.isenabled()  # a caller's pause stays
    finally:
        gc.enable()
