"""What every source spider shares: run notes an analyst reads in crawl_runs, and failures
counted by kind and recorded in one line each instead of a logged traceback."""

import json
from datetime import UTC, datetime
from pathlib import Path

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import TimeoutError as TwistedTimeout
from twisted.python.failure import Failure

from crawlers.text import canonical_url

SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
MAX_NOTES = 8  # enough to act on; the counts say the rest


class SourceSpider(scrapy.Spider):
    source: str

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.run_notes: list[str] = []
        self._known: dict | None = None
        self._skipped: set[str] = set()

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        if settings.get("SPACERACE_MIRROR"):
            # The mirror is local: no politeness delays (a setting given with -s still wins).
            for key, value in settings.getdict("MIRROR_PROFILE").items():
                settings.set(key, value, priority="spider")
        state = settings.get("SPACERACE_STATE_DIR")
        if state:
            # Scrapy keeps this source's pending requests and seen set here: an interrupted
            # crawl resumes from them.
            settings.set(
                "JOBDIR",
                str(Path(state) / "jobs" / getattr(cls, "source", cls.name)),
                priority="spider",
            )

    @property
    def known(self) -> dict[str, dict]:
        """What the warehouse holds already: canonical URL -> stored dates and validators."""
        if self._known is None:
            path = self.crawler.settings.get("SPACERACE_KNOWN")
            self._known = json.loads(Path(path).read_text()) if path and Path(path).exists() else {}
        return self._known

    def unchanged(self, url: str, stamp: str | None) -> bool:
        """True when the listing's date for a stored page is no newer than what is stored: the
        page is not fetched again (counted as skipped)."""
        stored = self.known.get(canonical_url(url))
        if not stored or not stamp or not stored.get("stamp"):
            return False
        if _utc(stamp) > _utc(stored["stamp"]):
            return False
        if url not in self._skipped:  # listings overlap: count each page once
            self._skipped.add(url)
            self.crawler.stats.inc_value("spacerace/skipped")
        return True

    def page_request(self, url: str, callback, **kwargs) -> scrapy.Request:
        """An article page request, conditional when the stored copy has validators; a 304
        reaches the callback, which should pass the response to not_modified()."""
        stored = self.known.get(canonical_url(url)) or {}
        headers = dict(kwargs.pop("headers", {}) or {})
        if stored.get("etag"):
            headers["If-None-Match"] = stored["etag"]
        if stored.get("last_modified"):
            headers["If-Modified-Since"] = stored["last_modified"]
        meta = {**kwargs.pop("meta", {}), "handle_httpstatus_list": [304]}
        return self.request(url, callback, headers=headers, meta=meta, **kwargs)

    def not_modified(self, response) -> bool:
        if response.status == 304:
            self.crawler.stats.inc_value("spacerace/not_modified")
            return True
        return False

    def request(self, url: str, callback, **kwargs) -> scrapy.Request:
        """A request whose failure is counted and noted, not raised."""
        return scrapy.Request(url, callback=callback, errback=self.on_error, **kwargs)

    def on_error(self, failure: Failure) -> None:
        # A redirect's failure is reported against the page the spider asked for.
        url = (failure.request.meta.get("redirect_urls") or [failure.request.url])[0]
        kind, reason = error_kind(failure)
        self.count_error(kind, f"{url}: {reason}")

    def count_error(self, kind: str, note: str) -> None:
        self.crawler.stats.inc_value("spacerace/errors")
        self.crawler.stats.inc_value(f"spacerace/errors/{kind}")
        self.logger.warning("%s: %s", kind.replace("_", " "), note)
        if len(self.run_notes) < MAX_NOTES:
            self.run_notes.append(f"{kind.replace('_', ' ')}: {note}")

    def read_sitemap(self, response) -> tuple[list[str], list[tuple[str, str | None]]]:
        """(nested sitemap URLs, [(page URL, its lastmod or news publication date)]) of a
        sitemap or sitemap index; a sitemap with neither is counted as malformed."""
        for prefix, uri in SITEMAP_NS.items():
            response.selector.register_namespace(prefix, uri)
        nested = [loc.strip() for loc in response.xpath("//sm:sitemap/sm:loc/text()").getall()]
        pages = []
        for url in response.xpath("//sm:url"):
            loc = (url.xpath("sm:loc/text()").get() or "").strip()
            stamp = (
                url.xpath("sm:lastmod/text()").get()
                or url.xpath(".//news:publication_date/text()").get()
            )
            if loc:
                pages.append((loc, stamp.strip() if stamp else None))
        if not nested and not pages:
            self.count_error(
                "bad_feed", f"{response.url}: no <url> or <sitemap> entries (malformed sitemap?)"
            )
        return nested, pages

    def load_json(self, response):
        """The response's JSON, or None (counted) when it does not parse."""
        try:
            return json.loads(response.text)
        except (ValueError, AttributeError) as exc:
            self.count_error("bad_json", f"{response.url}: {exc}")
            return None


def error_kind(failure: Failure) -> tuple[str, str]:
    """A short kind for crawl_runs.errors_by_kind, and the reason in words."""
    exc = failure.value
    if isinstance(exc, HttpError):
        status = exc.response.status
        return ("http_5xx" if status >= 500 else f"http_{status}"), f"HTTP {status}"
    if isinstance(exc, TwistedTimeout) or "Timeout" in type(exc).__name__:
        return "timeout", "no answer before the download timeout"
    if isinstance(exc, IgnoreRequest):
        text = str(exc) or type(exc).__name__
        if "off-site" in text:
            return "offsite", text
        if "max redirections" in text.lower() or "redirect" in text.lower():
            return "redirect_loop", text
        return "ignored", text
    message = failure.getErrorMessage() or type(exc).__name__
    if "maxsize" in message.lower() or "max size" in message.lower() or "Cancelling" in message:
        return "oversize", message
    if "DataLoss" in type(exc).__name__ or "data loss" in message.lower():
        return "truncated", message
    return "network", message.rstrip(".")


def validators(response) -> dict[str, str | None]:
    """ETag and Last-Modified of a response, for the next crawl's conditional request."""
    etag = response.headers.get(b"ETag")
    modified = response.headers.get(b"Last-Modified")
    return {
        "etag": etag.decode("latin-1") if etag else None,
        "last_modified": modified.decode("latin-1") if modified else None,
    }


def _utc(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
