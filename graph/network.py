"""The knowledge graph as node and edge rows (graph_nodes, graph_edges), built in bulk from
entities, milestones and claims, and read back as a networkx MultiDiGraph."""

import json

import networkx as nx
import pandas as pd

NODE_COLUMNS = ["node_id", "kind", "label", "nation"]
EDGE_COLUMNS = ["source_node", "target_node", "kind", "status", "date", "attrs"]
MILESTONE_COLUMNS = ["milestone_id", "entity_id", "capability", "status", "date"]
NOT_ACTORS = ("nation", "capability", "milestone", "document")


def graph_frames(
    entities: pd.DataFrame,
    milestones: pd.DataFrame,
    claims: pd.DataFrame,
    owners: dict[str, str | None] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodes, edges). Nodes: actors, nations, capabilities, milestones, documents. Edges:
    based_in (actor -> nation), part_of (programme or unit -> owner), leads (person ->
    organisation), pursues (actor -> milestone, with status and date), of (milestone ->
    capability), evidences (document -> milestone), partners_with. Column operations only: a
    million claims would take minutes as networkx calls."""
    if milestones.empty:  # merge_claims gives a frame without columns when there are no claims
        milestones = pd.DataFrame(columns=MILESTONE_COLUMNS)
    actors = entities.rename(columns={"entity_id": "node_id", "type": "kind"})
    actors = actors.assign(label=actors.display_name)[NODE_COLUMNS]
    based = actors[actors.nation.notna() & actors.kind.ne("nation")]
    nation_ids = "nation:" + based.nation
    nations = pd.DataFrame({"node_id": nation_ids, "kind": "nation", "label": based.nation,
                            "nation": based.nation})  # fmt: skip
    milestone_ids = "milestone:" + milestones.milestone_id
    capability_ids = "capability:" + milestones.capability
    nodes = [
        actors,
        nations,
        _nodes(milestone_ids, "milestone", milestones.capability + " (" + milestones.status + ")"),
        _nodes(capability_ids, "capability", milestones.capability),
    ]
    edges = [
        _edges(based.node_id, nation_ids, "based_in"),
        _edges(milestones.entity_id, milestone_ids, "pursues", milestones.status, milestones.date),
        _edges(milestone_ids, capability_ids, "of"),
    ]
    documents, evidences = _evidence(claims)
    edges += [evidences, _partnerships(claims)]
    nodes = pd.concat([*nodes, documents], ignore_index=True).drop_duplicates("node_id")
    edges.append(_affiliations(nodes, owners or {}))
    edges = pd.concat(edges, ignore_index=True)
    return _with_edge_ends(nodes, edges), edges


def _nodes(ids: pd.Series, kind: str, labels: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {"node_id": ids.values, "kind": kind, "label": labels.values, "nation": None}
    )


def _edges(source, target, kind: str, status=None, date=None, attrs: str | pd.Series = "{}"):
    return pd.DataFrame(
        {"source_node": pd.Series(source).values, "target_node": pd.Series(target).values,
         "kind": kind, "status": status if status is None else pd.Series(status).values,
         "date": date if date is None else pd.Series(date).values,
         "attrs": attrs if isinstance(attrs, str) else attrs.values},
        columns=EDGE_COLUMNS,
    )  # fmt: skip


def _evidence(claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    linked = claims[claims.milestone_id.notna()]
    documents = linked.drop_duplicates("doc_id")
    nodes = _nodes("document:" + documents.doc_id, "document", documents.url)
    # Claim ids are hex digests: no character needs escaping, so no encoder per row.
    attrs = '{"claim": "' + linked.claim_id.astype(str) + '"}'
    edges = _edges("document:" + linked.doc_id, "milestone:" + linked.milestone_id, "evidences",
                   attrs=attrs)  # fmt: skip
    return nodes, edges


def _partnerships(claims: pd.DataFrame) -> pd.DataFrame:
    """Two organisations named by one sentence on one capability are partners on it (one edge
    per sentence, from the first in alphabetical order)."""
    where = ["doc_id", "start_char", "capability"]
    said = claims[[*where, "entity_id"]].drop_duplicates()
    pairs = said.merge(said, on=where, suffixes=("_a", "_b"))
    pairs = pairs[pairs.entity_id_a < pairs.entity_id_b].sort_values(where, kind="stable")
    attrs = pd.Series([json.dumps({"capability": c}) for c in pairs.capability], dtype=object)
    return _edges(pairs.entity_id_a, pairs.entity_id_b, "partners_with", attrs=attrs)


def _affiliations(nodes: pd.DataFrame, owners: dict[str, str | None]) -> pd.DataFrame:
    """part_of from each actor's owner (Starlink -> SpaceX), leads from the gazetteer's heads of
    organisations (Jared Isaacman -> NASA), between actors the graph holds."""
    from nlp import gazetteer

    actors = nodes.node_id[~nodes.kind.isin(NOT_ACTORS)].tolist()
    known = set(actors)
    heads = gazetteer.actors()
    rows = [(a, owners[a], "part_of") for a in actors if owners.get(a) in known and owners[a] != a]
    rows += [(a, heads[a].leads, "leads") for a in actors if a in heads and heads[a].leads in known]
    frame = pd.DataFrame(rows, columns=["source_node", "target_node", "kind"])
    return frame.reindex(columns=EDGE_COLUMNS).assign(attrs="{}")


def _with_edge_ends(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """A node only an edge names (an actor no entity row describes) is still a node."""
    ends = pd.concat([edges.source_node, edges.target_node]).drop_duplicates()
    missing = ends[~ends.isin(nodes.node_id)]
    return pd.concat([nodes, _nodes(missing, "actor", missing)], ignore_index=True)


def graph_from_tables(nodes: pd.DataFrame, edges: pd.DataFrame) -> nx.MultiDiGraph:
    """The graph as a networkx MultiDiGraph (for exports and analysis), attributes as GraphML
    can hold them; a node without a rank or community has none."""
    G = nx.MultiDiGraph()
    for n in nodes.itertuples():
        G.add_node(n.node_id, kind=n.kind, label=n.label, nation=n.nation or "")
        if "pagerank" in nodes and pd.notna(n.pagerank):
            G.nodes[n.node_id]["pagerank"] = float(n.pagerank)
        if "community" in nodes and pd.notna(n.community):
            G.nodes[n.node_id]["community"] = int(n.community)
    for e in edges.itertuples():
        G.add_edge(
            e.source_node, e.target_node, kind=e.kind, status=e.status or "", date=e.date or ""
        )
    return G
