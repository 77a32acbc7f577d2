from __future__ import annotations

from pathlib import Path

import pytest

from reportedly.errors import StoreError
from reportedly.records import Article, Failure, Mention, Meta, Region, Span
from reportedly.store import Store
from reportedly.store.migrations import MIGRATIONS


def _article(
    doc_id: str = "a1", text: str = "Title\n\nBody text.\n\nA comment."
) -> Article:
    return Article(
        doc_id=doc_id,
        text=text,
        meta=Meta(title="Title", outlet="The Ledger", published="--08-25",
                  authors=("Jane Doe", "John Roe"), language="en", source="x.txt",
                  format="txt",
                  evidence=(("title", Span(start=0, end=5)),)),
        regions=(
            Region(kind="title", span=Span(start=0, end=5)),
            Region(kind="body", span=Span(start=7, end=17)),
            Region(kind="comment", span=Span(start=19, end=29)),
        ),
        sentences=(Span(start=7, end=17),),
        mentions=(
            Mention(span=Span(start=7, end=11), actor_id="rep:X", name="Body Land",
                    kind="state", country="XXX", code="XXX", extractor="t"),
            Mention(span=Span(start=12, end=16), refers_to=0, role="a role",
                    extractor="t"),
        ),
    )  # fmt: skip


@pytest.mark.parametrize("path", [":memory:"])
def test_store_migrates_to_latest(path: str) -> None:
    with Store(path) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        assert set(store.counts()) >= {"documents", "regions", "comments", "failures"}


@pytest.mark.parametrize("times", [2])
def test_store_save_is_idempotent_and_round_trips(tmp_path: Path, times: int) -> None:
    db = tmp_path / "r.duckdb"
    article = _article()
    for _ in range(times):
        with Store(db) as store:
            run_id = store.start_run(command="t", version="0", stages=["s"], config={})
            store.save([article, article], run_id=run_id, stages=["s"])
    with Store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["documents"] == 1
        assert counts["regions"] == 3
        assert counts["comments"] == 1
        assert counts["sentences"] == 1
        assert counts["mentions"] == 2
        assert counts["actors"] == 1
        loaded = store.load_article("a1")
        assert loaded == article
        assert store.fetchall("SELECT text, author FROM comments") == [
            ("A comment.", None)
        ]
        assert store.processed_ids(["a1", "zz"], ["s"]) == {"a1"}
        assert store.processed_ids(["a1"], ["s", "t"]) == set()


@pytest.mark.parametrize(("made_by", "other"), [("p1", "p2")])
def test_store_knows_what_processed_a_document(made_by: str, other: str) -> None:
    with Store(":memory:") as store:
        run_id = store.start_run(command="t", version="0", stages=["s"], config={})
        store.save([_article()], run_id=run_id, stages=["s"], pipeline=made_by)
        assert store.processed_ids(["a1"], ["s"], made_by) == {"a1"}
        assert store.processed_ids(["a1"], ["s"], other) == set()
        # processed again by the other pipeline: it is now the other's
        store.save([_article()], run_id=run_id, stages=["s"], pipeline=other)
        assert store.processed_ids(["a1"], ["s"], other) == {"a1"}
        assert store.processed_ids(["a1"], ["s"], made_by) == set()


def test_store_upgrades_a_file_from_before_the_pipeline_column(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "v4.duckdb"
    with Store(db) as store:
        run_id = store.start_run(command="t", version="0", stages=["s"], config={})
        store.save([_article()], run_id=run_id, stages=["s"])
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE documents DROP COLUMN pipeline")
    con.execute("DELETE FROM schema_migrations WHERE version >= 5")
    con.close()
    with Store(db) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        # made by an unknown pipeline: a run redoes it
        assert store.processed_ids(["a1"], ["s"], "p1") == set()
        assert store.processed_ids(["a1"], ["s"]) == {"a1"}


@pytest.mark.parametrize("reason", ["empty file"])
def test_store_saves_failures(reason: str) -> None:
    with Store(":memory:") as store:
        run_id = store.start_run(command="t", version="0", stages=[], config={})
        failure = Failure(source="f.txt", stage="ingest", reason=reason)
        result = store.save([], [failure], run_id=run_id, stages=[])
        store.finish_run(run_id, n_documents=0, n_new=0, n_failures=1)
        assert result.failures == 1
        assert store.fetchall("SELECT source, stage, reason FROM failures") == [
            ("f.txt", "ingest", reason)
        ]
        assert store.fetchall("SELECT n_failures FROM runs") == [(1,)]


@pytest.mark.parametrize("name", ["missing.duckdb"])
def test_store_read_only_missing_file_is_a_clear_error(
    tmp_path: Path, name: str
) -> None:
    with pytest.raises(StoreError, match="No database at"):
        Store(tmp_path / name, read_only=True)


@pytest.mark.parametrize("content", [b"not a database at all" * 100])
def test_store_not_a_database(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(content)
    with pytest.raises(
        StoreError, match=r"not a reportedly DuckDB database|Cannot open"
    ):
        Store(bad)


@pytest.mark.parametrize("doc_id", ["nope"])
def test_store_unknown_document(doc_id: str) -> None:
    with Store(":memory:") as store:
        assert store.load_article(doc_id) is None


@pytest.mark.parametrize("sql", ["SELECT * FROM no_such_table"])
def test_store_bad_query(sql: str) -> None:
    with Store(":memory:") as store, pytest.raises(StoreError, match="failed"):
        store.fetchall(sql)


@pytest.mark.parametrize("keep", [1])
def test_store_read_only_upgrades_an_older_file(tmp_path: Path, keep: int) -> None:
    import duckdb

    db = tmp_path / "old.duckdb"
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    for table in ("actors", "mentions", "quotes", "events", "event_participants",
                  "event_asserters"):  # fmt: skip
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM schema_migrations WHERE version > ?", [keep])
    con.close()
    with Store(db, read_only=True) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        assert store.counts()["mentions"] == 0


@pytest.mark.parametrize("db", [":memory:"])
def test_store_round_trips_quotes_and_events(db: str) -> None:
    from dataclasses import replace

    from reportedly.records import Asserter, Event, Quote

    base = _article()
    actor = base.mentions[0]
    article = replace(
        base,
        quotes=(
            Quote(kind="split", content=(Span(start=7, end=11), Span(start=12, end=16)),
                  cue=Span(start=0, end=5), speaker=Span(start=7, end=11),
                  speaker_name="Body Land", speaker_actor_id="rep:X",
                  addressee=Span(start=12, end=16), medium="interview",
                  date="--08-25", hedge=Span(start=7, end=8), extractor="q",
                  confidence=0.5),
            Quote(kind="direct", content=(Span(start=19, end=29),), extractor="q"),
        ),
        events=(
            Event(category="SUPPORT", trigger=Span(start=12, end=16),
                  sentence=Span(start=7, end=17), mode="verbal", context="military",
                  actors=(actor,), recipients=(base.mentions[1], actor),
                  asserters=(Asserter(kind="outlet", name="The Ledger"),
                             Asserter(kind="speaker", name="Body Land", quote=0),
                             Asserter(kind="source", name="reports",
                                      span=Span(start=0, end=5))),
                  polarity="denied", certainty="hedged", historical=True,
                  date="2016-09", place="KABUL", extractor="e"),
        ),
    )  # fmt: skip
    with Store(db) as store:
        run_id = store.start_run(command="t", version="0", stages=["s"], config={})
        store.save([article], run_id=run_id, stages=["s"])
        store.save([article], run_id=run_id, stages=["s"])
        assert store.load_article("a1") == article
        counts = store.counts()
        assert counts["quotes"] == 2
        assert counts["events"] == 1
        assert counts["event_participants"] == 3
        assert counts["event_asserters"] == 3
