"""Allowed domains, mirror addresses, bot-challenge detection, polite retries."""

from datetime import UTC, datetime

import pytest
from scrapy import Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawlers.middlewares import (
    DOMAINS,
    AllowedDomainsMiddleware,
    PoliteRetryMiddleware,
    is_challenge,
    retry_after_seconds,
)
from crawlers.mirroring import mirror_url


class CgtnLike(Spider):
    name = "cgtn-like"
    allowed_domains = ["cgtn.com"]


def domains_middleware():
    crawler = get_crawler(CgtnLike)
    crawler.spider = CgtnLike()
    return AllowedDomainsMiddleware(crawler)


def test_real_urls_map_to_host_prefixed_mirror_paths():
    url = "https://www.nasa.gov/wp-json/wp/v2/press-release?per_page=20&page=2"
    assert mirror_url(url, "http://127.0.0.1:8765/") == (
        "http://127.0.0.1:8765/www.nasa.gov/wp-json/wp/v2/press-release?per_page=20&page=2"
    )


def test_a_request_off_the_allowed_domains_is_refused():
    middleware = domains_middleware()
    assert middleware.process_request(Request("https://news.cgtn.com/news/x/index.html")) is None
    with pytest.raises(IgnoreRequest, match="off-site URL https://elsewhere.example/x"):
        middleware.process_request(Request("https://elsewhere.example/x"))


def test_a_fallback_request_may_carry_its_own_domains():
    middleware = domains_middleware()
    outlet = {DOMAINS: ["spacenews.com"]}
    assert middleware.process_request(Request("https://spacenews.com/a/", meta=outlet)) is None
    with pytest.raises(IgnoreRequest):
        middleware.process_request(Request("https://news.cgtn.com/elsewhere/", meta=outlet))


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
    assert retry_after_seconds(dated, now=datetime(2025, 5, 14, 8, 0, 0, tzinfo=UTC)) == 30
    assert retry_after_seconds(HtmlResponse("https://x.example", status=503)) is None


def test_a_retry_after_longer_than_the_cap_is_not_waited_for():
    crawler = get_crawler(CgtnLike, {"SPACERACE_MAX_RETRY_WAIT": 10})
    crawler.spider = CgtnLike()
    middleware = PoliteRetryMiddleware.from_crawler(crawler)
    crawler.stats.open_spider()
    response = HtmlResponse("https://news.cgtn.com/x", status=429, headers={"Retry-After": "3600"})
    result = middleware.process_response(Request("https://news.cgtn.com/x"), response)
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
