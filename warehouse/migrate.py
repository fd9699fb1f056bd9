"""Numbered SQL migrations, applied in order and recorded in `schema_migrations`."""

from importlib import resources

import duckdb

from warehouse.clock import utcnow

MIGRATIONS_TABLE = "schema_migrations"


def available_migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) for every migrations/NNN_name.sql, in order."""
    folder = resources.files("warehouse") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number = int(entry.name.split("_", 1)[0])
            found.append((number, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(con: duckdb.DuckDBPyConnection, upto: int | None = None) -> list[str]:
    """Apply the migrations this database has not seen (up to number `upto`); return their names."""
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {row[0] for row in con.execute(f"SELECT version FROM {MIGRATIONS_TABLE}").fetchall()}
    applied = []
    for number, name, sql in available_migrations():
        if number in done or (upto is not None and number > upto):
            continue
        con.execute("BEGIN")
        con.execute(sql)
        con.execute(f"INSERT INTO {MIGRATIONS_TABLE} VALUES (?, ?, ?)", [number, name, utcnow()])
        con.execute("COMMIT")
        applied.append(name)
    return applied
