"""reportedly: who says who did what to whom, with the evidence.

The public API. Importing it loads no model and opens no database.
"""

from .__about__ import __version__
from .config import Config, load_config
from .errors import (
    ConfigError,
    IngestError,
    PipelineError,
    ReportedlyError,
    StageError,
    StoreError,
    UnknownStageError,
)
from .export import article_to_dict, write_jsonl
from .ingest import read_documents
from .jobs import RunReport, extract, ingest, run
from .pipeline import Pipeline
from .query import ActorCount, Stats, get_article, list_documents, stats, top_actors
from .records import (
    Article,
    Asserter,
    Event,
    Failure,
    Mention,
    Meta,
    Quote,
    Region,
    Span,
    make_doc_id,
)
from .registry import available_stages, get_stage, stage
from .store import Store

__all__ = [
    "ActorCount",
    "Article",
    "Asserter",
    "Config",
    "ConfigError",
    "Event",
    "Failure",
    "IngestError",
    "Mention",
    "Meta",
    "Pipeline",
    "PipelineError",
    "Quote",
    "Region",
    "ReportedlyError",
    "RunReport",
    "Span",
    "StageError",
    "Stats",
    "Store",
    "StoreError",
    "UnknownStageError",
    "__version__",
    "article_to_dict",
    "available_stages",
    "extract",
    "get_article",
    "get_stage",
    "ingest",
    "list_documents",
    "load_config",
    "make_doc_id",
    "read_documents",
    "run",
    "stage",
    "stats",
    "top_actors",
    "write_jsonl",
]
