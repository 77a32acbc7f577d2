"""The exception hierarchy of reportedly.

ReportedlyError
  ConfigError          bad or unknown setting (names the key and the file)
  UnknownStageError    lists available stages
  PipelineError        requires/provides chain broken at build time
  IngestError          unreadable input (path + reason + what to do)
  StageError           a stage failed on one article (stage name + doc_id)
  StoreError           DuckDB/migration problem (db path + hint)
"""

from __future__ import annotations


class ReportedlyError(Exception):
    """The base of every error reportedly raises on purpose."""


class ConfigError(ReportedlyError):
    """A setting is unknown or has a bad value."""


class UnknownStageError(ReportedlyError):
    """A pipeline names a stage that is not registered."""


class PipelineError(ReportedlyError):
    """The stages of a pipeline do not fit together."""


class IngestError(ReportedlyError):
    """An input could not be read as a document.

    ``source`` names the input (a path, ``-`` or ``path#record``).
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StageError(ReportedlyError):
    """A stage failed on one article."""

    def __init__(self, stage: str, doc_id: str, reason: str) -> None:
        super().__init__(f"stage {stage} failed on document {doc_id}: {reason}")
        self.stage = stage
        self.doc_id = doc_id
        self.reason = reason


class StoreError(ReportedlyError):
    """The DuckDB store could not be opened, migrated or written."""
