"""Bulk writes: whole DataFrames, Arrow tables or lists of records at once, never a row at a time."""

import duckdb

FEW = 200  # up to this many records go in one prepared insert; more go through Arrow


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame) -> int:
    """Append `frame` (a pandas DataFrame, an Arrow table, or a list of dicts with the same keys)
    to `table`, matching columns by name; return the number of rows."""
    if len(frame) == 0:
        return 0
    if isinstance(frame, list):
        return _insert_records(con, table, frame)
    names = frame.column_names if hasattr(frame, "column_names") else list(frame.columns)
    con.register("_incoming", frame)
    try:
        columns = ", ".join(f'"{c}"' for c in names)
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming")
    finally:
        con.unregister("_incoming")
    return len(frame)


def _insert_records(con: duckdb.DuckDBPyConnection, table: str, records: list[dict]) -> int:
    if len(records) > FEW:
        import pyarrow as pa

        return insert_frame(con, table, pa.Table.from_pylist(records))
    # A few rows: building an Arrow table imports pandas, which takes longer than the insert.
    names = list(records[0])
    columns = ", ".join(f'"{c}"' for c in names)
    marks = ", ".join("?" for _ in names)
    con.executemany(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})",
        [[record[name] for name in names] for record in records],
    )
    return len(records)


def replace_rows(con: duckdb.DuckDBPyConnection, table: str, frame, where: str = "TRUE") -> int:
    """Delete the rows of `table` matching `where`, then insert `frame` in bulk."""
    con.execute(f"DELETE FROM {table} WHERE {where}")
    return insert_frame(con, table, frame)
