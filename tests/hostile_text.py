"""Text that news copy is made of, joined at random, for the property tests:
cues, names, pronouns, event verbs, every quote mark (unpaired and nested),
colons, dashes, datelines, transcript labels, widgets, line breaks and stray
characters. Scraped news is all of these, in any order."""

from __future__ import annotations

from hypothesis import strategies as st

FRAGMENTS = (
    # cues and what is said
    "said", "told", "according to", "claimed", "warned", "added", "denied that",
    "that", "the talks failed", "we will win", "Asked about it",
    "who asked not to be named", "in an interview", "on Monday", "Nov. 19",
    "may have", "not", "who", "and", "the",
    # events
    "attacked", "condemned", "accused", "met with",
    # names, roles, pronouns
    "Ana Ruiz", "the minister", "the company", "Reuters", "the United Nations",
    "the UN", "Russia", "Ukraine", "the Taliban", "Hekmatyar", "Putin", "Kabul",
    "he", "she", "they", "It", "I", "Mr.", "Dr.", "U.S.",
    # labels, datelines, widgets
    "Q:", "A:", "WALLACE:", "KABUL (AP) —", "Photo:", "Share this",
    # punctuation and marks
    ":", " ", " ", "\n", "\n\n", ".", ",", ";", "—", " -- ", "―", "(", ")", "[", "]",
    '"', "'", "''", "“", "”", "‘", "’", "«", "»", "„", "「", "」",
    # stray characters
    "x", "é", "\u00a0", "\t", "!!!", "?",
)  # fmt: skip


def news_text(max_size: int, *, stray: bool = False) -> st.SearchStrategy[str]:
    """Up to ``max_size`` fragments joined; with ``stray``, any character too."""
    fragment: st.SearchStrategy[str] = st.sampled_from(FRAGMENTS)
    if stray:
        fragment = st.one_of(fragment, st.characters(blacklist_categories=("Cs",)))
    return st.lists(fragment, max_size=max_size).map("".join)
