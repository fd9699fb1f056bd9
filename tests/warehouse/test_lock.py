"""The writer lock: a killed holder never blocks the next update, which says what happened."""

import logging
import os
import signal
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from warehouse.errors import WarehouseLocked
from warehouse.lock import writer_lock
from warehouse.paths import lock_path

HOLD = "import sys, time; from pathlib import Path; from warehouse.lock import writer_lock\n" \
       "with writer_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)"  # fmt: skip


def holder(db):
    """Another process holding the lock on `db`."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert process.stdout.readline().strip() == "held"
    return process


def test_the_lock_names_its_holder_while_held(tmp_path):
    process = holder(tmp_path / "w.duckdb")
    try:
        with (
            pytest.raises(WarehouseLocked, match=rf"pid {process.pid}, started .*wait for it"),
            writer_lock(tmp_path / "w.duckdb"),
        ):
            pass
    finally:
        process.kill()
        process.wait()


def test_a_lock_left_by_a_killed_update_is_cleared_and_reported(tmp_path, caplog):
    process = holder(tmp_path / "w.duckdb")
    process.send_signal(signal.SIGKILL)
    process.wait()
    with caplog.at_level(logging.WARNING, logger="spacerace"), writer_lock(tmp_path / "w.duckdb"):
        pass
    assert f"(pid {process.pid}, started" in caplog.text
    assert "was killed before it finished" in caplog.text


def test_a_lock_let_go_normally_reports_nothing_next_time(tmp_path, caplog):
    with writer_lock(tmp_path / "w.duckdb"):
        pass
    with caplog.at_level(logging.WARNING, logger="spacerace"), writer_lock(tmp_path / "w.duckdb"):
        pass
    assert caplog.text == ""
    assert lock_path(tmp_path / "w.duckdb").read_text() == ""


def test_a_lock_still_held_by_a_killed_updates_children_says_to_retry_shortly(tmp_path):
    # Like an update's crawler processes, the child inherits the lock's descriptor.
    script = (
        "import subprocess, sys, time; from pathlib import Path\n"
        "from warehouse.lock import writer_lock\n"
        "with writer_lock(Path(sys.argv[1])) as fd:\n"
        "    child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'],"
        " pass_fds=(fd,))\n"
        "    print(child.pid, flush=True); time.sleep(60)"
    )
    process = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "w.duckdb")],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True)  # fmt: skip
    child = int(process.stdout.readline())
    process.kill()
    process.wait()
    try:
        with (
            pytest.raises(WarehouseLocked, match=rf"pid {process.pid}, .*was killed and its "
                          "crawler processes are stopping; run again in a few seconds"),
            writer_lock(tmp_path / "w.duckdb"),
        ):  # fmt: skip
            pass
    finally:
        os.kill(child, signal.SIGKILL)
