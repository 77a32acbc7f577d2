"""The docs stay true: every command, stage and table is documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from reportedly.cli import cli
from reportedly.registry import available_stages
from reportedly.store import Store

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            out.extend(_commands(command, full + " "))
        else:
            out.append((full, command))
    return out


@pytest.mark.parametrize(("name", "command"), _commands(cli))
def test_docs_every_command_has_help_example_and_docs(
    name: str, command: click.Command
) -> None:
    assert command.help, name
    assert "Example:" in command.help, name
    assert f"## reportedly {name}" in (DOCS / "cli.md").read_text(), name


@pytest.mark.parametrize("name", available_stages())
def test_docs_every_stage_is_documented(name: str) -> None:
    assert f"`{name}`" in (DOCS / "stages.md").read_text()


def _tables() -> list[tuple[str, list[str]]]:
    with Store(":memory:") as store:
        rows = store.fetchall(
            "SELECT table_name, column_name FROM information_schema.columns "
            "ORDER BY table_name, ordinal_position"
        )
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        tables.setdefault(table, []).append(column)
    return sorted(tables.items())


@pytest.mark.parametrize(("table", "columns"), _tables())
def test_docs_schema_documents_every_table_and_column(
    table: str, columns: list[str]
) -> None:
    text = (DOCS / "schema.md").read_text()
    section = re.search(rf"### {table}\n(.*?)(?=\n### |\Z)", text, re.S)
    assert section, f"docs/schema.md has no section for table {table}"
    for column in columns:
        assert f"| {column} |" in section.group(1), f"{table}.{column}"
