"""Where the published warehouse lives and where updates stage their copy."""

import os
from pathlib import Path

from warehouse.errors import SpaceraceError

DEFAULT_DB = "warehouse.duckdb"
DEFAULT_BACKUPS = 2


def resolve_db_path(db: str | os.PathLike | None = None) -> Path:
    """The warehouse file: the --db value, else $SPACERACE_DB, else ./warehouse.duckdb."""
    chosen = db or os.environ.get("SPACERACE_DB") or DEFAULT_DB
    return Path(chosen).expanduser().resolve()


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def staging_path(db: Path) -> Path:
    return db.with_name(f"{db.name}.staging-{os.getpid()}")


def backup_path(db: Path, n: int = 1) -> Path:
    """The n-th previous warehouse: warehouse.duckdb.bak, then .bak.2, .bak.3..."""
    return db.with_name(db.name + ".bak" + (f".{n}" if n > 1 else ""))


def backups_to_keep() -> int:
    """How many previous warehouses a publication keeps: $SPACERACE_BACKUPS, default 2."""
    text = os.environ.get("SPACERACE_BACKUPS", "").strip()
    if not text:
        return DEFAULT_BACKUPS
    if not text.isdigit() or int(text) > 100:
        raise SpaceraceError(
            f"SPACERACE_BACKUPS is {text!r}: give how many previous warehouses to keep, "
            "a whole number from 0 to 100"
        )
    return int(text)
