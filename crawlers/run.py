"""Run spiders in this process and spool what they fetch (Twisted's reactor runs once per process).

A crawl keeps its state (Scrapy's JOBDIR, one per source) and its spool in a state folder until
its documents are published, so an interrupted crawl resumes where it stopped."""

import json
import shutil
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawlers.sources import Source


def crawl_settings(
    mirror: str | None, spool: Path | None, progress: bool, extra: dict | None = None
) -> Settings:
    """The project's settings, with the mirror profile applied when a mirror is given."""
    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    if mirror:
        # The spiders apply MIRROR_PROFILE when they see a mirror (SourceSpider.update_settings).
        settings.set("SPACERACE_MIRROR", mirror.rstrip("/"), priority="cmdline")
    if spool:
        settings.set("SPACERACE_SPOOL", str(spool), priority="cmdline")
    settings.set("SPACERACE_PROGRESS", progress, priority="cmdline")
    for key, value in (extra or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


class CrawlState:
    """The folder an unfinished crawl keeps: the spool of fetched documents and each source's
    JOBDIR. It is cleared once the crawl's documents are published."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.spool = folder / "spool.jsonl"
        self.known = folder / "known.json"

    @property
    def resuming(self) -> bool:
        return self.spool.exists() and self.spool.stat().st_size > 0

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def run_crawl(
    sources: list[Source],
    state: CrawlState,
    mirror: str | None = None,
    progress: bool = True,
    known: dict | None = None,
    extra_settings: dict | None = None,
) -> Path:
    """Crawl `sources` (all spiders at once), appending to the state's spool; return the spool.

    `known` (canonical URL -> stored dates and validators) lets spiders skip unchanged pages.
    """
    state.folder.mkdir(parents=True, exist_ok=True)
    state.spool.touch()
    extra = dict(extra_settings or {})
    if known is not None:
        state.known.write_text(json.dumps(known))
        extra["SPACERACE_KNOWN"] = str(state.known)
    extra["SPACERACE_STATE_DIR"] = str(state.folder)
    process = CrawlerProcess(crawl_settings(mirror, state.spool, progress, extra))
    for source in sources:
        spider = process.spider_loader.load(source.spider)
        if source.spider == "feed":
            # A class per configured source, so each keeps its own JOBDIR (see update_settings).
            spider = type(f"FeedSpider_{source.source_id}", (spider,), {"source": source.source_id})
            process.crawl(spider, source_id=source.source_id)
        else:
            process.crawl(spider)
    process.start()
    return state.spool
