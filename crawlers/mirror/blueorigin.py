"""Blue Origin: the bot challenge its site answers with (by default), its news pages when the
mirror is opened, and the fallbacks: Spaceflight News API v4, Launch Library 2, outlet pages."""

import json
from urllib.parse import urlsplit

from crawlers.mirror.corpus import load
from crawlers.mirror.site import Reply, Routes, page, parse_time

SITE = "www.blueorigin.com"
SNAPI = "https://api.spaceflightnews.net/v4/articles/"
LL2 = "https://ll.thespacedevs.com/2.2.0/launch/"
CHALLENGE_HEADERS = {
    "Server": "Vercel",
    "X-Vercel-Mitigated": "challenge",
    "X-Vercel-Challenge-Token": "2.1760000000.60.bWlycm9yLXRva2Vu.0000000000000000",
    "Cache-Control": "private, no-store, max-age=0",
}


def challenge(query: dict[str, str]) -> Reply:
    reply = page("bo_challenge.html")
    return Reply(429, reply.body, reply.content_type, CHALLENGE_HEADERS)


def paged(records: list[dict], base: str, matches, query: dict[str, str]) -> Reply:
    """A Django REST limit/offset page: {count, next, previous, results}."""
    chosen = [r for r in records if matches(r, query)]
    limit = max(1, min(500, int(query.get("limit", 10))))
    offset = max(0, int(query.get("offset", 0)))
    rest = {k: v for k, v in query.items() if k not in ("limit", "offset")}

    def link(start: int) -> str:
        params = "&".join(f"{k}={v}" for k, v in {**rest, "limit": limit, "offset": start}.items())
        return f"{base}?{params}".replace(" ", "%20")

    body = {
        "count": len(chosen),
        "next": link(offset + limit) if offset + limit < len(chosen) else None,
        "previous": link(max(0, offset - limit)) if offset else None,
        "results": chosen[offset : offset + limit],
    }
    return Reply(200, json.dumps(body, ensure_ascii=False).encode(), "application/json")


def snapi_matches(record: dict, query: dict[str, str]) -> bool:
    words = query.get("search", "").lower()
    return not words or words in (record["title"] + " " + record["summary"]).lower()


def ll2_matches(record: dict, query: dict[str, str]) -> bool:
    wanted = query.get("lsp__id")
    return not wanted or str(record["launch_service_provider"]["id"]) == wanted


def add_routes(routes: Routes, open_site: bool = False) -> None:
    news = sorted(
        load("blueorigin", "news", routes.as_of), key=lambda a: a["published"], reverse=True
    )
    snapi = sorted(
        load("blueorigin", "snapi", routes.as_of), key=lambda r: r["published_at"], reverse=True
    )
    launches = load("blueorigin", "ll2", routes.as_of)
    if open_site:
        for article in news:
            article["published_dt"] = parse_time(article["published"])
            routes.add(article["url"], page("bo_article.html", article=article))
        routes.add(f"https://{SITE}/news", page("bo_listing.html", articles=news))
        routes.add(
            f"https://{SITE}/robots.txt", Reply(200, b"User-agent: *\nAllow: /\n", "text/plain")
        )
    else:
        routes.catch_all[SITE] = challenge
    public = [{k: v for k, v in r.items() if k != "paragraphs"} for r in snapi]
    routes.add(SNAPI, lambda q: paged(public, SNAPI, snapi_matches, q))
    routes.add(LL2, lambda q: paged(launches, LL2, ll2_matches, q))
    for record in snapi:
        record["published_dt"] = parse_time(record["published_at"])
        record["outlet"] = urlsplit(record["url"]).netloc
        routes.add(record["url"], page("outlet_article.html", article=record))
