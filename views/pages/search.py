"""Search page: full-text search over the stored pages, with the claims each one gave."""

from views.page import setup
from views.search import render_search

render_search(*setup())
