"""The DuckDB store: the only place that imports duckdb.

Tables (see docs/schema.md): ``schema_migrations``, ``runs``, ``documents``,
``regions``, ``comments``, ``sentences``, ``actors``, ``mentions``, ``quotes``,
``events``, ``event_participants``, ``event_asserters``, ``failures``. Writes are one
transaction per batch: a killed process keeps every committed batch and no
partial one. A document is inserted once; its analysis layers are replaced
when it is processed again, so re-running never duplicates rows.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import Article, Failure
from .migrations import MIGRATIONS
from .reading import read_article
from .tables import (
    LAYER_TABLES,
    actor_rows,
    documents_table,
    failures_table,
    layer_tables,
)

logger = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What one ``Store.save`` call wrote."""

    new_documents: int
    updated_documents: int
    failures: int


class Store:
    """A reportedly DuckDB file, migrated to the current schema on open.

    >>> with Store(":memory:") as store:
    ...     store.counts()["documents"]
    0
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if read_only and self.path != ":memory:" and not Path(self.path).exists():
                raise StoreError(
                    f"No database at {self.path}. Create one with "
                    "`reportedly run PATH --db FILE`, or pass the right --db."
                )
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(
                f"Cannot open the database {self.path}: {exc}. If another "
                "reportedly process is writing to it, wait for it to finish "
                "or use another --db file."
            ) from None
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path} is not a reportedly DuckDB database ({exc}). "
                "Pass another --db file."
            ) from None
        if not read_only:
            self._migrate()
        elif self.schema_version() < MIGRATIONS[-1][0]:
            # an older file: upgrade it once, then read it as asked
            self._con.close()
            Store(self.path).close()
            self._con = duckdb.connect(self.path, read_only=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (committed batches are already on disk)."""
        self._con.close()

    # -- schema -----------------------------------------------------------

    def schema_version(self) -> int:
        """The number of the last migration applied (0 for a new file)."""
        exists = self._con.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_name = 'schema_migrations'"
        ).fetchall()[0][0]
        if not exists:
            return 0
        row = self._con.execute("SELECT max(version) FROM schema_migrations").fetchall()
        return int(row[0][0] or 0)

    def _migrate(self) -> None:
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
            "applied_at TIMESTAMP NOT NULL)"
        )
        current = self.schema_version()
        for number, name, apply in MIGRATIONS:
            if number <= current:
                continue
            logger.info("applying migration %s %s to %s", number, name, self.path)
            self._con.begin()
            try:
                apply(self._con)
                self._con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    [number, name, _now()],
                )
                self._con.commit()
            except duckdb.Error as exc:
                self._con.rollback()
                raise StoreError(
                    f"Migration {number} ({name}) failed on {self.path}: {exc}"
                ) from exc

    # -- runs -------------------------------------------------------------

    def start_run(
        self,
        *,
        command: str,
        version: str,
        stages: Sequence[str],
        config: Mapping[str, Any],
    ) -> str:
        """Record the start of a run and return its id."""
        started = _now()
        run_id = hashlib.sha256(f"{started.isoformat()}{command}".encode()).hexdigest()[
            :16
        ]
        self._con.execute(
            "INSERT INTO runs (run_id, command, started_at, version, stages, config) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [run_id, command, started, version, list(stages), json.dumps(config)],
        )
        return run_id

    def finish_run(
        self, run_id: str, *, n_documents: int, n_new: int, n_failures: int
    ) -> None:
        """Record the end of a run with its counts."""
        self._con.execute(
            "UPDATE runs SET finished_at = ?, n_documents = ?, n_new = ?, "
            "n_failures = ? WHERE run_id = ?",
            [_now(), n_documents, n_new, n_failures, run_id],
        )

    # -- writing ----------------------------------------------------------

    def processed_ids(
        self,
        doc_ids: Iterable[str],
        stages: Sequence[str],
        pipeline: str | None = None,
    ) -> set[str]:
        """The ids among ``doc_ids`` already stored and processed by ``stages``
        (and, when given, by the same ``pipeline``: see :func:`~reportedly.
        pipeline.fingerprint`)."""
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return set()
        sql = (
            "SELECT doc_id FROM documents WHERE list_contains(?, doc_id) AND stages = ?"
        )
        params: list[Any] = [ids, list(stages)]
        if pipeline is not None:
            sql += " AND pipeline = ?"
            params.append(pipeline)
        rows = self._con.execute(sql, params).fetchall()
        return {r[0] for r in rows}

    def save(
        self,
        articles: Sequence[Article],
        failures: Sequence[Failure] = (),
        *,
        run_id: str,
        stages: Sequence[str],
        pipeline: str | None = None,
    ) -> SaveResult:
        """Write a batch of articles and failures in one transaction.

        ``pipeline`` is the fingerprint of what processed them (stages,
        settings, version), kept to tell a later run whether to redo them.
        """
        ids = list(dict.fromkeys(a.doc_id for a in articles))
        unique = list({a.doc_id: a for a in articles}.values())
        try:
            self._con.begin()
            existing = (
                {
                    r[0]
                    for r in self._con.execute(
                        "SELECT doc_id FROM documents WHERE list_contains(?, doc_id)",
                        [ids],
                    ).fetchall()
                }
                if ids
                else set()
            )
            if existing:
                self._con.execute(
                    "UPDATE documents SET stages = ?, pipeline = ? "
                    "WHERE list_contains(?, doc_id)",
                    [list(stages), pipeline, list(existing)],
                )
                for table in LAYER_TABLES:
                    self._con.execute(
                        f"DELETE FROM {table} WHERE list_contains(?, doc_id)",
                        [list(existing)],
                    )
            new = [a for a in unique if a.doc_id not in existing]
            now = _now()
            self._insert(
                "documents", documents_table(new, run_id, stages, now, pipeline)
            )
            for table, rows in layer_tables(unique).items():
                self._insert(table, rows)
            self._save_actors(unique)
            self._insert("failures", failures_table(failures, run_id, now))
            self._con.commit()
        except duckdb.Error as exc:
            self._con.rollback()
            raise StoreError(
                f"Writing a batch to {self.path} failed: {exc}. Nothing of this "
                "batch was written; earlier batches are kept."
            ) from exc
        return SaveResult(
            new_documents=len(new),
            updated_documents=len(existing),
            failures=len(failures),
        )

    def _save_actors(self, articles: Sequence[Article]) -> None:
        """Add the actors first seen in these articles (the first name wins)."""
        rows = actor_rows(articles)
        if rows.num_rows == 0:
            return
        self._con.register("_actors", rows)
        try:
            self._con.execute(
                "INSERT INTO actors SELECT * FROM _actors "
                "WHERE actor_id NOT IN (SELECT actor_id FROM actors)"
            )
        finally:
            self._con.unregister("_actors")

    def _insert(self, table: str, data: pa.Table) -> None:
        if data.num_rows == 0:
            return
        self._con.register("_batch", data)
        try:
            columns = ", ".join(data.column_names)
            self._con.execute(f"INSERT INTO {table} ({columns}) SELECT * FROM _batch")
        finally:
            self._con.unregister("_batch")

    # -- reading ----------------------------------------------------------

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read query and return its rows (used by ``reportedly.query``)."""
        try:
            return self._con.cursor().execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"Query on {self.path} failed: {exc}") from exc

    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        tables = ["documents", *LAYER_TABLES, "actors", "failures", "runs"]
        return {t: self.fetchall(f"SELECT count(*) FROM {t}")[0][0] for t in tables}

    def load_article(self, doc_id: str) -> Article | None:
        """An article with its metadata and every layer, or None if unknown."""
        return read_article(self.fetchall, doc_id)
