"""Fetching from the bundled mirror: with SPACERACE_MIRROR set, every real URL is downloaded from
the mirror instead, and the response carries the real URL back. Spiders, robots.txt, off-site
checks, redirects and politeness all see the real hosts, so the same code runs live and offline."""

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Response


def mirror_url(real_url: str, mirror: str) -> str:
    """https://www.nasa.gov/feed/?x=1 -> http://127.0.0.1:8765/www.nasa.gov/feed/?x=1"""
    parts = urlsplit(real_url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{mirror.rstrip('/')}/{parts.netloc.lower()}{parts.path or '/'}{query}"


class MirrorDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP handler, pointed at the mirror when one is configured."""

    def __init__(self, crawler):
        super().__init__(crawler)
        mirror = crawler.settings.get("SPACERACE_MIRROR")
        self.mirror = mirror.rstrip("/") if mirror else None

    async def download_request(self, request: Request) -> Response:
        if not self.mirror:
            return await super().download_request(request)
        response = await super().download_request(
            request.replace(url=mirror_url(request.url, self.mirror))
        )
        return response.replace(url=request.url)
