"""What's new page: what the latest crawl run brought, and how every source's last crawl went."""

from views.page import setup
from views.whatsnew import render_whatsnew

render_whatsnew(*setup())
