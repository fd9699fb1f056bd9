"""Exports: every table as Parquet and CSV, the graph as GraphML and node-link JSON."""

import json
from pathlib import Path

import networkx as nx

from graph.network import graph_from_tables
from warehouse.read import connect_readonly

TABLES = (
    "sources",
    "crawl_runs",
    "documents_latest",
    "entities",
    "aliases",
    "mentions",
    "claims",
    "milestones",
    "milestone_claims",
    "milestone_targets",
    "graph_nodes",
    "graph_edges",
    "curation",
)


def export_all(
    db: Path, out: Path, formats: tuple[str, ...] = ("parquet", "csv", "graphml", "json")
) -> list[Path]:
    """Write the exports under `out`; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with connect_readonly(db) as con:
        for table in TABLES:
            frame = con.execute(f"SELECT * FROM {table}").df()
            if "parquet" in formats:
                written.append(out / f"{table}.parquet")
                frame.to_parquet(written[-1], index=False)
            if "csv" in formats:
                written.append(out / f"{table}.csv")
                frame.to_csv(written[-1], index=False)
        G = graph_from_tables(
            con.execute("SELECT * FROM graph_nodes").df(),
            con.execute("SELECT * FROM graph_edges").df(),
        )
        if "graphml" in formats:
            written.append(out / "graph.graphml")
            nx.write_graphml(G, written[-1])
        if "json" in formats:
            # node-link JSON: what d3, Cytoscape and networkx.node_link_graph read.
            written.append(out / "graph.json")
            data = nx.node_link_data(G, edges="links")
            written[-1].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return written
