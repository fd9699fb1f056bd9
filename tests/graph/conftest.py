"""A fresh, migrated warehouse to write small cases into."""

import duckdb
import pytest

from warehouse.publish import staged_update


@pytest.fixture
def warehouse(tmp_path):
    """A write connection to an empty warehouse made the way every update makes one."""
    path = tmp_path / "w.duckdb"
    with staged_update(path):
        pass
    con = duckdb.connect(str(path))
    yield con
    con.close()
