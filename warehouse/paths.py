"""Where the published warehouse lives and where updates stage their copy."""

import os
from pathlib import Path

DEFAULT_DB = "warehouse.duckdb"


def resolve_db_path(db: str | os.PathLike | None = None) -> Path:
    """The warehouse file: the --db value, else $SPACERACE_DB, else ./warehouse.duckdb."""
    chosen = db or os.environ.get("SPACERACE_DB") or DEFAULT_DB
    return Path(chosen).expanduser().resolve()


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def staging_path(db: Path) -> Path:
    return db.with_name(f"{db.name}.staging-{os.getpid()}")


def backup_path(db: Path) -> Path:
    return db.with_name(db.name + ".bak")
