"""Dependency rules: the cue, source and content of attributions in one parse.

Each rule starts from a cue token (a reporting verb, "according to", a
headline colon) and reads its source and content off the dependency tree.
The results are drafts in article offsets; quote marks are merged in later.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from ...records import Span
from .cues import (
    ADDRESSEE_VERBS,
    BELIEF,
    CLAUSE_ONLY,
    CONTENT_PREPOSITIONS,
    DOCUMENT_NOUNS,
    HEDGE_FRAMES,
    HEDGES,
    MEDIUM_NOUNS,
    NOT_SPEAKERS,
    SPEECH,
)
from .features import CANDIDATE_POS
from .marks import DOUBLE_MARKS, QUOTE_MARKS
from .model import Drawn, QuoteModel
from .sheet import Sheet

_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
_OBJECT_DEPS = frozenset({"dobj", "oprd"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_ASIDE_WORDS = frozenset({"which", "who", "whose", "whom"})
_EDGE_PUNCT = frozenset(",;:—–-()[].")
_SPEAKER_DROP = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis"})
#: the reporting verbs of a signature after the reported clause
_SIGNING = frozenset(
    """
    say tell add insist claim warn announce note write explain confirm
    acknowledge admit concede state stress argue allege maintain reiterate
    emphasise emphasize
    """.split()  # noqa: SIM905
)
#: "according to" these is "in line with", not "as said by"
_NOT_SOURCES = frozenset(
    """
    need needs plan plans schedule timetable rule rules term terms wish wishes
    custom tradition principle principles procedure procedures standard
    standards instruction instructions
    """.split()  # noqa: SIM905
)
_TO_ADDRESSEE = frozenset({"say", "speak", "talk", "explain", "write", "complain"})


@dataclass(slots=True, kw_only=True)
class Draft:
    """A quote under construction (mutable while the stage assembles it)."""

    kind: str
    content: list[Span]
    sentence: Span
    cue: Span | None = None
    cue_lemma: str = ""
    source: Span | None = None
    source_head: Any = field(default=None, repr=False)
    source_offset: int = 0
    source_name: str | None = None
    addressee: Span | None = None
    medium: str | None = None
    date: str | None = None
    hedge: Span | None = None
    quoted: list[Span] = field(default_factory=list)
    #: the cue signs the clause before it (:func:`_trailing_signature`)
    signs: bool = False


def _span(offset: int, first: Any, last: Any) -> Span:
    return Span(start=offset + first.idx, end=offset + last.idx + len(last.text))


def _at_edge(word: str) -> bool:
    """Whether a token at a run's edge is left out: punctuation or a space."""
    return word in _EDGE_PUNCT or word.isspace()


def _runs(
    doc: Any, indices: Iterable[int], offset: int, sheet: Sheet | None = None
) -> list[Span]:
    """Contiguous token runs as spans, without punctuation at their edges.

    ``sheet`` is the doc's sheet when the caller has one (read instead of
    making a spaCy token per word).
    """
    ordered = sorted(set(indices))
    if sheet is not None:
        words: Sequence[str] | dict[int, str] = sheet.text
        starts: Sequence[int] | dict[int, int] = sheet.idx
    else:  # only the tokens asked for
        words = {i: doc[i].text for i in ordered}
        starts = {i: doc[i].idx for i in ordered}
    out: list[Span] = []
    run: list[int] = []
    for index in [*ordered, -2]:
        if run and index != run[-1] + 1:
            lo, hi = 0, len(run)  # "said:\xa0“...": a space is a token too
            while lo < hi and _at_edge(words[run[lo]]):
                lo += 1
            while hi > lo and _at_edge(words[run[hi - 1]]):
                hi -= 1
            if hi > lo and any(words[run[k]][:1].isalnum() for k in range(lo, hi)):
                last = run[hi - 1]
                out.append(
                    Span(
                        start=offset + starts[run[lo]],
                        end=offset + starts[last] + len(words[last]),
                    )
                )
            run = []
        run.append(index)
    return out


def _subtree(token: Any) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)


#: the children of a cue that belong to it, not to what was said
_CUE_AUXILIARIES = frozenset({"aux", "auxpass", "neg"})


def _cue_words(token: Any, subject: Any) -> Iterator[int]:
    """The cue's auxiliaries and its speaker (with the "by" of a passive),
    unless the speaker's phrase holds the cue ("the minister who said")."""
    for child in token.children:
        if child.dep_ in _CUE_AUXILIARIES:
            yield child.i
    if subject is not None and not (
        subject.left_edge.i <= token.i <= subject.right_edge.i
    ):
        yield from _subtree(subject)
        if subject.head.dep_ == "agent":
            yield subject.head.i


def _phrase(token: Any) -> set[int]:
    """A noun phrase's tokens without its appositions (they name, not say)."""
    out = set(_subtree(token))
    for child in token.children:
        if child.dep_ == "appos" and token.pos_ in {"NOUN", "PROPN"}:
            out.difference_update(_subtree(child))
    return out


def _name_after(token: Any, hi: int) -> int:
    """``former Saudi diplomat Khalid al-Dossary argued``: a name the parser
    made a second subject, right after the role; the last token of the whole."""
    doc = token.doc
    end = hi
    j = hi + 1
    while j < len(doc) and j - hi <= 6:
        word = doc[j]
        # "Ex-governor": the parser may read each piece as a subject
        joined = "-" in (word.text, doc[j - 1].text) and not doc[j - 1].whitespace_
        if not (word.pos_ == "PROPN" or joined):
            break
        if word.head.i == token.head.i and word.dep_ == token.dep_:
            end = j
        elif word.dep_ != "compound" and not joined:
            break
        j += 1
    return end


#: how a document comes from whoever is behind it (not "seen by", "combed
#: through by": who read it)
_ISSUING = frozenset(
    """
    release issue publish sign write prepare commission conduct compile
    produce send file author draft post share submit present deliver fund
    """.split()  # noqa: SIM905
)


def _issued_by(child: Any) -> bool:
    """``A statement released by the Kremlin``: a document's issuer, part of
    the speaker as written (a participle of the document noun with its agent,
    right after it)."""
    return (
        child.dep_ == "acl"
        and child.i == child.head.i + 1
        and child.lemma_.lower() in _ISSUING
        and child.head.lemma_.lower() in DOCUMENT_NOUNS
        and any(c.dep_ == "agent" for c in child.children)
    )


#: what a live blog's time stamp is made of ("14:05 GMT -", "9.30am –")
_STAMP_WORD = re.compile(
    r"\d{1,2}(?:[:.]\d{2})?(?:am|pm)?|gmt|utc|bst|cet|cest|est|edt|et|pt"
    r"|am|pm|a\.m\.|p\.m\.|[-–—―:.]",
    re.IGNORECASE,
)


def _after_time_stamp(doc: Any, lo: int, head: int) -> int:
    """Where a speaker starts after a time stamp and a dash before it: "14:05
    GMT - Qatar says ..." is spoken by Qatar."""
    dashes = [  # set apart by spaces: not the hyphen of "9-11 families"
        k
        for k in range(lo, head)
        if doc[k].text in _DASHES
        and doc[k].whitespace_
        and (k == 0 or doc[k - 1].whitespace_)
    ]
    if dashes and all(
        _STAMP_WORD.fullmatch(doc[k].text) for k in range(lo, dashes[-1])
    ):
        return dashes[-1] + 1
    return lo


def _named_right_after(token: Any, child: Any) -> bool:
    """ "former deputy justice minister Michal Wos told": a name the parser
    hung on the role as an apposition, with no comma between them."""
    return bool(
        child.dep_ == "appos"
        and child.pos_ == "PROPN"
        and child.left_edge.i == token.i + 1
        and token.whitespace_
        and token.nbor().text[:1].isupper()
    )


def _speaker(token: Any, offset: int) -> Span:
    """The speaker as written: the noun phrase without appositions or clauses."""
    doc = token.doc
    drop: set[int] = set()
    named = -1  # the last word of a name right after the role, if any
    for child in token.children:
        if child.dep_ not in _SPEAKER_DROP or child.i < token.i or _issued_by(child):
            continue
        if named < 0 and _named_right_after(token, child):
            named = child.i  # the name, not what follows it
        drop.update(_subtree(child))
    if named >= 0:
        drop.difference_update(range(token.i + 1, named + 1))
        drop.update(range(named + 1, token.right_edge.i + 1))
    keep = [i for i in _subtree(token) if i not in drop]
    # the phrase stops at the first dropped token after the head
    lo = keep[0]
    while lo < token.i and doc[lo].is_punct:  # "..., ” Flynn said"
        lo += 1
    hi = token.i
    for i in keep:
        if i > token.i and i == hi + 1:
            hi = i
    lo = _after_time_stamp(doc, lo, token.i)
    hi = _name_after(token, hi)
    if token.ent_iob_ != "O":
        # "The Committee to Protect Journalists": a name the parser read as a
        # noun and a clause is whole
        k = token.i + 1
        while k < len(doc) and doc[k].ent_iob_ == "I":
            k += 1
        more = doc[hi + 1 : k]
        if not token.i < token.head.i < k and not any(  # "Obama Says ...": no
            t.text in "()" or (t.is_stop and t.is_title) for t in more
        ):  # nor a headline's "ISIS’ Death Order On ...": a title, not a name
            hi = max(hi, k - 1)
    # "the Cybersecurity and Infrastructure Security Agency (CISA)": a
    # parenthesis at the end of the phrase is no part of it
    if hi > lo and doc[hi].text == ")":
        k = hi - 1
        while k > lo and doc[k].text != "(":
            k -= 1
        if doc[k].text == "(":
            hi = max(lo, k - 1)
    spans = _runs(doc, range(lo, hi + 1), offset)
    return spans[0] if spans else _span(offset, token, token)


def subject_of(verb: Any, depth: int = 0) -> Any:
    """The token naming who speaks through ``verb``, following chains.

    The subject, a possessor of a noun cue, the agent of a passive, the
    subject of the verb a conjoined or participle cue hangs on, the noun a
    relative clause modifies; None when the tree names nobody.
    """
    quoted = _quoted_speaker(verb)
    if quoted is not None:
        return quoted  # "Putin was quoted by Interfax as saying"
    for child in verb.children:
        if child.dep_ != "nsubj":
            continue
        if not child.is_punct:
            return child
        # a mark the parser made the subject: "«...,» said X" names X, and
        # "The film ― which ... ― explains" the film the dash carries
        inner = [g for g in child.children if g.dep_ == "nsubj" and not g.is_punct]
        if inner:
            return inner[0]
    for child in verb.children:
        if child.dep_ == "poss" and verb.pos_ == "NOUN":
            return child
        if child.dep_ == "csubj" and child.tag_ == "VBG":
            # "Farmers driving tractors through the capital shouted": the
            # parser made the participle describing them the subject
            for grandchild in child.children:
                if grandchild.dep_ == "nsubj" and grandchild.i < child.i:
                    return grandchild
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    if depth > 3 or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ in {"VERB", "AUX"}:
        return subject_of(head, depth + 1)
    if _misread_participle(verb, head):
        return subject_of(head, depth + 1)
    if verb.dep_ in {"advcl", "xcomp"} and verb.tag_ in {"VBG", "VB"}:
        if _after_aside(verb, head):
            head = head.head  # "- where the Panthers played - while chanting"
        return subject_of(head, depth + 1)
    if verb.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "members, called to service by the governor": the "by" the
            # parser hung lower is still the agent of the participle
            for word in verb.subtree:
                if word.lower_ == "by" and word.dep_ == "prep":
                    agent = next((c for c in word.children if c.dep_ == "pobj"), None)
                    if agent is not None and agent.ent_type_ not in {"DATE", "TIME"}:
                        return agent
        return head if verb.pos_ == "VERB" else None
    if verb.dep_ in {"acomp", "attr"} and head.pos_ in {"AUX", "VERB"}:
        return subject_of(head, depth + 1)
    return None


_DASHES = frozenset({"-", "--", "—", "–"})


def _misread_participle(verb: Any, head: Any) -> bool:
    """Whether the parser made a participle describing the subject the
    sentence's root and the finite cue a clause below it: in "Protesters
    marching through the streets chanted ...", "marching" is the root, and the
    protesters, its subject, are who chanted (:func:`subject_of` reads the
    other misreading, the participle made the cue's clausal subject)."""
    return bool(
        verb.dep_ in {"advcl", "dep"}
        and verb.tag_ in {"VBD", "VBN", "VBZ", "VBP"}
        and head.tag_ == "VBG"
        and head.dep_ == "ROOT"
        and head.i < verb.i
        and not any(c.dep_ == "mark" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.i < head.i for c in head.children)
    )


def _after_aside(verb: Any, head: Any) -> bool:
    """``looping the streets - where the Panthers played - while chanting``:
    the parser hung ``verb`` on the verb of an aside set off by dashes that
    closes between them."""
    if head.i > verb.i or head.head.i == head.i:
        return False
    doc = verb.doc
    closing = any(t.text in _DASHES for t in doc[head.i + 1 : verb.i])
    return closing and any(t.text in _DASHES for t in doc[head.head.i + 1 : head.i])


def is_lexicon_cue(token: Any) -> bool:
    """A verb of the lexicon with the company its class needs."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    deps = {child.dep_ for child in token.children}
    if lemma in SPEECH:
        return bool(
            deps & (_CLAUSE_DEPS | _OBJECT_DEPS | {"nsubj", "agent", "prep"})
            or token.dep_ in {"parataxis", "ccomp"}
        )
    if lemma in BELIEF:
        if deps & _CLAUSE_DEPS:
            return True
        return lemma not in CLAUSE_ONLY and "dobj" in deps
    return False


def _inverted(token: Any) -> bool:
    """``"...," he said``: the parser hung the cue under the quoted clause."""
    if token.dep_ not in {"parataxis", "ccomp"} or token.i < token.head.i:
        return False
    if {child.dep_ for child in token.children} & (_CLAUSE_DEPS | {"dobj"}):
        return False
    before = token.left_edge.i - 1
    return before >= 0 and bool(
        token.doc[before].is_punct or token.doc[before].is_quote
    )


def _titled(token: Any) -> bool:
    """``on Fox News's “Fox and Friends.”``: a phrase in quote marks, a title."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    if left == 0 or not doc[left - 1].is_quote:
        return False
    after = doc[right + 1 : right + 3]
    return any(t.is_quote for t in after)


def _trailing_signature(token: Any) -> tuple[Any, set[int]] | None:
    """ "Relations could be better, Jane Doe, the party's chief, told TASS."

    The parser hung the cue under the reported clause (as an adverbial clause
    or a conjunct) and the speaker inside it or beside it. The speaker is a
    person's name set off by a comma before the cue (an apposition may follow
    it), else the noun phrase between the last comma and the cue; the content
    is the sentence before that comma.
    """
    if token.pos_ != "VERB":
        return None
    children = list(token.children)
    subject = any(c.dep_ in _SUBJECT_DEPS and not _titled(c) for c in children)
    if token.dep_ in {"advcl", "conj"}:
        if token.i < token.head.i or any(
            c.dep_ in _CLAUSE_DEPS and c.i < token.i for c in children
        ):  # a clause after the cue is checked below (", as gangs kept ...")
            return None
    elif subject or token.dep_ not in {"ROOT", "parataxis"}:
        return None  # "..., the Observatory said": a ROOT cue whose subject
        # the parser hid in the clause as an apposition
    elif _says_after(token):
        return None  # "Speaking in Dhaka, the minister, X, said the government
        # had ...": what was said follows the cue
    doc = token.doc
    sentence = token.sent  # costly in spaCy: read once, after the cheap tests
    sentence_start, sentence_end = sentence.start, sentence.end
    if token.i == sentence_start:
        return None
    # a signature ends its clause with a plain reporting verb: what may follow
    # is set off by a comma (", citing ...", ", although ...")
    after = doc[token.i + 1 : sentence_end]
    stop = next((t.i for t in after if t.text in {",", ";", "—", "–"}), sentence_end)
    signing = token.lemma_.lower() in _SIGNING and not any(
        t.pos_ in {"VERB", "AUX"} for t in doc[token.i + 1 : stop]
    )
    if token.dep_ == "conj" and not signing:
        return None
    if subject and token.dep_ == "conj":
        # "..., two diplomats involved in the talks said": the conjunct's own
        # subject, set off by a comma, signs the clause before it
        said_by = next(c for c in children if c.dep_ in _SUBJECT_DEPS)
        left = said_by.left_edge.i
        if left - 1 > sentence_start and doc[left - 1].text == ",":
            return said_by, set(range(sentence_start, left - 1))
        return None
    if not subject:
        named = _named_before(token, sentence_start)
        if named is not None:
            return named
    if not signing:
        return None
    comma = token.i - 1
    while comma > sentence_start and doc[comma].text != ",":
        if doc[comma].pos_ in {"VERB", "AUX"}:
            return None
        comma -= 1
    segment = range(comma + 1, token.i)
    if (
        comma <= sentence_start
        or not 1 <= len(segment) <= 12
        or any(doc[i].pos_ in {"CCONJ", "SCONJ", "ADV"} for i in segment)
    ):
        return None
    heads = [
        i
        for i in segment
        if not comma < doc[i].head.i < token.i
        and doc[i].pos_ in {"NOUN", "PROPN", "PRON"}
    ]
    if not heads:
        return None
    return doc[heads[-1]], set(range(sentence_start, comma))


def _says_after(token: Any) -> bool:
    """Whether a cue's reported clause follows it ("said the government had")."""
    return any(c.dep_ == "ccomp" and c.i > token.i for c in token.children)


def _named_before(token: Any, sentence_start: int) -> tuple[Any, set[int]] | None:
    """A person's name set off by a comma shortly before ``token``, if any."""
    doc = token.doc
    for ent in reversed(doc.ents):
        if ent.end > token.i or ent.start <= sentence_start:
            continue
        if token.i - ent.end > 12:
            return None
        if ent.label_ not in {"PERSON", "ORG"}:
            continue
        start = ent.start  # "Habib-ur-Rahman": the tagger may split a name
        while start - 1 > sentence_start and (
            doc[start - 1].pos_ == "PROPN"
            or (doc[start - 1].text == "-" and not doc[start - 1].whitespace_)
        ):
            start -= 1
        mark = doc[start - 1]
        if mark.text != "," and not (
            mark.is_quote and start >= 2 and doc[start - 2].text == ","
        ):
            continue
        if any(t.pos_ in {"VERB", "AUX"} for t in doc[ent.end : token.i]):
            return None
        content = set(range(sentence_start, start - 1))
        return (ent.root, content) if content else None
    return None


def _said_by(token: Any) -> Any:
    """``"...," said Jane Doe, ...``: a name or pronoun right after an
    inverted cue, which the parser may have hung elsewhere."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return None
    before, after = doc[token.i - 1], doc[token.i + 1]
    if not (before.is_quote or before.text == ","):
        return None
    if after.lower_ in {"he", "she"}:
        return after
    if after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
        return next((e.root for e in doc.ents if e.start == after.i), None)
    # "“It was a mistake,” admitted one official.": a noun phrase the parser
    # made the object, ending the sentence
    objects = [c for c in token.rights if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    if objects and before.is_quote:
        noun = objects[0]
        last = noun.right_edge.i
        if last + 1 >= len(doc) or doc[last + 1].is_punct:
            return noun
    return None


def _own_side_of_semicolons(
    doc: Any, cue: Any, content: set[int], sheet: Sheet | None = None
) -> set[int]:
    """Content on the cue's side of a semicolon that has another report on its
    other side: "The IDF said troops killed 20 militants; Hamas said the dead
    were civilians" (not "The deal is dead; it was never alive, she said").

    ``sheet`` is the paragraph's sheet when the caller has one (reading its
    words makes no spaCy tokens)."""
    if not content:
        return content
    lo, hi = min(content), max(content)
    words = sheet.text if sheet is not None else [t.text for t in doc[lo : hi + 1]]
    offset = 0 if sheet is not None else lo
    semicolons = [j for j in range(lo, hi + 1) if words[j - offset] == ";"]
    for j in semicolons:
        side = range(lo, j) if j < cue.i else range(j + 1, hi + 1)
        reports = any(
            doc[k].lemma_.lower() in SPEECH
            and k != cue.i
            and any(c.dep_ in _SUBJECT_DEPS for c in doc[k].children)
            for k in side
        )
        if reports:
            content = {i for i in content if (i > j if j < cue.i else i < j)}
    return content


def _after_a_colon(cue: Any, content: set[int], sheet: Sheet | None) -> set[int]:
    """Content after the cue without the writer's clause a colon set before
    its speaker: "But the numbers are stubborn: the agency estimates that
    ..." (the parser hangs that clause on the cue too). ``sheet`` is the
    paragraph's sheet when the caller has one."""
    if not content or max(content) <= cue.i:
        return content
    lo = min(content)
    words = sheet.text if sheet is not None else [t.text for t in cue.doc[lo : cue.i]]
    offset = 0 if sheet is not None else lo
    colons = [j for j in range(lo, cue.i) if words[j - offset] == ":"]
    if not colons:
        return content
    return {i for i in content if i > colons[-1]}


#: the marks that open and close a quotation, as tokens (the tokenizer makes
#: one token of two straight single marks, and of two backticks)
_DOUBLE_MARKS = DOUBLE_MARKS | {"''", "``"}


def _after_colon(words: Sequence[str], cue: int, content: set[int]) -> int | None:
    """The colon opening the one quotation a signature after it speaks for.

    "In her speech, Rhimes declared the need for ambition: “Change the
    world,” she said": the parser hangs the narration before the colon on
    "said", but "she said" signs the quotation; what comes before the colon
    is the writer's, or a report of its own. ``words`` are the texts of the
    doc's tokens, ``cue`` the index of the signature's verb. None unless the
    content ends at the cue, holds such a colon outside quote marks and after
    it exactly one quotation, closing right before the cue's speaker.
    """
    if not content or max(content) >= cue:
        return None
    lo = min(content)
    if ":" not in words[lo:cue]:
        return None
    marks = [j for j in range(lo, cue) if words[j] in _DOUBLE_MARKS]
    for j in range(cue - 1, lo, -1):
        if words[j] != ":":
            continue
        after = [m for m in marks if m > j]
        if len(after) % 2:
            continue  # a colon inside the quotation
        if len(after) != 2 or after[0] != j + 1:
            return None
        close = after[1]
        between = words[close + 1 : cue]
        last = close - 1 if words[close - 1] not in {"’", "'"} else close - 2
        signed = words[last] in {",", "?", "!"} or (
            len(between) > 0 and between[0] == ","
        )
        return j if signed and any(w.isalpha() for w in between) else None
    return None


def _colon_signature(
    token: Any, content: set[int], subject: Any, sheet: Sheet | None
) -> tuple[set[int], Any]:
    """A cue's content and subject around a colon a signature speaks after.

    "His final assessment: “...,” he said": the cue signs the quotation after
    the colon, its subject the one after the quotation; "Rhimes declared the
    need for ambition: “...,” she said": the report of a cue the signature's
    clause holds ends at the colon (nothing is left of "scolded him:").
    """
    doc = token.doc
    words = sheet.text if sheet is not None else [t.text for t in doc]
    lo, hi = sheet.sentence[token.i] if sheet is not None else (0, len(doc))
    if ":" not in words[lo:hi]:
        return content, subject
    before = {subject.i} if subject is not None and subject.i < token.i else set()
    colon = _after_colon(words, token.i, content | before)
    if colon is not None:
        if subject is not None and subject.i < colon:
            subject = next(
                (
                    c
                    for c in token.children
                    if c.dep_ in _SUBJECT_DEPS and colon < c.i < token.i
                ),
                subject,
            )
        return {i for i in content if i > colon}, subject
    signer = token
    for _ in range(4):
        if signer.head.i == signer.i:
            break
        signer = signer.head
        if signer.i < token.i:
            continue
        colon = _after_colon(words, signer.i, set(range(token.i, signer.i)))
        if colon is not None:
            content = {i for i in content if i < colon}
            if all(doc[i].pos_ in {"PRON", "PUNCT"} for i in content):
                content = set()  # "scolded him:": whom, not what
            break
    return content, subject


#: "to be named": what a speaker who declines it asks for
UNNAMED = re.compile(r"to be (?:named|identified|quoted)\b", re.IGNORECASE)
#: a speaker's request for anonymity set off at the end of what he said
_ANONYMOUS_ASIDE = re.compile(
    rf"(?:declining|refusing) {UNNAMED.pattern}"
    r"|(?:speaking|talking) on (?:the )?condition of anonymity\b"
    r"|(?:asking|requesting) (?:not to be (?:named|identified)|anonymity)\b",
    re.IGNORECASE,
)
#: the first words of such a request
_ANONYMOUS_OPENERS = frozenset(
    {"declining", "refusing", "speaking", "talking", "asking", "requesting"}
)


def _anonymous_aside(
    doc: Any, content: set[int], sheet: Sheet | None = None
) -> int | None:
    """Where "..., declining to be named because ..." starts at the end of a
    content (the comma before it), if it does."""
    lower = sheet.lower if sheet is not None else None
    for i in sorted(content):
        word = lower[i] if lower is not None else doc[i].lower_
        if word not in _ANONYMOUS_OPENERS or i - 1 not in content:
            continue
        if doc[i - 1].text != ",":
            continue
        last = max(content)
        if _ANONYMOUS_ASIDE.match(doc[i : last + 1].text) and (
            doc[i].right_edge.i >= last  # the aside ends the content
        ):
            return i - 1
    return None


def _without_trailing_asides(
    doc: Any, content: set[int], sheet: Sheet | None = None
) -> set[int]:
    """Content without a clause set off by a comma at its end: ``..., which
    ...``, ``..., who ...`` (what the writer adds about a noun of it).

    ``sheet`` is the paragraph's sheet when the caller has one."""
    if not content:
        return content
    anonymous = _anonymous_aside(doc, content, sheet)
    if anonymous is not None:
        return {j for j in content if j < anonymous}
    last = max(content)
    for i in sorted(content):
        if sheet is not None and sheet.dep[i] != "relcl":
            continue  # read off the sheet: no spaCy token made
        word = doc[i]
        if word.dep_ != "relcl" or word.right_edge.i < last:
            continue
        first = word.left_edge.i
        if (
            first - 1 in content
            and doc[first - 1].text == ","
            and (doc[first].lower_ in _ASIDE_WORDS)
        ):
            return {j for j in content if j < first - 1}
    return content


_JOINERS = frozenset({",", "and", "but", ";", "--", "—", "–"})
_CONCESSIVE = frozenset({"although", "though", "whereas", "while"})
#: the finite "do" of a negated verb: "did not mention"
_DO = frozenset({"did", "does", "do"})


def _joined_from(doc: Any, cue: Any, first: int) -> int:
    """Where a clause starting at token ``first`` begins with the commas and
    conjunctions joining it to what comes before (never the cue or before)."""
    while first - 1 > cue.i and doc[first - 1].lower_ in _JOINERS:
        first -= 1
    return first


def _without_what_was_not_said(
    doc: Any, cue: Any, content: set[int], sheet: Sheet | None = None
) -> set[int]:
    """Content without a negated verb in the cue's tense that the parser
    coordinated inside it after "but", with no subject of its own: in "The
    ministry said air defences had destroyed 44 drones, but did not mention
    the depot", the ministry not mentioning it is the writer's, said of the
    speaker.

    ``sheet`` is the paragraph's sheet when the caller has one."""
    for i in sorted(content):
        if i <= cue.i or (sheet is not None and sheet.dep[i] != "conj"):
            continue  # read off the sheet: no spaCy token made
        word = doc[i]
        if word.dep_ != "conj" or word.pos_ != "VERB" or word.head.i not in content:
            continue
        children = list(word.children)
        do = next((c for c in children if c.dep_ == "aux" and c.lower_ in _DO), None)
        if (
            do is None
            or do.tag_ != cue.tag_
            or word.head.tag_ == do.tag_
            or not any(c.dep_ == "neg" for c in children)
            or any(c.dep_ in _SUBJECT_DEPS for c in children)
        ):
            continue
        first = _joined_from(doc, cue, word.left_edge.i)
        if not any(doc[j].lower_ == "but" for j in range(first, word.left_edge.i)):
            continue  # "said they had won and did not need help": theirs
        last = word.right_edge.i
        return {j for j in content if j < first or j > last}
    return content


def _second_report(cue: Any, other: Any) -> bool:
    """Whether ``other`` is a second report of ``cue``'s speaker that the
    parser hung inside ``cue``'s content.

    ``Machado promised ... and said she would ...``: a verb without a subject
    of its own, coordinated with the cue; ``May said that the country would
    declare ... and suggested that ...``: one coordinated with a verb of the
    content but in the cue's tense, not in that verb's; ``told X that she
    believes ..., saying that ...``: a participle of speech after a comma;
    ``praised the farmers before promising that ...``: a report as the means or
    the time of the cue's act (PolNeAR marks it apart, 38 of 53 times in the
    training articles); ``claimed that X was smart, although he refused to
    ...``, ``..., while Ukraine's military said ...``: a concessive clause set
    off by a comma. (Measured on the PolNeAR dev set and dropped: a coordinated
    clause with a subject of its own, ``, but he ...``, a participle hung on
    the cue itself, one opening the sentence; each moved exact content up and
    attribution down.)
    """
    if other.i <= cue.i:
        return False
    if any(c.dep_ in _SUBJECT_DEPS for c in other.children):
        # "claimed that X was smart, although he refused to ...": a clause of
        # its own, set against the content
        doc = other.doc
        first = other.left_edge.i
        return bool(
            doc[first].lower_ in _CONCESSIVE
            and first > cue.i + 1
            and doc[first - 1].text in {",", ";", "—", "–", "--"}
            and cue.left_edge.i <= other.head.i <= cue.right_edge.i
        )
    head = other.head
    if head.i == cue.i:
        return bool(other.dep_ == "conj")
    if not cue.left_edge.i <= head.i <= cue.right_edge.i:
        return False
    if other.dep_ == "conj":
        return bool(other.tag_ == cue.tag_ and head.tag_ != other.tag_)
    if other.dep_ == "pcomp":
        # "praised the farmers before promising that ...": the means or the
        # time of the cue's act
        return bool(head.dep_ == "prep" and head.head.i == cue.i)
    return (
        other.dep_ == "advcl"
        and other.tag_ == "VBG"
        and other.lemma_.lower() in SPEECH
        and other.doc[other.left_edge.i - 1].text == ","
    )


def _has_words(doc: Any, span: Span, offset: int) -> bool:
    """Whether a span of ``doc`` (article offsets) holds more than punctuation."""
    words = doc.char_span(
        span.start - offset, span.end - offset, alignment_mode="expand"
    )
    return words is not None and any(not t.is_punct for t in words)


def minus(spans: Sequence[Span], cut: Span, keep: Sequence[Span]) -> list[Span]:
    """``spans`` without the characters of ``cut`` that no span of ``keep`` holds."""
    holes: list[Span] = []
    position = cut.start
    for k in sorted(keep):
        if k.end <= position or k.start >= cut.end:
            continue
        if k.start > position:
            holes.append(Span(start=position, end=k.start))
        position = max(position, k.end)
    if position < cut.end:
        holes.append(Span(start=position, end=cut.end))
    out = list(spans)
    for hole in holes:
        rest: list[Span] = []
        for p in out:
            if hole.end <= p.start or hole.start >= p.end:
                rest.append(p)
                continue
            if p.start < hole.start:
                rest.append(Span(start=p.start, end=hole.start))
            if hole.end < p.end:
                rest.append(Span(start=hole.end, end=p.end))
        out = rest
    return out


def _separate_reports(verbs: list[tuple[Any, Draft]], offset: int) -> None:
    """Cut second reports of the same speaker (:func:`_second_report`) out of
    the first one's content; they keep their own draft, and the first's source
    when they name none.

    A second report hangs inside the first's phrase, so only the verbs whose
    head lies there are read (a run-on sentence of hundreds of cues would
    otherwise pair each with all).
    """
    heads = sorted((other.head.i, k) for k, (other, _) in enumerate(verbs))
    starts = [h for h, _ in heads]
    for cue, draft in verbs:
        low = bisect.bisect_left(starts, cue.left_edge.i)
        high = bisect.bisect_right(starts, cue.right_edge.i)
        for k in sorted(k for _, k in heads[low:high]):
            other, second = verbs[k]
            if other is cue or not _second_report(cue, other):
                continue
            if second.signs:  # "..., China's ambassador, Fu Cong, told a
                continue  # broadcaster": it signs what comes before it
            doc = cue.doc
            # "by telling them ...": the preposition goes with its clause
            top = other.head if other.dep_ == "pcomp" else other
            first = _joined_from(doc, cue, max(top.left_edge.i, cue.i + 1))
            before, right = doc[first - 1], other.right_edge.i
            cut = Span(
                start=offset + before.idx + len(before.text),
                end=offset
                + (doc[right + 1].idx if right + 1 < len(doc) else len(doc.text)),
            )
            kept = minus(draft.content, cut, ())
            draft.content = [k for k in kept if _has_words(doc, k, offset)]
            # and the second's content lies in its own clause
            clause = Span(start=offset + other.left_edge.idx, end=cut.end)
            second.content = [
                Span(start=max(c.start, clause.start), end=min(c.end, clause.end))
                for c in second.content
                if c.start < clause.end and clause.start < c.end
            ]
            speaks = any(c.dep_ in _SUBJECT_DEPS for c in other.children)
            if draft.source is not None and not speaks:
                second.source = draft.source
                second.source_head = draft.source_head
                second.source_offset = draft.source_offset


#: what hangs on a cue after it, once its content came before it
_SETTING_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod", "agent"})
#: what opens a clause reporting what was said
_REPORTED_MARKS = frozenset({"that", "whether", "if"})


def _said_inside(phrase: Any) -> set[int]:
    """The tokens of what was said when the parser hung it inside ``phrase``
    (a medium, an addressee): the innermost clause that reports ("in a letter
    that she sent to the board that the plan was illegal")."""
    said = [
        c for c in phrase.subtree if c.dep_ in {"acl", "ccomp", "relcl"} and _reports(c)
    ]
    out: set[int] = set()
    for clause in said:
        if not any(other is not clause and clause.is_ancestor(other) for other in said):
            out.update(_subtree(clause))
    return out


def _reports(clause: Any) -> bool:
    """Whether a clause is what was said: opened by "that", "whether" or "if",
    with a subject of its own ("on a call that profits would fall", which the
    parser may read as a relative clause of "call")."""
    first = clause.left_edge
    if first.lower_ not in _REPORTED_MARKS:
        return False
    if any(m.dep_ == "mark" and m.i == first.i for m in clause.children):
        return True
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i != first.i for c in clause.children
    )


#: prepositions of the medium a cue speaks through ("in an interview", "at a
#: news conference", "over the phone", "by telephone")
_MEDIUM_PREPOSITIONS = frozenset(
    {"in", "on", "during", "via", "through", "at", "over", "by"}
)
#: nouns that name a medium with the noun after them ("news conference"), not
#: when or what about ("evening rally", "security speech")
_MEDIUM_MODIFIERS = MEDIUM_NOUNS | {"news", "cable", "tv"}
#: prepositions of the time something was said ("on Monday", "in March")
_WHEN = frozenset({"on", "in", "at", "during", "over", "late", "early"})
#: where a post is written (a medium only after "on" or "via")
_ONLINE = frozenset({"site", "website", "account", "platform", "channel", "page"})


#: modals that hedge a saying ("he would say") but not what it reports: "said
#: the government would send" is the reported "will", "should" an obligation
_UNHEDGED_IN_CLAUSE = frozenset({"would", "should"})

#: media that name a channel, not a kind of saying: a noun after them is the medium
_CHANNELS = frozenset(
    {"television", "radio", "tv", "cable", "press", "telephone", "phone"}
)


#: words of "town hall" (a meeting, a medium) that alone name a place
_PLACES = frozenset({"town", "hall"})


def _medium(noun: Any) -> str | None:
    """The medium a noun names, with the medium nouns compounded with it: ``an
    interview``, ``a news conference``, ``a television interview``.

    ``an interview broadcast November 19``: a dated participle the parser
    read as the head noun; the medium is the noun before it.
    """
    compounds = [
        c
        for c in noun.children
        if c.dep_ == "compound" and c.lemma_.lower() in _MEDIUM_MODIFIERS
    ]
    dated = any(
        (c.dep_ == "npadvmod" and c.ent_type_ in {"DATE", "TIME"})
        # "broadcast on Tuesday morning"
        or (
            c.dep_ == "prep"
            and any(
                g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in c.children
            )
        )
        for c in noun.children
    )
    if dated and compounds:
        medium = str(compounds[-1].lemma_).lower()
        # "a television broadcast on Tuesday" is the broadcast
        if medium in MEDIUM_NOUNS and medium not in _CHANNELS:
            return medium
    lemma = noun.lemma_.lower()
    if noun.text == "X" and noun.head.lower_ in {"on", "via"}:
        return "x"  # the platform once called Twitter
    if lemma in _ONLINE and noun.head.lower_ in {"on", "via"}:
        # "on his social media site", "on its Telegram channel" (not "at the site")
        if compounds:
            return " ".join([c.lower_ for c in compounds] + [lemma])
        return "social media" if lemma in {"site", "account", "platform"} else lemma
    if lemma not in MEDIUM_NOUNS:
        return None
    return " ".join([c.lower_ for c in compounds] + [lemma])


def _when_said(doc: Any, setting: set[int]) -> str | None:
    """The date or time named in the setting of a cue (``on Friday``, ``in an
    interview broadcast November 19``), as written."""
    if not setting:
        return None
    for ent in doc.ents:
        if ent.label_ in {"DATE", "TIME"} and ent.start in setting:
            return str(ent.text)
    return None


def _subordinate(token: Any) -> bool:
    """Whether a cue heads an adverbial clause of its own: with its own subject
    and a subordinator ("after guards reported ..."; not "as X put it"), or a
    participle before the main clause ("Asked what had changed, he said",
    "Writing on X, she accused ..."; not "As reported by X, ...")."""
    if token.dep_ != "advcl":
        return False
    children = list(token.children)
    if (
        token.i < token.head.i
        # a participle, or read as a past: "Writing on X, she accused ..."
        and token.tag_ in {"VBN", "VBD", "VBG"}
        and not any(
            c.dep_ in _SUBJECT_DEPS or c.dep_ in {"auxpass", "mark"} for c in children
        )
    ):
        return True  # "Asked what had changed, he said ...": the question
    return any(
        c.dep_ == "mark" and c.i < token.i and c.lower_ in _SUBORDINATORS
        for c in children
    ) and any(c.dep_ in _SUBJECT_DEPS for c in children)


def _subject_of_aside(token: Any) -> Any:
    """ "Mark Rutte, asked about the threat, said: ...": the parser made the
    aside between commas the cue's clause and the speaker its subject; the
    subject, when the aside ends with a comma right before the cue."""
    doc = token.doc
    for child in token.children:
        if (
            child.dep_ != "ccomp"
            or child.i > token.i
            or child.tag_ not in {"VBN", "VBD"}
            or child.right_edge.i not in {token.i - 1, token.i - 2}
            or doc[token.i - 1].text != ","
        ):
            continue
        subject = next(
            (c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None
        )
        if subject is not None and doc[child.i - 1].text == ",":
            return subject
    return None


def _participle_medium(token: Any, children: list[Any]) -> str | None:
    """The medium a participle before the cue names: "Writing on X late on
    Monday, the lawmaker accused ...", "Speaking on state television, ..."."""
    for child in children:
        if child.i > token.i or not _subordinate(child):
            continue
        for prep in child.children:
            if prep.dep_ != "prep" or prep.lower_ not in _MEDIUM_PREPOSITIONS:
                continue
            noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
            named = None if noun is None else _medium(noun)
            if named is not None:
                return named
    return None


#: what opens a clause of its own ("as X put it" reports the sentence around)
_SUBORDINATORS = frozenset(
    "after before when while because since until once if although though".split()  # noqa: SIM905
)


def _interviewer(noun: Any) -> Any:
    """``an interview with Al Jazeera``: the one it was given to. The parser
    may read "Al Jazeera broadcast on Friday" as a broadcast: the name is
    then its compound."""
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ != "with":
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            if pobj.lemma_.lower() in MEDIUM_NOUNS:
                names = [c for c in pobj.children if c.dep_ == "compound"]
                return names[-1] if names else None
            return pobj
    return None


def _leading_date(doc: Any, cue: Any, content: set[int]) -> set[int]:
    """The date right after a cue that opens its content before the reported
    clause's subject: "said on Tuesday it would expel ...", "said Monday
    night three people ..." (the parser may hang the date on the reported
    verb; a date there is when it was said)."""
    k = cue.i + 1
    while k < len(doc) and doc[k].dep_ == "prt":
        k += 1
    run: set[int] = set()
    while k < len(doc) and k in content:
        word = doc[k]
        dated = word.ent_type_ in {"DATE", "TIME"}
        on_date = (
            word.lower_ == "on" and k + 1 < len(doc) and doc[k + 1].ent_type_ == "DATE"
        )
        if not (dated or on_date):
            break
        run.add(k)
        k += 1
    tops = [doc[i] for i in run if doc[i].head.i not in run]
    if (
        not run
        or k >= len(doc)
        or any(t.head.pos_ not in {"VERB", "AUX"} for t in tops)
    ):
        return set()  # "reported year-over-year revenue declines": a noun's
    opener = doc[k]  # the clause's "that", or the first word of its subject
    while opener.dep_ not in _OPENS_CLAUSE and opener.head.left_edge.i == k:
        if opener.head.i == opener.i:
            break
        opener = opener.head
    return run if opener.dep_ in _OPENS_CLAUSE else set()


_OPENS_CLAUSE = frozenset({"nsubj", "nsubjpass", "mark"})


#: verbs that give a name ("known as", "dubbed")
_NAMING = frozenset({"know", "nickname", "dub", "name", "call"})


def _naming(token: Any) -> bool:
    """``the bill, known as the “Justice Act”``, ``Pence was dubbed the
    winner``: a name given by nobody in particular, not a report ("dubbed
    ... by the tabloids" names who gives it, and stays). PolNeAR counts some:
    dropping them costs 0.001 quote F1 on its dev set."""
    children = list(token.children)
    return bool(
        token.tag_ == "VBN"
        and token.lemma_.lower() in _NAMING
        and any(c.lower_ == "as" or c.dep_ == "oprd" for c in children)
        and not any(c.dep_ == "agent" for c in children)
    )


def _quoted_as(token: Any) -> Any:
    """``was quoted by Interfax as saying``, ``RIA quoted Lavrov as saying``:
    the saying under "quoted ... as", which reports for it (None if none)."""
    if token.lemma_.lower() != "quote" or token.pos_ != "VERB":
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            for saying in child.children:
                if saying.dep_ in {"pcomp", "pobj"} and saying.lemma_.lower() in SPEECH:
                    return saying
    return None


def _quoted_speaker(token: Any) -> Any:
    """Who speaks through a saying under "quoted ... as" (see :func:`_quoted_as`):
    the one quoted, subject of the passive or object of the active."""
    head = token.head
    if not (token.dep_ in {"pcomp", "pobj"} and head.lower_ == "as"):
        return None
    quoted = head.head
    saying = _quoted_as(quoted)
    if saying is None or saying.i != token.i:
        return None
    deps = ("nsubjpass", "dobj")
    return next((c for c in quoted.children if c.dep_ in deps), None)


#: aspect verbs whose complement does the saying ("continued to call for")
_ASPECT = frozenset({"continue", "begin", "start", "go", "keep", "proceed"})


def _speech_complement(token: Any) -> list[Any]:
    """``continued to call for``, ``went on to say``: the saying verb under an
    aspect verb belongs to the cue, with its "to" and its particle or
    preposition right after it."""
    if token.lemma_.lower() not in _ASPECT:
        return []
    for child in token.children:
        lemma = child.lemma_.lower()
        if child.dep_ != "xcomp" or not (lemma in SPEECH or lemma == "call"):
            continue
        parts = [c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"]
        parts.append(child)
        parts.extend(
            c
            for c in child.children
            if c.i == child.i + 1
            and (c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in {"for", "on"}))
        )
        return parts
    return []


def _pro_form(token: Any) -> set[int]:
    """``said as much``, ``said so``: the words that stand for what was said."""
    for child in token.children:
        if child.dep_ not in {"advmod", "dobj"}:
            continue
        if child.lower_ == "so" and child.i == token.i + 1:
            return {child.i}
        if child.lower_ == "much" and any(
            c.lower_ == "as" and c.i == child.i - 1 for c in child.children
        ):
            return {child.i - 1, child.i}
    return set()


def _verb_draft(
    token: Any,
    offset: int,
    sentence: Span,
    model: QuoteModel | None = None,
    sheet: Sheet | None = None,
    signed: tuple[Any, set[int]] | None = None,
    drawn: Drawn | None = None,
) -> Draft:
    """A draft from a cue token, its content and source learned with a model.

    ``signed`` is the cue's :func:`_trailing_signature` when the caller has
    already read it; ``drawn`` the contents ``choose_contents`` drew.
    """
    doc = token.doc
    lemma = token.lemma_.lower()
    cue_tokens = [token]
    content: set[int] = set()
    addressee: Any = None
    medium: str | None = None
    setting: set[int] = set()  # where and when it was said
    undated: set[int] = set()  # times of the setting that are not when it was
    reported: set[int] = set()  # a clause the parser hung on the medium
    children = list(token.children)
    clause_deps = _CLAUSE_DEPS | {"acl"} if token.pos_ == "NOUN" else _CLAUSE_DEPS
    clauses = [c for c in children if c.dep_ in clause_deps]
    if signed is None:
        signed = _trailing_signature(token)
    for child in children:
        if child.dep_ == "prt":
            cue_tokens.append(child)
    cue_tokens.extend(_speech_complement(token))
    if _quoted_speaker(token) is not None and token.head.i == token.head.head.i + 1:
        cue_tokens.extend([token.head.head, token.head])  # "quoted as saying"
    if _inverted(token):
        own = set(_subtree(token))
        content.update(i for i in _subtree(token.head) if i not in own)
    for child in clauses:
        content.update(_subtree(child))
    # "..., Andrei Rudenko told TASS": what was said comes before the cue
    said_before = bool(clauses) or signed is not None
    for child in children:
        is_object = child.dep_ == "dobj" and said_before
        if child.dep_ == "dative" or (is_object and lemma in ADDRESSEE_VERBS):
            addressee = child
            continue
        if child.dep_ == "dobj" and lemma in ADDRESSEE_VERBS and not clauses:
            # "told a news conference in Kabul that ...": what was said hung
            # on whom it was told
            inside = _said_inside(child)
            if inside:
                addressee = child
                reported |= inside
                content |= inside
                continue
        if child.dep_ in _OBJECT_DEPS:
            content.update(_phrase(child))
    for child in children:
        if child.dep_ != "prep":
            continue
        objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        if not objects:
            continue
        word = child.lower_
        noun = objects[0]
        if word == "to" and lemma in _TO_ADDRESSEE and addressee is None:
            addressee = noun
            setting.update(_subtree(child))  # "wrote to clients that ..."
        elif (
            medium is None
            and word in _MEDIUM_PREPOSITIONS
            and (named := _medium(noun)) is not None
        ):
            # "at City Hall", "in the town of Tula": where, no medium (though
            # what was said may hang there too)
            medium = None if named in _PLACES else named
            if addressee is None and named.split()[-1] in {"interview", "call"}:
                # "in an interview with Al Jazeera": whom it was said to
                addressee = _interviewer(noun)
            # "said in a statement that ...", "in a report seen by Reuters
            # that ...": the parser hangs what was said on the medium
            reported |= _said_inside(noun)
            setting.update(i for i in _subtree(child) if i not in reported)
            content.update(reported)
        elif noun.ent_type_ in {"DATE", "TIME"}:
            setting.update(_subtree(child))
            if word not in _WHEN:  # "called a strike for Tuesday": not when
                undated.update(_subtree(child))
        elif not content and word in CONTENT_PREPOSITIONS and child.i == token.i + 1:
            cue_tokens.append(child)
            content.update(_phrase(noun))
    for child in children:
        if child.dep_ == "npadvmod" and child.ent_type_ in {"DATE", "TIME"}:
            setting.update(_subtree(child))
    if medium is None:
        medium = _participle_medium(token, children)
    said_first = [
        c
        for c in clauses
        if c.dep_ in {"ccomp", "parataxis"}
        and c.right_edge.i + 1 < token.i
        and doc[c.right_edge.i + 1].text == ","
    ]
    subject = subject_of(token)
    aside = _subject_of_aside(token) if subject is None else None
    subject = subject if aside is None else aside
    if (
        said_first
        and lemma in SPEECH
        and subject is not None
        and said_first[-1].right_edge.i < subject.i < token.i
    ):
        # "Prices will rise, the minister said after meeting his counterpart":
        # what was said comes first; what follows the cue is where and when
        for child in children:
            if child.i > token.i and child.dep_ in _SETTING_DEPS:
                setting.update(_subtree(child))
    if addressee is None and reported and lemma in ADDRESSEE_VERBS:
        # "told Putin in a phone call that ...": with what was said hung on the
        # medium, the object is whom it was told
        told = next((c for c in children if c.dep_ == "dobj"), None)
        if told is not None:
            addressee = told
            setting.update(_subtree(told))
    if (
        addressee is not None
        and medium is None
        and addressee.lemma_.lower() in {"conference", "briefing", "rally", "hearing"}
    ):  # "told a weekly news conference": where, not whom
        medium = _medium(addressee)
        addressee = None
    # when and where it was said is not what was said
    when = _when_said(doc, setting - undated)
    if subject is not None:
        content.difference_update(_subtree(subject))
    if signed is not None:
        subject, content = signed
    elif model is not None and sheet is not None:
        known = drawn.get(token.i) if drawn is not None else None
        if known is None:  # a cue the scorer did not choose ("quoted as saying")
            known = model.contents(sheet, (token.i,), 0.0)[0][token.i]
        tokens, tagged, sources = known.tokens, known.tagged, known.sources
        ruled = content
        content = set(tokens) - setting
        said = set(tagged) - setting
        if (
            not content
            or not said
            or any(k in content and k not in said for k in drawn or () if k != token.i)
        ):
            # the span drawn was whom or where it was said, or the tagger's
            # content was, or the span holds another cue the tagger's does
            # not ("Writing on X late on Monday, Deniz Acar accused ..."):
            # the tagger's stands
            content = said
        if _subordinate(token):
            # "..., diplomats told the Post, after guards reported shots
            # fired": a clause of its own reports within itself
            own = set(_subtree(token))
            content = (content & own) or (ruled & own)
        content |= reported
        if subject is None and token.dep_ == "ROOT" and _says_after(token):
            # "Speaking to reporters, the minister, Faruk Khan, said ...": the
            # parser hung the speaker on the opening clause as an apposition
            apposed = _named_before(token, token.sent.start)
            subject = None if apposed is None else apposed[0]
        rule = None if subject is None else subject.i
        source = sources.best(rule)
        if source is not None:
            subject = doc[source]
        else:  # the picker never saw a speaker hung under an aside: the rule's
            subject = aside if aside is not None else _said_by(token)
        if tokens is not tagged:
            # a span drawn across the cue holds the cue's own words and who
            # said it ("They told her, she said, that ...", "The measures
            # were approved by the ambassadors and will take effect ..."):
            # they stay only where the tagger put them ("Voters seem to care")
            content.difference_update(
                set(_cue_words(token, subject)).difference(tagged)
            )
    content = _without_trailing_asides(doc, content, sheet)
    content = _without_what_was_not_said(doc, token, content, sheet)
    content = _own_side_of_semicolons(doc, token, content, sheet)
    content = _after_a_colon(token, content, sheet)
    content, subject = _colon_signature(token, content, subject, sheet)
    said_when = _leading_date(doc, token, content)
    if said_when:  # "said on Tuesday it would ...": when, not what
        content -= said_when
        setting |= said_when
        when = _when_said(doc, setting - undated)
    if (
        subject is not None
        and subject.i < token.i
        and token.dep_ != "relcl"
        and any(i > token.i for i in content)
    ):
        # "U.S. officials, speaking on condition of anonymity ..., said the
        # commander ...": between who speaks and the cue is said of the speaker
        content.difference_update(range(subject.i + 1, token.i))
    if aside is not None and subject is not None and subject.i == aside.i:
        # "Mark Rutte, asked about the threat, said: ...": who, and the aside
        content.difference_update(range(aside.left_edge.i, token.i))
    elif (
        token.dep_ == "ccomp"
        and (asker := _subject_of_aside(token.head)) is not None
        and asker.head.i == token.i
    ):
        content &= set(_subtree(token))  # the aside reports within itself
    if clauses:  # "It is widely believed that ...": the "it" stands for the clause
        content.difference_update(
            [
                c.i
                for c in children
                if c.dep_ in {"expl", "nsubjpass", "nsubj"} and c.lower_ == "it"
            ]
        )
    if token.dep_ == "relcl":
        # "X, who has long called for tougher action, said ...": a relative
        # clause reports within itself
        content &= set(_subtree(token))
    said_so = _pro_form(token)
    if said_so:
        content = said_so  # "said as much in an interview": what was said
    content.difference_update([t.i for t in cue_tokens])
    hedge_tokens = [c for c in children if c.lower_ in HEDGES]
    for child in clauses:
        hedge_tokens.extend(
            c
            for c in child.children
            if c.lower_ in HEDGES
            and c.dep_ in {"aux", "advmod"}
            and c.lower_ not in _UNHEDGED_IN_CLAUSE
        )
    cue_tokens.sort(key=lambda t: t.i)
    draft = Draft(
        kind="indirect",
        signs=signed is not None,
        content=_runs(doc, content, offset, sheet),
        sentence=sentence,
        cue=_span(offset, cue_tokens[0], cue_tokens[-1]),
        cue_lemma=lemma,
        addressee=None if addressee is None else _speaker(addressee, offset),
        medium=medium,
    )
    if subject is not None:
        draft.source = _speaker(subject, offset)
        draft.source_head = subject
        draft.source_offset = offset
    if when is not None:
        draft.date = when
    if hedge_tokens:
        hedge_tokens.sort(key=lambda t: t.i)
        draft.hedge = _span(offset, hedge_tokens[0], hedge_tokens[-1])
    return draft


def _according_draft(
    token: Any, offset: int, sentence: Any, span: Span
) -> Draft | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        to = token.nbor()
    if to is None:
        return None
    noun = next((c for c in to.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() in _NOT_SOURCES:
        return None  # "according to the plan": in line with, not said by
    own = set(_subtree(token)) | set(_subtree(to))
    # "a diplomat who cited ...": the diplomat; "videos shared online" stays
    cue = (token, to, "according to")
    return _cited(noun, own, {"relcl"}, offset, sentence, span, cue)


def _cited(
    noun: Any,
    own: set[int],
    clauses: set[str],
    offset: int,
    sentence: Any,
    span: Span,
    cue: tuple[Any, Any, str],
) -> Draft:
    """An ``according`` draft: the sentence but the cue's phrase ``own`` is
    what ``noun`` says, and ``noun``'s phrase without its ``clauses`` the
    source."""
    content = [i for i in range(sentence.start, sentence.end) if i not in own]
    relative = {i for c in noun.children if c.dep_ in clauses for i in _subtree(c)}
    kept = [i for i in _subtree(noun) if i not in relative]
    runs = _runs(noun.doc, range(kept[0], max(kept) + 1), offset) if kept else []
    first, last, lemma = cue
    return Draft(
        kind="according",
        content=_runs(noun.doc, content, offset),
        sentence=span,
        cue=_span(offset, first, last),
        cue_lemma=lemma,
        source=runs[0] if runs else _span(offset, noun, noun),
        source_head=noun,
        source_offset=offset,
    )


#: what a clause can be read "in" as in a source ("in the latest poll, ...")
_POLLS = frozenset({"poll", "survey"})


def _poll_draft(token: Any, offset: int, sentence: Any, span: Span) -> Draft | None:
    """``In the latest poll, Clinton leads by five points``: what a poll shows,
    the poll its source (``in`` the cue, as "according to" is)."""
    if token.dep_ != "prep" or token.head.pos_ not in {"VERB", "AUX"}:
        return None
    noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in _POLLS:
        return None
    if token.head.lemma_.lower() in SPEECH:
        return None  # "said in a poll": the medium of a saying
    own = set(_subtree(token))
    cue = (token, token, "in")
    return _cited(noun, own, {"relcl", "acl"}, offset, sentence, span, cue)


#: common nouns a headline cites before a colon ("Poll: ...", "Report: ...")
_HEADLINE_SOURCES = frozenset({"poll", "survey", "study", "report"})


#: roles named with "to" ("envoy to the UN"): a title, not an addressee
_ROLES_TO = frozenset(
    """
    envoy envoys ambassador ambassadors representative representatives delegate
    delegates delegation mission adviser advisor aide emissary spokesman
    spokeswoman spokesperson secretary attache attaché
    """.split()  # noqa: SIM905
)


_DASHES = frozenset({"-", "–", "—", "―", "--"})


#: a headline's speaker before a colon is a short phrase (at most
#: ``_COLON_NAME`` words) that a time stamp and a dash may precede ("11:15 GMT -
#: Israeli Prime Minister Benjamin Netanyahu: ...")
_COLON_NAME = 7
_COLON_REACH = 14


def _colon_draft(sentence: Any, offset: int, span: Span) -> Draft | None:
    """A headline ``Speaker: claim`` (a short name phrase, then a colon)."""
    colon = next((t for t in sentence[:_COLON_REACH] if t.text == ":"), None)
    if colon is None or colon.i == sentence.start or colon.i >= sentence.end - 2:
        return None
    left = sentence.doc[sentence.start : colon.i]
    # "10:42 GMT – Zelenskyy: ...", "- Kremlin: ...": a time stamp or a bullet
    # before a dash is no part of the name
    dashes = [t.i for t in left if t.text in _DASHES]
    if dashes:
        left = sentence.doc[dashes[-1] + 1 : colon.i]
        if not len(left):
            return None
    if len(left) > _COLON_NAME:
        return None
    named = (
        any(t.pos_ == "PROPN" for t in left)
        or (dashes and left.text.istitle())
        or (len(left) <= 3 and left.root.lemma_.lower() in _HEADLINE_SOURCES)
    )  # "Poll: Clinton and Trump in dead heat"
    if not named or any(t.pos_ in {"VERB", "AUX"} for t in left):
        return None
    if left.text.strip(" .").upper() in NOT_SPEAKERS:
        return None  # "Editor's note: ..."
    # "“No deal without Kyiv”: EU leaders rebuff ...": words, not a name
    if left[0].text in QUOTE_MARKS or left[-1].text in QUOTE_MARKS:
        return None
    head = left.root
    speaker, addressee = left, None
    to = next((t for t in left[1:] if t.lower_ == "to"), None)
    if (
        to is not None
        and to.i + 1 < colon.i
        and sentence.doc[to.i - 1].lower_ not in _ROLES_TO
    ):  # "Zelensky to Putin: ...": who says it, then to whom (not "Envoy to UN")
        speaker = sentence.doc[left.start : to.i]
        addressee = _span(offset, sentence.doc[to.i + 1], sentence.doc[colon.i - 1])
        head = speaker.root
    return Draft(
        kind="colon",
        content=_runs(sentence.doc, range(colon.i + 1, sentence.end), offset),
        sentence=span,
        cue=_span(offset, colon, colon),
        cue_lemma=":",
        source=_span(offset, speaker[0], speaker[-1]),
        source_head=head,
        source_offset=offset,
        addressee=addressee,
    )


#: what the learned parts decided of a paragraph: the model, the paragraph's
#: sheet, the tokens that head a cue (``choose_cues``) and the contents drawn
#: for them (``choose_contents``)
Chosen = tuple[QuoteModel, Sheet, AbstractSet[int], Drawn]


def find_attributions(
    doc: Any, offset: int, chosen: Chosen | None = None
) -> Iterator[Draft]:
    """Every attribution found in a parsed paragraph, in text order.

    With ``chosen`` its cues head the attributions, and the model's content
    tagger and source picker find their contents and sources; without, the
    lexicon and the dependency rules do all of it.
    """
    model, sheet, cues, drawn = (
        chosen if chosen is not None else (None, None, frozenset(), None)
    )
    for sentence in doc.sents:
        span = Span(start=offset + sentence.start_char, end=offset + sentence.end_char)
        # a headline's colon is among its first words (read off the sheet:
        # making spaCy tokens is slow)
        first = range(sentence.start, min(sentence.end, sentence.start + _COLON_REACH))
        if sheet is None or any(sheet.text[k] == ":" for k in first):
            colon = _colon_draft(sentence, offset, span)
            if colon is not None:
                yield colon
        if model is None or sheet is None:
            # the lexicon and rules alone, as measured against the model: the
            # rules that read the model's drafts (second reports, names given
            # by nobody, polls) are not applied here
            for token in sentence:
                if token.lower_ == "according":
                    draft = _according_draft(token, offset, sentence, span)
                    if draft is not None:
                        yield draft
                elif is_lexicon_cue(token):
                    yield _verb_draft(token, offset, span)
            continue
        # read the sheet, not the tokens: making spaCy tokens is slow
        found: list[Draft] = []
        verbs: list[tuple[Any, Draft]] = []
        for i in range(sentence.start, sentence.end):
            if sheet.lower[i] == "according":
                draft = _according_draft(doc[i], offset, sentence, span)
                if draft is not None:
                    found.append(draft)
                continue
            if sheet.lower[i] == "in":
                if any(sheet.lemma[c] in _POLLS for c in sheet.children[i]):
                    draft = _poll_draft(doc[i], offset, sentence, span)
                    if draft is not None:
                        found.append(draft)
                continue
            if (
                sheet.dep[i] == "compound"
                and sheet.pos[i] == "VERB"
                and sheet.dep[sheet.head[i]] in _SUBJECT_DEPS
            ):  # "Sayed Ahmad Durrani led ...": a name the tagger read as "said"
                continue  # (not "Said Ellis: ...")
            if (
                i == sentence.start
                and i + 1 < sentence.end
                and sheet.text[i + 1] == ":"
                and sheet.text[i].upper() in NOT_SPEAKERS
            ):
                continue  # "Opinion: Why I changed my mind": a section's label
            if (sheet.pos[i] in CANDIDATE_POS and i in cues) or (
                sheet.dep[i] == "pcomp"
                and sheet.lemma[i] in SPEECH
                and _quoted_speaker(doc[i]) is not None
            ):
                if _naming(doc[i]) or _quoted_as(doc[i]) is not None:
                    continue  # a name given by nobody; the saying reports
                draft = _verb_draft(doc[i], offset, span, model, sheet, None, drawn)
            elif (
                sheet.dep[i] in {"advcl", "conj"}
                and sheet.lemma[i] in SPEECH
                and (signed := _trailing_signature(doc[i])) is not None
            ):  # a signature the cue scorer passed over, read once
                draft = _verb_draft(doc[i], offset, span, model, sheet, signed)
            else:
                continue
            found.append(draft)
            verbs.append((doc[i], draft))
        if len(verbs) > 1:
            _separate_reports(verbs, offset)
        yield from found


#: a first person, then a verb of ``HEDGE_FRAMES`` after it (or its past)
_FRAME_WORDS = re.compile(
    r"\b(?:I|[Ww]e)\b.*?\b(?:"
    + "|".join(sorted(HEDGE_FRAMES | {"understood", "heard", "thought"}))
    + ")",
    re.DOTALL,
)


def hedge_frame(
    doc: Any, offset: int, content: Sequence[Span], text: str
) -> Span | None:
    """The first-person frame that hedges a content from inside it: "and I
    understand and hear that Russia supports ..." gives "I understand and hear
    that"; None without one.

    ``doc`` is the parse holding the content, ``offset`` its article offset,
    ``text`` the article's text.
    """
    pieces = [text[c.start : c.end] for c in content]
    if not any(_FRAME_WORDS.search(piece) for piece in pieces):
        return None  # most contents: no first person, or no such verb
    inside: set[int] = set()
    for c in content:
        found = doc.char_span(c.start - offset, c.end - offset, alignment_mode="expand")
        if found is not None:
            inside.update(range(found.start, found.end))
    for i in sorted(inside):
        verb = doc[i]
        if verb.lemma_.lower() not in HEDGE_FRAMES or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ not in {"i", "we"}:
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        for conj in [c for c in verb.children if c.dep_ == "conj"]:
            if conj.lemma_.lower() in HEDGE_FRAMES:  # "understand and hear that"
                clauses += [c for c in conj.children if c.dep_ == "ccomp"]
        if not clauses:
            continue
        clause = clauses[0]
        marks = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i]
        last = marks[0] if marks else doc[clause.left_edge.i - 1]
        if last.i < subjects[0].i or subjects[0].i not in inside:
            continue
        return _span(offset, subjects[0], last)
    return None
