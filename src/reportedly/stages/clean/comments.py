"""Reader comments: cutting a comment section into one stretch per comment."""

from __future__ import annotations


def group_comments(gaps: list[int], count: int | None) -> list[list[int]]:
    """Group consecutive paragraphs into comments, returning their indexes.

    ``gaps[i]`` is how far paragraph ``i`` is from the previous one (blank
    lines, plus one for a widget line such as "Reply" between them);
    ``gaps[0]`` is ignored. When the section states how many comments it
    holds and there are more paragraphs, the widest gaps separate comments.
    Otherwise, when gaps vary, the wider ones separate comments and the
    narrowest join paragraphs of one comment; when they are all alike, every
    paragraph is a comment.
    """
    total = len(gaps)
    if total == 0:
        return []
    if count is not None and 0 < count < total:
        # the count - 1 widest gaps, the earliest first among equals
        ranked = sorted(range(1, total), key=lambda i: (-gaps[i], i))
        cuts = set(ranked[: count - 1])
    else:
        inner = gaps[1:]
        if inner and len(set(inner)) > 1:
            narrowest = min(inner)
            cuts = {i for i in range(1, total) if gaps[i] > narrowest}
        else:
            cuts = set(range(1, total))
    groups: list[list[int]] = [[0]]
    for i in range(1, total):
        if i in cuts:
            groups.append([i])
        else:
            groups[-1].append(i)
    return groups
