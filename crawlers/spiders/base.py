"""What every source spider shares: run notes an analyst reads in crawl_runs, and fetch failures
recorded in one line each instead of a logged traceback."""

import scrapy
from twisted.python.failure import Failure

from crawlers.middlewares import REAL_URL


class SourceSpider(scrapy.Spider):
    source: str

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.run_notes: list[str] = []

    def request(self, url: str, callback, **kwargs) -> scrapy.Request:
        """A request whose failure is counted and noted, not raised."""
        return scrapy.Request(url, callback=callback, errback=self.on_error, **kwargs)

    def on_error(self, failure: Failure) -> None:
        self.crawler.stats.inc_value("spacerace/errors")
        reason = failure.getErrorMessage() or failure.type.__name__
        if len(self.run_notes) < 5:  # enough to act on; the count says the rest
            url = failure.request.meta.get(REAL_URL, failure.request.url)
            self.run_notes.append(f"could not fetch {url}: {reason.rstrip('.')}")
