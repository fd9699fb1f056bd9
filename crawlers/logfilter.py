"""Expected network failures log one line, not a traceback: they are counted and explained in
crawl_runs, where an analyst reads them."""

import logging

from scrapy import exceptions as scrapy_errors
from scrapy import signals

NETWORK_ERRORS = (
    scrapy_errors.DownloadConnectionRefusedError,
    scrapy_errors.CannotResolveHostError,
    scrapy_errors.DownloadTimeoutError,
    scrapy_errors.DownloadFailedError,
    scrapy_errors.ResponseDataLossError,
    OSError,
)


class NoNetworkTracebacks(logging.Filter):
    """A refused connection or a timeout is an expected failure: log its one line, not a
    traceback (it is counted and explained in crawl_runs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], NETWORK_ERRORS):
            record.exc_info, record.exc_text = None, None
        return True


class QuietNetworkErrors:
    """Extension: attach the filter once the crawler has installed its log handler."""

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls()
        crawler.signals.connect(ext.attach, signal=signals.engine_started)
        return ext

    def attach(self):
        for handler in logging.getLogger().handlers:
            if not any(isinstance(f, NoNetworkTracebacks) for f in handler.filters):
                handler.addFilter(NoNetworkTracebacks())
