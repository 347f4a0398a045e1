"""Commands of the core: db, load, ingest, reverse, export."""

from __future__ import annotations

import click

from cec_batch.cli import main


@main.group()
def db():
    """The store's schema."""
