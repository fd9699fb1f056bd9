"""The build stage over a whole warehouse: a rebuild gives the same tables, keys stay unique."""

import gc
import shutil

import duckdb
import pandas as pd
import pytest

from graph.build import build, check_unique, paused_gc
from warehouse.errors import SpaceraceError

TABLES = {"entities": "entity_id", "milestones": "milestone_id", "graph_nodes": "node_id",
          "milestone_claims": "claim_id", "graph_edges": "source_node, target_node, kind, attrs"}  # fmt: skip


def snapshot(con) -> dict[str, list]:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall() for t, key in TABLES.items()}  # fmt: skip


def test_a_rebuild_of_the_demo_warehouse_gives_the_same_tables(built_db, tmp_path):
    copy = tmp_path / "w.duckdb"
    shutil.copy(built_db, copy)
    with duckdb.connect(str(copy)) as con:
        before = snapshot(con)
        build(con)
        assert snapshot(con) == before


def test_the_rebuilt_tables_hold_each_key_once(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        for table, key in [("entities", "entity_id"), ("milestones", "milestone_id"),
                           ("graph_nodes", "node_id"), ("aliases", "entity_id, alias"),
                           ("milestone_claims", "milestone_id, claim_id")]:  # fmt: skip
            twice = con.execute(
                f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)"
            ).fetchone()[0]
            assert twice == 0, table


def test_a_key_given_twice_stops_the_build_with_the_table_named():
    frame = pd.DataFrame({"node_id": ["spacex", "nasa", "spacex"]})
    with pytest.raises(SpaceraceError, match=r"graph_nodes would hold the same node_id twice"):
        check_unique(frame, ["node_id"], "graph_nodes")
    check_unique(frame.drop_duplicates(), ["node_id"], "graph_nodes")


def test_the_cycle_collector_is_paused_during_a_build_and_on_again_after_a_failure():
    with pytest.raises(SpaceraceError), paused_gc():
        assert not gc.isenabled()
        raise SpaceraceError("a build that fails")
    assert gc.isenabled()


def test_no_actor_of_the_demo_warehouse_is_shown_under_another_ones_name(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        shared = con.execute(
            "SELECT lower(display_name) FROM entities GROUP BY 1 HAVING count(*) > 1 UNION ALL "
            "SELECT lower(name) FROM entities GROUP BY 1 HAVING count(*) > 1"
        ).fetchall()
        taken = con.execute(
            "SELECT a.alias, a.entity_id, e.entity_id FROM aliases a JOIN entities e ON "
            "lower(a.alias) IN (lower(e.display_name), lower(e.name)) WHERE a.entity_id <> e.entity_id"
        ).fetchall()
    assert shared == [] and taken == []
