"""Kill-and-resume trials: `spacerace update` killed with SIGKILL during the crawl, the extraction,
the build or the publication must leave the published warehouse exactly as it was, and the next
update must end with the same tables as an update nobody killed.

Used by tests/test_kill_resume.py (one trial per phase) and bench/reliability.py (many trials at
random points)."""

import os
import random
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from warehouse.digest import differences, table_digests
from warehouse.errors import WarehouseLocked
from warehouse.lock import writer_lock

ROOT = Path(__file__).resolve().parents[1]
PHASES = ("crawl", "extract", "build", "publish")
# The line the update prints when each phase is over (with --no-progress).
PHASE_ENDS = {
    "crawl": " pages ",
    "extract": "extracted ",
    "build": "built ",
    "publish": "published ",
}


@dataclass
class Trial:
    phase: str  # where the kill was aimed
    killed_in: str  # where it landed, from what the update had printed ("finished": too late)
    published: dict  # digests of the published warehouse right after the kill
    kept_old: bool  # it was the warehouse from before the killed update
    resumed_differences: list[str]  # tables unlike the clean run's after the next update

    def passed(self, clean: dict) -> bool:
        """The killed update published nothing or everything, and the next one completed it."""
        return (self.kept_old or self.published == clean) and not self.resumed_differences


def update_command(db: Path, mirror: str) -> list[str]:
    return [sys.executable, "-m", "cli", "update", "--mirror", mirror, "--db", str(db),
            "--no-progress"]  # fmt: skip


def run_update(db: Path, mirror: str) -> None:
    """An update nobody kills; an error if it fails."""
    result = subprocess.run(update_command(db, mirror), cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"update failed:\n{result.stdout}\n{result.stderr}")


def killed_update(db: Path, mirror: str, phase: str, requested: list, rng: random.Random) -> str:
    """Start an update and SIGKILL it during `phase`; return the phase it was in when killed.

    `requested` is the mirror's request log: the crawl is killed after a random number of
    page requests; the later phases a random moment after the previous phase's last line."""
    lines: list[str] = []
    process = subprocess.Popen(
        update_command(db, mirror), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()
    _wait_for_moment(phase, lines, requested, process, rng)
    process.kill()
    process.wait()
    reader.join(timeout=10)
    return _phase_reached(lines, process.returncode)


def _wait_for_moment(phase, lines, requested, process, rng) -> None:
    deadline = time.monotonic() + 300
    if phase == "crawl":
        start, pages = len(requested), rng.randint(1, 12)
        until = lambda: len(requested) >= start + pages  # noqa: E731
    else:
        before = PHASES[PHASES.index(phase) - 1]
        until = lambda: any(PHASE_ENDS[before] in line for line in lines)  # noqa: E731
    while process.poll() is None and not until() and time.monotonic() < deadline:
        time.sleep(0.01)
    # Extraction takes seconds, the build one or two, publication a fraction of one.
    time.sleep(rng.uniform(0, {"crawl": 0.2, "extract": 1.5, "build": 1.0, "publish": 0.0}[phase]))


def _phase_reached(lines: list[str], returncode: int) -> str:
    if returncode == 0:
        return "finished"
    done = [p for p in PHASES if any(PHASE_ENDS[p] in line for line in lines)]
    return PHASES[len(done)] if len(done) < len(PHASES) else "finished"


def wait_for_writer_lock(db: Path, timeout: float = 60) -> None:
    """Until every process of the killed update is gone (its crawler processes end by
    themselves once their parent is killed, and hold the lock until then)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with writer_lock(db):
                return
        except WarehouseLocked:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def run_trial(start: Path, workdir: Path, mirror: str, requested: list, clean: dict,
              phase: str, rng: random.Random) -> Trial:  # fmt: skip
    """Copy the `start` warehouse, kill an update of it during `phase`, check the published
    warehouse, update again, compare with `clean` (digests of an update nobody killed)."""
    workdir.mkdir(parents=True)
    db = workdir / "warehouse.duckdb"
    shutil.copy(start, db)
    before = table_digests(db)
    killed_in = killed_update(db, mirror, phase, requested, rng)
    wait_for_writer_lock(db)
    published = table_digests(db)
    run_update(db, mirror)
    resumed = differences(table_digests(db), clean)
    return Trial(phase, killed_in, published, published == before, resumed)
