"""What the command-line modules share: the one-line error, the settings, the store, the settings option."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from treve.config import Settings, load_settings
from treve.errors import StoreError, TreveError

if TYPE_CHECKING:
    from treve.store.repository import Store

stderr = Console(stderr=True)
Config = Annotated[Path | None, typer.Option(help="Settings file (TOML).")]


def print_error(problem: TreveError | str) -> None:
    stderr.print(f"[red]error:[/red] {problem}", highlight=False, soft_wrap=True)


def print_warning(problem: str) -> None:
    stderr.print(f"[yellow]warning:[/yellow] {problem}", highlight=False, soft_wrap=True)


def fail(problem: TreveError | str, status: int) -> typer.Exit:
    """Print the one line that says what is wrong; the caller raises the returned Exit."""
    print_error(problem)
    return typer.Exit(status)


def settings_from(config: Path | None, **overrides: Any) -> Settings:
    try:
        return load_settings(config, **overrides)
    except TreveError as exc:
        raise fail(exc, 2) from exc


def open_store_from(settings: Settings) -> Store:
    """Open the store; SQLAlchemy and Alembic load here, for the commands that use them only."""
    from treve.store.repository import StoreRules, open_store

    try:
        return open_store(settings.db, StoreRules.from_settings(settings))
    except StoreError as exc:
        raise fail(exc, 2) from exc


def gazetteer_path(config: Path | None) -> Path:
    from treve.resources.gazetteer import default_path

    configured = settings_from(config).gazetteer_path
    return Path(configured).expanduser() if configured else default_path()
