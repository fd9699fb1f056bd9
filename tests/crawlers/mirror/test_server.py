"""The bundled mirror over HTTP: the sources' structures, the challenge, validators, "as of"."""

import json
import urllib.error
import urllib.request
from datetime import date

import feedparser
import pytest

from crawlers.mirror.server import make_server, start_in_thread


@pytest.fixture(scope="module")
def base():
    server = make_server(port=0)
    yield start_in_thread(server)
    server.shutdown()


def get(url, headers=None):
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, headers=headers or {}), timeout=10
        ) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_nasa_rest_api_pages_with_wordpress_headers(base):
    status, headers, body = get(
        f"{base}/www.nasa.gov/wp-json/wp/v2/press-release?per_page=5&page=1"
    )
    assert status == 200 and headers["X-WP-TotalPages"] == str(-(-int(headers["X-WP-Total"]) // 5))
    assert b"\\/" in body and len(json.loads(body)) == 5
    assert get(f"{base}/www.nasa.gov/wp-json/wp/v2/press-release?per_page=5&page=999")[0] == 400


def test_nasa_feed_is_wordpress_rss_with_full_content(base):
    feed = feedparser.parse(get(f"{base}/www.nasa.gov/news-release/feed/")[2])
    assert not feed.bozo and len(feed.entries) == 10
    assert all(
        e.content[0].value and e.link.startswith("https://www.nasa.gov/news-release/")
        for e in feed.entries
    )


@pytest.mark.parametrize("path", ["/news", "/robots.txt", "/news/any-slug"])
def test_every_blue_origin_path_answers_with_the_challenge(base, path):
    status, headers, body = get(f"{base}/www.blueorigin.com{path}")
    assert status == 429 and headers["X-Vercel-Mitigated"] == "challenge"
    assert b"Vercel Security Checkpoint" in body


def test_spaceflight_news_api_filters_and_pages(base):
    page = json.loads(
        get(f"{base}/api.spaceflightnews.net/v4/articles/?search=Blue%20Origin&limit=5")[2]
    )
    assert page["count"] >= 12 and len(page["results"]) == 5 and "offset=5" in page["next"]
    assert (
        "paragraphs" not in page["results"][0]
    )  # the API gives summaries; bodies are on the outlets


def test_a_page_answers_304_to_its_own_etag(base):
    url = f"{base}/www.nasa.gov/news-release/feed/"
    etag = get(url)[1]["ETag"]
    assert get(url, {"If-None-Match": etag})[0] == 304


def test_as_of_serves_only_what_was_published_by_then():
    server = make_server(port=0, as_of=date(2025, 1, 1))
    base = start_in_thread(server)
    try:
        records = json.loads(get(f"{base}/content.spacex.com/api/spacex-website/updates")[2])
        news = json.loads(get(f"{base}/api.spaceflightnews.net/v4/articles/?limit=100")[2])[
            "results"
        ]
    finally:
        server.shutdown()
    assert records and all(r["date"] <= "2025-01-01" for r in records)
    assert all(r["published_at"] <= "2025-01-02" for r in news)
