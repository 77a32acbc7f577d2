from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportedly.cli import cli

ARTICLE = """Ministry rejects border claims

The Hillside Gazette

NORTHTOWN -- The interior ministry on Monday rejected claims that troops had
crossed the border, a spokesman said.

"Nothing of the sort happened," the spokesman told reporters.

Do you like this article?
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(
        ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8"
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def _invoke(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    "args",
    [["--help"], ["-h"], ["run", "-h"], ["ingest", "--help"], ["extract", "-h"],
     ["stats", "-h"], ["show", "-h"], ["stages", "-h"], ["config", "show", "-h"],
     ["eval", "cleaning", "-h"], ["--version"]],
)  # fmt: skip
def test_cli_help(args: list[str]) -> None:
    result = _invoke(*args)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]


@pytest.mark.parametrize("missing", ["no/such/file.txt"])
def test_cli_ingest_reports_bad_inputs_and_keeps_the_rest(
    corpus: Path, tmp_path: Path, missing: str
) -> None:
    db = str(tmp_path / "t.duckdb")
    result = _invoke("ingest", str(corpus), missing, "--db", db, "--no-progress")
    out = result.output  # type: ignore[attr-defined]
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "empty.txt" in out
    assert missing in out
    assert "2 inputs failed" in out
    stats = json.loads(_invoke("stats", "--db", db, "--json").output)  # type: ignore[attr-defined]
    assert stats["documents"] == 2
    assert stats["failures"] == 2
    # ingesting again adds nothing
    _invoke("ingest", str(corpus), "--db", db, "--no-progress")
    again = json.loads(_invoke("stats", "--db", db, "--json").output)  # type: ignore[attr-defined]
    assert again["documents"] == 2
    assert again["regions"] == stats["regions"]


@pytest.mark.parametrize("kind", ["furniture"])
def test_cli_show_marks_regions(corpus: Path, tmp_path: Path, kind: str) -> None:
    db = str(tmp_path / "t.duckdb")
    _invoke("ingest", str(corpus / "a.txt"), "--db", db, "--no-progress")
    ids = json.loads(_invoke("stats", "--db", db, "--json").output)  # type: ignore[attr-defined]
    assert ids["documents"] == 1
    from reportedly import Store, list_documents

    with Store(db, read_only=True) as store:
        doc_id = list_documents(store)[0][0]
    result = _invoke("show", doc_id[:6], "--db", db)
    out = result.output  # type: ignore[attr-defined]
    assert result.exit_code == 0, out  # type: ignore[attr-defined]
    assert f"{kind:<10} │ Do you like this article?" in out
    assert "body       │ NORTHTOWN -- The interior ministry" in out
    as_json = json.loads(_invoke("show", doc_id, "--db", db, "--json").output)  # type: ignore[attr-defined]
    assert as_json["doc_id"] == doc_id


@pytest.mark.parametrize("doc_id", ["ffff"])
def test_cli_show_unknown_document(tmp_path: Path, corpus: Path, doc_id: str) -> None:
    db = str(tmp_path / "t.duckdb")
    _invoke("ingest", str(corpus / "a.txt"), "--db", db, "--no-progress")
    result = _invoke("show", doc_id, "--db", db)
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "No document 'ffff'" in result.output  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", ["stats", "show"])
def test_cli_missing_database_is_a_clear_error(tmp_path: Path, command: str) -> None:
    args = [command] + (["abc"] if command == "show" else [])
    result = _invoke(*args, "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "No database at" in result.output  # type: ignore[attr-defined]


@pytest.mark.parametrize("stage_name", ["clean.v1"])
def test_cli_stages_and_config_show(stage_name: str) -> None:
    assert stage_name in _invoke("stages").output  # type: ignore[attr-defined]
    shown = json.loads(_invoke("config", "show").output)  # type: ignore[attr-defined]
    assert stage_name in shown["pipeline"]["stages"]


@pytest.mark.parametrize("toml", ["[pipeline]\nstages = ['nope.v1']\n"])
def test_cli_bad_config_is_one_clear_line(
    tmp_path: Path, corpus: Path, toml: str
) -> None:
    config = tmp_path / "r.toml"
    config.write_text(toml)
    result = _invoke("run", str(corpus), "--config", str(config), "--db",
                     str(tmp_path / "x.duckdb"), "--no-progress")  # fmt: skip
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "Unknown stage 'nope.v1'" in result.output  # type: ignore[attr-defined]
    assert "Traceback" not in result.output  # type: ignore[attr-defined]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl"])
def test_cli_extract_jsonl_spans_match(corpus: Path, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--format", fmt])
    assert result.exit_code == 1  # the empty file failed
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 2
    for doc in docs:
        assert set(doc) == {"doc_id", "text", "meta", "regions", "mentions", "quotes",
                            "events"}  # fmt: skip
        for region in doc["regions"]:
            assert doc["text"][region["start"] : region["end"]] == region["text"]


@pytest.mark.parametrize("line", ["documents", "comments", "outlets:"])
def test_cli_stats_text_output(corpus: Path, tmp_path: Path, line: str) -> None:
    db = str(tmp_path / "t.duckdb")
    _invoke("ingest", str(corpus / "a.txt"), "--db", db, "--no-progress")
    out = _invoke("stats", "--db", db).output  # type: ignore[attr-defined]
    assert line in out
    assert "The Hillside Gazette" in out


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_cli_actors_on_a_store_without_mentions(
    corpus: Path, tmp_path: Path, flag: list[str]
) -> None:
    db = str(tmp_path / "t.duckdb")
    _invoke("ingest", str(corpus / "a.txt"), "--db", db, "--no-progress")
    result = _invoke("actors", "--db", db, *flag)
    assert result.exit_code == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize("misses", ["5"])
def test_cli_eval_cleaning(tmp_path: Path, misses: str) -> None:
    text = "A headline here\n\nThe minister said the talks had failed.\n"
    start = text.index("the talks")
    gold = {
        "doc_id": "d1", "annotator": "x", "text": text,
        "quotes": [{"cue": {"start": start - 5, "end": start - 1, "text": "said"},
                    "sources": [], "contents": [
                        {"start": start, "end": len(text) - 2, "text": "x"}]}],
    }  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    result = _invoke("eval", "cleaning", str(path), "--misses", misses)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    numbers = json.loads(result.output.splitlines()[0])  # type: ignore[attr-defined]
    assert numbers["n_docs"] == 1
    assert numbers["misclassified_chars"] == 0


@pytest.mark.slow
@pytest.mark.parametrize("stdin", ['{"id": "s1", "text": "Officials met in Rome."}\n'])
def test_cli_extract_from_stdin(stdin: str) -> None:
    result = CliRunner().invoke(cli, ["extract", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["doc_id"] == "s1"
    assert doc["text"] == "Officials met in Rome."


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["person"])
def test_cli_actors_lists_people_with_roles(tmp_path: Path, kind: str) -> None:
    text = (
        "Envoy warns of unrest\n\nForeign Minister Anna Berg said on Monday that "
        "Russia had moved troops. Berg, a former ambassador to Norway, added that "
        "talks would go on.\n"
    )
    source = tmp_path / "a.txt"
    source.write_text(text, encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    assert _invoke("run", str(source), "--db", db, "--no-progress").exit_code == 0  # type: ignore[attr-defined]
    out = _invoke("actors", "--db", db, "--kind", kind, "--json").output  # type: ignore[attr-defined]
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["name"] for r in rows] == ["Anna Berg"]
    assert rows[0]["mentions"] == 2
    assert any("Foreign Minister" in role for role in rows[0]["roles"])


@pytest.mark.slow
def test_cli_eval_provenance_scores_each_file(tmp_path: Path) -> None:
    record = {
        "id": "p1",
        "text": "Ruritania will expel two diplomats, the ministry said.",
        "outlet": "Wire",
        "published": "2024-05-02",
        "expected": {
            "category": "SANCTION",
            "polarity": "asserted",
            "certainty": "future",
            "historical": False,
            "asserters": [
                {"kind": "outlet", "name": "Wire"},
                {"kind": "speaker", "name": "ministry"},
            ],
        },
    }
    paths = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps(record) + "\n")
        paths.append(str(path))
    result = _invoke("eval", "provenance", *paths)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    lines = result.output.splitlines()  # type: ignore[attr-defined]
    assert [line for line in lines if line.startswith("== ")] == [
        f"== {p}" for p in paths
    ]
    assert sum(line.startswith("n=1 ") for line in lines) == 2
