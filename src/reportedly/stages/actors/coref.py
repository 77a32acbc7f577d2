"""Coreference across one article: short names, pronouns and role nouns.

People are identified first: a full name is its gazetteer actor or a ``per:``
id from the name; a shorter name ("Hekmatyar", "Ahmad Durrani") takes the
nearest full name in the article it ends (the one before it, else the first
after it, so a headline can name a man the body introduces); surnames are
also read where the model tagged them as places or missed them. Then
pronouns ("he") and role nouns ("the diplomat") take the person the text
makes salient; when the evidence is split they stay unresolved.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache
from typing import Any

from nicknames import NickNamer

from ...actors import Actor, Gazetteer
from ...actors.genders import FIRST_NAMES
from .drafts import Draft, code_on, person_id, slug, without
from .recognize import Paragraph
from .vocabulary import (
    COMPANY_NOUNS,
    GOVERNMENT_NOUNS,
    GROUP_KINDS,
    ORG_HEADS,
    PERSON_NOUNS,
)

#: How many aliases make a known person famous enough to name by surname alone.
FAMOUS_ALIASES = 10
#: Qualifiers that make a title another office: a vice president is no president.
_OTHER_OFFICE = frozenset({"vice", "deputy", "assistant", "former", "ex", "late"})


def _folded(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(w.casefold() for w in words)


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _unsuffixed(words: Sequence[str]) -> Sequence[str]:
    """A person's name without its generational suffix ("Joseph R. Biden Jr.":
    the surname is Biden)."""
    end = len(words)
    while end > 1 and words[end - 1].casefold().strip(",") in _SUFFIXES:
        end -= 1
    return words[:end]


def read_surnames(paragraphs: Sequence[Paragraph]) -> None:
    """Draft a person wherever a surname of a full name in the article stands.

    The word is taken when no other draft holds it, or when the model made a
    one-word place or organisation of it ("Hekmatyar" tagged LOC). Words
    inside an organisation's name ("the Durrani Front") are already taken.
    """
    surnames = {
        _unsuffixed(d.words)[-1]
        for par in paragraphs
        for d in par.drafts
        if d.kind == "person" and len(d.words) >= 2
    }
    _people_mistaken(paragraphs)
    if not surnames:
        return
    pattern = _word_pattern(surnames)
    for par in paragraphs:
        replaceable = {d.first: d for d in par.drafts if d.replaceable}
        for token in _words_standing(par, pattern):
            if not par.taken[token.i]:
                par.person(token.i, token.i, None)
            elif (draft := replaceable.get(token.i)) is not None:
                draft.kind, draft.actor_id, draft.name = "person", None, token.text
                draft.words, draft.replaceable = (token.text,), False


def read_acronyms(paragraphs: Sequence[Paragraph]) -> None:
    """Draft an organisation wherever an acronym the article gave one stands
    and the model found nothing ("... Security Agency (CISA) said ... CISA did
    not name the companies"); ``resolve_organisations`` gives it the
    organisation's identity."""
    acronyms = {
        d.words[0]
        for par in paragraphs
        for d in par.drafts
        if d.kind in GROUP_KINDS
        and len(d.words) == 1
        and _ACRONYM.fullmatch(d.words[0])
    }
    if not acronyms:
        return
    pattern = _word_pattern(acronyms)
    for par in paragraphs:
        for token in _words_standing(par, pattern):
            if par.taken[token.i]:
                continue
            name = token.text
            par.add(
                token.i,
                token.i,
                "organisation",
                actor_id=f"org:{slug(name)}",
                name=name,
                words=(name,),
            )


def _word_pattern(words: set[str]) -> re.Pattern[str]:
    """A pattern of ``words`` standing whole, the longest first."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b")


def _words_standing(par: Paragraph, pattern: re.Pattern[str]) -> Iterator[Any]:
    """The tokens of a paragraph that are, whole, a match of ``pattern``."""
    for found in pattern.finditer(par.text):
        placed = par.tokens_at(found.start(), found.end())
        if placed is None or placed[0] != placed[1]:
            continue
        token = par.doc[placed[0]]
        if token.text == found.group():
            yield token


def _people_mistaken(paragraphs: Sequence[Paragraph]) -> None:
    """A model place or organisation named exactly as a person in the article,
    or as the last words of one's name, is that person ("Ava Lund" tagged ORG
    in a title-case headline; "Von der Leyen" after "Ursula von der Leyen")."""
    people = [
        _folded(d.words)
        for par in paragraphs
        for d in par.drafts
        if d.kind == "person" and len(d.words) >= 2
    ]
    names = {" ".join(words) for words in people}
    # "Von der Leyen" (tagged ORG) after "Ursula von der Leyen": the end of one
    names.update(
        " ".join(words[k:])
        for words in people
        for k in range(1, len(words) - 1)
        if len(words) >= 3
    )
    for par in paragraphs:
        for draft in par.drafts:
            model_made = (draft.actor_id or "")[:4] in ("org:", "plc:")
            if model_made and " ".join(_folded(draft.words)) in names:
                draft.kind, draft.actor_id, draft.replaceable = "person", None, False


def _antecedent(
    drafts: Sequence[Draft], index: int, full: Sequence[tuple[int, Draft]]
) -> int:
    """The full name a shorter one stands for, or -1.

    Candidates end with the short name ("Durrani": "Omid Durrani"), or, for a
    lone word no name ends with, begin with it ("Hillary"), or hold it inside
    ("Lula": "Luiz Inacio Lula da Silva"); a title's gender
    leaves out the others ("Mrs. Clinton" is not Bill Clinton). Of the candidates
    named before, the one named most often so far wins, the nearest on a tie;
    with none before, the first after (a headline naming a man the body
    introduces).
    """
    draft = drafts[index]
    words = _folded(draft.words)
    n = len(words)
    # "Mrs. Clinton" is not Bill Clinton
    full = [
        (k, d) for k, d in full if d.gender in (None, draft.gender) or not draft.gender
    ]
    names = [(k, d, _unsuffixed(d.words)) for k, d in full]
    ends = [(k, d) for k, d, w in names if len(w) > n and _folded(w[-n:]) == words]
    if not ends and n == 1:
        ends = [(k, d) for k, d, w in names if _folded(w[:1]) == words]
    if not ends and n == 1:
        # "Lula" for "Luiz Inacio Lula da Silva": a word inside a long name
        ends = [(k, d) for k, d, w in names if words[0] in _folded(w[1:-1])]
    before = [k for k, _ in ends if k < index]
    if not before:
        return next((k for k, _ in ends if k > index), -1)
    counts: dict[str, int] = defaultdict(int)
    for k in range(index):
        if drafts[k].kind == "person" and drafts[k].actor_id is not None:
            counts[drafts[k].actor_id or ""] += 1
    return max(
        before,
        key=lambda k: (counts.get(drafts[k].actor_id or _name_key(drafts[k]), 0), k),
    )


def _name_key(draft: Draft) -> str:
    return person_id(draft.name or "")


def resolve_people(drafts: list[Draft], gazetteer: Gazetteer, day: date | None) -> None:
    """Give every person draft an identity, or leave it to unresolved."""
    people = [(k, d) for k, d in enumerate(drafts) if d.kind == "person"]
    _surnames_first(drafts, people, gazetteer, day)
    full = [
        (k, d)
        for k, d in people
        if len(d.words) >= 2 and (d.actor_id is not None or not d.candidates)
    ]
    for k, draft in full:
        if draft.actor_id is None and _antecedent(drafts, k, full) < 0:
            known = _known_variant(gazetteer, draft.words)
            if known is not None and _agrees(draft, known):
                draft.identify(known, day)
            else:
                draft.actor_id = person_id(draft.name or "")
    for k, draft in people:
        if draft.actor_id is not None:
            continue
        found = _antecedent(drafts, k, full)
        if found >= 0:
            source = drafts[found]
            if source.actor_id is None:
                source.actor_id = person_id(source.name or "")
            draft.copy_identity(source, found)
            continue
        if len(draft.candidates) == 1 and len(draft.words) == 1:
            draft.identify(draft.candidates[0], day)  # "President Kagame"
            continue
        if draft.candidates:
            _ambiguous(draft, day)
            continue
        company = _company(drafts, k, gazetteer)
        if company >= 0:
            draft.copy_identity(drafts[company], company)
            continue
        if len(draft.words) == 1:
            known = _known_by_surname(gazetteer, draft.words[0], day)
            if known is not None and _agrees(draft, known):
                draft.identify(known, day)
                continue
        draft.actor_id = person_id(draft.name or " ".join(draft.words))
    _share_codes(drafts)


def _company(drafts: list[Draft], index: int, gazetteer: Gazetteer) -> int:
    """The organisation a lone word the model called a person's name begins,
    named before as companies and institutions are, when the word speaks or
    acts ("Renesas said" after "Renesas Electronics"; "Trump" is not the Trump
    Train); -1 without one. A word with a title or a role ("Mr. Renesas"), a
    given name ("Hillary" is not the Hillary Clinton Foundation) or a surname
    the gazetteer knows people by is a person's."""
    draft = drafts[index]
    if len(draft.words) != 1 or draft.role is not None or not draft.is_subject:
        return -1
    word = _folded(draft.words)[0]
    if word in FIRST_NAMES or gazetteer.people_named(draft.words[0]):
        return -1
    for k in range(index - 1, -1, -1):
        other = drafts[k]
        if (
            other.kind in GROUP_KINDS
            and (other.actor_id or "").startswith("org:")
            and len(other.words) >= 2
            and _folded(other.words[:1])[0] == word
            # named as a company or an institution is ("Renesas Electronics",
            # "Bucknell University"), not "the Trump Train"
            and _folded(other.words[-1:])[0].rstrip(".") in _INSTITUTION_WORDS
        ):
            return k
    return -1


#: last words of the names of companies
_COMPANY_WORDS = frozenset(
    """
    company corp corporation inc ltd llc plc ag sa co group holdings industries
    electronics motor motors technologies systems energy pharmaceuticals airways
    airlines communications labs partners capital
    """.split()  # noqa: SIM905
)
#: last words of the names of companies and institutions
_INSTITUTION_WORDS = (
    ORG_HEADS | _COMPANY_WORDS | {"news", "international", "report", "media", "ratings"}
)


def _surnames_first(
    drafts: list[Draft],
    people: list[tuple[int, Draft]],
    gazetteer: Gazetteer,
    day: date | None,
) -> None:
    """A lone word the gazetteer gave to someone ("Ban": a Yemeni minister)
    that opens a full name the gazetteer knows in this article ("Ban Ki-moon",
    "Kim Jong-un": the surname first) is that name's person."""
    known = [
        (k, d)
        for k, d in people
        if len(d.words) >= 2 and (d.candidates or d.actor_id in gazetteer)
    ]
    if not known:
        return
    for k, draft in people:
        if len(draft.words) != 1 or draft.refers_to is not None:
            continue
        if draft.actor_id is None and not draft.candidates:
            continue
        word = _folded(draft.words)
        opening = [(j, d) for j, d in known if _folded(d.words[:1]) == word]
        if not opening or any(_folded(d.words[-1:]) == word for _, d in known):
            continue
        before = [j for j, _ in opening if j < k]
        j = before[-1] if before else opening[0][0]
        source = drafts[j]
        if source.actor_id is not None:
            draft.copy_identity(source, j)
        else:  # two entries for one man, and no date to choose
            draft.actor_id = draft.name = None
            draft.code = draft.country = draft.sector = None
            draft.refers_to, draft.candidates = j, source.candidates
            _ambiguous(draft, day)


def _agrees(draft: Draft, actor: Actor) -> bool:
    """Whether a known person may be the one the text names: not when the role
    the text gives ties them to another country ("Mawlawi Abdul Bari, the
    Taliban's provincial spokesman" is not the Maldivian minister Abdul Majeed
    Bari)."""
    return draft.country is None or actor.country in (None, draft.country)


def _known_variant(gazetteer: Gazetteer, words: Sequence[str]) -> Actor | None:
    """The one known person with this first name and surname ("Omar El Bashir":
    "Omar Hassan Ahmad al Bashir"), the middle of the name aside."""
    words = _unsuffixed(words)
    first = words[0].casefold().strip(".")
    fits = [
        a
        for a in gazetteer.people_named(words[-1])
        if _same_given_name(a.name.split()[0].casefold(), first)
    ]
    return fits[0] if len(fits) == 1 else None


def _same_given_name(known: str, written: str) -> bool:
    """Whether two given names are one: equal, or one a nickname of the other
    ("Joe" and "Joseph", "Bill" and "William")."""
    if known == written:
        return True
    namer = _nicknamer()
    return written in namer.nicknames_of(known) or known in namer.nicknames_of(written)


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def _known_by_surname(
    gazetteer: Gazetteer, surname: str, day: date | None
) -> Actor | None:
    """The one known person a bare surname names: in office on the day, or famous.

    A surname alone is weak evidence: it must name one person the gazetteer
    knows in a dated role on the article's day, or one with many aliases.
    """
    people = gazetteer.people_named(surname)
    if day is not None:
        holding = [
            a
            for a in people
            if any(r.is_dated() and r.is_valid_on(day) for r in a.roles)
        ]
        if len(holding) == 1:
            return holding[0]
    famous = [a for a in people if len(a.aliases) >= FAMOUS_ALIASES]
    return famous[0] if len(famous) == 1 and len(people) == 1 else None


def _share_codes(drafts: list[Draft]) -> None:
    """A person the gazetteer lacks keeps, in every mention, the codes one gave."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for draft in drafts:
        if draft.kind == "person" and (draft.actor_id or "").startswith("per:"):
            for key in ("code", "country", "sector"):
                if (value := getattr(draft, key)) is not None:
                    found[str(draft.actor_id)].setdefault(key, value)
    for draft in drafts:
        for key, value in found.get(draft.actor_id or "", {}).items():
            if getattr(draft, key) is None:
                setattr(draft, key, value)


def _ambiguous(draft: Draft, day: date | None) -> None:
    """A title and a surname several known people share: keep what they agree on."""
    codes = {code_on(actor, day) for actor in draft.candidates}
    countries = {actor.country for actor in draft.candidates}
    if len(codes) == 1:
        draft.code, draft.sector = next(iter(codes))
    if len(countries) == 1:
        draft.country = next(iter(countries))


def resolve_organisations(drafts: list[Draft], text: str) -> None:
    """Short names and acronyms of organisations named in full before them.

    "the Front" after "the Durrani Front", "(FIS)" right after "Islamic
    Salvation Front", "RSF" where the article names the Rapid Support Forces
    (before or after it). Only organisations the gazetteer lacks are re-read
    (a gazetteer name is evidence of its own).
    """
    named: list[int] = []
    for index, draft in enumerate(drafts):
        if draft.kind not in GROUP_KINDS or not draft.words:
            continue
        if (draft.actor_id or "").startswith("org:"):
            found = _long_form(drafts, named, index, text)
            if found is None:
                found = _spelled_out(drafts, index, text)
            if found is None:
                found = _named_so_before(drafts, named, index)
            if found is not None:
                role, sector = draft.role, draft.sector
                draft.copy_identity(drafts[found], found)
                draft.role, draft.sector = role, draft.sector or sector
                if found > index:  # named in full only later: no reference back
                    draft.refers_to = None
        named.append(index)


def _named_so_before(drafts: list[Draft], named: list[int], index: int) -> int | None:
    """The same short name given before to an organisation it was found to
    stand for ("the Business Coordinating Council (CCE) ... The CCE said")."""
    draft = drafts[index]
    if draft.refers_to is not None:
        return None  # already found to stand for another
    words = _folded(draft.words)
    for k in reversed(named):
        other = drafts[k]
        if (
            _folded(other.words) == words
            and other.refers_to is not None
            and other.actor_id not in (None, draft.actor_id)
        ):
            return k
    return None


_ACRONYM = re.compile(r"[A-Z]{2,6}")
#: small words an acronym leaves out: "Islamic Salvation Front" -> FIS
_UNSPELLED = frozenset({"of", "for", "the", "and", "in", "on", "de", "al"})


def _initials(name: str) -> str:
    """The capitals an acronym of ``name`` would have: "Rapid Support
    Forces" -> "RSF"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _UNSPELLED]
    return "".join(w[0] for w in words if w[0].isupper())


def _spelled_out(drafts: list[Draft], index: int, text: str) -> int | None:
    """An acronym ("RSF") whose organisation the article names in full
    anywhere, before or after it ("the paramilitary Rapid Support Forces"):
    the nearest such full name."""
    draft = drafts[index]
    acronym = text[draft.start : draft.end]
    if not _ACRONYM.fullmatch(acronym):
        return None
    best: int | None = None
    for k, other in enumerate(drafts):
        if k == index or other.kind not in GROUP_KINDS or other.actor_id is None:
            continue
        written = text[other.start : other.end]
        if _ACRONYM.fullmatch(written) or _initials(written) != acronym:
            continue
        if best is None or abs(k - index) < abs(best - index):
            best = k
    return best


def resolve_definite(drafts: list[Draft], text: str, window: int) -> list[Draft]:
    """ "The ministry", "the government" (``Draft.definite``): the nearest
    organisation before, within ``window`` sentences, whose name ends with
    that noun; for "the government" and "the administration", a government
    named so ("the Afghan government", "the Biden administration"; "Tehran"
    in a headline is not what an Afghan official means by "the government");
    for "the company" and "the firm", a company, unless someone of another
    one speaks between ("a Honda spokesman"). The drafts, those left
    unresolved gone."""
    gone: set[int] = set()
    for index, draft in enumerate(drafts):
        if not draft.definite:
            continue
        noun = draft.words[0]
        gone.add(index)  # unless an organisation before fits
        reach = min(window, _COMPANY_WINDOW) if noun in COMPANY_NOUNS else window
        for k in range(index - 1, -1, -1):
            other = drafts[k]
            if draft.sentence - other.sentence > reach:
                break
            if noun in COMPANY_NOUNS and _someone_of(other, text):
                break  # "A Honda spokesman said the company ...": Honda
            if other.kind not in GROUP_KINDS or other.actor_id is None:
                continue
            written = text[other.start : other.end].lower()
            if noun in GOVERNMENT_NOUNS:  # "the Afghan government" (not Tehran)
                fits = other.sector == "GOV" and noun in written.split()
            elif noun in COMPANY_NOUNS:  # "Kasuga Electronics ... the company"
                if not _is_company(other, written):
                    break  # the nearest organisation is none: no guess further
                fits = True
            else:  # a name of more than the noun: not "Bank executives"
                words = written.split()
                fits = len(words) > 1 and words[-1].strip(".,") == noun
            if fits:
                draft.copy_identity(other, k)
                gone.discard(index)
                break
    return without(drafts, gone)


#: how many sentences back "the company" looks for one
_COMPANY_WINDOW = 3


def _is_company(draft: Draft, written: str) -> bool:
    """A company named: so in the gazetteer (a multinational, a business), or
    by the last word of its name ("Kasuga Electronics"); not a group of them
    ("Japanese carmakers"). An organisation nobody knows ("Apple", but also
    "GOP" and "Miracle Run", a stream) is not taken for one."""
    if (draft.actor_id or "").startswith("grp:"):
        return False
    if draft.code == "MNC" or draft.sector == "BUS":
        return True
    words = written.lower().split()
    return len(words) > 1 and words[-1].strip(".,") in _COMPANY_WORDS


def _someone_of(draft: Draft, text: str) -> bool:
    """Someone unnamed whose role a name qualifies ("a Honda spokesman")."""
    if draft.kind not in ("person", "nominal") or draft.actor_id or not draft.role:
        return False
    first = text[draft.start : draft.end].split()[0]
    return first[:1].isupper() and first.casefold() not in {"a", "an", "the"}


def _long_form(
    drafts: list[Draft], named: list[int], index: int, text: str
) -> int | None:
    draft = drafts[index]
    if named:
        before = drafts[named[-1]]
        between = text[before.end : draft.start]
        if between.strip() == "(" and text[draft.end : draft.end + 1] == ")":
            return named[-1]
    words = _folded(draft.words)
    n = len(words)
    for k in reversed(named):
        other = drafts[k]
        if len(other.words) > n and _folded(other.words[-n:]) == words:
            return k
    return None


class Salience:
    """Who the text has been talking about, sentence by sentence.

    A person is known by its actor id; someone introduced unnamed ("a
    senior diplomat"), or a known name the article leaves unsettled, by the
    index of that mention, which the mentions referring to it share.
    """

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = drafts
        self.by_sentence: dict[int, list[int]] = defaultdict(list)
        self.keys: dict[int, str] = {}
        self.gender: dict[str, str] = {}
        self.roles: dict[str, list[str]] = defaultdict(list)

    def add(self, index: int) -> None:
        draft = self.drafts[index]
        if draft.kind != "person":
            return
        if draft.actor_id is not None:
            key = draft.actor_id
        elif draft.refers_to in self.keys:
            key = self.keys[draft.refers_to]
        elif draft.unnamed or draft.candidates:
            # someone unnamed, or a known name the article does not settle
            # ("Ban Ki-moon", two entries and no date): known by this mention
            key = f"#{index}"
        else:
            return
        self.keys[index] = key
        self.by_sentence[draft.sentence].append(index)
        if draft.gender is not None:
            self.gender.setdefault(key, draft.gender)
        if draft.role:
            self.roles[key].append(draft.role.casefold())

    def fits(self, index: int, draft: Draft) -> bool:
        other = self.drafts[index]
        known = self.gender.get(self.keys[index])
        if draft.gender is not None and known not in (None, draft.gender):
            return False
        if (
            draft.is_object
            and other.verb == draft.verb
            and other.sentence == draft.sentence
        ):
            return False  # "Lula thanked him": not himself
        return draft.in_quote or not other.in_quote

    def _may_be(self, index: int, pronoun: Draft) -> bool:
        """Whether someone introduced unnamed may be what a pronoun means: as
        a subject ("A spokesman said ... He added"), not in an adjunct
        ("Through a spokesman, he declined"); from inside its own phrase, as
        the subject of a clause ("who ... because he was not authorised"), not
        as an object ("a judge presiding over a lawsuit against him")."""
        other = self.drafts[index]
        if not other.unnamed:
            return True
        if other.start <= pronoun.start < other.scope_end:
            # "A senior official, who spoke on condition of anonymity because
            # he was not authorised, ...": a subject there is the official
            return pronoun.is_subject
        return other.is_subject

    def pronoun(self, index: int, window: int) -> int | None:
        """The person a pronoun refers to: the only one, or the only subject,
        or the only subject of the main verb, of the nearest sentence (this one
        or up to ``window`` before) naming any.
        """
        draft = self.drafts[index]
        for sentence in range(draft.sentence, draft.sentence - window - 1, -1):
            found = [
                k
                for k in self.by_sentence.get(sentence, ())
                if k < index and self.fits(k, draft) and self._may_be(k, draft)
            ]
            if not found:
                continue
            if len({self.keys[k] for k in found}) == 1:
                return found[-1]
            subjects = [k for k in found if self.drafts[k].is_subject]
            if len({self.keys[k] for k in subjects}) == 1:
                return subjects[-1]
            # "Josh Earnest said that Obama has long called for ... He said":
            # the subject of the main verb, not of the clause it reports
            main = [k for k in subjects if self.drafts[k].main_subject]
            if len({self.keys[k] for k in main}) == 1:
                return main[-1]
            return None
        return None

    def nominal(self, index: int, window: int) -> int | None:
        """The nearest person whose title fits a role noun ("the diplomat")."""
        draft = self.drafts[index]
        wanted = PERSON_NOUNS.get(draft.words[0] if draft.words else "", frozenset())
        for sentence in range(draft.sentence, draft.sentence - window - 1, -1):
            for k in reversed(self.by_sentence.get(sentence, ())):
                other = self.drafts[k]
                if k >= index or (draft.code and other.code != draft.code):
                    continue
                titles = self.roles.get(self.keys[k], ())
                if any(_holds(title, wanted) for title in titles):
                    return k
        return None


def resolve_references(
    drafts: list[Draft], *, pronoun_window: int, nominal_window: int
) -> None:
    """Resolve pronouns and role nouns in text order; the rest stay unresolved.

    A person introduced unnamed ("a Russian diplomat") is nobody named
    before; the pronouns and role nouns after it may refer to it.
    """
    salience = Salience(drafts)
    for index, draft in enumerate(drafts):
        if draft.kind in ("pronoun", "nominal"):
            found = None
            if draft.kind == "pronoun":
                found = salience.pronoun(index, pronoun_window)
            elif not draft.unnamed:
                found = salience.nominal(index, nominal_window)
            if found is not None:
                role = draft.role
                draft.copy_identity(drafts[found], found)
                draft.role = role
            else:
                draft.kind = "person"
        salience.add(index)


def _holds(title: str, wanted: frozenset[str]) -> bool:
    """Whether a title names one of the ``wanted`` offices, unqualified."""
    words = title.replace(",", " ").replace("-", " ").split()
    for n, word in enumerate(words):
        if n and words[n - 1] in _OTHER_OFFICE:
            continue
        if word in wanted or " ".join(words[n : n + 2]) in wanted:
            return True
    return False
