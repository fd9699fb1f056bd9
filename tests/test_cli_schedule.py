"""`spacerace schedule` from the command line: runs `update` on a cron expression one run at a
time, logs each run, stops cleanly on SIGTERM, keeps its log bounded."""

import re
import signal
import subprocess
import time

import duckdb
import pytest

from tests.conftest import ROOT, SPACERACE, run_cli
from tests.test_cli import assert_one_line_error
from warehouse.lock import writer_lock

NEVER = "0 0 1 1 *"  # 1 January: with --now, a test runs exactly when it says


def wait_for(condition, what: str, timeout: float = 240) -> None:
    """Poll `condition` until it holds; the timeout only stops a broken run from hanging."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.2)


def runs_in(log: str) -> list[tuple[str, str]]:
    return re.findall(r"run (\d+) (started|ended)", log)


@pytest.fixture(scope="module")
def every_second(mirror, tmp_path_factory):
    """Two scheduled runs of a one-source update, due every second: each takes longer."""
    db = tmp_path_factory.mktemp("schedule") / "warehouse.duckdb"
    result = run_cli("schedule", "--cron", "* * * * * *", "--timezone", "Asia/Shanghai",
                     "--runs", "2", "--mirror", mirror, "--db", str(db), "spacex")  # fmt: skip
    log = (db.parent / ".spacerace" / "schedule.log").read_text()
    return result, db, log


def test_scheduled_runs_publish_the_warehouse_and_log_how_each_ended(every_second):
    result, db, log = every_second
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] > 0
    assert runs_in(log) == [("1", "started"), ("1", "ended"), ("2", "started"), ("2", "ended")]
    assert "run 1 ended: ok (exit 0," in log and "run 2 ended: ok (exit 0," in log
    assert "run 1 | published" in log  # the update's own output, line by line
    assert "stopped (run limit) after 2 runs" in log
    assert log in result.stdout  # echoed to stdout too


def test_the_time_zone_is_stated_at_start_and_on_every_log_line(every_second):
    _, _, log = every_second
    first = log.splitlines()[0]
    assert 'schedule "* * * * * *" in time zone Asia/Shanghai; next runs: ' in first
    assert all(" CST " in line for line in log.splitlines())


def test_a_run_due_while_the_last_one_goes_is_skipped_not_started_alongside(every_second):
    _, _, log = every_second
    pid = re.search(r"run 1 started \(pid (\d+)\)", log).group(1)
    assert re.search(
        rf"skipped the run due .*: run 1 \(pid {pid}, started .*\) is still going", log
    )
    # Starts and ends alternate: no run ever started while another was going.
    assert [kind for _, kind in runs_in(log)] == ["started", "ended"] * 2


def test_a_run_refused_by_the_warehouse_lock_is_logged_as_locked(mirror, tmp_path):
    db = tmp_path / "warehouse.duckdb"
    with writer_lock(db):  # as another update would
        result = run_cli("schedule", "--cron", NEVER, "--now", "--runs", "1", "--mirror", mirror,
                         "--db", str(db), "spacex")  # fmt: skip
    assert result.returncode == 0, result.stderr
    log = (tmp_path / ".spacerace" / "schedule.log").read_text()
    assert "run 1 ended: skipped, the warehouse is locked by another update (pid " in log
    assert "exit 2" in log and " ERROR " not in log
    assert not db.exists()


def test_sigterm_interrupts_the_running_update_and_stops_cleanly(mirror, tmp_path):
    db, log = tmp_path / "warehouse.duckdb", tmp_path / "schedule.log"
    scheduler = subprocess.Popen(
        [*SPACERACE, "schedule", "--cron", NEVER, "--now", "--log", str(log), "--mirror", mirror,
         "--db", str(db), "spacex"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_for(lambda: log.exists() and "run 1 started" in log.read_text(), "run 1 to start")
        scheduler.send_signal(signal.SIGTERM)
        assert scheduler.wait(240) == 0, scheduler.stderr.read()
    finally:
        scheduler.kill()
    text = log.read_text()
    assert "stopped (SIGTERM) after 1 run" in text
    # Signalled a moment after it started, the update (seconds long) was interrupted, not awaited.
    assert "run 1 ended: stopped with the schedule (exit" in text
    with writer_lock(db):  # no update is left running...
        pass
    assert not list(tmp_path.glob("*.staging-*"))  # ...nor a half-written copy


def test_the_log_rotates_and_keeps_at_most_log_keep_files(mirror, tmp_path):
    log = tmp_path / "logs" / "schedule.log"  # its folder is created
    db = tmp_path / "warehouse.duckdb"
    with writer_lock(db):  # a cheap run: refused at once, still a few log lines
        result = run_cli("schedule", "--cron", NEVER, "--now", "--runs", "1", "--db", str(db),
                         "--mirror", mirror, "--log", str(log), "--log-max-bytes", "100",
                         "--log-keep", "3")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in log.parent.iterdir()) == [
        "schedule.log",
        "schedule.log.1",
        "schedule.log.2",
    ]
    assert "stopped" in log.read_text()


@pytest.mark.parametrize(
    "args, phrases",
    [
        (["--cron", "0 */6 * *"], ['bad --cron "0 */6 * *"', "not 4", '"0 */6 * * *"']),
        (["--cron", "61 * * * *"], ["bad --cron", "61", "minute hour day month weekday"]),
        (["--cron", "0 6 * * 8"], ["bad weekday '8'"]),
        (["--cron", "0 6 * * *", "--timezone", "Mars/Olympus"], ["unknown time zone", "Mars"]),
        (["--cron", "0 6 * * *", "nowhere"], ["unknown source nowhere"]),
    ],
)
def test_a_bad_schedule_is_a_one_line_error(args, phrases, tmp_path):
    # A timeout: were the error missed, the schedule would run on.
    result = run_cli("schedule", *args, "--db", str(tmp_path / "w.duckdb"), timeout=60)
    assert_one_line_error(result, *phrases)
    assert result.returncode == 2


def test_a_log_path_that_is_a_folder_or_under_a_file_is_a_one_line_error(tmp_path):
    (tmp_path / "file").write_text("")
    for log, phrase in ((tmp_path, "is a folder"), (tmp_path / "file" / "x.log", "not a folder")):
        result = run_cli("schedule", "--cron", NEVER, "--log", str(log),
                         "--db", str(tmp_path / "w.duckdb"), timeout=60)  # fmt: skip
        assert_one_line_error(result, str(log), phrase)
        assert result.returncode == 2


def test_schedule_explains_itself_with_help():
    result = run_cli("schedule", "--help")
    assert result.returncode == 0
    assert "usage: spacerace schedule" in result.stdout
    assert "6 fields put seconds first" in result.stdout and "docs/scheduling.md" in result.stdout
    assert "--no-progress" not in result.stdout  # every run has none
