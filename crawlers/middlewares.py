"""Downloader middlewares: route real hosts to the bundled mirror; detect bot challenges."""

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.http import Response

REAL_URL = "spacerace_real_url"
CHALLENGED = "spacerace_challenged"


def mirror_url(real_url: str, mirror: str) -> str:
    """https://www.nasa.gov/feed/?x=1 -> http://127.0.0.1:8765/www.nasa.gov/feed/?x=1"""
    parts = urlsplit(real_url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{mirror.rstrip('/')}/{parts.netloc.lower()}{parts.path or '/'}{query}"


class MirrorHostMiddleware:
    """With SPACERACE_MIRROR set, fetch every real URL from the mirror, and hand the spider a
    response that carries the real URL, so the same spider code runs live and offline."""

    def __init__(self, mirror: str | None):
        self.mirror = mirror.rstrip("/") if mirror else None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("SPACERACE_MIRROR"))

    def process_request(self, request: Request):
        if not self.mirror or REAL_URL in request.meta or request.url.startswith(self.mirror):
            return None
        # robots.txt was already checked for the real host; the mirror copy needs no second check.
        meta = {**request.meta, REAL_URL: request.url, "dont_obey_robotstxt": True}
        return request.replace(
            url=mirror_url(request.url, self.mirror), meta=meta, dont_filter=True
        )

    def process_response(self, request: Request, response: Response):
        real = request.meta.get(REAL_URL)
        if real and response.url.startswith(self.mirror or "\0"):
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
