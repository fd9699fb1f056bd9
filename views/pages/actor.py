"""Actor profile page: everything the warehouse knows about one actor."""

from views.actor import render_actor
from views.page import setup

render_actor(*setup())
