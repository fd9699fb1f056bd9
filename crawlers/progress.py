"""Crawl progress: each crawler process reports its spiders' counts as JSON lines on stdout
(`CrawlProgress`), and the crawl that started them shows one line per source (`ProgressBoard`)."""

import json
import sys
import time

EVERY = 0.25  # seconds between reports of one spider: enough for a live line, cheap to write


class CrawlProgress:
    """Scrapy extension: pages fetched and documents kept, reported while a spider runs."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.pages = 0
        self.docs = 0
        self.reported = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        # Scrapy is imported here: the crawl that shows the board runs no spider itself.
        from scrapy import signals
        from scrapy.exceptions import NotConfigured

        if not crawler.settings.getbool("SPACERACE_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.response, signal=signals.response_received)
        crawler.signals.connect(ext.item, signal=signals.item_scraped)
        return ext

    def opened(self, spider):
        self._report()

    def response(self, *args, **kwargs):
        self.pages += 1
        self._report(throttled=True)

    def item(self, *args, **kwargs):
        self.docs += 1
        self._report(throttled=True)

    def closed(self, spider, reason):
        self._report(closed=reason)

    def _report(self, throttled: bool = False, closed: str | None = None) -> None:
        now = time.monotonic()
        if throttled and now - self.reported < EVERY:
            return
        self.reported = now
        spider = self.crawler.spider
        event = {"source": getattr(spider, "source", spider.name), "pages": self.pages,
                 "documents": self.docs, "closed": closed}  # fmt: skip
        sys.stdout.write(json.dumps(event) + "\n")
        sys.stdout.flush()


class ProgressBoard:
    """A line per source, updated from the crawler processes' reports."""

    def __init__(self, sources: list[str]):
        # rich is imported here: a crawl without a board starts its crawler processes sooner.
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        )
        self.tasks = {s: self.progress.add_task(_label(s, 0, 0), total=None) for s in sources}

    def __enter__(self) -> "ProgressBoard":
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def report(self, line: str) -> None:
        """Apply one reported line; anything that is not a report is passed on as a log line."""
        try:
            event = json.loads(line)
            task = self.tasks[event["source"]]
        except (ValueError, KeyError, TypeError):
            self.log(line)
            return
        label = _label(event["source"], event["pages"], event["documents"])
        if event.get("closed"):
            # Not in square brackets: rich would read them as markup and drop them.
            done = f"{label}  ({event['closed']})"
            self.progress.update(task, description=done, total=1, completed=1)
        else:
            self.progress.update(task, description=label)

    def log(self, line: str) -> None:
        self.progress.console.print(line, markup=False, highlight=False)


def _label(source: str, pages: int, documents: int) -> str:
    return f"crawl {source:<11} pages {pages:>4}  documents {documents:>4}"
