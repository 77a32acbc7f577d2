"""Feature strings for the learned parts of the quote stage, read off a parse.

Two kinds: the features of a token that may head a cue ("said", "claims",
"warned"), and the features of a token of the cue's sentence that may belong
to the cue's content (its dependency path from the cue, the phrase it sits
in, its own relation and quote marks), and those of a token that may head the
cue's source. All read a :class:`~.sheet.Sheet`, the parse copied into plain
lists. The content features of a cue's tokens share most of their strings (a
token's path extends its head's), so :class:`ContentMemo` builds them once per
cue. (A token's side of the cue, its distance, part of speech and entity type,
and the number of steps up, were content features too; without them the
tagger scores the same on held-out training articles and a little better on
PolNeAR dev, and is faster.)
"""

from __future__ import annotations

from dataclasses import dataclass

from .cues import BELIEF, CUE_NOUNS, MEDIUM_NOUNS, SPEECH
from .sheet import Sheet

_CHILD_DEPS = frozenset(
    """
    ccomp xcomp dobj nsubj nsubjpass csubj agent prep dative oprd advcl
    parataxis mark neg aux auxpass attr acomp poss prt acl relcl conj
    """.split()  # noqa: SIM905
)
_CORE_DEPS = frozenset({"ccomp", "xcomp", "dobj"})
# dependencies that open a phrase of their own below the content's top node
_INNER_DEPS = frozenset(
    "conj relcl appos advcl parataxis acl prep ccomp xcomp cc punct mark".split()  # noqa: SIM905
)
_ASIDE_DEPS = frozenset(
    "relcl appos acl advcl conj parataxis prep npadvmod advmod".split()  # noqa: SIM905
)
_OPENERS = frozenset({",", "(", "—", "--", "-", "―"})


#: the parts of speech a cue may have (:func:`is_candidate` reads them first)
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})


def is_candidate(sheet: Sheet, i: int, nouns: frozenset[str] = frozenset()) -> bool:
    """Whether the cue scorer looks at token ``i`` at all (keeps it fast).

    ``nouns`` adds noun lemmas to the reporting nouns of the lexicon.
    """
    if sheet.punct[i]:
        return False  # "” ― Jane Doe": the tagger may call the dash a verb
    pos = sheet.pos[i]
    if pos not in CANDIDATE_POS:
        return False
    if pos == "VERB":
        return sheet.lower[i] != "according"
    if pos == "NOUN":
        return sheet.lemma[i] in CUE_NOUNS or sheet.lemma[i] in nouns
    if pos == "ADJ":
        return any(
            sheet.dep[c] in {"prep", "ccomp", "xcomp"} for c in sheet.children[i]
        )
    # AUX
    return sheet.lemma[i] == "be" and any(
        sheet.dep[c] in {"acomp", "attr"} for c in sheet.children[i]
    )


def _kind(sheet: Sheet, i: int) -> str:
    return sheet.ent[i] or ("PRON" if sheet.pos[i] == "PRON" else sheet.pos[i])


def _word(sheet: Sheet, i: int) -> str:
    return sheet.lower[i] if sheet.punct[i] else sheet.pos[i]


def _child_features(sheet: Sheet, lemma: str, child: int) -> list[str]:
    dep = sheet.dep[child]
    out: list[str] = []
    if dep == "prep":
        word = sheet.lower[child]
        out += [f"L={lemma}|p={word}", f"p={word}"]
    elif dep in {"nsubj", "nsubjpass"}:
        kind = _kind(sheet, child)
        word = sheet.lower[child] if sheet.pos[child] == "PRON" else sheet.lemma[child]
        out += [f"S={kind}", f"L={lemma}|S={kind}", f"SL={word}"]
    elif dep == "poss":
        out += ["poss", f"L={lemma}|poss"]
    elif dep in {"ccomp", "xcomp"}:
        clause = sheet.lemma[child]
        out += [
            f"{dep}T={sheet.tag[child]}",
            f"L={lemma}|{dep}L={clause}",
            f"{dep}L={clause}",
        ]
        marks = [
            sheet.lower[g] for g in sheet.children[child] if sheet.dep[g] == "mark"
        ]
        if marks:
            out.append(f"L={lemma}|{dep}M={marks[0]}")
    elif dep == "dobj":
        obj = sheet.lemma[child]
        out += [f"L={lemma}|O={obj}", f"O={obj}", f"L={lemma}|OK={_kind(sheet, child)}"]
    elif dep == "neg":
        out.append("neg")
    return out


def _ancestor_features(sheet: Sheet, i: int, lemma: str) -> list[str]:
    """Whether the token sits in the clause of a speech verb (nested reports)."""
    path: list[str] = []
    for _ in range(4):
        if sheet.head[i] == i:
            break
        path.append(sheet.dep[i])
        i = sheet.head[i]
        if sheet.pos[i] == "VERB" and sheet.lemma[i] in SPEECH:
            return [f"ANC_SPEECH={'/'.join(path[-2:])}", f"L={lemma}|ANC_SPEECH"]
    return []


def cue_features(sheet: Sheet, i: int) -> list[str]:
    """The feature strings of candidate cue token ``i``."""
    lemma = sheet.lemma[i]
    dep = sheet.dep[i]
    children = sheet.children[i]
    deps = sorted({sheet.dep[c] for c in children if sheet.dep[c] in _CHILD_DEPS})
    core = "+".join(d for d in deps if d in _CORE_DEPS)
    feats = [
        "bias",
        f"L={lemma}",
        f"P={sheet.pos[i]}",
        f"T={sheet.tag[i]}",
        f"D={dep}",
        f"L={lemma}|D={dep}",
        f"L={lemma}|T={sheet.tag[i]}",
        f"L={lemma}|C={core}",
        f"C={'+'.join(deps)}",
        f"suf={lemma[-3:]}",
    ]
    if lemma in SPEECH:
        feats.append("LEX=speech")
    if lemma in BELIEF:
        feats.append("LEX=belief")
    for child_dep in deps:
        feats += [f"c={child_dep}", f"L={lemma}|c={child_dep}"]
    for child in children:
        feats += _child_features(sheet, lemma, child)
    head = sheet.head[i]
    if head == i:
        feats.append("ROOT")
    else:
        feats += [
            f"H={sheet.lemma[head]}|D={dep}",
            f"HP={sheet.pos[head]}|D={dep}",
            f"L={lemma}|HP={sheet.pos[head]}|D={dep}",
        ]
        feats += _ancestor_features(sheet, i, lemma)
    if i > 0:
        before = _word(sheet, i - 1)
        feats += [f"B={before}", f"L={lemma}|B={before}"]
    if i + 1 < len(sheet):
        feats += [f"A={_word(sheet, i + 1)}", f"L={lemma}|A={sheet.lower[i + 1]}"]
    start, end = sheet.sentence[i]
    inside = int(sheet.quoted[i])
    near = int(any(sheet.quoted[max(start, i - 3) : min(end, i + 4)]))
    feats += [
        f"Q={inside}",
        f"L={lemma}|Q={inside}",
        f"QN={near}",
        f"L={lemma}|QN={near}",
        f"SPOS={min(i - start, 5)}",
    ]
    return feats


def lemma_class(sheet: Sheet, i: int) -> str:
    """``speech``, ``belief`` or the part of speech of a cue token."""
    lemma = sheet.lemma[i]
    if lemma in SPEECH:
        return "speech"
    if lemma in BELIEF:
        return "belief"
    return sheet.pos[i]


Path = tuple[list[str], list[int]]
Paths = dict[int, Path | None]

#: How far from its cue, in tokens, its content and source are looked for.
#: Real sentences are shorter (the longest of the PolNeAR training articles
#: has 222 tokens, of the dev articles 97); a run-on "sentence" of thousands
#: (a scraped list, a table without stops) would cost the square of its
#: length, every cue reading every token.
REACH = 250


def reach(sheet: Sheet, cue: int) -> range:
    """The tokens of the cue's sentence within :data:`REACH` of it."""
    start, end = sheet.sentence[cue]
    return range(max(start, cue - REACH), min(end, cue + REACH + 1))


def paths(sheet: Sheet, cue: int) -> Paths:
    """The dependency path from ``cue`` to every token of its sentence
    (within :data:`REACH` of it).

    A path is the dependencies climbed from the cue up to the lowest common
    ancestor, then the tokens walked down to the token (top first); None when
    the parse gives no path (a token outside the cue's tree).
    """
    start, end = sheet.sentence[cue]
    above: dict[int, list[str]] = {}
    node = cue
    ups: list[str] = []
    while True:
        above[node] = list(ups)
        if sheet.head[node] == node or not start <= node < end:
            break
        ups.append(sheet.dep[node])
        node = sheet.head[node]
    # each token's path extends its head's: walk up only to a known node
    known: dict[int, Path] = {node: (ups, []) for node, ups in above.items()}
    head = sheet.head
    out: Paths = {}
    for i in reach(sheet, cue):
        path = known.get(i)
        if path is None:
            stack = [i]
            node = head[i]
            while node not in known and len(stack) < 64:
                stack.append(node)
                node = head[node]
            path = known.get(node)
            if path is not None:
                ups, chain = path
                for below in reversed(stack):
                    chain = [*chain, below]
                    known[below] = (ups, chain)
                path = known[i]
        out[i] = path
    return out


def _branch_top(sheet: Sheet, cue: int, top: int, lc: str) -> list[str]:
    """The phrase below the common ancestor: where it hangs, what opens it."""
    out = [f"top={sheet.dep[top]}|{'B' if top < cue else 'A'}|lc={lc}"]
    left = sheet.left[top]
    if left > 0 and sheet.text[left - 1] in _OPENERS:
        out.append(f"top={sheet.dep[top]}|comma")
    return out


def _branch_node(sheet: Sheet, cue: int, node: int, top: int) -> list[str]:
    """What a node of the walk down from the common ancestor adds: an aside
    it opens, the prepositional phrase it is."""
    out = []
    dep = sheet.dep[node]
    if dep in _ASIDE_DEPS and node != top:
        left = sheet.left[node]
        opened = left > 0 and sheet.text[left - 1] in _OPENERS
        out.append(f"in={dep}|pc={opened}")
    if dep == "prep":
        objects = [g for g in sheet.children[node] if sheet.dep[g] == "pobj"]
        if objects:
            obj = objects[0]
            kind = "med" if sheet.lemma[obj] in MEDIUM_NOUNS else sheet.ent[obj]
            head = sheet.head[node]
            attached = "CUE" if head == cue else sheet.dep[head]
            out.append(f"pp={sheet.lower[node]}|{kind or 'x'}|hd={attached}")
    return out


def path_steps(ups: list[str], downs: list[str]) -> list[str]:
    """A path as steps: "U:nsubj" up from the cue, "D:ccomp" down to the token."""
    return [f"U:{d}" for d in ups] + [f"D:{d}" for d in downs] or ["SELF"]


def _abridged(steps: list[str]) -> str:
    """The first four steps of a path, "+" when it goes on."""
    return "/".join(steps[:4]) + ("+" if len(steps) > 4 else "")


_ND = tuple(f"nd={k}" for k in range(5))


def _named(table: dict[str, str], prefix: str, value: str) -> str:
    """``prefix + value``, the same string object each time: the features of
    every token of every cue are looked up by these strings, and a string made
    anew hashes anew."""
    known = table.get(value)
    if known is None:
        if len(table) > _MAX_NAMED:  # a long run's words: start again
            table.clear()
        known = table[value] = prefix + value
    return known


_MAX_NAMED = 100_000
_DOWN: dict[str, str] = {}  # dep → "D:dep", the step down into it
_LAST: dict[str, str] = {}  # step → "last=step"
_TDEP: dict[str, str] = {}  # dep → "tdep=dep"
_QUOTED = ("tq=0|hq=0", "tq=1|hq=0", "tq=0|hq=1", "tq=1|hq=1")
_BRANCHING = _ASIDE_DEPS | {"prep"}  # the deps :func:`_branch_node` reads
# the source picker's
_N = tuple(f"n={k}" for k in range(6))
_WORD: dict[str, str] = {}
_LEMMA: dict[str, str] = {}
_POS: dict[str, str] = {}
_ENT: dict[str, str] = {}
_DEP: dict[str, str] = {}
#: [before the cue][distance] → ("dir=B", "dist=3")
_DIR_DIST = tuple(
    tuple((f"dir={side}", f"dist={k}") for k in range(9)) for side in ("A", "B")
)
#: the source picker's hint: [whether the rules chose the candidate]
RULE = ("rule=0", "rule=1")
_SOURCE_QUOTED = ("q=0|hq=0", "q=1|hq=0", "q=0|hq=1", "q=1|hq=1")


@dataclass(slots=True)
class _Walk:
    """The features every token below one node of a cue's path shares."""

    steps: int  # how many: up from the cue, then down to the node
    start: str  # the first four steps, joined
    last: str  # the last step
    first: tuple[str, str, str, str]  # p1, lc|p1, L|p1, HD|p1
    pa: str
    hp: str
    below: frozenset[str]
    below_feats: list[str]
    nodes: list[str]  # what this node adds, then its head's, up to the top


class ContentMemo:
    """What :func:`content_features` builds once per cue and shares between
    the tokens of its sentence: a token's path extends its head's."""

    __slots__ = (
        "aboves",
        "children",
        "clauses",
        "cue",
        "lc",
        "rules",
        "sheet",
        "tops",
        "walks",
        "wholes",
    )

    def __init__(self, sheet: Sheet, cue: int) -> None:
        self.sheet = sheet
        self.cue = cue
        self.lc = lemma_class(sheet, cue)
        #: [whether the rules chose a source candidate] with the cue's class
        self.rules = (f"rule=0|lc={self.lc}", f"rule=1|lc={self.lc}")
        self.walks: dict[int, _Walk] = {}
        self.tops: dict[int, list[str]] = {}
        #: the strings of :meth:`clause`, :meth:`above` and :meth:`child`
        self.clauses: dict[tuple[int, int], str] = {}
        self.aboves: dict[tuple[int, int], str] = {}
        self.children: dict[int, str] = {}
        #: the source picker's strings of a path, of :meth:`whole`
        self.wholes: dict[str, tuple[str, ...]] = {}

    def first(self, step: str) -> tuple[str, str, str, str]:
        """The features of the path's first step."""
        sheet, cue = self.sheet, self.cue
        return (
            f"p1={step}",
            f"lc={self.lc}|p1={step}",
            f"L={sheet.lemma[cue]}|p1={step}",
            f"HD={sheet.dep[cue]}|p1={step}",
        )

    def head(self, steps: list[str]) -> str:
        return f"HP={self.sheet.pos[self.cue]}|p2={'/'.join(steps[:2])}"

    def walk(self, ups: list[str], chain: list[int]) -> _Walk:
        """The shared features of the walk down ``chain`` (not empty)."""
        node = chain[-1]
        known = self.walks.get(node)
        if known is not None:
            return known
        sheet = self.sheet
        dep = sheet.dep[node]
        step = _named(_DOWN, "D:", dep)
        own = _branch_node(sheet, self.cue, node, chain[0]) if dep in _BRANCHING else []
        if len(chain) == 1:
            steps = [f"U:{d}" for d in ups] + [step]
            walk = _Walk(
                steps=len(steps),
                start="/".join(steps[:4]),
                last=step,
                first=self.first(steps[0]),
                pa=f"pa={_abridged(steps)}",
                hp=self.head(steps),
                below=frozenset(),
                below_feats=[],
                nodes=own,
            )
        else:
            up = self.walks.get(chain[-2]) or self.walk(ups, chain[:-1])
            below, below_feats = up.below, up.below_feats
            if dep in _INNER_DEPS and dep not in below:
                below = below | {dep}
                p1 = up.first[0]
                below_feats = [*below_feats, f"{p1}|below={dep}", f"below={dep}"]
            start = up.start if up.steps >= 4 else f"{up.start}/{step}"
            walk = _Walk(
                steps=up.steps + 1,
                start=start,
                last=step,
                first=up.first,
                pa=up.pa
                if up.steps > 4
                else f"pa={start}" + ("+" if up.steps == 4 else ""),
                hp=up.hp if up.steps >= 2 else f"HP={sheet.pos[self.cue]}|p2={start}",
                below=below,
                below_feats=below_feats,
                nodes=[*own, *up.nodes] if own else up.nodes,
            )
        self.walks[node] = walk
        return walk

    def clause(self, top: int, depth: int) -> str:
        """A clause right below the cue: its relation and its verb's class,
        and how deep in it a token is."""
        known = self.clauses.get((top, depth))
        if known is None:
            sheet = self.sheet
            known = f"x1={sheet.dep[top]}|xlc={lemma_class(sheet, top)}|d={depth}"
            self.clauses[top, depth] = known
        return known

    def whole(self, pa: str) -> tuple[str, ...]:
        """The source picker's features of a whole path ``pa``: with the
        cue's class, relation, tag and lemma."""
        known = self.wholes.get(pa)
        if known is None:
            sheet, cue, whole = self.sheet, self.cue, pa[3:]
            known = self.wholes[pa] = (
                f"lc={self.lc}|pa={whole}",
                f"HD={sheet.dep[cue]}|pa={whole}",
                f"HT={sheet.tag[cue]}|pa={whole}",
                f"L={sheet.lemma[cue]}|pa={whole}",
            )
        return known

    def above(self, ups: int, depth: int) -> str:
        """Where the cue hangs, for a token reached by climbing ``ups`` steps."""
        known = self.aboves.get((ups, depth))
        if known is None:
            known = f"HD={self.sheet.dep[self.cue]}|u={ups}|d={depth}"
            self.aboves[ups, depth] = known
        return known

    def child(self, top: int) -> str:
        """The relation and tag of the cue's child a token sits below."""
        known = self.children.get(top)
        if known is None:
            sheet = self.sheet
            known = self.children[top] = f"child={sheet.dep[top]}|ctag={sheet.tag[top]}"
        return known

    def top(self, top: int) -> list[str]:
        """The features of the phrase a walk goes down into."""
        known = self.tops.get(top)
        if known is None:
            known = self.tops[top] = _branch_top(self.sheet, self.cue, top, self.lc)
        return known


def content_features(
    sheet: Sheet, cue: int, i: int, path: Path | None, memo: ContentMemo | None = None
) -> list[str]:
    """The feature strings of token ``i`` as a possible part of ``cue``'s content.

    ``memo`` shares what the tokens of one cue have in common (a caller
    scoring many tokens of a cue passes the same one).
    """
    feats = ["bias"]
    if path is None:
        feats.append("nopath")
    else:
        memo = ContentMemo(sheet, cue) if memo is None else memo
        ups, chain = path
        if chain:
            walk = memo.walk(ups, chain)
            last, (p1, lc_p1, lemma_p1, dep_p1) = walk.last, walk.first
            pa, hp, below_feats = walk.pa, walk.hp, walk.below_feats
        else:  # the token is the cue or above it
            steps = path_steps(ups, [])
            last, (p1, lc_p1, lemma_p1, dep_p1) = steps[-1], memo.first(steps[0])
            pa, hp, below_feats = f"pa={_abridged(steps)}", memo.head(steps), []
        depth = len(chain)
        feats += [
            p1,
            pa,
            _ND[min(depth, 4)],
            lc_p1,
            lemma_p1,
            hp,
            dep_p1,
            _named(_LAST, "last=", last),
            *below_feats,
        ]
        top = chain[0] if chain else i
        if ups:
            feats.append(memo.above(len(ups), min(depth, 2)))
        elif chain:
            feats.append(memo.child(top))
        feats += memo.top(top)
        if chain:
            feats += walk.nodes
            if not ups and sheet.dep[top] in {"xcomp", "ccomp"}:
                feats.append(memo.clause(top, min(depth, 3)))
    feats += [
        _named(_TDEP, "tdep=", sheet.dep[i]),
        _QUOTED[sheet.quoted[i] + 2 * sheet.quoted[cue]],
    ]
    if sheet.punct[i]:
        feats.append(f"punct={sheet.text[i]}")
    if i < cue and i == sheet.sentence[cue][0]:
        feats.append("sentstart")
    return feats


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "pobj"})


def source_candidates(sheet: Sheet, cue: int) -> list[int]:
    """The tokens of the cue's sentence (within reach) that may head its source."""
    return [
        i
        for i in reach(sheet, cue)
        if i != cue
        and not sheet.punct[i]
        and (sheet.pos[i] in _NOMINAL or sheet.dep[i] in _NOMINAL_DEPS)
    ]


def source_features(
    sheet: Sheet,
    cue: int,
    i: int,
    path: Path | None,
    *,
    is_subject: bool,
    memo: ContentMemo | None = None,
) -> list[str]:
    """The feature strings of token ``i`` as the head of ``cue``'s source.

    ``is_subject`` says whether the dependency rules chose ``i`` (the subject,
    the agent of a passive, the noun a relative clause hangs on...); ``memo``
    is the cue's :class:`ContentMemo`, when the caller has one.
    """
    memo = ContentMemo(sheet, cue) if memo is None else memo
    feats = ["bias"]
    if path is None:
        feats.append("nopath")
    else:
        ups, chain = path
        if chain:
            walk = memo.walk(ups, chain)
            pa, p1, last, count = walk.pa, walk.first[0], walk.last, walk.steps
        else:
            steps = path_steps(ups, [])
            pa, p1 = f"pa={_abridged(steps)}", f"p1={steps[0]}"
            last, count = steps[-1], len(steps)
        whole = memo.whole(pa)
        feats += [
            pa,
            p1,
            _named(_LAST, "last=", last),
            whole[0],
            whole[1],
            whole[2],
            _N[min(count, 5)],
            whole[3],
        ]
    pos = sheet.pos[i]
    word = (
        _named(_WORD, "w=", sheet.lower[i])
        if pos == "PRON"
        else _named(_LEMMA, "lem=", sheet.lemma[i])
    )
    chosen = int(is_subject)
    side = _DIR_DIST[i < cue][min(abs(i - cue), 8)]
    feats += [
        _named(_POS, "pos=", pos),
        _named(_ENT, "ent=", sheet.ent[i]),
        _named(_DEP, "dep=", sheet.dep[i]),
        *side,
        word,
        RULE[chosen],
        memo.rules[chosen],
        _SOURCE_QUOTED[sheet.quoted[i] + 2 * sheet.quoted[cue]],
    ]
    return feats
