"""The knowledge graph: typed nodes and edges, affiliations, read back as networkx."""

import pandas as pd

from graph.network import graph_frames, graph_from_tables

ENTITIES = pd.DataFrame(
    [
        ("nasa", "agency", "NASA", "US"),
        ("spacex", "company", "SpaceX", "US"),
        ("starlink", "program", "Starlink", "US"),
        ("jared-isaacman", "person", "Jared Isaacman", "US"),
    ],
    columns=["entity_id", "type", "display_name", "nation"],
)
MILESTONES = pd.DataFrame(
    [("m1", "spacex", "crewed_spaceflight", "achieved", "2020-05")],
    columns=["milestone_id", "entity_id", "capability", "status", "date"],
)
CLAIMS = pd.DataFrame(
    [
        ("c1", "d1", 0, "spacex", "crewed_spaceflight", "m1", "https://x/1"),
        ("c2", "d1", 0, "nasa", "crewed_spaceflight", None, "https://x/1"),
    ],  # fmt: skip
    columns=["claim_id", "doc_id", "start_char", "entity_id", "capability", "milestone_id", "url"],
)


def frames():
    return graph_frames(ENTITIES, MILESTONES, CLAIMS, owners={"starlink": "spacex"})


def graph():
    return graph_from_tables(*frames())


def edges(G, kind):
    return {(u, v) for u, v, d in G.edges(data=True) if d["kind"] == kind}


def test_edges_are_typed_from_the_entities_milestones_and_claims():
    G = graph()
    assert ("spacex", "nation:US") in edges(G, "based_in")
    assert ("spacex", "milestone:m1") in edges(G, "pursues")
    assert ("document:d1", "milestone:m1") in edges(G, "evidences")
    assert ("nasa", "spacex") in edges(G, "partners_with")  # one sentence, one capability


def test_a_programme_is_part_of_its_owner_and_a_head_leads_the_organisation():
    G = graph()
    assert edges(G, "part_of") == {("starlink", "spacex")}
    assert edges(G, "leads") == {("jared-isaacman", "nasa")}


def test_the_pursues_edge_carries_status_and_date():
    (data,) = [d for _, v, d in graph().out_edges("spacex", data=True) if d["kind"] == "pursues"]
    assert (data["status"], data["date"]) == ("achieved", "2020-05")


def test_a_claim_on_no_milestone_makes_no_document_node():
    nodes, edges = graph_frames(ENTITIES, MILESTONES, CLAIMS.assign(milestone_id=None))
    assert not nodes.kind.eq("document").any() and not edges.kind.eq("evidences").any()


def test_an_actor_only_an_edge_names_is_still_a_node():
    nodes, _ = graph_frames(ENTITIES, MILESTONES.assign(entity_id="blue-origin"), CLAIMS)
    assert nodes.set_index("node_id").kind["blue-origin"] == "actor"


def test_no_milestones_make_a_graph_of_actors_and_nations():
    nodes, edges = graph_frames(ENTITIES, pd.DataFrame(), CLAIMS.iloc[:0])
    assert set(nodes.kind) == {"agency", "company", "program", "person", "nation"}
    assert set(edges.kind) == {"based_in", "leads"}
