"""Reliability figures for the README: kill-and-resume trials at random points of `spacerace
update`, and a schedule killed and restarted at random while the dashboard is read in a loop.

    python -m bench.reliability --trials 20 --restarts 4     (make reliability)

Both start from a warehouse crawled from the mirror as of an earlier day and update it from
today's mirror; the result must equal that of an update nobody killed. Prints the figures and
saves them as bench/results/reliability.json."""

import argparse
import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

from bench.kill_resume import PHASES, ROOT, run_trial, run_update, wait_for_writer_lock
from crawlers.mirror.server import make_server, start_in_thread
from warehouse.digest import differences, table_digests

EARLIER = date(2025, 6, 1)


def prepare(folder: Path) -> tuple[Path, Path, str, list, dict]:
    """The start warehouse, today's mirror (URL and request log) and the clean result."""
    earlier = make_server(port=0, as_of=EARLIER)
    start = folder / "start.duckdb"
    run_update(start, start_in_thread(earlier))
    earlier.shutdown()
    today = make_server(port=0)
    url = start_in_thread(today)
    clean = folder / "clean" / "warehouse.duckdb"
    clean.parent.mkdir()
    shutil.copy(start, clean)
    run_update(clean, url)
    return start, today, url, today.requested, table_digests(clean)


def kill_trials(n, folder, start, url, requested, clean, rng) -> dict:
    """`n` updates killed in a random phase at a random moment, each resumed by the next. A kill
    that came after the update had finished is no trial: another is run in its place."""
    trials, late = [], 0
    while len(trials) < n and late < n:
        k = len(trials) + late
        trial = run_trial(start, folder / f"trial-{k}", url, requested, clean,
                          rng.choice(PHASES), rng)  # fmt: skip
        if trial.killed_in == "finished":
            late += 1
            print(f"  (attempt {k + 1}: the update had finished before the kill; not counted)")
            continue
        trials.append(trial)
        verdict = "ok" if trial.passed(clean) else f"FAILED {trial.resumed_differences}"
        print(f"  trial {len(trials):>2}: killed in {trial.killed_in:<8} "
              f"published {'old' if trial.kept_old else 'new'}  {verdict}", flush=True)  # fmt: skip
    return {
        "trials": len(trials),
        "passed": sum(t.passed(clean) for t in trials),
        "identical_tables": sum(not t.resumed_differences for t in trials),
        "killed_in": dict(Counter(t.killed_in for t in trials)),
        "published_old": sum(t.kept_old for t in trials),
        "late_kills_not_counted": late,
    }


def scheduled_run(folder, start, url, clean, restarts, rng) -> dict:
    """A schedule (every 20 s) killed with SIGKILL and restarted `restarts` times at random,
    then left to finish a run, while the dashboard's overview is read in a loop."""
    db = folder / "scheduled" / "warehouse.duckdb"
    db.parent.mkdir()
    shutil.copy(start, db)
    done = threading.Event()
    outcome = {}

    def drive():
        try:
            outcome.update(_kill_and_restart(db, url, restarts, rng))
        finally:
            done.set()

    driver = threading.Thread(target=drive)
    driver.start()
    reads = _read_dashboard_until(db, done)
    driver.join()
    return {**outcome, **reads, "same_as_clean": differences(table_digests(db), clean) == []}


def _schedule(db: Path, url: str, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "cli", "schedule", "--cron", "*/20 * * * * *", "--now",
               "--db", str(db), "--mirror", url, "--log", str(log)]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip


def _kill_and_restart(db: Path, url: str, restarts: int, rng: random.Random) -> dict:
    log = db.parent / "schedule.log"
    for _ in range(restarts):
        process = _schedule(db, url, log)
        time.sleep(rng.uniform(2, 25))
        os.killpg(process.pid, signal.SIGKILL)  # the scheduler, its update, the crawlers
        process.wait()
        wait_for_writer_lock(db)
    process = _schedule(db, url, log)
    completed = _count(log, "ended: ok")
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and _count(log, "ended: ok") == completed:
        time.sleep(1)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=120)
    return {"restarts": restarts, "schedule_log_lines": len(log.read_text().splitlines())}


def _count(log: Path, phrase: str) -> int:
    return log.read_text().count(phrase) if log.exists() else 0


def _read_dashboard_until(db: Path, done: threading.Event) -> dict:
    from streamlit.testing.v1 import AppTest

    os.environ["SPACERACE_DB"] = str(db)
    reads = errors = 0
    shown = []  # the overview's milestone count, read after read: it moves as runs publish
    while not done.is_set():
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
        reads += 1
        errors += bool(at.exception or at.error)
        count = [m.value for m in at.metric if m.label == "Milestones"]
        if count and (not shown or shown[-1] != count[0]):
            shown.append(count[0])
    return {"dashboard_reads": reads, "dashboard_errors": errors, "milestones_shown": shown}


def _quiet() -> None:
    # The trials kill updates on purpose: the next lock holder's note about it, and Streamlit's
    # notes about running outside a server, would bury the figures.
    logging.getLogger("spacerace").setLevel(logging.ERROR)
    for name in ("streamlit", "streamlit.runtime.scriptrunner_utils.script_run_context"):
        logging.getLogger(name).setLevel(logging.ERROR)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.reliability", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument(
        "--trials", type=int, default=20, help="kill-and-resume trials (default 20)"
    )
    parser.add_argument("--restarts", type=int, default=4,
                        help="times the schedule is killed and restarted (default 4)")  # fmt: skip
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    args = parser.parse_args()
    _quiet()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="spacerace-reliability-") as tmp:
        folder = Path(tmp)
        print("preparing: the warehouse as of", EARLIER, "and a clean update to today", flush=True)
        start, server, url, requested, clean = prepare(folder)
        print(f"kill-and-resume trials ({args.trials}):", flush=True)
        trials = kill_trials(args.trials, folder, start, url, requested, clean, rng)
        print(f"schedule killed and restarted {args.restarts} times, dashboard read meanwhile:",
              flush=True)  # fmt: skip
        schedule = scheduled_run(folder, start, url, clean, args.restarts, rng)
        server.shutdown()
    result = {"kill_and_resume": trials, "schedule": schedule}
    print(json.dumps(result, indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "reliability.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
