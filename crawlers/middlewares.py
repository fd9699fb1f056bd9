"""Downloader middlewares: route real hosts to the bundled mirror; detect bot challenges."""

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.response import response_status_message
from scrapy.utils.url import url_is_from_any_domain

REAL_URL = "spacerace_real_url"
CHALLENGED = "spacerace_challenged"
DOMAINS = "spacerace_domains"  # per-request allowed domains (fallback outlets)


def mirror_url(real_url: str, mirror: str) -> str:
    """https://www.nasa.gov/feed/?x=1 -> http://127.0.0.1:8765/www.nasa.gov/feed/?x=1"""
    parts = urlsplit(real_url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{mirror.rstrip('/')}/{parts.netloc.lower()}{parts.path or '/'}{query}"


class MirrorHostMiddleware:
    """With SPACERACE_MIRROR set, fetch every real URL from the mirror (after robots.txt and the
    off-site check have seen the real URL), so the same spider code runs live and offline."""

    def __init__(self, crawler):
        self.crawler = crawler
        mirror = crawler.settings.get("SPACERACE_MIRROR")
        self.mirror = mirror.rstrip("/") if mirror else None
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request):
        if not self.mirror or request.url.startswith(self.mirror):
            return None
        domains = request.meta.get(DOMAINS) or getattr(self.crawler.spider, "allowed_domains", None)
        if domains and not url_is_from_any_domain(request.url, domains):
            # Scrapy's own off-site check cannot see redirects once URLs point at the mirror;
            # the request's errback counts it.
            raise IgnoreRequest(f"off-site URL {request.url} (allowed: {', '.join(domains)})")
        meta = {**request.meta, REAL_URL: request.url, "allow_offsite": True}
        # robots.txt was checked for the real host; the mirror copy needs no second check.
        meta["dont_obey_robotstxt"] = True
        return request.replace(
            url=mirror_url(request.url, self.mirror), meta=meta, dont_filter=True
        )


class MirrorResponseMiddleware:
    """Give every mirrored response its real URL back, before redirects and retries read it, so
    a relative Location resolves against the real host."""

    def __init__(self, mirror: str | None):
        self.mirror = mirror.rstrip("/") if mirror else None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("SPACERACE_MIRROR"))

    def process_response(self, request: Request, response: Response):
        real = request.meta.get(REAL_URL)
        if self.mirror and real and response.url.startswith(self.mirror):
            return response.replace(url=real)
        return response


CHALLENGE_MARKERS = (b"Vercel Security Checkpoint", b"We're verifying your browser")


def is_challenge(response: Response) -> bool:
    """A bot challenge (Vercel Security Checkpoint): the header, or the page's own markers."""
    if response.status not in (403, 429, 503):
        return False
    if response.headers.get(b"x-vercel-mitigated", b"").lower() == b"challenge":
        return True
    head = response.body[:4096]
    return any(marker in head for marker in CHALLENGE_MARKERS)


class ChallengeDetectorMiddleware:
    """Mark bot-challenge responses so they are not retried in a loop nor parsed as articles."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response):
        if is_challenge(response):
            request.meta[CHALLENGED] = True
            request.meta["dont_retry"] = True
            self.stats.inc_value("spacerace/challenged")
        return response


def retry_after_seconds(response: Response, now: datetime | None = None) -> float | None:
    """The server's Retry-After, in seconds (it may be a number or an HTTP date)."""
    value = response.headers.get(b"Retry-After")
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class PoliteRetryMiddleware(RetryMiddleware):
    """Retry 429 and 5xx after a pause: the server's Retry-After when it gives one, else an
    exponential backoff. A success after a retry is a retry, not an error."""

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("SPACERACE_BACKOFF_BASE")
        self.max_wait = settings.getfloat("SPACERACE_MAX_RETRY_WAIT")

    async def process_response(self, request: Request, response: Response):
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        attempt = request.meta.get("retry_times", 0)
        wait = retry_after_seconds(response)
        if wait is None:
            wait = self.backoff_base * 2**attempt
        if wait > self.max_wait:
            self.crawler.stats.inc_value("spacerace/retry_after_too_long")
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await asyncio.sleep(wait)
        return retry
