"""Graph explorer page, served at /graph (a page file named graph.py would hide the graph
package): actors, capabilities and partnerships as a network, and a node's neighbours."""

from views.graph_explorer import render_graph
from views.page import setup

render_graph(*setup())
