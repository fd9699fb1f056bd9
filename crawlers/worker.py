"""The crawler processes: run the spiders of some sources and spool what they fetch.

    python -m crawlers.worker [SOURCE ...] < JOBS

`crawlers.run` starts this at once, so it loads Scrapy while the caller prepares the warehouse,
then sends one line: {"jobs": [...]}, a job per group of sources (which sources, which settings,
where to spool). This process runs the first job and forks a copy of itself, Scrapy already
loaded, for each other one: a crawl uses more than one CPU, pays for the imports once, and the
caller never runs Twisted's reactor (which can start only once per process). The source names
on the command line are only there for `ps` to show.

The caller keeps our stdin open until we are done: if it dies, the end of input stops every
crawler cleanly (Scrapy saves its JOBDIR, so the next crawl resumes).
"""

import json
import logging
import os
import sys
import threading
import traceback

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

import crawlers.mirroring  # noqa: F401 (see below)
from crawlers.sources import select_sources

# crawlers.mirroring imports Scrapy's HTTP handler, whose module builds deprecated aliases by
# walking the call stack with its source lines: imported here, at the top, that stack is short;
# imported later by the first crawler, it is a hundred frames deep and costs a tenth of a second.


def crawl_settings(job: dict) -> Settings:
    """The project's settings, with the job's on top; the spiders apply the mirror profile."""
    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    for key, value in job["settings"].items():
        settings.set(key, value, priority="cmdline")
    return settings


def run(job: dict) -> None:
    """Crawl the job's sources, all spiders at once, in this process."""
    process = CrawlerProcess(crawl_settings(job))
    for source in select_sources(job["sources"]):
        spider = process.spider_loader.load(source.spider)
        if source.spider == "feed":
            # A class per configured source, so each keeps its own JOBDIR (see update_settings).
            spider = type(f"FeedSpider_{source.source_id}", (spider,), {"source": source.source_id})
            process.crawl(spider, source_id=source.source_id)
        else:
            process.crawl(spider)
    _stop_at_end_of_input(process)
    process.start()


def _stop_at_end_of_input(process: CrawlerProcess) -> None:
    from twisted.internet import reactor

    def watch() -> None:
        sys.stdin.read()  # returns when the caller closes our input, or dies
        reactor.callFromThread(process.stop)

    threading.Thread(target=watch, daemon=True).start()


def _run_job(job: dict) -> int:
    try:
        run(job)
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
    return 0


def _fork(job: dict) -> int:
    pid = os.fork()
    if pid == 0:
        # Everything is written (spools closed, JOBDIR saved) when the reactor stops; the
        # interpreter's teardown of Twisted's threads and modules is skipped.
        os._exit(_run_job(job))
    return pid


def main() -> None:
    line = sys.stdin.readline()
    if not line.strip():  # the caller gave up before sending jobs: nothing to do
        os._exit(0)
    first, *others = json.loads(line)["jobs"]
    children = [_fork(job) for job in others]
    status = _run_job(first)
    for pid in children:
        _, code = os.waitpid(pid, 0)
        status = status or int(code != 0)
    os._exit(status)


if __name__ == "__main__":
    main()
