"""Faults the mirror can inject, on its own host (faults.spacerace.test), for the crawl tests:
each page below answers with one fault, and a feed lists them all."""

import threading
import time

from crawlers.mirror.site import Reply, Routes

HOST = "https://faults.spacerace.test"
ARTICLE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{meta}</head><body>"
    "<article><h1>{title}</h1>{byline}<p>First, {text}</p><p>Second, {text}</p><p>Third, {text}</p></article>"
    "</body></html>"
)
BODY = (
    "the fault mirror serves this paragraph so that the page has enough article text to be kept by "
    "the crawler, which needs a real body of several sentences before it stores a document at all."
)
PAGES = [
    "ok",
    "500",
    "503",
    "429",
    "slow",
    "truncated",
    "charset",
    "huge",
    "loop-a",
    "offsite",
    "no-date",
    "empty",
]


def article(title: str, dated: bool = True, text: str = BODY) -> bytes:
    meta = (
        '<meta property="article:published_time" content="2025-05-14T08:00:00+00:00">'
        if dated
        else ""
    )
    byline = "<p class='date'>14 May 2025</p>" if dated else ""
    return ARTICLE.format(title=title, meta=meta, byline=byline, text=text).encode("utf-8")


def once_then_ok(status: int, headers: dict[str, str], good: Reply):
    """The first request gets `status`; later ones the good page (a transient fault)."""
    seen = {"count": 0}
    lock = threading.Lock()

    def answer(query):
        with lock:
            seen["count"] += 1
            first = seen["count"] == 1
        return Reply(status, b"<h1>Too Many Requests</h1>", headers=headers) if first else good

    return answer


def slow(seconds: float, reply: Reply):
    def answer(query):
        time.sleep(seconds)
        return reply

    return answer


def feed(names: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Fault {n}</title><link>{HOST}/{n}</link>"
        + ("" if n == "no-date" else "<pubDate>Wed, 14 May 2025 08:00:00 +0000</pubDate>")
        + "</item>"
        for n in names
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Faults</title>{items}</channel></rss>'.encode()


def add_routes(routes: Routes, slow_seconds: float = 3.0) -> None:
    add = routes.add
    add(f"{HOST}/feed.xml", Reply(200, feed(PAGES), "application/rss+xml"))
    add(
        f"{HOST}/bad-feed.xml",
        Reply(
            200, b"<?xml version='1.0'?><rss><channel><item><title>broken", "application/rss+xml"
        ),
    )
    add(f"{HOST}/ok", Reply(200, article("A good page")))
    add(f"{HOST}/500", Reply(500, b"<h1>Internal Server Error</h1>"))
    add(f"{HOST}/503", Reply(503, b"<h1>Service Unavailable</h1>", headers={"Retry-After": "1"}))
    add(
        f"{HOST}/429",
        once_then_ok(429, {"Retry-After": "1"}, Reply(200, article("Rate limited once"))),
    )
    add(f"{HOST}/slow", slow(slow_seconds, Reply(200, article("Too slow"))))
    truncated = article("Cut short")
    add(
        f"{HOST}/truncated",
        Reply(200, truncated[:200], headers={"Content-Length": str(len(truncated))}),
    )
    mojibake = article("Caf\u00e9 in orbit", text=BODY + " Caf\u00e9 \u2019quoted\u2019.")
    add(f"{HOST}/charset", Reply(200, mojibake, "text/html; charset=iso-8859-1"))
    add(f"{HOST}/huge", Reply(200, article("Huge") + b" " * (5 * 1024 * 1024)))
    add(f"{HOST}/loop-a", Reply(302, b"", headers={"Location": f"{HOST}/loop-b"}))
    add(f"{HOST}/loop-b", Reply(302, b"", headers={"Location": f"{HOST}/loop-a"}))
    add(
        f"{HOST}/offsite", Reply(302, b"", headers={"Location": "https://elsewhere.example/stolen"})
    )
    add(f"{HOST}/no-date", Reply(200, article("No date anywhere", dated=False)))
    add(
        f"{HOST}/empty",
        Reply(
            200,
            b"<!DOCTYPE html><html><head><title>Empty</title></head><body><nav>Menu</nav></body></html>",
        ),
    )
