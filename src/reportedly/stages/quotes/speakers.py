"""Speaker names: a name as written, or the person a pronoun or role noun means.

A pronoun ("he", "she") or a role noun ("the spokesman") takes the nearest
person named before it; a surname takes the fullest form of that name seen in
the article. When nothing fits the name is None: it is never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ...actors.genders import FIRST_NAMES, PRONOUNS
from ...records import Span
from .marks import QUOTE_MARKS

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson senator governor candidate president
    minister congressman congresswoman mayor lawmaker chairman chairwoman
    businessman businesswoman billionaire nominee secretary ambassador commander
    lawyer attorney judge prosecutor director chief premier chancellor king
    queen prince general colonel representative diplomat envoy adviser advisor
    aide official head leader deputy commissioner coordinator operator
    """.split()  # noqa: SIM905
)
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_TITLES = frozenset(
    """
    mr mrs ms dr sen rep gov gen col lt sgt president senator governor
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Name:
    """A named entity in the article: its span, label and text (and its words,
    split once: every pronoun speaker compares them with every name's)."""

    span: Span
    label: str
    text: str
    words: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(self.text.split()))


def named_entities(
    parses: Sequence[Any], quoted: Sequence[Span] = (), article_text: str = ""
) -> list[Name]:
    """The PERSON, ORG, GPE and NORP entities of every parse, in text order,
    but a name that fills quote marks by itself (a nickname, "nicknamed “the
    Bulldozer”"; ``quoted`` are the quotations' pieces, marks included, in
    ``article_text``)."""
    filled = {
        inner.removeprefix("the ").removeprefix("The ")
        for piece in quoted
        if len(inner := piece.text_in(article_text).strip(_MARKS + " ,.")) < 40
    }
    out: list[Name] = []
    for parse in parses:
        for ent in parse.doc.ents:
            if ent.label_ not in _NAMED:
                continue
            start, end, text = ent.start_char, ent.end_char, ent.text
            if text[0] in QUOTE_MARKS or text[-1] in QUOTE_MARKS:
                # "‚Nothing has changed,‘": the model may take a mark in
                stripped = text.strip(_MARKS + " ")
                if not stripped:
                    continue
                start += text.index(stripped)
                end = start + len(stripped)
                text = stripped
            words = text.split()
            if not words:
                continue  # "」\t\t": a mark and white space read as a name
            if words[0].lower() in _PRONOUN_WORDS:
                continue  # ... and a pronoun for a name
            if text in filled:
                continue
            out.append(
                Name(
                    span=Span(start=parse.start + start, end=parse.start + end),
                    label=ent.label_,
                    text=_clean(text),
                )
            )
    return out


_MARKS = "".join(sorted(QUOTE_MARKS))
#: words the model may read as a name at the start of a quotation
_PRONOUN_WORDS = frozenset(
    """
    nothing everything nobody everybody everyone someone something anyone
    anything none nowhere
    """.split()  # noqa: SIM905
)


def _clean(text: str) -> str:
    words = text.replace("\n", " ").split()
    while words and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    if words and words[-1].lower() in {"'s", "’s"}:
        words = words[:-1]
    text = " ".join(words)
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text


#: words before a name that make it someone the speaker is related to
_RELATING = frozenset({"to", "of", "for", "with", "at", "in", "from", "by"})
_TITLE_WORDS = frozenset(
    """
    president prime minister premier chancellor king queen prince general
    secretary mr mrs ms dr sen rep gov senator governor leader chief
    """.split()  # noqa: SIM905
)


#: words that qualify a title before a name ("former President")
_TITLE_QUALIFIERS = frozenset(
    """
    former then late acting deputy vice outgoing incoming interim first
    """.split()  # noqa: SIM905
)


def names_the_speaker(text: str, name: Span, speaker: Span) -> bool:
    """Whether a person's name at the end of a speaker phrase is the speaker.

    "Russia's special envoy for Central Asia Oleg Varentsov" is Varentsov;
    "an aide to President Ilham Aliyev" is not Aliyev, nor is "a lawyer for
    former President Donald Trump" Trump. ``text`` is the article's text.
    """
    if speaker.end - name.end > 2:
        return False  # the name does not end the phrase
    words = text[speaker.start : name.start].split()
    titled = False
    while words and words[-1].lower().strip(".,") in _TITLE_WORDS:
        words.pop()
        titled = True
    # what qualifies the title: "a lawyer for former President Donald Trump",
    # "the administration of US President Joe Biden"
    while (
        titled
        and words
        and (words[-1].lower() in _TITLE_QUALIFIERS or words[-1][:1].isupper())
    ):
        words.pop()
    return not words or words[-1].lower() not in _RELATING


def _person_after(
    head: Any, speaker: Span, names: Sequence[Name], text: str
) -> str | None:
    """A person named right after a role, between commas: "the minister, Jane Doe,"."""
    if head is None or head.pos_ != "NOUN":
        return None
    for name in names:
        if name.label != "PERSON" or name.span.start < speaker.end:
            continue
        gap = text[speaker.end : name.span.start]
        after = text[name.span.end : name.span.end + 2]
        if gap.strip() == "," and after[:1] == ",":
            return _fullest(name, names)
        if name.span.start - speaker.end > 3:
            return None
    return None


def _apposed_person(
    head: Any, names: Sequence[Name], offset: int, text: str
) -> str | None:
    """The person an apposition names: "China's envoy, Fu Cong, ..."."""
    if head is None or head.pos_ != "NOUN":
        return None  # a role ("envoy", "spokesman") the apposition names
    for child in head.children:
        if child.dep_ != "appos":
            continue
        if child.ent_type_ != "PERSON":
            if head.lemma_.lower() in ROLE_NOUNS and child.pos_ == "PROPN":
                # a name the tagger did not call a person: "the judiciary
                # chief, Gholamhossein Mohseni-Ejei,", without what describes
                # it in turn ("Marta Costa, a Portuguese jurist")
                aside = {
                    t.i
                    for c in child.children
                    if c.dep_ in _ASIDE_DEPS
                    for t in c.subtree
                }
                words = [
                    t
                    for t in child.subtree
                    if (t.dep_ != "punct" or t.text == "-") and t.i not in aside
                ]
                first, last = words[0], words[-1]
                return text[offset + first.idx : offset + last.idx + len(last.text)]
            continue
        at = offset + child.idx
        for name in names:
            if name.label == "PERSON" and name.span.start <= at < name.span.end:
                return _fullest(name, names)
    return None


#: what hangs on a name to describe it: "Marta Costa, a Portuguese jurist, who"
_ASIDE_DEPS = frozenset({"appos", "relcl", "acl"})
_DETERMINERS = frozenset({"a", "an", "the"})
_RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})


def as_written(text: str) -> str:
    """A speaker phrase as a name: one line, no article, no edge punctuation."""
    # the phrase before any aside: "a diplomat in Ankara, who asked ..."
    words = text.replace("\n", " ").split(",")[0].strip(' ;:—-"“”‘’<>').split()
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    for n, word in enumerate(words):
        if n and word.lower() in _RELATIVES:
            words = words[:n]
            break
    return " ".join(words)


def _fullest(name: Name, names: Sequence[Name]) -> str:
    """The longest PERSON name in the article that ends with this one."""
    best = name.text
    own = name.words
    if not own:
        return best
    for other in names:
        if (
            other.label == "PERSON"
            and len(other.text) > len(best)
            and other.words[-len(own) :]
            == own  # "Durrani" ~ "Omid Durrani", not "Sayed ..."
        ):
            best = other.text
    return best


def resolve_speaker(
    head: Any,
    speaker: Span,
    names: Sequence[Name],
    *,
    offset: int,
    before: int,
    text: str,
) -> str | None:
    """The name of whoever ``speaker`` (with spaCy head token ``head``) means.

    ``offset`` is the article offset of the parse ``head`` belongs to;
    ``before`` is where to start looking back for the antecedent of a
    pronoun or role noun (the start of the speaker span, or of the sentence);
    ``text`` is the article's text.
    """
    named = _apposed_person(head, names, offset, text) or _person_after(
        head, speaker, names, text
    )
    if named is not None:
        return named  # "a police spokesman, Daniel Mutua, said"
    inside = [
        n for n in names if n.span.start < speaker.end and speaker.start < n.span.end
    ]
    at = None if head is None else offset + head.idx
    holding = [n for n in inside if at is not None and n.span.start <= at < n.span.end]
    if holding:  # "South Korea's Yonhap news agency": Yonhap's
        first = holding[0]
        return _fullest(first, names) if first.label == "PERSON" else first.text
    people = [
        n
        for n in inside
        if n.label == "PERSON"
        and (
            head is None
            or head.pos_ not in {"NOUN", "PROPN"}
            or names_the_speaker(text, n.span, speaker)
        )
    ]
    if people:
        return _fullest(people[-1], names)
    if inside:
        if at is not None and head.pos_ in {"NOUN", "PROPN"}:
            # "a Syrian opposition monitor", "a Pentagon spokesman": the name
            # only qualifies who speaks
            return as_written(text[speaker.start : speaker.end])
        return inside[0].text
    if head is None:
        return None
    word = head.lower_
    if word == "who" and head.head.dep_ == "relcl":
        # "Doe, who said ...": the relative clause hangs on the speaker; "Jane
        # Doe, head of research at Eastbridge Bank, who added ...": the parser
        # hangs it on the bank, and "who" is the person the phrase describes
        return _relative_antecedent(head.head.head, names, offset)
    is_role = (
        head.lemma_.lower() in ROLE_NOUNS
        and head.tag_ != "NNS"  # "two Western diplomats" are not one person
        # "the spokesman" points back; "the bloc's security commissioner" is
        # introduced by what qualifies it
        and not any(c.dep_ in {"poss", "compound", "amod"} for c in head.children)
        and not any(t.pos_ == "PROPN" for t in head.subtree)
        # "a spokesman" is someone new; "the spokesman" someone named before
        and not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)
    )
    if word in PERSON_PRONOUNS or is_role or head.ent_type_ == "PERSON":
        earlier = [n for n in names if n.label == "PERSON" and n.span.end <= before]
        gender = PRONOUNS.get(word)
        # "she" is not "Donald Trump": the nearest name of no other gender
        for name in reversed(earlier):
            full = _fullest(name, names)
            if gender is None or _gender(full) in {None, gender}:
                if is_role and _introduced_unnamed(text, head.lemma_, name, before):
                    return None
                return full
    return None


def _gender(name: str) -> str | None:
    """``m`` or ``f`` when the given name tells, else None."""
    words = name.split()
    return FIRST_NAMES.get(words[0].casefold()) if len(words) > 1 else None


def _relative_antecedent(noun: Any, names: Sequence[Name], offset: int) -> str | None:
    """The name a "who" clause hung on ``noun`` means: the noun's own name
    (a person's, a group's), or the person's whose description the
    noun ends (up through "at", "of" and appositions, a few steps)."""
    first: Name | None = None
    node = noun
    for _ in range(6):
        at = offset + node.idx
        named = next((n for n in names if n.span.start <= at < n.span.end), None)
        if named is not None:
            if named.label == "PERSON":
                return _fullest(named, names)
            if named.label in {"ORG", "NORP"}:  # no place: "in hiding in Kabul"
                first = first or named
        if node.dep_ not in {"pobj", "prep", "appos"} or node.head.i == node.i:
            break
        node = node.head
    return None if first is None else first.text


def _introduced_unnamed(text: str, role: str, name: Name, before: int) -> bool:
    """Whether "a/an ... <role>" introduced someone new after the sentence of
    the last name: "A senior Western diplomat in Kabul ... said", then "the
    diplomat said" is that diplomat, not the spokesman named before."""
    gap = text[name.span.end : before]
    end = re.search(r"[.!?][\"'”’]?\s", gap)
    if end is None:
        return False
    pattern = rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,4}}{re.escape(role)}s?\b"
    return re.search(pattern, gap[end.end() :], re.IGNORECASE) is not None
