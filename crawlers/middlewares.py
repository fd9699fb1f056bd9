"""Downloader middlewares: allowed domains, bot-challenge detection, polite retries."""

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.response import response_status_message
from scrapy.utils.url import url_is_from_any_domain
from twisted.internet.task import deferLater

CHALLENGED = "spacerace_challenged"
DOMAINS = "spacerace_domains"  # per-request allowed domains (fallback outlets)


class AllowedDomainsMiddleware:
    """Refuse any request off the spider's allowed domains, redirects included (a fallback's
    request may carry its own list: an outlet may redirect only within itself). Raising here
    reaches the request's errback, so the refusal is counted and noted."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request):
        domains = request.meta.get(DOMAINS) or getattr(self.crawler.spider, "allowed_domains", None)
        if domains and not url_is_from_any_domain(request.url, domains):
            raise IgnoreRequest(f"off-site URL {request.url} (allowed: {', '.join(domains)})")
        return None


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

    def process_response(self, request: Request, response: Response):
        # Synchronous for the usual response; only a retry waits (a Deferred the engine awaits).
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        wait = retry_after_seconds(response)
        if wait is None:
            wait = self.backoff_base * 2 ** request.meta.get("retry_times", 0)
        if wait > self.max_wait:
            self.crawler.stats.inc_value("spacerace/retry_after_too_long")
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        from twisted.internet import reactor

        return deferLater(reactor, wait, lambda: retry)
