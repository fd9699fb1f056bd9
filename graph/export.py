"""Exports: every table as Parquet and CSV, the graph as GraphML."""

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
    db: Path, out: Path, formats: tuple[str, ...] = ("parquet", "csv", "graphml")
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
        if "graphml" in formats:
            G = graph_from_tables(
                con.execute("SELECT * FROM graph_nodes").df(),
                con.execute("SELECT * FROM graph_edges").df(),
            )
            written.append(out / "graph.graphml")
            nx.write_graphml(G, written[-1])
    return written
