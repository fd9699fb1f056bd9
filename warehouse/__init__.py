"""The DuckDB warehouse: schema migrations, the write model, named queries.

Every stage reads and writes through this package; it imports none of them.
"""

from warehouse.errors import SpaceraceError, WarehouseLocked, WarehouseMissing
from warehouse.paths import resolve_db_path

__all__ = ["SpaceraceError", "WarehouseLocked", "WarehouseMissing", "resolve_db_path"]
