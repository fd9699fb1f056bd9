"""`spacerace schedule`: runs `spacerace update` on a cron expression, one run at a time.

Each update runs in a subprocess, because Twisted's reactor cannot be restarted in a process.
Its output goes to a rotating log, line by line, between a start line and an end line."""

import logging
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_MAX_INSTANCES
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from warehouse import SpaceraceError

ROOT = Path(__file__).resolve().parent
STOP_GRACE = 60  # seconds a stopping update gets; under systemd's default TimeoutStopSec of 90
LOCKED = re.compile(r"locked by another update \((.*)\)")


def default_log(db: Path) -> Path:
    """Beside the crawl's state, in the warehouse's folder."""
    return db.parent / ".spacerace" / "schedule.log"


class _ZoneFormatter(logging.Formatter):
    """Log times in the schedule's time zone, named on every line."""

    def __init__(self, tz: ZoneInfo):
        super().__init__("%(asctime)s %(levelname)s %(message)s")
        self.tz = tz

    def formatTime(self, record, datefmt=None):  # noqa: N802 (logging's name)
        return datetime.fromtimestamp(record.created, self.tz).strftime("%Y-%m-%d %H:%M:%S %Z")


def open_log(path: Path, max_bytes: int, keep: int, tz: ZoneInfo) -> logging.Logger:
    """The schedule's logger: a file rotated at `max_bytes`, `keep` files in all (the current
    one included), and the same lines on stdout."""
    if path.is_dir():
        raise SpaceraceError(f"--log {path} is a folder: give a file, e.g. {path / 'schedule.log'}")
    if path.parent.exists() and not path.parent.is_dir():
        raise SpaceraceError(f"cannot write the log {path}: {path.parent} is a file, not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=keep - 1,
                                      encoding="utf-8")  # fmt: skip
    except OSError as exc:
        raise SpaceraceError(f"cannot write the log {path}: {exc.strerror}; check --log") from None
    log = logging.getLogger("spacerace.schedule")
    log.handlers.clear()
    log.propagate = False
    log.setLevel(logging.INFO)
    for h in (handler, logging.StreamHandler(sys.stdout)):
        h.setFormatter(_ZoneFormatter(tz))
        log.addHandler(h)
    # APScheduler's own warnings repeat what this log says better; its errors are kept.
    aps = logging.getLogger("apscheduler")
    aps.handlers, aps.propagate = list(log.handlers), False
    aps.setLevel(logging.ERROR)
    return log


def update_command(db: Path, sources, mirror=None, workers=None, settings=()) -> list[str]:
    """The `spacerace update` command line of each run."""
    command = [sys.executable, "-m", "cli", "update", "--db", str(db), "--no-progress"]
    if mirror:
        command += ["--mirror", mirror]
    if workers:
        command += ["--workers", str(workers)]
    for setting in settings:
        command += ["-s", setting]
    return command + list(sources)


class Runner:
    """Runs the updates, one at a time, and logs each; `limit` ends the schedule after so many."""

    def __init__(self, command: list[str], log: logging.Logger, tz: ZoneInfo, limit=None):
        self.command, self.log, self.tz, self.limit = command, log, tz, limit
        self.started = 0
        self.current = None  # (number, process, start time) while a run goes
        self.stopping = False
        self.finished = threading.Event()  # set once `limit` runs have ended
        self.idle = threading.Event()
        self.idle.set()
        self._lock = threading.Lock()  # a stop sees the process, or the run sees the stop

    def run(self) -> None:
        """One update (APScheduler's job): start it, log its output and how it ended."""
        with self._lock:
            if self.stopping or (self.limit and self.started >= self.limit):
                return
            self.idle.clear()
            self.started += 1
            number, began = self.started, time.monotonic()
            try:
                process = subprocess.Popen(
                    # From the project folder `-m cli` imports this checkout whatever the
                    # caller's folder; the run has its own session so that a Ctrl-C reaches the
                    # scheduler only, which passes on one interrupt.
                    self.command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                    text=True, errors="replace", start_new_session=True,
                    env={**os.environ, "PYTHONUNBUFFERED": "1"},
                )  # fmt: skip
            except OSError as exc:
                self.log.error("run %d could not start: %s", number, exc)
                return self._ended(number)
            self.current = (number, process, datetime.now(self.tz))
        shown = shlex.join(["spacerace", *self.command[3:]])
        self.log.info("run %d started (pid %d): %s", number, process.pid, shown)
        locked = []
        # Crawler processes that outlive a killed update would hold the pipe open: reading
        # happens aside, and the end line waits for it only a little.
        reader = threading.Thread(target=self._pump, args=(process, number, locked), daemon=True)
        reader.start()
        status = process.wait()
        reader.join(10)
        self.current = None
        self._report(number, status, time.monotonic() - began, locked)
        self._ended(number)

    def _pump(self, process, number: int, locked: list) -> None:
        for line in process.stdout:
            self.log.info("run %d | %s", number, line.rstrip())
            locked.extend(LOCKED.findall(line))

    def _report(self, number: int, status: int, seconds: float, locked: list) -> None:
        took = f"exit {status}, {seconds:.1f}s"
        if status == 0:
            self.log.info("run %d ended: ok (%s)", number, took)
        elif self.stopping:
            self.log.info("run %d ended: stopped with the schedule (%s)", number, took)
        elif status == 2 and locked:
            self.log.warning("run %d ended: skipped, the warehouse is locked by another update "
                             "(%s) (%s)", number, locked[0], took)  # fmt: skip
        elif status == 1:
            self.log.warning("run %d ended: a source failed or was blocked, the rest is "
                             "published (%s)", number, took)  # fmt: skip
        else:
            self.log.error("run %d ended: failed, see its lines above (%s)", number, took)

    def _ended(self, number: int) -> None:
        self.idle.set()
        if self.limit and number >= self.limit:
            self.finished.set()

    def skipped(self, event) -> None:
        """APScheduler's listener for a run that was due while the last one still goes."""
        due = event.scheduled_run_times[-1].strftime("%Y-%m-%d %H:%M:%S %Z")
        current = self.current
        if current:
            number, process, began = current
            going = f"run {number} (pid {process.pid}, started {began:%Y-%m-%d %H:%M:%S %Z})"
        else:
            going = "the previous run"
        self.log.warning("skipped the run due %s: %s is still going", due, going)

    def stop(self, grace: float = STOP_GRACE) -> None:
        """Interrupt the running update, if any, and wait for it up to `grace` seconds. The
        update publishes atomically and an interrupted crawl resumes next time."""
        with self._lock:
            self.stopping = True
            current = self.current
        if current:
            number, process, _ = current
            self.log.info("stopping run %d (pid %d)", number, process.pid)
            # SIGINT, not SIGTERM: the update turns it into a clean stop that removes its staged
            # copy, and passes it on once to its crawler processes, which save their state.
            process.send_signal(signal.SIGINT)
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                self.log.warning("run %d did not stop within %ds: killed", number, grace)
                process.kill()
        self.idle.wait(grace)


def serve(trigger: CronTrigger, runner: Runner, now: bool = False) -> int:
    """Run `runner` on `trigger` until SIGTERM or SIGINT, or until its run limit is reached."""
    stop = []
    # The handlers only take note: the loop below does the stopping, outside signal context.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda number, frame: stop.append(signal.Signals(number).name))
    scheduler = BackgroundScheduler(timezone=runner.tz)
    first = {"next_run_time": datetime.now(runner.tz)} if now else {}
    # One run at a time: a run due while another goes is skipped (and logged by runner.skipped);
    # runs missed while the machine slept are coalesced into one, run late rather than never.
    scheduler.add_job(runner.run, trigger, id="update", max_instances=1, coalesce=True,
                      misfire_grace_time=None, **first)  # fmt: skip
    scheduler.add_listener(runner.skipped, EVENT_JOB_MAX_INSTANCES)
    scheduler.start()
    while not stop and not runner.finished.wait(0.5):
        pass
    scheduler.shutdown(wait=False)
    runner.stop()
    runs = f"{runner.started} run{'s' if runner.started != 1 else ''}"
    runner.log.info("stopped (%s) after %s", stop[0] if stop else "run limit", runs)
    return 0
