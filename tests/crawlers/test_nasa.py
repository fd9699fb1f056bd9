"""NASA: the feed and the API overlap; which copy of a story is stored must not depend on which
response came first, or two crawls of the same site would store different warehouses."""

import asyncio

import duckdb
from scrapy.utils.test import get_crawler

from crawlers.mirror.server import make_server, start_in_thread
from crawlers.spiders.nasa import NasaSpider
from tests.conftest import run_cli

BOTH = "https://www.nasa.gov/news-release/nasa-updates-strategy-for-commercial-space-stations/"


def crawl_nasa(db) -> tuple[dict, list[str]]:
    server = make_server(port=0)
    url = start_in_thread(server)
    run_cli("crawl", "nasa", "--mirror", url, "--db", str(db), "--no-progress", check=True)
    server.shutdown()
    with duckdb.connect(str(db), read_only=True) as con:
        stored = dict(con.execute("SELECT url, content_type FROM documents").fetchall())
    return stored, server.requested


def test_a_story_in_the_feed_and_the_api_is_stored_from_the_feed(tmp_path):
    stored, requested = crawl_nasa(tmp_path / "w.duckdb")
    assert stored[BOTH] == "text/html"
    assert "application/json" in stored.values()
    feed = requested.index("/www.nasa.gov/news-release/feed/")
    assert all(feed < i for i, path in enumerate(requested) if "/wp-json/" in path)


def test_the_api_waits_for_the_feed():
    spider = NasaSpider.from_crawler(get_crawler(NasaSpider))

    async def first_requests():
        return [request.url async for request in spider.start()]

    # The API's first page is asked by parse_feed (tests/fixtures/pages/nasa/feed).
    assert asyncio.run(first_requests()) == ["https://www.nasa.gov/news-release/feed/"]
