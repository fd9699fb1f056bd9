"""Shared fixtures: the mirror on a free port, and one warehouse built from it by the real CLI."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crawlers.mirror.server import make_server, start_in_thread

ROOT = Path(__file__).resolve().parents[1]
SPACERACE = [sys.executable, "-m", "cli"]


def run_cli(*args: str, env: dict | None = None, check: bool = False, timeout: int = 600):
    """Run `spacerace ARGS...` in a subprocess (Twisted's reactor runs once per process)."""
    result = subprocess.run(
        [*SPACERACE, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )  # fmt: skip
    if check and result.returncode != 0:
        raise AssertionError(
            f"spacerace {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result


@pytest.fixture(scope="session")
def mirror() -> str:
    server = make_server(port=0)
    url = start_in_thread(server)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def built_db(mirror, tmp_path_factory) -> Path:
    """A warehouse made by `spacerace update` from the mirror (read it, never write it)."""
    db = tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb"
    result = run_cli("update", "--mirror", mirror, "--db", str(db), "--no-progress", check=True)
    (db.parent / "first-update.log").write_text(result.stdout + result.stderr)
    return db


@pytest.fixture
def db_copy(built_db, tmp_path) -> Path:
    """A private copy of the built warehouse, for tests that update or lock it."""
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(built_db, copy)
    return copy
