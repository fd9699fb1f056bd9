"""The knowledge graph: typed nodes and edges, affiliations, centrality and communities."""

import pandas as pd

from graph.network import build_graph, communities, graph_tables

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


def graph():
    return build_graph(ENTITIES, MILESTONES, CLAIMS, owners={"starlink": "spacex"})


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


def test_every_actor_and_nation_gets_a_community_and_the_same_one_on_a_rebuild():
    first, again = communities(graph()), communities(graph())
    actors = {"nasa", "spacex", "starlink", "jared-isaacman", "nation:US"}
    assert first == again and set(first) == actors  # not milestones, documents, capabilities
    assert first["spacex"] == first["starlink"]  # joined by part_of


def test_graph_tables_hold_pagerank_and_community():
    nodes, edge_rows = graph_tables(graph())
    assert nodes.pagerank.between(0, 1).all()
    assert nodes.set_index("node_id").community.notna().to_dict() == {
        n: not n.startswith(("milestone:", "document:", "capability:")) for n in nodes.node_id
    }
    assert set(edge_rows.kind) >= {"based_in", "part_of", "leads", "pursues", "evidences"}
