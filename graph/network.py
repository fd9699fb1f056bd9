"""The knowledge graph (a networkx MultiDiGraph) built from entities and milestones."""

import json

import networkx as nx
import pandas as pd


def build_graph(
    entities: pd.DataFrame,
    milestones: pd.DataFrame,
    claims: pd.DataFrame,
    owners: dict[str, str | None] | None = None,
) -> nx.MultiDiGraph:
    """Nodes: actors, nations, capabilities, milestones, documents. Edges: based_in (actor ->
    nation), part_of (programme or unit -> owner), leads (person -> organisation), pursues (actor
    -> milestone, with status and date), of (milestone -> capability), evidences (document ->
    milestone), partners_with."""
    G = nx.MultiDiGraph()
    for e in entities.itertuples():
        G.add_node(e.entity_id, kind=e.type, label=e.display_name, nation=e.nation)
        if e.nation and e.type != "nation":
            G.add_node(f"nation:{e.nation}", kind="nation", label=e.nation, nation=e.nation)
            G.add_edge(e.entity_id, f"nation:{e.nation}", kind="based_in")
    for m in milestones.itertuples():
        node = f"milestone:{m.milestone_id}"
        G.add_node(node, kind="milestone", label=f"{m.capability} ({m.status})", nation=None)
        G.add_node(f"capability:{m.capability}", kind="capability", label=m.capability, nation=None)
        G.add_edge(m.entity_id, node, kind="pursues", status=m.status, date=m.date)
        G.add_edge(node, f"capability:{m.capability}", kind="of")
    add_evidence(G, milestones, claims)
    add_partnerships(G, claims)
    add_affiliations(G, owners or {})
    return G


def add_affiliations(G: nx.MultiDiGraph, owners: dict[str, str | None]) -> None:
    """part_of from each actor's owner (Starlink -> SpaceX), leads from the gazetteer's heads of
    organisations (Jared Isaacman -> NASA), between actors the graph holds."""
    from nlp import gazetteer

    actors = [n for n, d in G.nodes(data=True) if d.get("kind") not in NOT_ACTORS]
    for node in actors:
        known = gazetteer.actors().get(node)
        if (owner := owners.get(node)) and owner in G and owner != node:
            G.add_edge(node, owner, kind="part_of")
        if known and known.leads and known.leads in G:
            G.add_edge(node, known.leads, kind="leads")


NOT_ACTORS = ("nation", "capability", "milestone", "document")


def add_evidence(G: nx.MultiDiGraph, milestones: pd.DataFrame, claims: pd.DataFrame) -> None:
    linked = claims[claims.milestone_id.notna()]
    documents = linked.drop_duplicates("doc_id")
    G.add_nodes_from(
        (f"document:{d}", {"kind": "document", "label": url, "nation": None})
        for d, url in zip(documents.doc_id, documents.url, strict=True)
    )
    G.add_edges_from(
        (f"document:{d}", f"milestone:{m}", {"kind": "evidences", "claim": c})
        for d, m, c in zip(linked.doc_id, linked.milestone_id, linked.claim_id, strict=True)
    )


def add_partnerships(G: nx.MultiDiGraph, claims: pd.DataFrame) -> None:
    """Two organisations named by one sentence on one capability are partners on it (one edge
    per sentence, from the first in alphabetical order)."""
    where = ["doc_id", "start_char", "capability"]
    said = claims[[*where, "entity_id"]].drop_duplicates()
    pairs = said.merge(said, on=where, suffixes=("_a", "_b"))
    pairs = pairs[pairs.entity_id_a < pairs.entity_id_b].sort_values(where, kind="stable")
    G.add_edges_from(
        (a, b, {"kind": "partners_with", "capability": c})
        for a, b, c in zip(pairs.entity_id_a, pairs.entity_id_b, pairs.capability, strict=True)
    )


def graph_tables(G: nx.MultiDiGraph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """graph_nodes and graph_edges rows, with PageRank as each node's centrality and its
    community (Louvain among actors and nations, seeded so a rebuild gives the same)."""
    # On the multigraph itself: parallel edges (several reports) weigh more, and no copy is made.
    rank = nx.pagerank(G) if len(G) else {}
    community = communities(G)
    nodes = pd.DataFrame(
        [
            {
                "node_id": n,
                # A node only an edge named (an actor no entity row describes) is still a node.
                "kind": d.get("kind", "actor"),
                "label": str(d.get("label", n)),
                "nation": d.get("nation"),
                "pagerank": rank.get(n, 0.0),
                "attrs": json.dumps({}),
                "community": community.get(n),
            }
            for n, d in G.nodes(data=True)
        ]
    )
    if len(nodes):
        nodes["community"] = nodes.community.astype("Int64")  # NULL for milestones, documents
    edges = pd.DataFrame(
        [
            {
                "source_node": u,
                "target_node": v,
                "kind": d["kind"],
                "status": d.get("status"),
                "date": d.get("date"),
                "attrs": _attrs(d),
            }
            for u, v, d in G.edges(data=True)
        ]
    )
    return nodes, edges


SHOWN = ("kind", "status", "date")


def _attrs(data: dict) -> str:
    if len(data) == 2 and "claim" in data:  # evidences, most of the edges: no encoder needed
        return f'{{"claim": "{data["claim"]}"}}'
    return json.dumps({k: v for k, v in data.items() if k not in SHOWN})


def communities(G: nx.MultiDiGraph) -> dict[str, int]:
    """actor or nation node -> community number, the largest community 0. Found among actors and
    nations only (who works with, belongs to or leads whom): milestones and documents would
    only echo the actors' own neighbourhoods, at many times the cost."""
    keep = [
        n
        for n, d in G.nodes(data=True)
        if d.get("kind") not in ("milestone", "document", "capability")
    ]
    actors = nx.Graph(G.subgraph(keep))
    if not len(actors):
        return {}
    found = nx.community.louvain_communities(actors, seed=0)
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    return {node: i for i, members in enumerate(ordered) for node in members}


def graph_from_tables(nodes: pd.DataFrame, edges: pd.DataFrame) -> nx.MultiDiGraph:
    """The persisted graph read back (for exports), attributes as GraphML can hold them."""
    G = nx.MultiDiGraph()
    for n in nodes.itertuples():
        G.add_node(
            n.node_id,
            kind=n.kind,
            label=n.label,
            nation=n.nation or "",
            pagerank=float(n.pagerank),
            community=-1 if pd.isna(n.community) else int(n.community),
        )
    for e in edges.itertuples():
        G.add_edge(
            e.source_node, e.target_node, kind=e.kind, status=e.status or "", date=e.date or ""
        )
    return G
