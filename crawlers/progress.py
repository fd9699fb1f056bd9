"""A progress line per spider while a crawl runs (pages fetched, documents kept)."""

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from scrapy import signals
from scrapy.exceptions import NotConfigured

_shared: dict = {}


def _progress() -> Progress:
    # One display for every spider in the process.
    if "progress" not in _shared:
        _shared["progress"] = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=False
        )
        _shared["progress"].start()
        _shared["open"] = 0
    return _shared["progress"]


class CrawlProgress:
    def __init__(self, crawler):
        self.crawler = crawler
        self.task = None
        self.pages = 0
        self.docs = 0

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("SPACERACE_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.response, signal=signals.response_received)
        crawler.signals.connect(ext.item, signal=signals.item_scraped)
        return ext

    def opened(self, spider):
        self.name = spider.name
        self.task = _progress().add_task(self._label(), total=None)
        _shared["open"] += 1

    def response(self, *args, **kwargs):
        self.pages += 1
        self._refresh()

    def item(self, *args, **kwargs):
        self.docs += 1
        self._refresh()

    def closed(self, spider, reason):
        progress = _progress()
        progress.update(self.task, description=self._label() + f" [{reason}]", total=1, completed=1)
        _shared["open"] -= 1
        if _shared["open"] == 0:
            progress.stop()
            _shared.clear()

    def _refresh(self):
        _progress().update(self.task, description=self._label())

    def _label(self) -> str:
        return f"crawl {getattr(self.crawler.spider, 'source', self.crawler.spider.name):<11} pages {self.pages:>4}  documents {self.docs:>4}"
