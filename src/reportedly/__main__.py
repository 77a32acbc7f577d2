"""``python -m reportedly``: the same as the ``reportedly`` command."""

from .cli import cli

cli()
