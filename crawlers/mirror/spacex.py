"""SpaceX: the content API (a bare JSON array) and the /updates page, an empty JavaScript shell."""

import json

from crawlers.mirror.corpus import load
from crawlers.mirror.site import Reply, Routes

API = "https://content.spacex.com/api/spacex-website/updates"
SHELL = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SpaceX - Updates</title>'
    b'<script defer src="/static/js/main.js"></script></head><body><noscript>You need to enable '
    b'JavaScript to run this app.</noscript><div id="root"></div></body></html>'
)


def add_routes(routes: Routes) -> None:
    records = sorted(load("spacex", "updates", routes.as_of), key=lambda r: r["date"], reverse=True)
    body = json.dumps(records, ensure_ascii=False).encode("utf-8")
    routes.add(API, Reply(200, body, "application/json; charset=utf-8"))
    routes.add("https://www.spacex.com/updates", Reply(200, SHELL))
    for record in records:
        routes.add(f"https://www.spacex.com/updates/{record['updateId']}/", Reply(200, SHELL))
