"""Timeline page: milestones in time, planned against achieved, slips and overdue plans."""

from views.page import setup
from views.timeline import render_timeline

render_timeline(*setup())
