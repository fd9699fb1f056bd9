"""Graph explorer: the most central actors, the capabilities they pursue and who partners with
whom, laid out by networkx and drawn with Altair; a click or the picker opens a node."""

from pathlib import Path

import altair as alt
import networkx as nx
import numpy as np
import pandas as pd
import streamlit as st

from views.actor import actor_link
from views.filters import Filters
from views.state import query
from views.text import escaped

NOT_ACTORS = ("nation", "capability", "milestone", "document")
LABELLED = 20  # only the most central nodes carry a label: more would cover the drawing


def render_graph(db: Path, filters: Filters) -> None:
    """The page: controls, the network, and the chosen node with its neighbourhood."""
    st.title("Graph explorer")
    left, middle, right = st.columns(3)
    limit = left.slider("Actors shown (highest PageRank)", 5, 300, 60, 5, key="graph_actors")
    with_capabilities = middle.checkbox("Show capabilities", True, key="graph_capabilities")
    colour = right.radio("Colour by", ["kind", "nation"], horizontal=True, key="graph_colour")
    nodes, ties = shown_graph(db, filters, limit, with_capabilities)
    if nodes.empty:
        st.info("No actor matches these filters.")
        return
    node = pick_node(nodes)
    chart = network_chart(laid_out(nodes, ties), ties, node, colour)
    st.altair_chart(chart, on_select=on_chart_click, key="graph", width="stretch")
    render_node(db, nodes[nodes.node_id == node].iloc[0].to_dict())


def shown_graph(
    db: Path, filters: Filters, limit: int, with_capabilities: bool
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodes, ties) of the network drawn: the chosen actors (and capabilities), and the ties
    whose both ends are among them."""
    capabilities = list(filters.capabilities)
    nodes = query(db, "graph_shown_nodes", nations=list(filters.nations),
                  capabilities=capabilities, limit=limit)  # fmt: skip
    if not with_capabilities:
        nodes = nodes[nodes.kind != "capability"]
    ties = query(db, "graph_ties", capabilities=capabilities)
    ties = ties[ties.source_node.isin(nodes.node_id) & ties.target_node.isin(nodes.node_id)]
    # A capability no shown actor pursues would float alone at the edge of the drawing.
    linked = set(ties.source_node) | set(ties.target_node)
    nodes = nodes[(nodes.kind != "capability") | nodes.node_id.isin(linked)]
    return nodes.reset_index(drop=True), ties.reset_index(drop=True)


def laid_out(nodes: pd.DataFrame, ties: pd.DataFrame, seed: int = 7) -> pd.DataFrame:
    """nodes with x and y: a seeded spring layout of the largest connected part (the same
    picture on every run) within the unit circle, every other node spaced on a ring around."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes.node_id)
    graph.add_edges_from(zip(ties.source_node, ties.target_node, strict=True))
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    # Laid out together, the small parts fly to the edge and squeeze the main one into a knot.
    position = nx.spring_layout(graph.subgraph(parts[0]), seed=seed) if parts else {}
    reach = max((float(np.hypot(*p)) for p in position.values()), default=0) or 1.0
    position = {n: p / reach for n, p in position.items()}  # inside the unit circle, the ring
    rest = [n for part in parts[1:] for n in sorted(part)]  # a part's nodes stay side by side
    turns = np.linspace(0, 2 * np.pi, len(rest), endpoint=False)
    position |= {n: (1.2 * np.cos(t), 1.2 * np.sin(t)) for n, t in zip(rest, turns, strict=True)}
    return nodes.assign(x=nodes.node_id.map(lambda n: float(position[n][0])),
                        y=nodes.node_id.map(lambda n: float(position[n][1])))  # fmt: skip


def node_label(row) -> str:
    """How the picker shows a node: its label with its kind (and nation)."""
    where = f", {row.nation}" if isinstance(row.nation, str) and row.nation else ""
    return f"{row.label} ({row.kind}{where})"


def pick_node(nodes: pd.DataFrame) -> str:
    """The node to open: clicked, picked, or from the link (?node=), else the most central."""
    options = nodes.node_id.tolist()
    labels = {row.node_id: node_label(row) for row in nodes.itertuples()}
    if st.session_state.get("graph_node") not in options:
        st.session_state.pop("graph_node", None)  # a node the filters have since hidden
    wanted = st.query_params.get("node")
    # Once the picker holds a value (picked, or set by a click) it wins over the link.
    index = (
        options.index(wanted) if wanted in options and "graph_node" not in st.session_state else 0
    )
    node = st.selectbox("Node", options, index=index, format_func=labels.get, key="graph_node")
    st.query_params["node"] = node
    return node


def clicked_node(selection) -> str | None:
    """The node a click on the chart chose: a point selection arrives as a list of the clicked
    points' fields; a click on empty space as an empty dict."""
    points = (selection or {}).get("node") or []
    return points[0].get("node_id") if isinstance(points, list) and points else None


def on_chart_click() -> None:
    """Open the clicked node. A callback runs before the page does, so the picker can still be
    set from the click."""
    node = clicked_node(st.session_state["graph"]["selection"])
    if node:
        st.session_state["graph_node"] = node


def network_chart(nodes: pd.DataFrame, ties: pd.DataFrame, chosen: str, colour: str):
    """Ties as rules between positions, nodes as circles sized by PageRank and coloured by kind
    or nation, the most central labelled, the chosen one ringed; a click selects a node."""
    at = nodes.set_index("node_id")[["x", "y"]]
    edges = ties.join(at, on="source_node").join(at.add_suffix("2"), on="target_node")
    points = nodes.assign(
        group=nodes.nation.fillna(nodes.kind) if colour == "nation" else nodes.kind,
        pagerank=nodes.pagerank.astype(float),
        community=nodes.community.astype("Float64").astype(object),
    )
    x = alt.X("x:Q", axis=None, scale=alt.Scale(zero=False, nice=False, padding=20))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(zero=False, nice=False, padding=20))
    rules = (
        alt.Chart(edges)
        .mark_rule(color="#9e9e9e", opacity=0.5)
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q", strokeDash=alt.StrokeDash("kind:N", title="tie"),
                tooltip=["kind", "capability", "status", "n"])
    )  # fmt: skip
    click = alt.selection_point(fields=["node_id"], name="node")
    circles = (
        alt.Chart(points)
        .mark_circle(opacity=0.85, stroke="white", strokeWidth=0.5)
        .encode(x=x, y=y, color=alt.Color("group:N", title=colour),
                size=alt.Size("pagerank:Q", scale=alt.Scale(range=[30, 1200]), legend=None),
                tooltip=["label", "kind", "nation", alt.Tooltip("pagerank:Q", format=".4f"),
                         "community", "node_id"])
        .add_params(click)
    )  # fmt: skip
    named = points[points.node_id.isin(points.nlargest(LABELLED, "pagerank").node_id)
                   | (points.node_id == chosen)]  # fmt: skip
    labels = alt.Chart(named).mark_text(dy=-12, fontSize=11).encode(x=x, y=y, text="label:N")
    ring = (
        alt.Chart(points[points.node_id == chosen])
        .mark_point(shape="circle", size=900, color="black", strokeWidth=2, filled=False)
        .encode(x=x, y=y)
    )
    return alt.layer(rules, circles, labels, ring).properties(height=650)


def render_node(db: Path, node: dict) -> None:
    """The chosen node's details and every edge it has in the whole graph."""
    st.subheader(escaped(node["label"]))
    details = {"Kind": node["kind"], "Nation": node["nation"],
               "PageRank": None if pd.isna(node["pagerank"]) else f"{node['pagerank']:.4f}",
               "Community": None if pd.isna(node["community"]) else str(int(node["community"]))}  # fmt: skip
    for col, (label, value) in zip(st.columns(4), details.items(), strict=True):
        col.metric(label, value if isinstance(value, str) else "none")
    if node["kind"] not in NOT_ACTORS:
        st.markdown(actor_link(node["node_id"], f"Actor profile of {node['label']}"))
    neighbourhood = query(db, "graph_neighbourhood", node=node["node_id"])
    st.caption(f"{len(neighbourhood)} distinct edges (n counts repeats)")
    st.dataframe(neighbourhood.drop(columns="neighbour_id"), width="stretch", hide_index=True)
