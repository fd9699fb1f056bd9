"""The update lock: one writer at a time. It imports no database driver, so an update can take
the lock and start its crawler processes before anything slow is loaded."""

import fcntl
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse.errors import WarehouseLocked
from warehouse.paths import lock_path

log = logging.getLogger("spacerace")


@contextmanager
def writer_lock(db: Path) -> Iterator[int]:
    """Hold the update lock on `db` and yield its file descriptor.

    The OS frees the lock when the last process holding the descriptor exits, so it never goes
    stale; child processes that inherit the descriptor keep the warehouse locked until they end.
    """
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")  # noqa: SIM115 (held for the whole run)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown process"
        handle.close()
        raise WarehouseLocked(db, holder, _gone(holder)) from None
    handle.seek(0)
    killed = handle.read().strip()
    if killed:
        log.warning(
            "the update before this one (%s) was killed before it finished: its lock is "
            "cleared, and the published warehouse is the one it found (an interrupted crawl "
            "resumes)",
            killed,
        )
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
    handle.flush()
    try:
        yield handle.fileno()
    finally:
        handle.seek(0)
        handle.truncate()
        # Closing (not LOCK_UN, which would free it for the inheritors too) lets the lock go once
        # no child process holds the descriptor either.
        handle.close()


def _gone(holder: str) -> bool:
    """The holder's line names a process that has ended (its crawler processes still hold the
    lock for the few seconds they take to stop)."""
    words = holder.replace(",", " ").split()
    if len(words) < 2 or words[0] != "pid" or not words[1].isdigit():
        return False
    try:
        os.kill(int(words[1]), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
