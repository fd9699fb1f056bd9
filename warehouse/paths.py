"""Where the published warehouse lives and where updates stage their copy."""

import os
from pathlib import Path

from warehouse.errors import SpaceraceError

DEFAULT_DB = "warehouse.duckdb"
DEFAULT_BACKUPS = 2


def resolve_db_path(db: str | os.PathLike | None = None) -> Path:
    """The warehouse file: the --db value, else $SPACERACE_DB, else ./warehouse.duckdb; an
    error names the setting when that is a folder or lies in a folder that does not exist."""
    setting = "--db" if db else "SPACERACE_DB" if os.environ.get("SPACERACE_DB") else "the default"
    path = Path(db or os.environ.get("SPACERACE_DB") or DEFAULT_DB).expanduser().resolve()
    if path.is_dir():
        raise SpaceraceError(
            f"{setting} names {path}, which is a folder: give the warehouse file, e.g. "
            f"{path / DEFAULT_DB}"
        )
    if not path.parent.is_dir():
        raise SpaceraceError(
            f"{setting} names {path}, in a folder that does not exist: create {path.parent} "
            "or choose another place"
        )
    return path


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
