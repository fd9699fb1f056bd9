"""The update lock: one writer at a time. It imports no database driver, so an update can take
the lock and start its crawler processes before anything slow is loaded."""

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse.errors import WarehouseLocked
from warehouse.paths import lock_path


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
        raise WarehouseLocked(db, holder) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
    handle.flush()
    try:
        yield handle.fileno()
    finally:
        # Closing (not LOCK_UN, which would free it for the inheritors too) lets the lock go once
        # no child process holds the descriptor either. The holder's line stays for the next one
        # to overwrite; it is read only while the lock is held.
        handle.close()
