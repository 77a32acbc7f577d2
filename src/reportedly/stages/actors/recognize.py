"""Recognition in one paragraph: the gazetteer and spaCy's entities reconciled.

The gazetteer is matched once over the paragraph. Where it and the model
disagree the gazetteer wins ("Haqqani Network" tagged PERSON, a dateline
"KABUL" tagged ORG), except that a longer personal name beats a gazetteer
person it only begins ("Habib-ur-Rahman" + "Hekmatyar"). Names are grown over
adjacent capitalised words and name particles; titles and appositions become
roles; a state or organisation followed by role words becomes one group
("Palestinian officials", "Taliban fighters").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...actors import Gazetteer, GazetteerMatch
from ...actors.genders import FIRST_NAMES, GENDERED
from ...records import Span
from .drafts import Draft, slug, subject_verb, valid_on
from .roles import person_roles, role_text
from .vocabulary import (
    HYPHENS,
    NAME_PARTICLES,
    NOT_NAME_LABELS,
    OCCUPATIONS,
    ORG_HEADS,
    PERSON_APPOSITIONS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    REPORTING_LEMMAS,
    TITLE_WORDS,
)

#: quote marks around a nickname or a title
_MARKS = frozenset("\"“”«»‘’'")

#: one syllable of a romanised Korean or Chinese name: consonants, vowels, a
#: final of those languages ("te", "myung", "in", "hye"; not "led", "era")
_SYLLABLE = re.compile(r"[b-df-hj-np-tv-z]{0,3}[aeiouy]{1,3}(?:ng|[nmklpt])?")

#: what the model calls a name that cannot say anything: one that does is a
#: person's
_SILENT_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})

#: nouns that, compounded before a name, say it is a person's ("regional
#: governor Oleh Kiper")
_PERSON_TITLES = PERSON_APPOSITIONS | TITLE_WORDS


def speaks(token: Any) -> bool:
    """Whether a name's head token is the subject of a reporting verb."""
    return token.dep_ == "nsubj" and token.head.lemma_ in REPORTING_LEMMAS


@dataclass(slots=True)
class Placement:
    """A gazetteer match placed on the paragraph's tokens ``i..j``."""

    i: int
    j: int
    found: GazetteerMatch
    is_role: bool
    is_person: bool
    used: bool = False


@dataclass(slots=True)
class Paragraph:
    """One parse being read: tokens, gazetteer matches and the drafts found."""

    doc: Any
    offset: int
    gazetteer: Gazetteer
    day: date | None
    dateline: Span | None
    text: str = ""
    matches: list[Placement] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    taken: bytearray = field(default_factory=bytearray)
    roles: list[tuple[Draft, int, int]] = field(default_factory=list)

    # ------------------------------------------------------------ helpers

    def chars(self, i: int, j: int) -> tuple[int, int]:
        """Article offsets of tokens ``i..j`` (inclusive)."""
        last = self.doc[j]
        return self.offset + self.doc[i].idx, self.offset + last.idx + len(last.text)

    def in_dateline(self, i: int, j: int) -> bool:
        start, end = self.chars(i, j)
        line = self.dateline
        return line is not None and line.start <= start and end <= line.end

    def match_at(self, k: int) -> Placement | None:
        index = self.owner[k]
        return None if index < 0 else self.matches[index]

    def is_role_token(self, k: int) -> bool:
        """A gazetteer role word, a title or a person noun."""
        match = self.match_at(k)
        if match is not None and match.is_role:
            return True
        lower = self.doc[k].lower_.rstrip(".")
        return lower in TITLE_WORDS or lower in PERSON_NOUNS

    def add(self, i: int, j: int, kind: str, **fields: Any) -> Draft:
        """Draft a mention over tokens ``i..j`` (space tokens at the edges left out)."""
        doc = self.doc
        while i < j and doc[i].is_space:
            i += 1
        while j > i and doc[j].is_space:
            j -= 1
        start, end = self.chars(i, j)
        head = self.doc[i : j + 1].root
        draft = Draft(
            start=start,
            end=end,
            kind=kind,
            head=head.i,
            first=i,
            last=j,
            is_subject=head.dep_ in ("nsubj", "nsubjpass"),
            main_subject=head.dep_ in ("nsubj", "nsubjpass")
            and head.head.dep_ == "ROOT",
            verb=subject_verb(head),
            **fields,
        )
        self.drafts.append(draft)
        self.taken[i : j + 1] = b"\x01" * (j - i + 1)
        return draft

    # ------------------------------------------------------------ the passes

    def place_matches(self) -> None:
        """Match the gazetteer once over the paragraph and place the matches."""
        doc = self.doc
        if not self.text:
            self.text = doc.text
        self.owner = [-1] * len(doc)
        self.taken = bytearray(len(doc))
        for found in self.gazetteer.match(self.text):
            placed = self.tokens_at(found.start, found.end)
            if placed is None:
                continue
            i, j = placed
            actors = [a for a in found.actors if a.kind != "role"]
            self.matches.append(
                Placement(
                    i=i,
                    j=j,
                    found=found,
                    is_role=not actors,
                    is_person=bool(actors) and all(a.kind == "person" for a in actors),
                )
            )
            for k in range(i, j + 1):
                self.owner[k] = len(self.matches) - 1

    def tokens_at(self, start: int, end: int) -> tuple[int, int] | None:
        """The first and last token over paragraph characters ``[start, end)``."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return span.start, span.end - 1

    def trimmed(self, i: int, j: int) -> tuple[int, int]:
        """Tokens ``i..j`` without a leading "the" or a trailing "'s" or mark."""
        doc = self.doc
        while i <= j and doc[i].lower_ in ("the", "'s", "’s"):
            i += 1
        while j >= i and (doc[j].is_punct or doc[j].lower_ in ("'s", "’s")):
            j -= 1
        return i, j

    def name_token(self, k: int) -> bool:
        """Whether token ``k`` may be part of a person's name."""
        token = self.doc[k]
        text = token.text
        if not text[:1].isupper() or not any(ch.isalpha() for ch in text):
            return False
        if text.isupper() and len(text) > 1:
            return False  # acronyms and shouted datelines
        if (
            token.lower_.rstrip(".") in TITLE_WORDS
            or token.lower_ in OCCUPATIONS
            or token.ent_type_ in NOT_NAME_LABELS
        ):
            return False
        if token.pos_ == "PRON" or (
            token.pos_ != "PROPN" and token.ent_type_ != "PERSON"
        ):
            return False  # "‚Nothing has changed,‘": a PERSON to the model
        match = self.match_at(k)
        return match is None or match.is_person

    def _joined(self, a: int, b: int) -> bool:
        """Whether tokens ``a`` and ``b = a + 1`` sit on one line."""
        return "\n" not in self.doc[a].whitespace_ and not self.doc[b].is_space

    def _link(self, k: int) -> bool:
        """A hyphen (no spaces) or a lower-case particle inside a name."""
        token = self.doc[k]
        if token.text in HYPHENS:
            return k > 0 and self.doc[k - 1].whitespace_ == token.whitespace_ == ""
        return token.lower_ in NAME_PARTICLES and token.text.islower()

    def _hyphen_syllable(self, k: int) -> bool:
        """A lower-case romanised syllable hyphened to a name word: the last
        part of a given name the model tagged whole ("Lai Ching-te", "Lee
        Jae-myung", "Moon Jae-in"; not "Trump-led" or "Obama-levels", which
        it sometimes tags as names too)."""
        doc = self.doc
        return (
            k >= 2
            and _SYLLABLE.fullmatch(doc[k].text) is not None
            and self._link(k - 1)
            and doc[k - 1].text in HYPHENS
            and self.name_token(k - 2)
        )

    def grow(self, i: int, j: int) -> tuple[int, int]:
        """Extend a name over adjacent name words, hyphens and particles."""
        n = len(self.doc)
        for step in (1, -1):
            edge = j if step > 0 else i
            k = edge + step
            while 0 <= k < n and self._joined(min(k, k - step), max(k, k - step)):
                if self.name_token(k):
                    edge = k
                elif not self._link(k):
                    break
                k += step
            i, j = (i, edge) if step > 0 else (edge, j)
        return i, j

    def person_seeds(self) -> list[tuple[int, int, Placement | None]]:
        """Names from gazetteer people, PERSON entities and entity residues."""
        doc = self.doc
        seeds: list[tuple[int, int, Placement | None]] = []
        for match in self.matches:
            if match.is_person and not self.in_dateline(match.i, match.j):
                seeds.append((self._untitled(match.i, match.j), match.j, match))
        for ent in doc.ents:
            if ent.label_ in NOT_NAME_LABELS:
                continue
            i, j = ent.start, ent.end - 1
            while i <= j and not self._name_or_entity(i):
                i += 1
            while j >= i and not (
                self._name_or_entity(j)
                or (ent.label_ == "PERSON" and self._hyphen_syllable(j))
            ):
                j -= 1
            if i > j or self.in_dateline(i, j):
                continue
            others = [
                m
                for m in {self.owner[k] for k in range(i, j + 1)}
                if m >= 0
                and not self.matches[m].is_role
                and not self.matches[m].is_person
            ]
            if not others:
                if self.nicknamed(i, j):
                    continue  # 'nicknamed "the Bulldozer"': no one's name
                if (
                    (ent.label_ == "PERSON" and not self.named_place(i))
                    or self._apposed_person(i, j)
                    or (ent.label_ in _SILENT_LABELS and self._speaks(i, j))
                ):
                    seeds.append((i, j, None))
                continue
            if any(self.matches[m].i < i or self.matches[m].j > j for m in others):
                continue  # the gazetteer names something the entity only cuts
            first = self.matches[min(others)]
            if (
                ent.label_ == "PERSON"
                and len(others) == 1
                and first.i == first.j
                and i < j
                and all(
                    self.name_token(k) or self._link(k)
                    for k in range(i, j + 1)
                    if k != first.i
                )
            ):
                # "Jordan Peterson", "Jim Jordan": a one-word place in a
                # personal name; "Al-Fateh Qurashi": a group's name inside one
                first.used = True
                seeds.append((i, j, None))
                continue
            last = max(self.matches[m].j for m in others)
            residue = range(last + 1, j + 1)
            if not residue or not all(self.name_token(k) for k in residue):
                continue
            if len(residue) >= 2:
                # "envoy for Central Asia Oleg Varentsov" tagged as one place
                seeds.append((residue.start, j, None))
        return seeds

    def nicknamed(self, i: int, j: int) -> bool:
        """Whether tokens ``i..j`` fill quote marks by themselves (after a
        "the"): a nickname or a title, 'nicknamed "the Bulldozer"'."""
        doc = self.doc
        k = i - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        return (
            k >= 0
            and j + 1 < len(doc)
            and doc[k].text in _MARKS
            and doc[j + 1].text in _MARKS
        )

    def named_place(self, i: int) -> bool:
        """Whether the name at token ``i`` follows a place noun and "of": "the
        village of Atmeh" (the model may read a person's name)."""
        doc = self.doc
        return (
            i >= 2
            and doc[i - 1].lower_ == "of"
            and doc[i - 2].lemma_.lower() in PLACE_NOUNS
        )

    def _speaks(self, i: int, j: int) -> bool:
        """Whether a name of two or three words is the subject of a reporting
        verb: "“...,” Sophie Binet told franceinfo radio" (the model read a
        work of art)."""
        doc = self.doc
        if not 0 < j - i <= 2 or not all(
            doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()
            for k in range(i, j + 1)
        ):
            return False
        return speaks(doc[i : j + 1].root)

    def _apposed_person(self, i: int, j: int) -> bool:
        """Whether a name the model read as something else is a person's by
        an apposition, a title or an age: "Leila Moradi, a researcher at ...",
        "Lithuania's president, Gitanas Nauseda, ...", "regional governor Oleh
        Kiper", "Vinícius, 24, ..."."""
        doc = self.doc
        if _aged(doc, j) and doc[i].text[:1].isupper() and doc[i].lower_ != "the":
            return True  # "Vinícius, 24, has repeatedly accused ...": an age
        if j == i or not all(doc[k].pos_ == "PROPN" for k in range(i, j + 1)):
            return False
        if i > 0 and doc[i - 1].lower_ == "the":
            return False  # "the Congressional Black Caucus"
        head = doc[i : j + 1].root
        role = head.head
        if (
            head.dep_ == "appos"
            and role.i < i
            and doc[i - 1].text == ","
            and role.tag_ == "NN"
            and role.lower_ in PERSON_APPOSITIONS
        ):
            return True
        title = doc[i - 1]
        if (
            i > 0
            and title.dep_ == "compound"
            and i <= title.head.i <= j
            and title.tag_ == "NN"
            and title.lower_ in _PERSON_TITLES
        ):
            return True  # "regional governor Oleh Kiper"
        return any(
            child.dep_ == "appos"
            and child.i > j
            and child.tag_ == "NN"
            and child.lower_ in PERSON_APPOSITIONS
            # "former governor L. Douglas Wilder" is another person's title
            and not (child.i + 1 < len(doc) and doc[child.i + 1].pos_ == "PROPN")
            for child in head.rights
        )

    def _untitled(self, i: int, j: int) -> int:
        """Where a gazetteer name starts after its title and demonym.

        "President Kagame", "Israeli Prime Minister Ehud Barak": the gazetteer
        holds some people with their titles; the name is the rest.
        """
        doc = self.doc
        while i < j and (
            doc[i].lower_.rstrip(".") in TITLE_WORDS
            or any(a.kind == "state" for a in self.gazetteer.lookup(doc[i].text))
        ):
            i += 1
        return i

    def _name_or_entity(self, k: int) -> bool:
        match = self.match_at(k)
        return self.name_token(k) or (match is not None and not match.is_role)

    def people(self) -> None:
        """Person drafts from the seeds, grown and merged."""
        merged: list[list[Any]] = []
        for i, j, match in sorted(
            self.person_seeds(), key=lambda s: (s[0], -(s[1] - s[0]))
        ):
            grown = self.grow(i, j)
            if merged and grown[0] <= merged[-1][1]:
                last = merged[-1]
                last[0], last[1] = min(last[0], grown[0]), max(last[1], grown[1])
                last[2].append((i, j, match))
            else:
                merged.append([grown[0], grown[1], [(i, j, match)]])
        for i, j, seeds in merged:
            if any(self.taken[i : j + 1]):
                continue
            backing = None
            for seed_i, seed_j, match in seeds:
                if match is not None:
                    match.used = True
                    if (seed_i, seed_j) == (i, j):
                        backing = match
            if self.doc[j].lower_ in ORG_HEADS and backing is None:
                self.organisation(i, j)
            else:
                self.person(i, j, backing)

    def person(self, i: int, j: int, match: Placement | None) -> Draft:
        name = role_text(self.text, self.doc, i, j + 1)
        words = tuple(w for w in name.replace("-", " ").split() if w)
        draft = self.add(i, j, "person", words=words)
        if match is not None:
            people = valid_on(
                tuple(a for a in match.found.actors if a.kind == "person"), self.day
            )
            # a surname alone is a name of theirs only as an alias ("Obama",
            # "President Clinton"); else the title found it ("Mr. Rubio")
            written = {words[0].casefold(), match.found.text.casefold()}
            named = len(words) > 1 or any(
                a.casefold() in written for p in people for a in p.aliases
            )
            if len(people) == 1 and named:
                draft.identify(people[0], self.day)
            else:
                # "Mr. Rubio" is matched by the surname alone: the article's
                # own "Luis Rubio" comes before a namesake the gazetteer knows
                draft.candidates = people
        else:
            draft.name = " ".join(name.split())
        # "Hillary Clinton", or "Clinton" the gazetteer knows as her: her given
        # name tells her gender (a title or an apposition may still say it)
        full = words if len(words) >= 2 else tuple((draft.name or "").split())
        if len(full) >= 2:
            draft.gender = FIRST_NAMES.get(full[0].casefold())
        found = person_roles(self.doc, i, j, self.is_role_token)
        if found:
            draft.role = "; ".join(
                role_text(self.text, self.doc, a, b) for a, b in found
            )
        for a, b in found:
            self.give_role(draft, a, b)
        return draft

    def give_role(self, draft: Draft, a: int, b: int) -> None:
        """Record a person's role range, its gender words; its role words are used."""
        self.roles.append((draft, a, b))
        for k in range(a, b):
            gender = GENDERED.get(self.doc[k].lower_.rstrip("."))  # "Mrs."
            if gender is not None:
                draft.gender = gender
            if (match := self.match_at(k)) is not None and match.is_role:
                match.used = True

    def organisation(self, i: int, j: int) -> Draft:
        """An organisation the gazetteer lacks, named by tokens ``i..j``."""
        name = " ".join(role_text(self.text, self.doc, i, j + 1).split())
        return self.add(
            i,
            j,
            "organisation",
            actor_id=f"org:{slug(name)}",
            name=name,
            words=tuple(name.split()),
        )


def _aged(doc: Any, j: int) -> bool:
    """Whether an age follows token ``j`` between commas (", 24,")."""
    if j + 3 >= len(doc) or doc[j + 1].text != "," or doc[j + 3].text != ",":
        return False
    age = doc[j + 2].text
    return age.isdigit() and len(age) <= 3 and 0 < int(age) <= 120
