"""The ``reportedly`` command: thin wrappers over the public API."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import click

import reportedly
from reportedly import (
    Article,
    Failure,
    ReportedlyError,
    Store,
    load_config,
)

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _config_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="A reportedly.toml with settings (default: ./reportedly.toml if present).",
    )(fn)


def _db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        help="The DuckDB file (default: store.path, ./reportedly.duckdb).",
    )(fn)


def _misses_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--misses", default=20, show_default=True, help="How many misses to print."
    )(fn)


def _run_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    options: list[Callable[[Any], Any]] = [
        click.argument("paths", nargs=-1, required=True),
        _db_option,
        _config_option,
        click.option(
            "--force",
            is_flag=True,
            help="Process documents already in the store again.",
        ),
        click.option(
            "--fail-fast", is_flag=True, help="Stop at the first failing document."
        ),
        click.option(
            "--progress/--no-progress",
            default=None,
            help="Show a progress bar (default: when stderr is a terminal).",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(reportedly.__version__, "-V", "--version")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Who says who did what to whom in the news, with the evidence.

    Example:

        reportedly run articles/ --db news.duckdb && reportedly stats --db news.duckdb
    """
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _fail(exc: ReportedlyError) -> click.ClickException:
    return click.ClickException(str(exc))


def _print_failure(failure: Failure) -> None:
    where = (
        failure.source
        if failure.stage == "ingest"
        else (f"{failure.source} (stage {failure.stage})")
    )
    click.echo(f"error: {where}: {failure.reason}", err=True)


def _job(
    job: Callable[..., reportedly.RunReport], paths: tuple[str, ...], **kw: Any
) -> None:
    progress = kw.pop("progress")
    show = sys.stderr.isatty() if progress is None else progress
    try:
        config = load_config(kw.pop("config_path"))
        bar = None
        if show:
            from tqdm import tqdm

            bar = tqdm(
                unit="doc", desc="documents", file=sys.stderr, dynamic_ncols=True
            )
        try:
            report = job(
                list(paths),
                config=config,
                stdin=sys.stdin.buffer if "-" in paths else None,
                progress=bar.update if bar else None,
                on_failure=_print_failure,
                **kw,
            )
        finally:
            if bar:
                bar.close()
    except ReportedlyError as exc:
        raise _fail(exc) from None
    click.echo(
        f"{_plural(report.documents, 'document')} processed ({report.new} new, "
        f"{report.updated} "
        f"updated, {report.skipped} already done) in {report.seconds:.1f} s "
        f"({report.docs_per_second:.1f} docs/s) into {report.db}",
        err=True,
    )
    if report.failures:
        raise click.ClickException(
            f"{_plural(len(report.failures), 'input')} failed; the others were saved. "
            "See the lines above, or the failures table (`reportedly stats`)."
        )


@cli.command(context_settings=CONTEXT_SETTINGS)
@_run_options
def ingest(paths: tuple[str, ...], **kw: Any) -> None:
    """Read and clean documents into the store, without NLP.

    PATHS are files (.txt, .html, .htm, .jsonl, .warc, .warc.gz), folders
    (searched recursively), globs, or - for standard input. Documents already
    in the store are not added again.

    Example:

        reportedly ingest articles/ crawl.warc.gz --db news.duckdb
    """
    _job(reportedly.ingest, paths, **kw)


@cli.command(context_settings=CONTEXT_SETTINGS)
@_run_options
def run(paths: tuple[str, ...], **kw: Any) -> None:
    """Run the whole pipeline over documents and save the results.

    Documents already processed by the same stages are skipped (use --force
    to redo them). One bad document is reported and the others go on; the
    exit status is 1 when any failed.

    Example:

        reportedly run articles/ --db news.duckdb
    """
    _job(reportedly.run, paths, **kw)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl"]),
    default="jsonl",
    show_default=True,
    help="Output format: one JSON object per document (docs/schema.md).",
)
@click.option(
    "-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
    help="Write to this file instead of standard output.",
)  # fmt: skip
@_config_option
@click.option("--fail-fast", is_flag=True, help="Stop at the first failing document.")
def extract(paths: tuple[str, ...], fmt: str, output: Any, config_path: str | None,
            fail_fast: bool) -> None:  # fmt: skip
    """Analyse documents and print the results, without a database.

    Example:

        reportedly extract article.txt --format jsonl | jq '.regions[].kind'
    """
    failed = 0
    try:
        config = load_config(config_path)
        for item in reportedly.extract(
            list(paths), config=config, fail_fast=fail_fast,
            stdin=sys.stdin.buffer if "-" in paths else None,
        ):  # fmt: skip
            if isinstance(item, Failure):
                failed += 1
                _print_failure(item)
                continue
            reportedly.write_jsonl([item], output)
    except ReportedlyError as exc:
        raise _fail(exc) from None
    if failed:
        raise click.ClickException(
            f"{_plural(failed, 'input')} failed; the others were printed."
        )


@cli.command(context_settings=CONTEXT_SETTINGS)
@_db_option
@_config_option
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON.")
def stats(db: str | None, config_path: str | None, as_json: bool) -> None:
    """Show what a store holds: documents, regions, comments, outlets, failures.

    Example:

        reportedly stats --db news.duckdb
    """
    try:
        path = db or load_config(config_path).store_path
        with Store(path, read_only=True) as store:
            numbers = reportedly.stats(store)
    except ReportedlyError as exc:
        raise _fail(exc) from None
    if as_json:
        click.echo(json.dumps(asdict(numbers), indent=2))
        return
    click.echo(f"{path}")
    click.echo(
        f"  documents   {numbers.documents:>8}  ({numbers.characters:,} characters)"
    )
    for kind, n in numbers.regions.items():
        click.echo(f"  {kind + ' regions':<20}{n:>5}")
    click.echo(f"  comments    {numbers.comments:>8}")
    click.echo(f"  sentences   {numbers.sentences:>8}")
    click.echo(f"  mentions    {numbers.mentions:>8}  ({numbers.actors} actors)")
    click.echo(f"  quotes      {numbers.quotes:>8}")
    click.echo(f"  events      {numbers.events:>8}")
    for category, n in numbers.events_by_category:
        click.echo(f"    {category:<18}{n:>6}")
    click.echo(f"  runs        {numbers.runs:>8}")
    click.echo(f"  failures    {numbers.failures:>8}")
    for stage_name, n in numbers.failures_by_stage:
        click.echo(f"    {stage_name:<18}{n:>6}")
    click.echo("  outlets:")
    for outlet, n in numbers.outlets:
        click.echo(f"    {n:>6}  {outlet}")
    click.echo("  languages: " + ", ".join(f"{k} {n}" for k, n in numbers.languages))


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("doc_id")
@_db_option
@_config_option
@click.option("--json", "as_json", is_flag=True, help="Print the document as JSON.")
def show(doc_id: str, db: str | None, config_path: str | None, as_json: bool) -> None:
    """Show one document's text with its regions marked (an id prefix is enough).

    Example:

        reportedly show 3f2a9c --db news.duckdb
    """
    try:
        path = db or load_config(config_path).store_path
        with Store(path, read_only=True) as store:
            article = reportedly.get_article(store, doc_id)
            known = reportedly.list_documents(store, limit=5) if article is None else []
    except ReportedlyError as exc:
        raise _fail(exc) from None
    if article is None:
        hint = ", ".join(k for k, _ in known) or "none: the store is empty"
        raise click.ClickException(
            f"No document {doc_id!r} in {path}. Some ids: {hint}."
        )
    if as_json:
        click.echo(json.dumps(reportedly.article_to_dict(article), indent=2,
                              ensure_ascii=False))  # fmt: skip
        return
    click.echo(_render(article, color=sys.stdout.isatty()))


_COLORS = {
    "title": "bright_white",
    "caption": "cyan",
    "credit": "blue",
    "byline": "green",
    "furniture": "bright_black",
    "comment": "yellow",
}


def _render(article: Article, *, color: bool) -> str:
    """The text, each line prefixed by the kind of region it belongs to."""
    meta = article.meta
    lines = [
        f"doc_id     {article.doc_id}",
        *(f"{k:<10} {v}" for k, v in [
            ("title", meta.title), ("outlet", meta.outlet), ("dateline", meta.dateline),
            ("published", meta.published), ("authors", ", ".join(meta.authors)),
            ("language", meta.language),
            ("url", meta.url), ("source", meta.source)] if v),
        "",
    ]  # fmt: skip
    comment = 0
    for region in article.regions:
        label: str = region.kind
        if region.kind == "comment":
            comment += 1
            label = f"comment {comment}"
        for line in region.span.text_in(article.text).splitlines() or [""]:
            row = f"{label:<10} │ {line}"
            style = _COLORS.get(region.kind)
            lines.append(click.style(row, fg=style) if color and style else row)
    text = article.text
    if article.quotes:
        lines += ["", f"quotes ({len(article.quotes)})"]
    for i, q in enumerate(article.quotes):
        said = " … ".join(s.text_in(text) for s in q.content)
        who = q.speaker_name or (q.speaker.text_in(text) if q.speaker else "?")
        cue = q.cue.text_in(text) if q.cue else "-"
        lines.append(f"  [{i}] {who} ({q.kind}, {cue}): {_short(said)}")
    if article.events:
        lines += ["", f"events ({len(article.events)})"]
    for e in article.events:
        actors = ", ".join(m.name or m.span.text_in(text) for m in e.actors) or "?"
        targets = ", ".join(m.name or m.span.text_in(text) for m in e.recipients)
        chain = " > ".join(a.name or a.kind for a in e.asserters)
        flags = [e.polarity, e.certainty] + (["historical"] if e.historical else [])
        when = f" on {e.date}" if e.date else ""
        lines.append(
            f"  {e.category} {actors} -> {targets or '-'}{when} "
            f"[{', '.join(flags)}] asserted by {chain or '-'}: "
            f"{_short(e.trigger.text_in(text))}"
        )
    return "\n".join(lines)


def _short(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@cli.command(context_settings=CONTEXT_SETTINGS)
@_db_option
@_config_option
@click.option("--top", default=20, show_default=True, help="How many actors.")
@click.option("--kind", help="Only actors of this kind (person, state, ...).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
def actors(db: str | None, config_path: str | None, top: int, kind: str | None,
           as_json: bool) -> None:  # fmt: skip
    """List the most mentioned actors with their codes and mention counts.

    Example:

        reportedly actors --top 10 --kind person --db news.duckdb
    """
    try:
        path = db or load_config(config_path).store_path
        with Store(path, read_only=True) as store:
            rows = reportedly.top_actors(store, top=top, kind=kind)
    except ReportedlyError as exc:
        raise _fail(exc) from None
    if as_json:
        for row in rows:
            click.echo(json.dumps(asdict(row), ensure_ascii=False))
        return
    click.echo(
        f"{'mentions':>8} {'docs':>5}  {'code':<5} {'sector':<6} {'kind':<26} name"
    )
    for r in rows:
        code, sector, kind_ = r.code or "-", r.sector or "-", r.kind or "-"
        click.echo(
            f"{r.mentions:>8} {r.documents:>5}  {code:<5} {sector:<6} {kind_:<26} "
            f"{r.name}  [{r.actor_id}]"
        )
        if r.roles:
            click.echo(f"{'':>47}roles: {'; '.join(r.roles)}")


@cli.command(context_settings=CONTEXT_SETTINGS)
def stages() -> None:
    """List the registered stages with what they need and provide.

    Example:

        reportedly stages
    """
    for name in reportedly.available_stages():
        info = reportedly.get_stage(name)
        click.echo(f"{name:<18} {info.doc}")
        click.echo(f"{'':<18} requires: {', '.join(sorted(info.requires)) or '-'}; "
                   f"provides: {', '.join(sorted(info.provides))}")  # fmt: skip


@cli.group(context_settings=CONTEXT_SETTINGS)
def config() -> None:
    """Inspect settings."""


@config.command("show", context_settings=CONTEXT_SETTINGS)
@_config_option
def config_show(config_path: str | None) -> None:
    """Print the resolved settings as JSON, and where they came from.

    Example:

        reportedly config show --config my.toml
    """
    try:
        resolved = load_config(config_path)
    except ReportedlyError as exc:
        raise _fail(exc) from None
    click.echo(json.dumps({**resolved.as_dict(), "sources": list(resolved.sources)},
                          indent=2))  # fmt: skip


@cli.group(name="eval", context_settings=CONTEXT_SETTINGS)
def evaluate() -> None:
    """Measure accuracy against annotated data (paths are arguments)."""


@evaluate.command("cleaning", context_settings=CONTEXT_SETTINGS)
@click.argument(
    "gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False)
)
@_misses_option
def eval_cleaning(gold: tuple[str, ...], misses: int) -> None:
    """Count attributed characters that cleaning marks as other than body or title.

    GOLD is PolNeAR-style JSONL (doc_id, text, quotes with cue/sources/contents).

    Example:

        reportedly eval cleaning ../shared/data/quotes/polnear_dev.jsonl
    """
    from reportedly.evaluation.cleaning import load_records, score_cleaning

    score = score_cleaning(load_records(gold))
    click.echo(json.dumps({k: v for k, v in score.as_dict().items() if k != "misses"}))
    for miss in score.misses[:misses]:
        click.echo("miss: " + json.dumps(miss, ensure_ascii=False))


@evaluate.command("actors", context_settings=CONTEXT_SETTINGS)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@_misses_option
def eval_actors(gold: str, misses: int) -> None:
    """Code recall of actor mentions against PLOVER gold actors and recipients.

    GOLD is PLOVER-style JSONL (one sentence per record with actor and recipient
    codes). Prints the numbers as JSON, then the misses to read.

    Example:

        reportedly eval actors ../shared/data/events/plover_gsr_dev.jsonl
    """
    from reportedly.evaluation.actors import evaluate_actors

    try:
        score = evaluate_actors(gold)
    except ReportedlyError as exc:
        raise _fail(exc) from None
    numbers = score.as_dict()
    numbers.pop("misses")
    click.echo(json.dumps(numbers))
    for miss in score.misses[:misses]:
        click.echo("miss: " + json.dumps(asdict(miss), ensure_ascii=False))


@evaluate.command("events", context_settings=CONTEXT_SETTINGS)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@_misses_option
def eval_events(gold: str, misses: int) -> None:
    """PLOVER event scores: per-category P/R/F1, macro-F1, codes, tuple accuracy.

    GOLD is PLOVER-style JSONL (one sentence per record with its event category,
    actor and recipient codes). Prints the per-category table, the summary as
    JSON, then the misses to read.

    Example:

        reportedly eval events ../shared/data/events/plover_gsr_dev.jsonl
    """
    from reportedly.evaluation.events import evaluate_events

    try:
        score = evaluate_events(gold)
    except ReportedlyError as exc:
        raise _fail(exc) from None
    click.echo(score.table())
    click.echo(json.dumps({
        "n": score.n, "macro_f1": round(score.macro_f1, 4),
        "tuple_accuracy": round(score.tuple_accuracy, 4),
        "actor_match": round(score.actor_match, 4),
        "recipient_match": round(score.recipient_match, 4),
        "seconds": {k: round(v, 3) for k, v in score.seconds.items()},
    }))  # fmt: skip
    for miss in score.misses[:misses]:
        click.echo("miss: " + json.dumps(asdict(miss), ensure_ascii=False))


@evaluate.command("provenance", context_settings=CONTEXT_SETTINGS)
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@_misses_option
def eval_provenance(gold: tuple[str, ...], misses: int) -> None:
    """Polarity, certainty and asserter accuracy on provenance sentence sets.

    GOLD defaults to the set shipped with reportedly (invented sentences with
    negated, hedged, hypothetical, future, reported and nested-reported events).
    With several files, each is scored on its own, after a line naming it.

    Example:

        reportedly eval provenance
    """
    from reportedly.evaluation.events import evaluate_provenance

    for path in gold or (None,):
        try:
            score = evaluate_provenance(path)
        except ReportedlyError as exc:
            raise _fail(exc) from None
        if len(gold) > 1:
            click.echo(f"== {path}")
        click.echo(score.table())
        for miss in score.misses[:misses]:
            click.echo("miss: " + json.dumps(asdict(miss), ensure_ascii=False))


@evaluate.command("quotes", context_settings=CONTEXT_SETTINGS)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False),
    help="Also write the predictions as JSONL in the reference scorer's format.",
)
def eval_quotes(gold: str, predictions: str | None) -> None:
    """Quote extraction and attribution scores against PolNeAR-style gold.

    Runs cleaning, spaCy and the quote stage on the gold texts and scores them
    with the reference definitions: quote P/R/F1 at overlap 0.3 and 0.8, exact
    content F1, speaker-span, name-level speaker and cue accuracy, and
    end-to-end attribution F1. One JSON line per threshold, then the timings.

    Example:

        reportedly eval quotes ../shared/data/quotes/polnear_dev.jsonl
    """
    from reportedly.evaluation.quotes import evaluate_quotes

    try:
        result = evaluate_quotes(gold, predictions_path=predictions)
    except ReportedlyError as exc:
        raise _fail(exc) from None
    for score in result["scores"]:
        click.echo(json.dumps(
            {k: round(v, 4) if isinstance(v, float) else v for k, v in score.items()}
        ))  # fmt: skip
    spans = result["sentence_spans"]
    click.echo(json.dumps(
        {k: round(v, 4) if isinstance(v, float) else v for k, v in spans.items()}
    ))  # fmt: skip
    seconds = {k: round(v, 3) for k, v in result["seconds"].items()}
    click.echo(json.dumps({"n_docs": result["n_docs"], "seconds": seconds}))
