"""The read API over a store, shared by the CLI (and later export and web)."""

from __future__ import annotations

from dataclasses import dataclass

from .records import Article
from .store import Store


@dataclass(frozen=True, slots=True, kw_only=True)
class Stats:
    """What a store holds."""

    documents: int
    characters: int
    regions: dict[str, int]
    comments: int
    sentences: int
    mentions: int
    actors: int
    quotes: int
    events: int
    events_by_category: list[tuple[str, int]]
    failures: int
    runs: int
    outlets: list[tuple[str, int]]
    languages: list[tuple[str, int]]
    failures_by_stage: list[tuple[str, int]]


def stats(store: Store, *, top: int = 10) -> Stats:
    """Counts of documents, regions by kind, comments, failures and top outlets."""
    counts = store.counts()
    return Stats(
        documents=counts["documents"],
        characters=int(
            store.fetchall("SELECT coalesce(sum(n_chars), 0) FROM documents")[0][0]
        ),
        regions=dict(
            store.fetchall(
                "SELECT kind, count(*) FROM regions GROUP BY kind ORDER BY kind"
            )
        ),
        comments=counts["comments"],
        sentences=counts["sentences"],
        mentions=counts["mentions"],
        actors=counts["actors"],
        quotes=counts["quotes"],
        events=counts["events"],
        events_by_category=[
            (str(c), int(n))
            for c, n in store.fetchall(
                "SELECT category, count(*) AS n FROM events GROUP BY category "
                "ORDER BY n DESC, category"
            )
        ],
        failures=counts["failures"],
        runs=counts["runs"],
        outlets=[
            (str(o), int(n))
            for o, n in store.fetchall(
                "SELECT coalesce(outlet, '(unknown)') AS o, count(*) AS n "
                "FROM documents GROUP BY o ORDER BY n DESC, o LIMIT ?",
                [top],
            )
        ],
        languages=[
            (str(o), int(n))
            for o, n in store.fetchall(
                "SELECT coalesce(language, '(unknown)') AS l, count(*) AS n "
                "FROM documents GROUP BY l ORDER BY n DESC, l LIMIT ?",
                [top],
            )
        ],
        failures_by_stage=[
            (str(s), int(n))
            for s, n in store.fetchall(
                "SELECT stage, count(*) AS n FROM failures GROUP BY stage "
                "ORDER BY n DESC, stage"
            )
        ],
    )


def find_documents(store: Store, prefix: str, *, limit: int = 10) -> list[str]:
    """Document ids starting with ``prefix`` (so users can type a short id)."""
    return [
        r[0]
        for r in store.fetchall(
            "SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) "
            "ORDER BY doc_id LIMIT ?",
            [prefix, limit],
        )
    ]


def get_article(store: Store, doc_id: str) -> Article | None:
    """A stored article (metadata, regions, sentences) by id or unique id prefix."""
    article = store.load_article(doc_id)
    if article is None:
        matches = find_documents(store, doc_id, limit=2)
        if len(matches) == 1:
            article = store.load_article(matches[0])
    return article


def list_documents(store: Store, *, limit: int = 20) -> list[tuple[str, str | None]]:
    """The first documents by id with their titles (for hints)."""
    return [
        (r[0], r[1])
        for r in store.fetchall(
            "SELECT doc_id, title FROM documents ORDER BY doc_id LIMIT ?", [limit]
        )
    ]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorCount:
    """An actor with how often it is mentioned and the roles the texts give it.

    ``roles`` are the titles and appositions seen, each with the publication
    date of the document it was seen in, when known.
    """

    actor_id: str
    name: str
    kind: str | None
    code: str | None
    sector: str | None
    mentions: int
    documents: int
    roles: list[str]


def top_actors(
    store: Store, *, top: int = 20, kind: str | None = None
) -> list[ActorCount]:
    """The most mentioned actors, with mention and document counts."""
    rows = store.fetchall(
        "SELECT a.actor_id, a.name, a.kind, a.code, a.sector, count(*) AS n, "
        "count(DISTINCT m.doc_id) AS d, "
        "list(DISTINCT m.role || coalesce(' (' || d.published || ')', '') "
        "ORDER BY m.role || coalesce(' (' || d.published || ')', '')) "
        "FILTER (WHERE m.role IS NOT NULL) "
        "FROM mentions m JOIN actors a USING (actor_id) "
        "JOIN documents d USING (doc_id) "
        "WHERE ? IS NULL OR a.kind = ? "
        "GROUP BY ALL ORDER BY n DESC, a.name LIMIT ?",
        [kind, kind, top],
    )
    return [
        ActorCount(actor_id=r[0], name=r[1], kind=r[2], code=r[3], sector=r[4],
                   mentions=r[5], documents=r[6], roles=list(r[7] or []))
        for r in rows
    ]  # fmt: skip
