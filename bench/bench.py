"""Speed and memory of the pipeline against bare spaCy on the same texts.

Usage: python bench/bench.py [--repeat N] [PATH ...]   (PolNeAR-style JSONL
with a "text" field, or anything `reportedly ingest` reads). Prints one JSON
line of numbers.

Bare spaCy and each stage are timed ``--repeat`` times (default 3) on the same
inputs and the fastest time of each is kept, as ``timeit`` does: the stages are
pure, so a slower repetition measures what else the machine was doing.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from reportedly import Article, Pipeline, load_config, native, read_documents
from reportedly.registry import BatchStage
from reportedly.stages.nlp import load_model


def load_articles(paths: list[str]) -> list[Article]:
    """Articles from gold-style JSONL (deduplicated by doc_id) or any input."""
    articles: dict[str, Article] = {}
    for path in paths:
        if path.endswith(".jsonl") and "polnear" in Path(path).name:
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                articles.setdefault(
                    record["doc_id"],
                    Article(doc_id=record["doc_id"], text=record["text"]),
                )
        else:
            for item in read_documents([path]):
                if isinstance(item, Article):
                    articles.setdefault(item.doc_id, item)
    return list(articles.values())


def main(paths: list[str], repeat: int) -> None:
    config = load_config()
    articles = load_articles(paths or ["examples/articles"])
    texts = [a.text for a in articles]
    model = config.stage_settings["nlp.spacy.v1"]["model"]
    nlp = load_model(model)
    list(nlp.pipe(texts[:2]))  # warm up

    bares = []
    for _ in range(repeat):
        started = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        bares.append(time.perf_counter() - started)
    bare = min(bares)

    pipeline = Pipeline.from_config(config)
    # load every stage's model once, as spaCy's was above: per-process costs
    # are not per-document costs
    list(pipeline.run(articles[:2]))
    runs: dict[str, list[float]] = {b.name: [] for b in pipeline.stages}
    for _ in range(repeat):
        current: list[Article] = articles
        for built in pipeline.stages:
            t0 = time.perf_counter()
            if isinstance(built.stage, BatchStage):
                current = list(built.stage.pipe(current))
            else:
                current = [built.stage(a) for a in current]
            runs[built.name].append(time.perf_counter() - t0)
    stage_seconds = {name: round(min(times), 3) for name, times in runs.items()}
    compiled = native.status()
    total = sum(min(times) for times in runs.values())
    nlp_seconds = stage_seconds.get("nlp.spacy.v1") or 0.0
    print(
        json.dumps(
            {
                "repeat": repeat,
                "documents": len(articles),
                "characters": sum(len(t) for t in texts),
                "tokens": tokens,
                "bare_spacy_s": round(bare, 3),
                "bare_spacy_tokens_per_s": round(tokens / bare),
                "pipeline_s": round(total, 3),
                "pipeline_vs_bare_spacy": round(total / bare, 3),
                "docs_per_s": round(len(articles) / total, 1),
                "stage_s": stage_seconds,
                "stage_share_of_nlp": {
                    k: round(v / nlp_seconds, 3)
                    for k, v in stage_seconds.items()
                    if nlp_seconds and k != "nlp.spacy.v1"
                },
                # whether the quote stage ran compiled (`make native`), and why
                "quote_stage_compiled": compiled.active,
                "native": compiled.reason,
                "peak_rss_mb": round(
                    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                ),
            }
        )
    )


def _at_least_one(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("takes a whole number of at least 1")
    return number


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=_at_least_one, default=3)
    parser.add_argument("paths", nargs="*")
    options = parser.parse_args()
    main(options.paths, options.repeat)
