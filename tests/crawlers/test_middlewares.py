"""Host mapping to the mirror, and bot-challenge detection."""

import pytest
from scrapy import Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawlers.middlewares import (
    REAL_URL,
    MirrorHostMiddleware,
    MirrorResponseMiddleware,
    PoliteRetryMiddleware,
    is_challenge,
    mirror_url,
    retry_after_seconds,
)

MIRROR = "http://127.0.0.1:8765"


class CgtnLike(Spider):
    name = "cgtn-like"
    allowed_domains = ["cgtn.com"]


def host_middleware(mirror=MIRROR):
    crawler = get_crawler(CgtnLike, {"SPACERACE_MIRROR": mirror})
    crawler.spider = CgtnLike()
    return MirrorHostMiddleware(crawler)


def test_real_urls_map_to_host_prefixed_mirror_paths():
    url = "https://www.nasa.gov/wp-json/wp/v2/press-release?per_page=20&page=2"
    assert mirror_url(url, "http://127.0.0.1:8765/") == (
        "http://127.0.0.1:8765/www.nasa.gov/wp-json/wp/v2/press-release?per_page=20&page=2"
    )


def test_the_spider_sees_the_real_url_on_the_mirrored_response():
    middleware = host_middleware()
    routed = middleware.process_request(Request("https://news.cgtn.com/news/x/index.html"))
    assert routed.url == "http://127.0.0.1:8765/news.cgtn.com/news/x/index.html"
    assert middleware.process_request(routed) is None  # not routed twice
    response = HtmlResponse(routed.url, body=b"<html></html>", request=routed)
    restored = MirrorResponseMiddleware(MIRROR).process_response(routed, response)
    assert restored.url == "https://news.cgtn.com/news/x/index.html"


def test_a_redirect_off_the_allowed_domains_is_refused():
    with pytest.raises(IgnoreRequest, match="off-site URL https://elsewhere.example/x"):
        host_middleware().process_request(
            Request("https://elsewhere.example/x", meta={REAL_URL: "stale"})
        )


def test_without_a_mirror_requests_go_to_the_real_host():
    assert (
        host_middleware(mirror=None).process_request(Request("https://www.nasa.gov/feed/")) is None
    )


def test_retry_after_is_read_as_seconds_or_as_a_date():
    assert (
        retry_after_seconds(
            HtmlResponse("https://x.example", status=429, headers={"Retry-After": "7"})
        )
        == 7
    )
    dated = HtmlResponse(
        "https://x.example", status=503, headers={"Retry-After": "Wed, 14 May 2025 08:00:30 GMT"}
    )
    from datetime import UTC, datetime

    assert retry_after_seconds(dated, now=datetime(2025, 5, 14, 8, 0, 0, tzinfo=UTC)) == 30
    assert retry_after_seconds(HtmlResponse("https://x.example", status=503)) is None


def test_a_retry_after_longer_than_the_cap_is_not_waited_for():
    import asyncio

    crawler = get_crawler(CgtnLike, {"SPACERACE_MAX_RETRY_WAIT": 10})
    crawler.spider = CgtnLike()
    middleware = PoliteRetryMiddleware.from_crawler(crawler)
    crawler.stats.open_spider()
    response = HtmlResponse("https://news.cgtn.com/x", status=429, headers={"Retry-After": "3600"})
    result = asyncio.run(middleware.process_response(Request("https://news.cgtn.com/x"), response))
    assert result is response


def page(status, body=b"<html><title>Blue Origin</title></html>", headers=None):
    return HtmlResponse(
        "https://www.blueorigin.com/news", status=status, body=body, headers=headers or {}
    )


def test_challenge_is_detected_by_header_or_by_page_markers():
    assert is_challenge(page(429, headers={"x-vercel-mitigated": "challenge"}))
    assert is_challenge(page(403, body=b"<title>Vercel Security Checkpoint</title>"))
    assert not is_challenge(page(429))  # a plain rate limit is retried, not a challenge
    assert not is_challenge(page(200, body=b"<title>Vercel Security Checkpoint</title>"))
