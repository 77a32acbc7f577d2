"""Append-only, numbered schema migrations for the DuckDB store.

Never edit a migration that has shipped: add the next number. ``docs/schema.md``
documents the resulting tables and a test checks it stays in step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Migration = Callable[[Any], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def migration(number: int, name: str) -> Callable[[Migration], Migration]:
    """Register a migration under its number (numbers strictly increase)."""

    def decorate(fn: Migration) -> Migration:
        if MIGRATIONS and MIGRATIONS[-1][0] >= number:
            raise ValueError(f"migration {number} out of order")
        MIGRATIONS.append((number, name, fn))
        return fn

    return decorate


@migration(1, "foundation")
def _m001_foundation(con: Any) -> None:
    con.execute(
        """
        CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY,
            command VARCHAR NOT NULL,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            version VARCHAR NOT NULL,
            stages VARCHAR[] NOT NULL,
            config JSON NOT NULL,
            n_documents INTEGER,
            n_new INTEGER,
            n_failures INTEGER
        );
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,
            text VARCHAR NOT NULL,
            text_sha256 VARCHAR NOT NULL,
            n_chars INTEGER NOT NULL,
            title VARCHAR,
            outlet VARCHAR,
            dateline VARCHAR,
            published VARCHAR,
            language VARCHAR,
            url VARCHAR,
            source VARCHAR,
            format VARCHAR,
            evidence JSON NOT NULL,
            stages VARCHAR[] NOT NULL,
            run_id VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        );
        CREATE TABLE regions (
            doc_id VARCHAR NOT NULL,
            region_index INTEGER NOT NULL,
            kind VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (doc_id, region_index)
        );
        CREATE TABLE comments (
            comment_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            comment_index INTEGER NOT NULL,
            region_index INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            author VARCHAR
        );
        CREATE TABLE sentences (
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (doc_id, sentence_index)
        );
        CREATE TABLE failures (
            run_id VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            doc_id VARCHAR,
            stage VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            failed_at TIMESTAMP NOT NULL
        );
        """
    )


@migration(2, "actors")
def _m002_actors(con: Any) -> None:
    con.execute(
        """
        CREATE TABLE actors (
            actor_id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            kind VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            code VARCHAR,
            first_doc_id VARCHAR NOT NULL
        );
        CREATE TABLE mentions (
            doc_id VARCHAR NOT NULL,
            mention_index INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            actor_id VARCHAR,
            name VARCHAR,
            kind VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            code VARCHAR,
            role VARCHAR,
            refers_to INTEGER,
            extractor VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, mention_index)
        );
        """
    )


@migration(3, "quotes")
def _m003_quotes(con: Any) -> None:
    con.execute(
        """
        CREATE TABLE quotes (
            doc_id VARCHAR NOT NULL,
            quote_index INTEGER NOT NULL,
            kind VARCHAR NOT NULL,
            content JSON NOT NULL,
            content_text VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            cue_start INTEGER,
            cue_end INTEGER,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_text VARCHAR,
            speaker_name VARCHAR,
            speaker_actor_id VARCHAR,
            addressee_start INTEGER,
            addressee_end INTEGER,
            medium VARCHAR,
            date VARCHAR,
            hedge_start INTEGER,
            hedge_end INTEGER,
            extractor VARCHAR NOT NULL,
            confidence DOUBLE,
            PRIMARY KEY (doc_id, quote_index)
        );
        """
    )


@migration(4, "events")
def _m004_events(con: Any) -> None:
    con.execute(
        """
        CREATE TABLE events (
            doc_id VARCHAR NOT NULL,
            event_index INTEGER NOT NULL,
            category VARCHAR NOT NULL,
            mode VARCHAR,
            context VARCHAR,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            trigger_text VARCHAR NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            polarity VARCHAR NOT NULL,
            certainty VARCHAR NOT NULL,
            historical BOOLEAN NOT NULL,
            date VARCHAR,
            place VARCHAR,
            extractor VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, event_index)
        );
        CREATE TABLE event_participants (
            doc_id VARCHAR NOT NULL,
            event_index INTEGER NOT NULL,
            role VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            actor_id VARCHAR,
            name VARCHAR,
            kind VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            code VARCHAR,
            mention_role VARCHAR,
            refers_to INTEGER,
            extractor VARCHAR NOT NULL
        );
        CREATE TABLE event_asserters (
            doc_id VARCHAR NOT NULL,
            event_index INTEGER NOT NULL,
            position INTEGER NOT NULL,
            kind VARCHAR NOT NULL,
            name VARCHAR,
            quote_index INTEGER,
            start_char INTEGER,
            end_char INTEGER
        );
        """
    )


@migration(5, "pipeline fingerprint")
def _m005_pipeline(con: Any) -> None:
    # the stages, their settings and the reportedly version that made a
    # document's layers: a run with other ones processes it again
    con.execute("ALTER TABLE documents ADD COLUMN IF NOT EXISTS pipeline VARCHAR")


@migration(6, "authors")
def _m006_authors(con: Any) -> None:
    # the people an article's byline names
    con.execute("ALTER TABLE documents ADD COLUMN IF NOT EXISTS authors VARCHAR[]")
