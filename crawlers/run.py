"""Run spiders in this process and spool what they fetch (Twisted's reactor runs once per process)."""

import json
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
        settings.set("SPACERACE_MIRROR", mirror.rstrip("/"), priority="cmdline")
        for key, value in settings.getdict("MIRROR_PROFILE").items():
            settings.set(key, value, priority="cmdline")
    if spool:
        settings.set("SPACERACE_SPOOL", str(spool), priority="cmdline")
    settings.set("SPACERACE_PROGRESS", progress, priority="cmdline")
    for key, value in (extra or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(
    sources: list[Source],
    spool: Path,
    mirror: str | None = None,
    progress: bool = True,
    known: dict | None = None,
    extra_settings: dict | None = None,
) -> Path:
    """Crawl `sources` (all spiders at once) and return the spool file they wrote.

    `known` (canonical URL -> stored dates and validators) lets spiders skip unchanged pages.
    """
    spool.parent.mkdir(parents=True, exist_ok=True)
    spool.write_text("")
    extra = dict(extra_settings or {})
    if known is not None:
        known_path = spool.with_suffix(".known.json")
        known_path.write_text(json.dumps(known))
        extra["SPACERACE_KNOWN"] = str(known_path)
    process = CrawlerProcess(crawl_settings(mirror, spool, progress, extra))
    for source in sources:
        if source.spider == "feed":
            process.crawl("feed", source_id=source.source_id)
        else:
            process.crawl(source.spider)
    process.start()
    return spool
