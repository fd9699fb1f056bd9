"""PageRank and communities on the graph's actor layer."""

import pandas as pd

from graph.centrality import actor_layer, communities, with_rank_and_community
from graph.network import graph_frames
from tests.graph.test_network import CLAIMS, ENTITIES, MILESTONES, frames


def test_every_actor_and_nation_gets_a_community_and_the_same_one_on_a_rebuild():
    first, again = communities(actor_layer(*frames())), communities(actor_layer(*frames()))
    actors = {"nasa", "spacex", "starlink", "jared-isaacman", "nation:US"}
    assert first == again and set(first) == actors  # not milestones, documents, capabilities
    assert first["spacex"] == first["starlink"]  # joined by part_of


def test_milestones_and_documents_are_not_ranked_and_the_rest_are():
    nodes = with_rank_and_community(*frames()).set_index("node_id")
    layer = ~nodes.index.str.startswith(("milestone:", "document:"))
    assert nodes.pagerank[layer].between(0, 1).all() and nodes.pagerank[~layer].isna().all()
    assert nodes.community.notna().to_dict() == {
        n: not n.startswith(("milestone:", "document:", "capability:")) for n in nodes.index
    }


def test_an_actor_with_more_evidence_on_a_capability_ranks_higher():
    milestones = pd.concat([MILESTONES, MILESTONES.assign(milestone_id="m2", entity_id="nasa")])
    claims = pd.concat([CLAIMS.assign(start_char=[0, 100]), CLAIMS.assign(
        claim_id=["c3", "c4"], doc_id="d2", entity_id="nasa", milestone_id="m2")])  # fmt: skip
    no_head = ENTITIES[ENTITIES.entity_id != "jared-isaacman"]  # so NASA's only extra is evidence
    nodes = with_rank_and_community(*graph_frames(no_head, milestones, claims))
    rank = nodes.set_index("node_id").pagerank
    assert rank["nasa"] > rank["spacex"]  # two claims behind its milestone against one


def test_the_actor_layer_folds_milestones_into_weighted_capability_ties():
    G = actor_layer(*frames())
    assert G["spacex"]["capability:crewed_spaceflight"]["weight"] == 1.0
    assert not any(str(n).startswith(("milestone:", "document:")) for n in G)
