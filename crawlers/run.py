"""Run spiders in this process and spool what they fetch (Twisted's reactor runs once per process)."""

from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawlers.sources import Source


def crawl_settings(mirror: str | None, spool: Path | None, progress: bool) -> Settings:
    """The project's settings, with the mirror profile applied when a mirror is given."""
    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    if mirror:
        settings.set("SPACERACE_MIRROR", mirror.rstrip("/"), priority="cmdline")
        for key, value in settings.getdict("MIRROR_PROFILE").items():
            settings.set(key, value, priority="cmdline")
    if spool:
        settings.set("SPACERACE_SPOOL", str(spool), priority="cmdline")
    settings.set("SPACERACE_PROGRESS", progress, priority="cmdline")
    return settings


def run_crawl(
    sources: list[Source], spool: Path, mirror: str | None = None, progress: bool = True
) -> Path:
    """Crawl `sources` (all spiders at once) and return the spool file they wrote."""
    spool.parent.mkdir(parents=True, exist_ok=True)
    spool.write_text("")
    process = CrawlerProcess(crawl_settings(mirror, spool, progress))
    for source in sources:
        process.crawl(source.spider)
    process.start()
    return spool
