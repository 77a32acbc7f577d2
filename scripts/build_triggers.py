"""Build the packaged PLOVER trigger lexicon from the CAMEO verb patterns.

Usage::

    python scripts/build_triggers.py \\
        ../shared/data/actors/phoenix/CAMEO.verbpatterns.150430.txt \\
        ../shared/data/events/CAMEO2PLOVER-2021.txt \\
        src/reportedly/stages/events/data

Every verb of the CAMEO verb pattern dictionary (MIT, Open Event Data Alliance)
gets the CAMEO code of its block (or its own), and every simple pattern
``- * WORD [code]`` a (verb, word) key; each code is mapped to a PLOVER
category, mode and context through the CAMEO2PLOVER table (CC BY-SA 4.0,
openeventdata/PLOVER). CAMEO's statements (01x) are provenance, not events,
and are left out; its appeals (02x) become REQUEST. The output,
``triggers.json``, is a derived work of the table and ships under CC BY-SA 4.0
(``LICENSE-plover.txt`` beside it). Our own hand-written layer is a separate
file, ``hand.toml``, merged at load time.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

#: CAMEO appeals (02x) as PLOVER REQUEST modes; the table leaves them out
APPEALS = {
    "02": ("REQUEST", "", ""),
    "021": ("REQUEST", "assist", ""),
    "022": ("REQUEST", "assist", "diplomatic"),
    "023": ("REQUEST", "assist", ""),
    "024": ("REQUEST", "change", ""),
    "025": ("REQUEST", "yield", ""),
    "026": ("REQUEST", "meet", "diplomatic"),
    "027": ("REQUEST", "meet", "diplomatic"),
    "028": ("REQUEST", "meet", "diplomatic"),
}
MAX_SET = 12
_CODE = re.compile(r"\[([0-9]{2,4}|---)(?::[0-9-]*)?\]")
_WORD = re.compile(r"^[A-Z][A-Z'-]*_?$")
_SPECIAL = {"+", "$", "^", "%", "*"}
#: pattern words that only say "a verb form" or "an actor": never a key
_FUNCTION = frozenset(
    """a an the and or but as at by for from in into of on to with that this
    these those it its his her their he she they we was were is are be been
    has have had will would not no any all some other another""".split()  # noqa: SIM905
)
_SKIP_SETS = {"&AUXVERB1", "&AUXVERB2", "&AUXVERB3", "&TOBEVERB", "&PREPOSIT1"}


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (PLOVER category, mode, context) from CAMEO2PLOVER."""
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0]
        if ":" not in body:
            continue
        code, rest = body.split(":", 1)
        code = code.strip()
        if not code.isdigit():
            continue
        parts = [p.strip() for p in rest.split(",")]
        if not parts or not parts[0]:
            continue
        category = parts[0].upper()
        mode = parts[1].strip() if len(parts) > 1 else ""
        context = parts[2].split(";")[0].strip() if len(parts) > 2 else ""
        table[code] = (category, mode, context)
    table.update(APPEALS)
    return table


def plover_of(
    code: str, table: dict[str, tuple[str, str, str]]
) -> tuple[str, str, str] | None:
    """The PLOVER triple of a CAMEO code, falling back to its parent codes."""
    if code == "---" or code.startswith("01"):
        return None
    for size in range(len(code), 1, -1):
        found = table.get(code[:size])
        if found is not None:
            return found
    return None


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` -> its one-word members, lower case."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = text.rstrip("_")
            sets[current] = []
        elif text.startswith("+") and current is not None:
            word = text[1:].rstrip("_")
            if "_" not in word and word:
                sets[current].append(word.lower())
        elif not text:
            current = None
    return sets


def _words(token: str, synsets: dict[str, list[str]]) -> list[str]:
    """The words a pattern token stands for (a literal, or a synset's members)."""
    token = token.split("_")[0] if token.startswith("&") else token
    if token.startswith("&"):
        members = synsets.get(token, [])
        # a large set (every currency, every weapon) adds noise, not triggers
        if token in _SKIP_SETS or len(members) > MAX_SET:
            return []
        return members
    word = token.rstrip("_")
    if "_" in word or not _WORD.match(token):
        return []
    return [word.lower()]


def read_verbs(
    path: Path, table: dict[str, tuple[str, str, str]]
) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    """The verb triggers, and per block of synonyms its (object word) triggers."""
    lines = path.read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synsets = read_synsets(lines[:start])
    verbs: dict[str, Counter[tuple[str, str, str] | None]] = defaultdict(Counter)
    blocks: list[tuple[list[str], dict[str, Counter[tuple[str, str, str] | None]]]]
    blocks = []
    block_code = "---"
    for raw in lines[start + 1 :]:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("---"):
            found = _CODE.search(line)
            block_code = found.group(1) if found else "---"
            blocks.append(([], defaultdict(Counter)))
            continue
        if not blocks:
            continue
        block_verbs, block_words = blocks[-1]
        if line.startswith("-"):
            found = _CODE.search(line)
            if found is None or "*" not in line:
                continue
            tokens = line[1 : found.start()].split()
            star = next((i for i, t in enumerate(tokens) if t.startswith("*")), None)
            if star is None or tokens[star] != "*":
                continue
            before = [t for t in tokens[:star] if t not in _SPECIAL]
            if any(not t.startswith("&AUXVERB") for t in before):
                continue  # a pattern that needs words before the verb
            # only the word right after the verb: its object or particle
            after = tokens[star + 1 : star + 2]
            if not after or after[0] in _SPECIAL or after[0].lower() in _FUNCTION:
                continue
            plover = plover_of(found.group(1), table)
            for word in _words(after[0], synsets):
                block_words[word][plover] += 1
            continue
        # a verb line: VERB {FORMS} [code] or +PHRASAL_VERB
        text = re.sub(r"\{[^}]*\}", " ", line).strip()
        found = _CODE.search(text)
        code = found.group(1) if found else block_code
        word = _CODE.sub("", text).strip().lstrip("+").rstrip("_")
        if not word or not re.match(r"^[A-Z][A-Z_'-]*$", word):
            continue
        lemma = word.lower().replace("_", " ")
        block_verbs.append(lemma)
        verbs[lemma][plover_of(code, table)] += 1
    out_verbs = {
        lemma: list(best)
        for lemma, counts in sorted(verbs.items())
        if (best := counts.most_common(1)[0][0]) is not None
    }
    out_blocks: list[dict[str, Any]] = []
    for block_verbs, block_words in blocks:
        words: dict[str, list[str]] = {}
        for word, counts in sorted(block_words.items()):
            best = counts.most_common(1)[0][0]
            # an explicit "no event" ([---]) is kept as [] to silence the verb
            words[word] = list(best) if best is not None else []
        if block_verbs and words:
            out_blocks.append({"verbs": sorted(set(block_verbs)), "words": words})
    return out_verbs, out_blocks


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__)
        return 2
    verb_path, table_path, out_dir = Path(argv[1]), Path(argv[2]), Path(argv[3])
    table = read_plover(table_path)
    verbs, blocks = read_verbs(verb_path, table)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = {
        "format": 1,
        "source": (
            "CAMEO.verbpatterns.150430 (MIT, Open Event Data Alliance) mapped "
            "through CAMEO2PLOVER-2021 (CC BY-SA 4.0, openeventdata/PLOVER)"
        ),
        "verbs": verbs,
        "blocks": blocks,
    }
    target = out_dir / "triggers.json"
    target.write_text(
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        + "\n",
        encoding="utf-8",
    )
    n_words = sum(len(b["words"]) for b in blocks)
    size = target.stat().st_size
    print(
        f"{len(verbs)} verbs, {len(blocks)} blocks, {n_words} object words, "
        f"{size:,} bytes -> {target}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
