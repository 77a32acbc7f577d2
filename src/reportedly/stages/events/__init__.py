"""Events: PLOVER events between actors, each with who asserts it and how surely.

Triggers (``triggers.py``) are found sentence by sentence in the dependency
parse; a trigger in the complement of an intent, demand, threat, refusal or
accusation ("agreed to withdraw", "accused X of shelling") is not an event of
its own but the content of that one. Arguments come from ``arguments.py``,
polarity and certainty from ``modality.py``, date and place from ``time.py``,
the asserter chain from the quotes (``provenance.py``). A plain statement
("said") is provenance, never an event.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from ...errors import ConfigError
from ...records import Article, Asserter, Event, Mention, Span
from ...registry import stage
from . import arguments as args
from .frames import FRAMES, Found, frame_mode, path_to_frame
from .modality import (
    DENIAL_NOUNS,
    DENIALS,
    REPORTING,
    certainty_of,
    polarity_of,
    reporting_head,
)
from .parsefix import misread_participle
from .provenance import Attribution, Said, attribution
from .time import event_date, is_historical
from .triggers import (
    CAMEO_LAYERS,
    CATEGORIES,
    Lexicon,
    Sense,
    Trigger,
    load_lexicon,
    match_token,
)

__all__ = ["CATEGORIES", "EXTRACTOR", "EventRules", "extract_events"]

logger = logging.getLogger(__name__)

EXTRACTOR = "events.rules.v1"
_DEONTIC = frozenset({"must", "should"})
_CLAUSE = frozenset({"ccomp"})
#: reporting verbs whose subject asserts their clause (hedges are modality's)
SAYING = frozenset(
    """
    say tell report claim state announce indicate show reveal confirm allege
    note write add insist testify assert declare find suggest conclude
    """.split()  # noqa: SIM905
)
#: participles that name the evidence a speaker relies on
_CITING = frozenset({"citing", "quoting"})
#: a participle describing a noun ("armed men") is no event
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})


def _denies_reports(token: Any, trigger: Trigger) -> bool:
    """ "rejected reports that ...": a denial of what follows, not an event."""
    return trigger.sense.category == "REJECT" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DENIAL_NOUNS for c in token.children
    )


def _asks_anonymity(token: Any) -> bool:
    """ "who asked not to be named": why a source is unnamed, not a request."""
    return any(
        c.dep_ == "xcomp" and c.lemma_.lower() in {"name", "identify", "quote"}
        for c in token.children
    )


def _has_deontic(token: Any) -> bool:
    if token.dep_ == "advcl" or token.pos_ != "VERB":
        return False
    if token.lemma_.lower() in {"be", "have", "do", "say", "think", "know"}:
        return False
    return any(c.dep_ == "aux" and c.lower_ in _DEONTIC for c in token.children)


def _in_report(token: Any, quoted: bool) -> bool:
    return quoted or reporting_head(token, _CLAUSE) is not None


class _Reader:
    """Reads the events of one article."""

    def __init__(
        self,
        article: Article,
        lexicon: Lexicon,
        cameo: str,
        relative_clauses: bool,
    ) -> None:
        self.relative_clauses = relative_clauses
        self.article = article
        self.lexicon = lexicon
        self.cameo = cameo
        self.index = args.MentionIndex(article.mentions)
        self.published = article.meta.published

    def events(self) -> Iterator[Event]:
        for parse in self.article.parses:
            for sentence in parse.doc.sents:
                yield from self._sentence(sentence, parse.start)

    def _deontic(self, token: Any, offset: int) -> bool:
        """ "Sudan must return the helicopter", said by someone else: a demand."""
        start = offset + token.idx
        quoted = any(
            c.start <= start < c.end for q in self.article.quotes for c in q.content
        )
        if not _in_report(token, quoted):
            return False
        subject, _ = args.subject_of(token)
        return (
            subject is not None
            and not args.is_first_person(subject)
            and not args.is_pronoun(subject)
            and args.actor_like(subject)
        )

    def _token_span(self, tokens: tuple[Any, ...], offset: int) -> Span:
        first, last = tokens[0], tokens[-1]
        return Span(start=offset + first.idx, end=offset + last.idx + len(last.text))

    def _sentence(self, sentence: Any, offset: int) -> Iterator[Event]:
        found: dict[int, Found] = {}
        for token in sentence:
            clause = any(c.dep_ in {"aux", "nsubj"} for c in token.children)
            if (
                (
                    token.dep_ in _MODIFIER_DEPS
                    and not clause
                    and not misread_participle(token)
                )
                or (
                    token.dep_ == "acl"
                    and token.tag_ == "VBN"
                    and not clause
                    # "airstrikes killed 20 people", misread as "airstrikes
                    # (that were) killed": a participle with an object acts
                    and not any(c.dep_ == "dobj" for c in token.children)
                )
                or (token.dep_ == "relcl" and not self.relative_clauses)
            ):
                continue  # "ousted president", "the curfew imposed in 1990"
            trigger = match_token(token, self.lexicon, cameo=self.cameo)
            if _has_deontic(token) and self._deontic(token, offset):
                sense = Sense("REQUEST", None, None)
                inner = trigger.sense if trigger else None
                trigger = Trigger(token, sense, kind="deontic")
                found[token.i] = Found(
                    trigger, content=[] if inner is None else [Trigger(token, inner)]
                )
                continue
            if (
                trigger is not None
                and not _denies_reports(token, trigger)
                and not _asks_anonymity(token)
            ):
                found[token.i] = Found(trigger)
        for i in sorted(found):
            frame = path_to_frame(found[i].trigger.token, found)
            if frame is not None:
                found[i].absorbed_by = frame
                top = frame
                while found[top].absorbed_by is not None:
                    top = found[top].absorbed_by  # type: ignore[assignment]
                holder = found[top]
                holder.content.append(found[i].trigger)
        sentence_span = Span(
            start=offset + sentence.start_char, end=offset + sentence.end_char
        )
        for i in sorted(found):
            item = found[i]
            if item.absorbed_by is None:
                yield self._event(item, sentence_span, offset, sentence)

    def _speaker_mentions(self, attr: Attribution) -> tuple[Mention, ...]:
        if not attr.quotes:
            return ()
        quote = self.article.quotes[attr.quotes[-1]]
        if quote.speaker is None:
            return ()
        within = [m for m in self.index.within([quote.speaker]) if args.is_resolved(m)]
        if within:
            return tuple(within[:2])
        return (Mention(span=quote.speaker, name=quote.speaker_name),)

    def _mentions(
        self,
        token: Any,
        offset: int,
        attr: Attribution,
        exclude: frozenset[Span] = frozenset(),
    ) -> tuple[Mention, ...]:
        if token is None:
            return ()
        if args.is_first_person(token):
            return self._speaker_mentions(attr)
        if args.is_pronoun(token):
            if token.lower_ in args._RELATIVE and token.head.dep_ == "relcl":
                return args.phrase_mentions(token.head.head, offset, self.index)
            span = Span(start=offset + token.idx, end=offset + token.idx + len(token))
            mention = self.index.at(span)
            refers = None if mention is None else mention.refers_to
            if refers is not None and 0 <= refers < len(self.article.mentions):
                return (self.article.mentions[refers],)
            if mention is not None and args.is_resolved(mention):
                return (mention,)
            if token.dep_ in {"nsubj", "nsubjpass"}:
                subject = args.reporting_subject(token, REPORTING)
                if subject is not None:
                    return args.phrase_mentions(subject, offset, self.index)
            before = self.index.before(span.start, token.sent.start_char + offset)
            coded = [m for m in before if m.code and m.span not in exclude]
            if coded:
                return (coded[-1],)  # the nearest actor named before it
            return (Mention(span=span, name=token.text),)
        return args.phrase_mentions(token, offset, self.index)

    def _said(self, token: Any, offset: int) -> list[Said]:
        """Reporting verbs above the trigger whose clause holds it, innermost first."""
        out: list[Said] = []
        node = token
        for _ in range(8):
            if node.head.i == node.i:
                break
            head = node.head
            if (
                node.dep_ == "acl"
                and head.lemma_.lower() in DENIAL_NOUNS
                and head.dep_ == "dobj"
                and head.head.lemma_.lower() in DENIALS
            ):
                node, head = head, head.head  # "rejected reports that ..."
            if (
                node.dep_ in {"ccomp", "parataxis"} and head.lemma_.lower() in SAYING
            ) or (node.dep_ in {"ccomp", "dobj"} and head.lemma_.lower() in DENIALS):
                subject, _ = args.subject_of(head)
                if (
                    subject is not None
                    and not args.is_pronoun(subject)
                    and not args.is_first_person(subject)
                ):
                    speaker = args.phrase_span(subject, offset)
                    out.append(
                        Said(
                            cue=self._token_span((head,), offset),
                            speaker=speaker,
                            name=speaker.text_in(self.article.text),
                        )
                    )
            node = head
        return out

    def _cited(
        self, attr: Attribution, token: Any, offset: int, sentence: Any
    ) -> Attribution:
        """A speaker's cited source joins the chain after them.

        "the Pentagon said, citing intelligence assessments", "told lawmakers
        that, based on satellite imagery, ...": the evidence the speaker
        cites is a ``source`` nested in their attribution.
        """
        if len(attr.asserters) != 2 or attr.asserters[1].kind != "speaker":
            return attr
        for word in sentence:
            if (word.lower_ in _CITING and word.dep_ != "ROOT") or (
                word.lemma_ == "cite" and word.dep_ == "relcl"  # "who cited"
            ):
                objects = [c for c in word.children if c.dep_ == "dobj"]
            elif word.lower_ == "based" and word.i + 1 < len(word.doc):
                on = word.doc[word.i + 1]
                objects = [c for c in on.children if c.dep_ == "pobj"]
            else:
                continue
            for obj in objects:
                if token.i in {t.i for t in obj.subtree}:
                    continue
                where = args.phrase_span(obj, offset)
                source = Asserter(
                    kind="source", name=where.text_in(self.article.text), span=where
                )
                return replace(attr, asserters=(*attr.asserters, source))
        return attr

    def _content_target(self, token: Any, subject: Any, content: list[Trigger]) -> Any:
        """Whom a demand, threat or offer is aimed at: its content's subject
        ("demanded that the US cancel"), else its content's recipient."""
        own = -1 if subject is None else subject.i
        clauses = [
            *[t.token for t in content],
            *[c for c in token.children if c.dep_ in {"ccomp", "xcomp"}],
        ]
        for clause in clauses:
            inner = next(
                (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None
            )
            if inner is not None and inner.i != own and not args.is_first_person(inner):
                return inner
        for inner_trigger in content:
            target = args.recipient_of(inner_trigger.token, skip=inner_trigger.extra)
            if target is not None and target.i != own:
                return target
        return None

    def _parties(
        self, noun: Any, offset: int
    ) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
        """The two sides of "relations between A and B"."""
        first, second = args.relation_parties(noun)
        sides: list[list[Mention]] = [[], []]
        seen: set[str] = set()
        for side, tokens in zip(sides, (first, second), strict=True):
            for token in tokens:
                for mention in args.party_mentions(token, offset, self.index):
                    key = mention.actor_id or mention.code or ""
                    if key not in seen:
                        seen.add(key)
                        side.append(mention)
        return tuple(sides[0]), tuple(sides[1])

    def _event(self, item: Found, sentence: Span, offset: int, parsed: Any) -> Event:
        """The event of a trigger; ``parsed`` is its spaCy sentence."""
        trigger = item.trigger
        token = trigger.token
        tokens = trigger.tokens
        span = self._token_span(tokens, offset)
        attr = attribution(self.article, span, said=self._said(token, offset))
        attr = self._cited(attr, token, offset, parsed)
        content = item.content
        sense = trigger.sense
        if trigger.kind in {"relation", "happening"}:
            actors, recipients = self._parties(trigger.extra[0], offset)
        elif trigger.kind == "nominal":
            holders = [
                c for c in token.children if c.dep_ in {"poss", "amod", "compound"}
            ]
            actors = tuple(
                m for h in holders for m in args.party_mentions(h, offset, self.index)
            )
            target = args.recipient_of(token)
            recipients = () if target is None else self._mentions(target, offset, attr)
        elif trigger.kind == "deontic":
            subject = args.reporting_subject(token, REPORTING)
            actors = (
                args.phrase_mentions(subject, offset, self.index)
                if subject is not None
                else self._speaker_mentions(attr)
            )
            target, _ = args.subject_of(token)
            recipients = self._mentions(target, offset, attr)
        else:
            subject, passive = args.subject_of(token)
            actors = self._mentions(subject, offset, attr)
            target = args.recipient_of(token, skip=trigger.extra)
            if (
                passive
                and subject is None
                and (
                    trigger.kind == "adj"
                    or token.lemma_.lower() in self.lexicon.adjectives
                )
            ):
                # "Israel is opposed to ...", "Vietnam is committed to ...":
                # an adjective the parser took for a passive
                subject = next(
                    (c for c in token.children if c.dep_ == "nsubjpass"), None
                ) or next(
                    (c for c in token.head.children if c.dep_ == "nsubjpass"), None
                )
                actors = self._mentions(subject, offset, attr)
                if target is not None and subject is not None and target.i == subject.i:
                    target = None
            if target is None and sense.category in FRAMES:
                target = self._content_target(token, subject, content)
            recipients = self._mentions(
                target, offset, attr, frozenset(m.span for m in actors)
            )
            if not any(args.is_resolved(m) for m in recipients):
                coded = args.clause_mentions(
                    token,
                    offset,
                    self.index,
                    exclude=[subject] if subject is not None else [],
                    skip_lemmas=REPORTING,
                )
                recipients = coded or recipients
        actor_spans = {m.span for m in actors}
        recipients = tuple(m for m in recipients if m.span not in actor_spans)
        mode, context = frame_mode(sense, content)
        certainty = certainty_of(
            token,
            attributed=len(attr.asserters) > 1,
            hedged_by_quote=attr.hedged,
            threat=sense.category == "THREATEN",
        )
        when = event_date(
            tokens, self.published, future=certainty in {"future", "hypothetical"}
        )
        place_token = args.place_of(token)
        place = self.article.meta.dateline if place_token is None else place_token.text
        return Event(
            category=sense.category,
            trigger=span,
            sentence=sentence,
            mode=mode,
            context=context,
            actors=actors,
            recipients=recipients,
            asserters=attr.asserters,
            polarity=polarity_of(token, denied_by_quote=attr.denied),
            certainty=certainty,
            historical=certainty not in {"future", "hypothetical"}
            and is_historical(when, self.published, past=token.tag_ in {"VBD", "VBN"}),
            date=when,
            place=place,
            extractor=EXTRACTOR,
        )


def extract_events(
    article: Article, *, cameo: str = "phrases", relative_clauses: bool = True
) -> tuple[Event, ...]:
    """The PLOVER events of a parsed article, in text order.

    ``cameo`` is how much of the layer derived from the CAMEO verb dictionary
    joins the hand-written triggers: ``"phrases"`` (a verb with one of its
    listed objects), ``"all"`` (every CAMEO verb too) or ``"none"``.
    ``relative_clauses`` also reads events in relative clauses ("Hamas, which
    fired rockets on Monday, said ..."), background more often than news.
    """
    if cameo not in CAMEO_LAYERS:
        raise ConfigError(
            f"Unknown CAMEO trigger layer {cameo!r}: use one of "
            f"{', '.join(CAMEO_LAYERS)} (the cameo setting of "
            '[stages."events.rules.v1"]).'
        )
    if not article.parses:
        return ()
    reader = _Reader(article, load_lexicon(cameo), cameo, relative_clauses)
    return tuple(reader.events())


@stage(
    "events.rules.v1",
    requires={"parses", "sentences", "mentions", "quotes"},
    provides={"events"},
)
@dataclass(frozen=True, slots=True)
class EventRules:
    """PLOVER events from dependency rules, with provenance, polarity and time."""

    cameo: str = "phrases"
    relative_clauses: bool = True

    def __call__(self, article: Article) -> Article:
        events = extract_events(
            article, cameo=self.cameo, relative_clauses=self.relative_clauses
        )
        logger.debug("%s: %s events", article.doc_id, len(events))
        return replace(article, events=events)
