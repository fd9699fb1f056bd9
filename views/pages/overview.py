"""Overview page: the national index over time, the matrix, headline counts, recent milestones."""

from views.overview import render_overview
from views.page import setup

render_overview(*setup())
