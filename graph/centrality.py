"""Who is central to the race and who works with whom: PageRank and Louvain communities,
computed with networkx on the graph's actor layer."""

import networkx as nx
import pandas as pd

LAYER = ("milestone", "document")  # kinds outside the actor layer: they get no rank
TIES = ("based_in", "part_of", "leads", "partners_with")


def actor_layer(nodes: pd.DataFrame, edges: pd.DataFrame) -> nx.Graph:
    """Actors, nations and capabilities, undirected and weighted. Each actor is tied to the
    capabilities it pursues, weighted by the claims behind its milestones on each (so evidence
    counts), and to its nation, owner, head and partners, weighted by how often. Milestones and
    documents fold into those weights: as nodes of their own they would be most of the graph
    and leave the actors' ranking nearly unchanged."""
    G = nx.Graph()
    G.add_nodes_from(nodes.node_id[~nodes.kind.isin(LAYER)])
    kind = edges.kind
    weight = edges.target_node[kind == "evidences"].value_counts()
    ends = ["source_node", "target_node"]
    pursued = edges.loc[kind == "pursues", ends].merge(
        edges.loc[kind == "of", ends], left_on="target_node", right_on="source_node"
    )
    pursued = pd.DataFrame({
        "a": pursued.source_node_x, "b": pursued.target_node_y,
        "w": pursued.target_node_x.map(weight).fillna(0).clip(lower=1),
    })  # fmt: skip
    ties = edges[edges.kind.isin(TIES)]
    ties = pd.DataFrame({"a": ties.source_node, "b": ties.target_node, "w": 1})
    both = pd.concat([pursued, ties], ignore_index=True)
    first = both.a.where(both.a < both.b, both.b)
    both = both.assign(b=both.a.where(both.a >= both.b, both.b), a=first)
    summed = both.groupby(["a", "b"], sort=False).w.sum()
    G.add_weighted_edges_from((a, b, float(w)) for (a, b), w in summed.items() if a in G and b in G)
    return G


def communities(G: nx.Graph) -> dict[str, int]:
    """actor or nation node -> community number, the largest community 0, the same on every
    rebuild (seeded). Found among actors and nations (who works with, belongs to or leads
    whom): capabilities would join everyone who pursues the same thing."""
    actors = nx.Graph()  # a copy, not a subgraph view: Louvain walks it many times
    actors.add_nodes_from(n for n in G if not _capability(n))
    actors.add_edges_from(
        (a, b, d) for a, b, d in G.edges(data=True) if not (_capability(a) or _capability(b))
    )
    if not len(actors):
        return {}
    found = nx.community.louvain_communities(actors, seed=0)
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    return {node: i for i, members in enumerate(ordered) for node in members}


def _capability(node) -> bool:
    return str(node).startswith("capability:")


def with_rank_and_community(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """nodes with `pagerank` (in the actor layer; NULL for milestones and documents) and
    `community` (actors and nations; NULL otherwise)."""
    G = actor_layer(nodes, edges)
    rank = nx.pagerank(G, weight="weight") if len(G) else {}
    return nodes.assign(
        pagerank=nodes.node_id.map(rank),
        community=nodes.node_id.map(communities(G)).astype("Int64"),
        attrs="{}",
    )
