"""Host mapping to the mirror, and bot-challenge detection."""

from scrapy.http import HtmlResponse, Request

from crawlers.middlewares import REAL_URL, MirrorHostMiddleware, is_challenge, mirror_url


def test_real_urls_map_to_host_prefixed_mirror_paths():
    url = "https://www.nasa.gov/wp-json/wp/v2/press-release?per_page=20&page=2"
    assert mirror_url(url, "http://127.0.0.1:8765/") == (
        "http://127.0.0.1:8765/www.nasa.gov/wp-json/wp/v2/press-release?per_page=20&page=2"
    )


def test_the_spider_sees_the_real_url_on_the_mirrored_response():
    middleware = MirrorHostMiddleware("http://127.0.0.1:8765")
    routed = middleware.process_request(Request("https://news.cgtn.com/news/x/index.html"))
    assert routed.url == "http://127.0.0.1:8765/news.cgtn.com/news/x/index.html"
    assert middleware.process_request(routed) is None  # not routed twice
    response = HtmlResponse(routed.url, body=b"<html></html>", request=routed)
    assert middleware.process_response(routed, response).url == routed.meta[REAL_URL]


def test_without_a_mirror_requests_go_to_the_real_host():
    assert MirrorHostMiddleware(None).process_request(Request("https://www.nasa.gov/feed/")) is None


def page(status, body=b"<html><title>Blue Origin</title></html>", headers=None):
    return HtmlResponse(
        "https://www.blueorigin.com/news", status=status, body=body, headers=headers or {}
    )


def test_challenge_is_detected_by_header_or_by_page_markers():
    assert is_challenge(page(429, headers={"x-vercel-mitigated": "challenge"}))
    assert is_challenge(page(403, body=b"<title>Vercel Security Checkpoint</title>"))
    assert not is_challenge(page(429))  # a plain rate limit is retried, not a challenge
    assert not is_challenge(page(200, body=b"<title>Vercel Security Checkpoint</title>"))
