"""Bulk writes: whole DataFrames or Arrow tables at once, never a row at a time."""

import duckdb


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame) -> int:
    """Append `frame` (a pandas DataFrame or an Arrow table) to `table`, matching columns by
    name; return the number of rows."""
    if len(frame) == 0:
        return 0
    names = frame.column_names if hasattr(frame, "column_names") else list(frame.columns)
    con.register("_incoming", frame)
    try:
        columns = ", ".join(f'"{c}"' for c in names)
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming")
    finally:
        con.unregister("_incoming")
    return len(frame)


def replace_rows(con: duckdb.DuckDBPyConnection, table: str, frame, where: str = "TRUE") -> int:
    """Delete the rows of `table` matching `where`, then insert `frame` in bulk."""
    con.execute(f"DELETE FROM {table} WHERE {where}")
    return insert_frame(con, table, frame)
