"""Run a crawl in crawler processes (`crawlers.worker`), one per group of sources, and collect
what they spool.

A crawl keeps its state (Scrapy's JOBDIR, one per source) and its spools in a state folder until
its documents are published, so an interrupted crawl resumes where it stopped, whichever process
crawled a source before."""

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path

from crawlers.progress import ProgressBoard
from crawlers.sources import Source

MAX_WORKERS = 4  # past this the crawl waits on the sites' politeness, not on the CPU


class CrawlState:
    """The folder an unfinished crawl keeps: a spool of fetched documents per crawler process
    and each source's JOBDIR. It is cleared once the crawl's documents are published."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.known = folder / "known.json"

    @property
    def spools(self) -> list[Path]:
        return sorted(self.folder.glob("spool-*.jsonl"))

    @property
    def resuming(self) -> bool:
        return any(spool.stat().st_size > 0 for spool in self.spools)

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def default_workers(n_sources: int) -> int:
    """One crawler process per CPU, no more than there are sources."""
    return max(1, min(n_sources, os.cpu_count() or 1, MAX_WORKERS))


def split_sources(sources: list[Source], workers: int) -> list[list[Source]]:
    """Sources dealt round-robin in registry order, which alternates heavy and light ones."""
    groups = [sources[k::workers] for k in range(max(1, workers))]
    return [group for group in groups if group]


class Crawl:
    """The crawler processes for `sources` (see `crawlers.worker`), started at once so that they
    load Scrapy while the caller prepares the warehouse; `run` gives them their jobs and waits.

    `lock_fd`, the writer lock, is inherited by the crawler processes, so the warehouse stays
    locked until the last of them has exited, even if this process is killed first.
    """

    def __init__(self, sources: list[Source], state: CrawlState, progress: bool = True,
                 workers: int | None = None, lock_fd: int | None = None):  # fmt: skip
        self.sources, self.state, self.progress = sources, state, progress
        self.groups = split_sources(sources, workers or default_workers(len(sources)))
        self.worker = _spawn(sources, progress, lock_fd)
        self.interrupted = False  # a SIGINT or SIGTERM came while crawling

    def __enter__(self) -> "Crawl":
        return self

    def __exit__(self, *exc) -> None:
        # The end of their input stops the crawler processes: never given jobs, they just exit.
        if not self.worker.stdin.closed:
            with suppress(BrokenPipeError):
                self.worker.stdin.close()
        self.worker.wait()

    def run(self, mirror: str | None = None, known: dict | None = None,
            extra_settings: dict | None = None) -> list[Path]:  # fmt: skip
        """Crawl, appending to the state's spools; return the spools. `known` (canonical URL ->
        stored dates and validators) lets spiders skip unchanged pages."""
        settings = self._settings(mirror, known, extra_settings)
        jobs = []
        for k, group in enumerate(self.groups):
            spool = self.state.folder / f"spool-{k}.jsonl"
            spool.touch()
            jobs.append({"sources": [s.source_id for s in group],
                         "settings": {**settings, "SPACERACE_SPOOL": str(spool)}})  # fmt: skip
        board = ProgressBoard([s.source_id for s in self.sources]) if self.progress else None
        with board or nullcontext(), _forwarded_signals(self.worker, self):
            pumps = _pumps(self.worker, board) if board else ()
            try:
                # The input stays open: it closes (in __exit__) once the crawl is over.
                self.worker.stdin.write(json.dumps({"jobs": jobs}) + "\n")
                self.worker.stdin.flush()
            except BrokenPipeError:  # it died starting up: reported below
                pass
            self.worker.wait()
            for thread in pumps:
                thread.join()
        if self.worker.returncode != 0:
            print(f"a crawler process exited with status {self.worker.returncode}; see the log "
                  "above (its sources are recorded as failed)", file=sys.stderr)  # fmt: skip
        return self.state.spools

    def _settings(self, mirror, known, extra) -> dict:
        self.state.folder.mkdir(parents=True, exist_ok=True)
        settings = {
            "SPACERACE_STATE_DIR": str(self.state.folder),
            "SPACERACE_PROGRESS": self.progress,
        }
        if mirror:
            # The spiders apply MIRROR_PROFILE when they see a mirror (SourceSpider.update_settings).
            settings["SPACERACE_MIRROR"] = mirror.rstrip("/")
        if known is not None:
            self.state.known.write_text(json.dumps(known))
            settings["SPACERACE_KNOWN"] = str(self.state.known)
        settings.update(extra or {})
        return settings


def _spawn(sources: list[Source], progress: bool, lock_fd: int | None) -> subprocess.Popen:
    return subprocess.Popen(
        # The source names are for `ps` to show; the jobs come on stdin.
        [sys.executable, "-m", "crawlers.worker", *(s.source_id for s in sources)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE if progress else subprocess.DEVNULL,
        stderr=subprocess.PIPE if progress else None,
        text=True,
        pass_fds=(lock_fd,) if lock_fd is not None else (),
        # Its own process group (its forks join it): a Ctrl-C reaches this process only, which
        # passes it on once (a second SIGINT would make Scrapy stop without saving its state).
        start_new_session=True,
    )


def _pumps(worker: subprocess.Popen, board: ProgressBoard) -> tuple[threading.Thread, ...]:
    return _pump(worker.stdout, board.report), _pump(worker.stderr, board.log)


def _pump(stream, handle) -> threading.Thread:
    def read() -> None:
        for line in stream:
            handle(line.rstrip("\n"))

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


@contextmanager
def _forwarded_signals(worker: subprocess.Popen, crawl: "Crawl"):
    """SIGINT and SIGTERM are passed on to the crawler processes, which stop cleanly; the crawl
    notes it, so that what they fetched is not published as if the crawl had ended."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def forward(signum, frame):
        crawl.interrupted = True
        if worker.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(worker.pid, signum)

    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
