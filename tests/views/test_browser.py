"""The running dashboard in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

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


@pytest.fixture(scope="module")
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


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
        )
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_overview_draws_the_matrix_and_the_evidence_links(browser, dashboard_url, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    page.goto(f"{dashboard_url}/?nation=CN&capability=computing_constellation")
    page.get_by_text("Best status by nation and capability").wait_for(timeout=60_000)
    matrix = page.locator('[data-testid="stDataFrame"]').first
    matrix.wait_for(timeout=30_000)
    box = matrix.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    page.get_by_text("supporting claims for CN / computing_constellation").wait_for(timeout=30_000)
    links = page.locator('a[href^="https://news.cgtn.com/news/"]')
    assert links.count() > 0
    shot = Path(os.environ.get("SPACERACE_SCREENSHOT") or tmp_path / "overview.png")
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 20_000  # a drawn page, not a blank one
    page.close()
