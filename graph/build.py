"""The build stage over the warehouse: resolve, merge, graph; each run rebuilds its tables whole."""

import gc
from contextlib import contextmanager

import duckdb
import pandas as pd

from graph.centrality import with_rank_and_community
from graph.curation import CURATION_SQL, apply_nations, apply_to_claims, curated_keys
from graph.events import story_ids
from graph.milestones import CLAIMS_SQL, merge_claims, target_history
from graph.national_index import index_weights
from graph.network import graph_frames
from graph.resolve import ENTITY_SQL, resolve_entities, unmentioned_entities
from warehouse.errors import SpaceraceError
from warehouse.write import replace_rows

DOCUMENT_TEXTS_SQL = "SELECT doc_id, text FROM documents_latest"


def check_unique(frame: pd.DataFrame, key: list[str], table: str) -> None:
    """The rebuilt tables hold no primary key (deleting from one is slow): their keys are
    checked here, before anything is written."""
    if len(frame) and frame.duplicated(key).any():
        twice = frame[frame.duplicated(key, keep=False)][key].head(3).to_dict("records")
        raise SpaceraceError(
            f"build: {table} would hold the same {', '.join(key)} twice ({twice}); nothing was "
            "written. This is a bug in spacerace: please report it with this message."
        )


def build(con: duckdb.DuckDBPyConnection) -> dict:
    """Rebuild entities, aliases, milestones, targets and the graph from mentions and claims."""
    with paused_gc():
        return _build(con)


@contextmanager
def paused_gc():
    """Python's cycle collector paused: the build makes millions of objects that live until it
    ends, and each full collection walks all of them (a tenth of the time at a million claims,
    growing faster than the claims). What the build leaves is collected once, after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
        gc.collect()


def _build(con: duckdb.DuckDBPyConnection) -> dict:
    curation = con.execute(CURATION_SQL).df()
    mentions = con.execute(ENTITY_SQL).df()
    entities, aliases, key_map = resolve_entities(mentions, curated_keys(curation))
    claims = apply_to_claims(con.execute(CLAIMS_SQL).df(), curation)
    claims["entity_id"] = claims.actor_key.map(key_map).fillna(claims.actor_key)
    claims["story"] = claims.doc_id.map(story_ids(con.execute(DOCUMENT_TEXTS_SQL).df()))
    missing = set(claims.entity_id.unique()) - set(entities.entity_id if len(entities) else [])
    if missing:
        entities = pd.concat([entities, unmentioned_entities(missing)], ignore_index=True)
    entities = apply_nations(entities, curation)
    owners = dict(mentions.groupby("actor_key").actor_owner.first())
    nations = dict(zip(entities.entity_id, entities.nation, strict=True)) if len(entities) else {}
    milestones, links = merge_claims(claims, owners, nations)
    claims["milestone_id"] = links.milestone_id if len(links) else None
    nodes, edges = graph_frames(entities, milestones, claims, owners)
    nodes = with_rank_and_community(nodes, edges)
    for table, key, frame in (
        ("entities", ["entity_id"], entities),
        ("aliases", ["entity_id", "alias"], aliases),
        ("milestones", ["milestone_id"], milestones),
        ("milestone_claims", ["milestone_id", "claim_id"], links),
        ("graph_nodes", ["node_id"], nodes),
    ):
        check_unique(frame, key, table)
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
