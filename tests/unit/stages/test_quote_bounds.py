"""The quote stage's span model: gradients, inference, the span it draws,
which contents it is asked about, loading."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from gradcheck import worst_error
from parsed_article import article_of
from reportedly.config import load_config
from reportedly.errors import ConfigError
from reportedly.stages.quotes import RuleQuotes, choose_contents, choose_cues
from reportedly.stages.quotes import bounds as B
from reportedly.stages.quotes.features import paths
from reportedly.stages.quotes.model import LinearScorer, QuoteModel
from reportedly.stages.quotes.sheet import Sheet

SIZES = {
    "Ew": (11, 3),
    "Ed": (4, 2),
    "Ep": (4, 2),
    "Eo": (B.OFFSETS, 2),
    "Eh": (B.SIDES, 1),
    "Ee": (3, 2),
    "Eu": (B.UPS, 1),
    "Ec": (B.DOWNS, 1),
}


def _params(seed: int, hidden: int = 5, width: int = 7) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    p = {k: rng.normal(size=shape) for k, shape in SIZES.items()}
    inputs = sum(w for _, w in SIZES.values()) + B.NUMERIC
    p["Wi"] = rng.normal(size=(inputs, width)) * 0.3
    p["bi"] = rng.normal(size=width) * 0.1
    p["Wx"] = rng.normal(size=(2, width, 4 * hidden)) * 0.3
    p["bx"] = rng.normal(size=(2, 4 * hidden)) * 0.1
    p["Wh"] = rng.normal(size=(2, hidden, 4 * hidden)) * 0.3
    p["Wo"] = rng.normal(size=(2 * hidden + B.NUMERIC, 2))
    p["bo"] = np.array([0.1, -0.2])
    return p


def _encoded(seed: int, lengths: list[int]) -> B.Encoded:
    rng = np.random.default_rng(seed)
    n = sum(lengths)
    return B.Encoded(
        ids=rng.integers(0, [SIZES[k][0] for k in B.TABLES], size=(n, len(B.TABLES))),
        numbers=rng.normal(size=(n, B.NUMERIC)),
        lengths=np.array(lengths),
        words=rng.random(n) < 0.7,
    )


def test_bounds_gradients_match_finite_differences() -> None:
    p = _params(0)
    ids, numbers, lengths, _ = B.pad(_encoded(1, [6, 4, 1]))
    rng = np.random.default_rng(2)
    mask = (np.arange(ids.shape[1])[None] < lengths[:, None]).astype(float)
    weight = rng.normal(size=(*ids.shape[:2], 2)) * mask[..., None]

    def loss() -> float:
        z, _ = B.forward(p, ids, numbers, lengths)
        return float(np.tanh(z * weight).sum())

    z, cache = B.forward(p, ids, numbers, lengths)
    grad = B.gradients(p, ids, weight * (1 - np.tanh(z * weight) ** 2), cache)
    assert worst_error(p, loss, grad) < 1e-6


def test_bounds_inference_matches_the_padded_forward() -> None:
    p = _params(3)
    encoded = _encoded(4, [9, 1, 5, 9, 2])
    z, _ = B.forward(p, *B.pad(encoded)[:3])
    flat = np.concatenate(
        [z[row, :n] for row, n in enumerate(encoded.lengths.tolist())]
    )
    assert np.allclose(B.infer(p, encoded), flat, atol=1e-4)


def test_bounds_a_call_scores_the_same_alone_and_in_a_batch() -> None:
    p = _params(5)
    batch = _encoded(6, [7, 3, 12])
    together = B.infer(p, batch)
    at = 0
    for n in batch.lengths.tolist():
        alone = B.Encoded(
            ids=batch.ids[at : at + n],
            numbers=batch.numbers[at : at + n],
            lengths=np.array([n]),
            words=batch.words[at : at + n],
        )
        assert np.allclose(B.infer(p, alone), together[at : at + n], atol=1e-5)
        at += n


def test_bounds_no_calls_no_scores() -> None:
    empty = B.Encoded(
        ids=np.zeros((0, len(B.TABLES)), dtype=np.int64),
        numbers=np.zeros((0, B.NUMERIC)),
        lengths=np.zeros(0, dtype=np.int64),
        words=np.zeros(0, dtype=bool),
    )
    assert B.infer(_params(0), empty).shape == (0, 2)


def test_bounds_offsets_fall_in_their_buckets() -> None:
    buckets = [B.offset_bucket(d) for d in range(-600, 601)]
    assert min(buckets) == 4
    assert max(buckets) == 36
    assert B.offset_bucket(0) == 20
    assert [B.offset_bucket(d) for d in (1, 3, 4, 8)] == [21, 23, 24, 26]
    assert B.offset_bucket(-5) == 40 - B.offset_bucket(5)


SURE, NEVER = 9.0, -9.0


def test_bounds_a_sure_model_draws_its_span() -> None:
    first = [NEVER, SURE, NEVER, NEVER, NEVER]
    last = [NEVER, NEVER, NEVER, SURE, NEVER]
    assert B.best_span(first, last, (0, 4)) == (1, 3)


def test_bounds_unsure_where_it_begins_covers_both_readings() -> None:
    # it begins at word 0 or word 2, as likely, and ends at word 5: (0, 5) is
    # exact half the time and covers (2, 5) whole; (2, 5) covers only 4 of 6
    first = [0.0, NEVER, 0.0, NEVER, NEVER, NEVER]
    last = [NEVER] * 5 + [SURE]
    assert B.best_span(first, last, None) == (0, 5)


def test_bounds_a_span_never_ends_before_it_begins() -> None:
    first = [NEVER, NEVER, NEVER, 1.0, 0.0]
    last = [1.0, 0.5, NEVER, NEVER, 0.0]
    a, b = B.best_span(first, last, None)
    assert a <= b


def _doc(words: str, heads: list[int], deps: str, pos: str) -> Doc:
    return Doc(
        Vocab(),
        words=words.split(),
        heads=heads,
        deps=deps.split(),
        pos=pos.split(),
        lemmas=words.lower().split(),
    )


# "Ana said , sadly , it rained on Monday ." : one cue, a content with
# punctuation inside it
_SAID = (
    "Ana said , sadly , it rained on Monday .",
    [1, 1, 1, 6, 6, 6, 1, 6, 7, 1],
    "nsubj ROOT punct advmod punct nsubj ccomp prep pobj punct",
    "PROPN VERB PUNCT ADV PUNCT PRON VERB ADP PROPN PUNCT",
)


def _model(threshold: float) -> QuoteModel:
    """A cue scorer that takes "said" and a content tagger that gives every
    word logit 0, with the content threshold asked."""
    return QuoteModel(
        cue=LinearScorer(weights={"bias": -5.0, "L=said": 9.0}),
        content=LinearScorer(weights={}, threshold=threshold),
        source=LinearScorer(weights={}),
    )


@pytest.mark.parametrize(("first", "last"), [(0, 0), (1, 1), (1, 4), (2, 5), (0, 5)])
def test_bounds_a_drawn_span_holds_its_punctuation_as_the_tagger_puts_it(
    first: int, last: int
) -> None:
    # the stage draws every token from a span's first word to its last: what
    # the tagger gives when it tags those words and no other
    sheet = Sheet.read(_doc(*_SAID))
    found = paths(sheet, 1)
    words = sorted(i for i in found if i != 1 and not sheet.punct[i])
    inside = set(words[first : last + 1])
    logits = {i: (1.0 if i in inside else -1.0) for i in words}
    tagged = _model(0.5).tagged(sheet, 1, found, logits)
    assert list(range(words[first], words[last] + 1)) == tagged


def test_bounds_asks_only_about_contents_the_tagger_is_unsure_of() -> None:
    cut = LinearScorer(weights={}).cut
    sheet = Sheet.read(_doc(*_SAID))
    found = paths(sheet, 1)

    def call(logits: dict[int, float]) -> B.Call:
        return B.Call(sheet=sheet, cue=1, found=found, logits=logits, cut=cut)

    assert B.unsure(call({0: cut + B.GATE / 2, 3: cut + 3 * B.GATE}))
    assert B.unsure(call({0: cut - B.GATE / 2, 3: cut + 3 * B.GATE}))
    # sure of every word, or no content at all
    assert not B.unsure(call({0: cut + 3 * B.GATE, 3: cut - 3 * B.GATE}))
    assert not B.unsure(call({0: cut - B.GATE / 2, 3: cut - 3 * B.GATE}))


class _First:
    """A span model that draws each content as its first word only."""

    def __init__(self) -> None:
        self.cues: list[int] = []

    def draw(self, calls: list[B.Call]) -> list[list[int]]:
        self.cues.extend(c.cue for c in calls)
        return [[c.words()[0]] for c in calls]


def _reading(model: QuoteModel) -> Any:
    from reportedly.stages.quotes import _read

    reading = _read(article_of(_doc(*_SAID)), model, False)
    assert reading is not None
    choose_cues([reading], model, None)
    return reading


@pytest.mark.parametrize(("threshold", "asked"), [(0.5, [1]), (0.01, [])])
def test_bounds_draws_the_unsure_contents_only(
    threshold: float, asked: list[int]
) -> None:
    # every word's logit is 0: at the threshold 0.5 (logit 0) the tagger is
    # unsure of all, at 0.01 (logit -4.6) sure of all
    model = _model(threshold)
    reading = _reading(model)
    assert reading.cues == [{1}]
    scorer = _First()
    choose_contents([reading], model, scorer)  # type: ignore[arg-type]
    assert scorer.cues == asked
    (content,) = reading.contents[0].values()
    sheet = reading.sheets[0]
    assert content.tagged == model.content_tokens(sheet, 1)
    # "Ana": the fake model's first word
    assert content.tokens == ([0] if asked else content.tagged)


def test_bounds_without_a_scorer_the_tagger_draws_every_content() -> None:
    model = _model(0.5)
    reading = _reading(model)
    choose_contents([reading], model, None)
    (content,) = reading.contents[0].values()
    assert content.tokens is content.tagged
    assert content.tagged == model.content_tokens(reading.sheets[0], 1)


def test_bounds_packaged_model_loads_and_fits_together() -> None:
    scorer = B.load_bounds_scorer()
    assert {"said", "the"} <= set(scorer.words)
    inputs = sum(scorer.params[n].shape[1] for n in B.TABLES)
    assert scorer.params["Wi"].shape[0] == inputs + B.NUMERIC


@pytest.mark.parametrize("content", [None, b"not a zip file"])
def test_bounds_unreadable_model_says_what_to_do(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "bounds.npz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ConfigError, match="bounds = false"):
        B.load_bounds_scorer(path)


def test_bounds_setting_reaches_the_stage() -> None:
    assert RuleQuotes().bounds is True
    settings = load_config(env={}).stage_settings["quotes.rules.v1"]
    assert settings["bounds"] is True
    assert RuleQuotes(bounds=False).bounds is False


class _Whole:
    """A span model that draws each content as every word of its sentence."""

    def draw(self, calls: list[B.Call]) -> list[list[int]]:
        return [list(range(c.words()[0], c.words()[-1] + 1)) for c in calls]


# "They told her , she said , that the rule was temporary ." : what was said
# on both sides of the signature
_SIGNED = (
    "They told her , she said , that the rule was temporary .",
    [1, 5, 1, 5, 5, 5, 5, 10, 9, 10, 1, 10, 5],
    "nsubj ccomp dobj punct nsubj ROOT punct mark det nsubj ccomp acomp punct",
    "PRON VERB PRON PUNCT PRON VERB PUNCT SCONJ DET NOUN AUX ADJ PUNCT",
)


@pytest.mark.parametrize(("tagged_subjects", "has_she"), [(False, False), (True, True)])
def test_bounds_a_span_drawn_across_the_cue_leaves_out_who_said_it(
    tagged_subjects: bool, has_she: bool
) -> None:
    from reportedly.stages.quotes import _quotes, _read

    # the tagger gives every word but the subjects the threshold's logit (so
    # it is unsure of all); the span model draws the whole sentence
    model = QuoteModel(
        cue=LinearScorer(weights={"bias": -5.0, "L=said": 9.0}),
        content=LinearScorer(
            weights={} if tagged_subjects else {"tdep=nsubj": -5.0}, threshold=0.5
        ),
        source=LinearScorer(weights={"rule=1": 5.0}),
    )
    reading = _read(article_of(_doc(*_SIGNED)), model, False)
    assert reading is not None
    choose_cues([reading], model, None)
    choose_contents([reading], model, _Whole())  # type: ignore[arg-type]
    (quote,) = _quotes(reading, model, 4, False, False)
    text = reading.article.text
    content = " ".join(text[c.start : c.end] for c in quote.content)
    assert quote.speaker is not None
    assert text[quote.speaker.start : quote.speaker.end] == "she"
    assert content.startswith("They told her")  # not the cue's subject
    assert "said" not in content
    # who said it stays only where the tagger put it
    assert ("she" in content.split()) is has_she


def test_bounds_the_packaged_model_draws_a_content_on_a_hand_made_parse() -> None:
    sheet = Sheet.read(_doc(*_SAID))
    found = paths(sheet, 1)
    words = sorted(i for i in found if i != 1 and not sheet.punct[i])
    cut = LinearScorer(weights={}).cut
    logits = {i: (cut + 0.5 if i >= 5 else cut - 3.0) for i in words}
    (tokens,) = B.load_bounds_scorer().draw(
        [B.Call(sheet=sheet, cue=1, found=found, logits=logits, cut=cut)]
    )
    assert tokens
    assert tokens == list(range(tokens[0], tokens[-1] + 1))
    assert set(tokens) <= set(found)


@pytest.mark.parametrize(("tagged", "crosses"), [((2, 4), False), ((0, 4), True)])
def test_bounds_a_content_stays_on_its_side_of_the_cue(
    tagged: tuple[int, int], crosses: bool
) -> None:
    # the model is sure of words 0 to 4, across the cue (two words before it);
    # only a tagger's span across the cue lets the drawn one cross it
    first = [SURE, NEVER, NEVER, NEVER, NEVER]
    last = [NEVER, NEVER, NEVER, NEVER, SURE]
    a, b = B.best_span(first, last, tagged, cue=2)
    assert (a < 2 <= b) is crosses
