"""Fixtures for the dashboard's tests: the running dashboard on the demo warehouse and a headless
Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def dashboard_url(built_db):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "dashboard", "--port", str(port), "--db", str(built_db)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    yield url
    process.terminate()
    process.wait(timeout=20)
    # The server itself stopped: `spacerace dashboard` leaves no Streamlit behind.
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
        )
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, tmp_path):
    """A fresh browser page, closed after the test."""
    opened = browser.new_page(viewport={"width": 1400, "height": 1600})
    yield opened
    opened.close()


def screenshot(page, name: str, tmp_path: Path) -> Path:
    """Save the page as SPACERACE_SCREENSHOTS/<name>.png (the README's pictures) or under
    tmp_path; return the file."""
    # Every page draws the shared filters last: once they show, the page is complete.
    page.get_by_text("Minimum confidence", exact=True).wait_for(timeout=30_000)
    page.wait_for_timeout(500)  # the last elements' fonts and charts settle
    folder = Path(os.environ.get("SPACERACE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / f"{name}.png"
    page.screenshot(path=str(shot), full_page=False)
    return shot


def run_app(monkeypatch, db, script: str, **params):
    """Streamlit's AppTest of `script` on the warehouse `db`, opened with these query params."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("SPACERACE_DB", str(db))
    at = AppTest.from_file(script, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()
