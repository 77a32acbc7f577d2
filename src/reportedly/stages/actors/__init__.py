"""Actors: every mention of a person, group, organisation or state, resolved.

Recognition (``recognize.py``) reconciles the packaged gazetteer with spaCy's
entities paragraph by paragraph, reads titles and appositions (``roles.py``)
and groups ("Palestinian officials", ``groups.py``); coreference
(``coref.py``) then links short names, pronouns and role nouns across the
article. Ids are stable across articles: gazetteer ids (``phx:``, ``rep:``),
``per:``/``org:``/``plc:`` plus the normalised name, ``grp:`` for a state's
sector. What the text does not settle stays unresolved (``actor_id`` None).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date

from ...actors import Gazetteer, load_gazetteer
from ...records import Article, Mention, Span
from ...registry import stage
from .coref import (
    read_acronyms,
    read_surnames,
    resolve_definite,
    resolve_organisations,
    resolve_people,
    resolve_references,
)
from .drafts import Draft
from .entities import chapters, entities, model_entities, named_organisations
from .groups import (
    administrations,
    compounds,
    definite_organisations,
    mark_quoted,
    nominals,
    person_codes,
    pronouns,
    speakers,
)
from .recognize import Paragraph

__all__ = ["EXTRACTOR", "ResolveActors", "article_day", "resolve_actors"]

EXTRACTOR = "actors.resolve.v1"
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def article_day(published: str | None) -> date | None:
    """The day roles are read on: ``meta.published`` when it has a year.

    A year alone gives 1 July, a month its 15th; ``--08-25`` (no year) gives None.
    """
    found = _DATE_RE.match(published or "")
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        return date(int(year), int(month or 7), int(day or (15 if month else 1)))
    except ValueError:
        return None


def _paragraphs(
    article: Article, gazetteer: Gazetteer, day: date | None, *, bare_groups: bool
) -> list[Paragraph]:
    dateline = article.meta.evidence_for("dateline")
    out = []
    for parse in article.parses:
        # the parse covers article.text from parse.start: slicing it is cheaper
        # than Doc.text, which spaCy rebuilds from the tokens on every access
        par = Paragraph(
            text=article.text[parse.start : parse.end],
            doc=parse.doc,
            offset=parse.start,
            gazetteer=gazetteer,
            day=day,
            dateline=dateline,
        )
        par.place_matches()
        named_organisations(par)
        par.people()
        chapters(par)
        entities(par)
        model_entities(par)
        compounds(par)
        nominals(par, bare_groups=bare_groups)
        definite_organisations(par)
        pronouns(par)
        person_codes(par)
        speakers(par)
        mark_quoted(par)
        out.append(par)
    return out


def _sentence_starts(article: Article) -> list[int]:
    if article.sentences:
        return [s.start for s in article.sentences]
    return [
        parse.start + sent.start_char
        for parse in article.parses
        for sent in parse.doc.sents
    ]


def _ordered(paragraphs: list[Paragraph], starts: list[int]) -> list[Draft]:
    """All drafts in text order, overlaps dropped, with their sentence index."""
    drafts: list[Draft] = []
    for draft in sorted(
        (d for par in paragraphs for d in par.drafts),
        key=lambda d: (d.start, -d.end),
    ):
        if drafts and draft.start < drafts[-1].end:
            continue
        draft.sentence = bisect.bisect_right(starts, draft.start) - 1
        drafts.append(draft)
    return drafts


def _mention(draft: Draft, gazetteer: Gazetteer) -> Mention:
    return Mention(
        span=Span(start=draft.start, end=draft.end),
        actor_id=draft.actor_id,
        name=draft.name if draft.actor_id is not None else None,
        kind=draft.kind,
        country=draft.country,
        sector=draft.sector,
        code=gazetteer.canonical_code(draft.code) if draft.code else None,
        role=draft.role,
        refers_to=draft.refers_to,
        extractor=EXTRACTOR,
    )


def resolve_actors(
    article: Article,
    *,
    gazetteer: Gazetteer | None = None,
    pronoun_window: int = 3,
    nominal_window: int = 8,
    bare_groups: bool = True,
) -> tuple[Mention, ...]:
    """The actor mentions of a parsed article, sorted by span.

    Example::

        mentions = resolve_actors(SpacyParser()(article))
        [(article.text[m.span.start:m.span.end], m.actor_id) for m in mentions]
    """
    if not article.parses:
        return ()
    gazetteer = gazetteer or load_gazetteer()
    day = article_day(article.meta.published)
    paragraphs = _paragraphs(article, gazetteer, day, bare_groups=bare_groups)
    read_surnames(paragraphs)
    read_acronyms(paragraphs)
    drafts = _ordered(paragraphs, _sentence_starts(article))
    resolve_people(drafts, gazetteer, day)
    resolve_organisations(drafts, article.text)
    drafts = resolve_definite(drafts, article.text, nominal_window)
    resolve_references(
        drafts, pronoun_window=pronoun_window, nominal_window=nominal_window
    )
    # after the references: "the Obama administration ... he" is still Obama
    drafts = administrations(drafts, article.text, gazetteer)
    return tuple(_mention(d, gazetteer) for d in drafts)


@stage(EXTRACTOR, requires={"parses", "regions"}, provides={"mentions"})
@dataclass(frozen=True, slots=True)
class ResolveActors:
    """Actor mentions from the gazetteer and spaCy entities, resolved to actors.

    ``pronoun_window``: how many sentences back a pronoun looks for a person;
    ``nominal_window``: the same for a role noun ("the diplomat");
    ``bare_groups``: also keep plural role words with no country ("rebels").
    """

    pronoun_window: int = 3
    nominal_window: int = 8
    bare_groups: bool = True

    def __call__(self, article: Article) -> Article:
        mentions = resolve_actors(
            article,
            pronoun_window=self.pronoun_window,
            nominal_window=self.nominal_window,
            bare_groups=self.bare_groups,
        )
        return replace(article, mentions=mentions)
