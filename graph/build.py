"""The build stage over the warehouse: resolve, merge, graph; each run rebuilds its tables whole."""

import duckdb
import pandas as pd

from graph.curation import CURATION_SQL, apply_nations, apply_to_claims, curated_keys
from graph.events import story_ids
from graph.milestones import CLAIMS_SQL, merge_claims, target_history
from graph.national_index import index_weights
from graph.network import build_graph, graph_tables
from graph.resolve import ENTITY_SQL, resolve_entities, unmentioned_entities
from warehouse.write import replace_rows

DOCUMENT_TEXTS_SQL = "SELECT doc_id, text FROM documents_latest"


def build(con: duckdb.DuckDBPyConnection) -> dict:
    """Rebuild entities, aliases, milestones, targets and the graph from mentions and claims."""
    curation = con.execute(CURATION_SQL).df()
    mentions = con.execute(ENTITY_SQL).df()
    entities, aliases, key_map = resolve_entities(mentions, curated_keys(curation))
    claims = apply_to_claims(con.execute(CLAIMS_SQL).df(), curation)
    claims["entity_id"] = claims.actor_key.map(key_map).fillna(claims.actor_key)
    claims["story"] = claims.doc_id.map(story_ids(con.execute(DOCUMENT_TEXTS_SQL).df()))
    missing = set(claims.entity_id) - set(entities.entity_id if len(entities) else [])
    if missing:
        entities = pd.concat([entities, unmentioned_entities(missing)], ignore_index=True)
    entities = apply_nations(entities, curation)
    owners = dict(mentions.groupby("actor_key").actor_owner.first())
    nations = dict(zip(entities.entity_id, entities.nation, strict=True)) if len(entities) else {}
    milestones, links = merge_claims(claims, owners, nations)
    if len(links):
        claims = claims.merge(links, on="claim_id", how="left")
    else:
        claims["milestone_id"] = None
    G = build_graph(entities, milestones, claims, owners)
    nodes, edges = graph_tables(G)
    for table, frame in (
        ("entities", entities),
        ("aliases", aliases),
        ("milestones", milestones),
        ("milestone_claims", links),
        ("milestone_targets", target_history(claims)),
        ("graph_nodes", nodes),
        ("graph_edges", edges),
        ("index_weights", index_weights()),
    ):
        replace_rows(con, table, frame)
    return {
        "entities": len(entities),
        "milestones": len(milestones),
        "nodes": len(nodes),
        "edges": len(edges),
    }
