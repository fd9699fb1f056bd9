"""The graph explorer page under Streamlit's AppTest, on the demo warehouse."""

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa

from tests.views.conftest import run_app
from views import graph_explorer
from views.graph_explorer import clicked_node, laid_out, on_chart_click

ROOT = Path(__file__).resolve().parents[2]


def run_page(monkeypatch, db, **params):
    return run_app(monkeypatch, db, str(ROOT / "views/pages/explorer.py"), **params)


def drawn_nodes(at):
    """The nodes the chart draws: the circle layer's data, as the browser receives it."""
    chart = at.get("vega_lite_chart")[0]
    spec = json.loads(chart.proto.spec)
    circles = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "circle")
    data = next(d for d in chart.proto.datasets if d.name == circles["data"]["name"])
    return pa.ipc.open_stream(data.data.data).read_all().to_pandas()


def neighbours(at):
    return at.dataframe[0].value


def url_value(at, name):
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value


def actor_options(at):
    return [o for o in at.selectbox(key="graph_node").options if "(capability)" not in o]


def test_the_page_draws_the_60_most_central_actors_and_their_capabilities(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db)
    assert not at.exception
    nodes = drawn_nodes(at)
    actors = nodes[nodes.kind != "capability"]
    assert len(actors) == 60
    assert {"nasa", "spacex"} <= set(actors.node_id)
    assert "capability:crewed_spaceflight" in set(nodes.node_id)
    assert nodes[["x", "y"]].notna().all().all()  # every node has a position
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert {layer["mark"]["type"] for layer in spec["layer"]} >= {"rule", "circle"}
    assert [p["name"] for p in spec["params"]] == ["node"]  # a click selects a node


def test_choosing_spacex_lists_its_neighbours_and_links_its_profile(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, node="spacex")
    assert at.selectbox(key="graph_node").value == "spacex"
    assert at.subheader[0].value == "SpaceX"
    edges = neighbours(at)
    partners = edges[edges.kind == "partners_with"]
    assert "Starcloud" in set(partners.neighbour)
    assert "orbital_data_center" in set(partners[partners.neighbour == "Starcloud"].capability)
    assert "Elon Musk" in set(edges[edges.kind == "leads"].neighbour)
    assert {"achieved", "planned"} <= set(edges[edges.kind == "pursues"].status)
    assert any("](/actor?actor=spacex)" in m.value for m in at.markdown)


def test_picking_a_node_writes_it_to_the_url(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, node="spacex")
    at.selectbox(key="graph_node").set_value("capability:lunar_landing").run()
    assert url_value(at, "node") == "capability:lunar_landing"
    edges = neighbours(at)
    assert set(edges.kind) == {"of"}  # a capability's edges come from milestones
    assert {"CNSA", "ISRO"} <= set(edges.milestone_actor)


def test_the_nation_filter_keeps_only_that_nations_actors(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, nations="CN")
    options = actor_options(at)
    assert options
    assert all(o.endswith(", CN)") for o in options), options
    assert set(drawn_nodes(at).nation.dropna()) == {"CN"}


def test_the_capability_filter_keeps_actors_on_that_capability(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, capabilities="lunar_landing")
    options = at.selectbox(key="graph_node").options
    assert "lunar_landing (capability)" in options
    assert "crewed_spaceflight (capability)" not in options
    assert "NASA (agency, US)" in options
    assert "ADA Space (company, CN)" not in options  # no lunar landing in the demo


def test_a_node_the_filters_hide_falls_back_to_the_most_central(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, node="spacex", nations="CN")
    assert not at.exception
    assert at.selectbox(key="graph_node").value == drawn_nodes(at).node_id.iloc[0]
    assert url_value(at, "node") != "spacex"


def test_the_actor_count_and_capability_controls_shape_the_graph(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db)
    at.slider(key="graph_actors").set_value(10).run()
    assert len(actor_options(at)) == 10
    at.checkbox(key="graph_capabilities").uncheck().run()
    assert not any("(capability)" in o for o in at.selectbox(key="graph_node").options)
    assert set(drawn_nodes(at).kind) & {"capability"} == set()


def test_colouring_by_nation_groups_nodes_by_nation(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db)
    at.radio(key="graph_colour").set_value("nation").run()
    nodes = drawn_nodes(at)
    actors = nodes[nodes.kind != "capability"]
    assert (actors.group == actors.nation).all()
    assert set(nodes[nodes.kind == "capability"].group) == {"capability"}


def test_a_click_payload_names_the_clicked_node():
    assert clicked_node({"node": [{"node_id": "spacex"}]}) == "spacex"
    assert clicked_node({"node": {}}) is None  # a click on empty space
    assert clicked_node({}) is None


def test_a_click_on_a_node_sets_the_picker(monkeypatch):
    state = {"graph": {"selection": {"node": [{"node_id": "nasa"}]}}, "graph_node": "spacex"}
    monkeypatch.setattr(graph_explorer.st, "session_state", state)
    on_chart_click()
    assert state["graph_node"] == "nasa"


def test_the_layout_repeats_and_rings_the_loose_nodes_around_the_main_part():
    nodes = pd.DataFrame({"node_id": ["a", "b", "c", "d", "e", "f"]})
    ties = pd.DataFrame({"source_node": ["a", "b", "e"], "target_node": ["b", "c", "f"]})
    first, again = laid_out(nodes, ties), laid_out(nodes, ties)
    assert first.equals(again)
    radius = (first.x**2 + first.y**2) ** 0.5
    main, loose = radius[:3], radius[3:]  # a-b-c is the main part; d alone, e-f a small one
    assert main.max() <= 1.0 + 1e-9 and loose.round(6).eq(1.2).all()
