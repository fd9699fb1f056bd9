"""The running dashboard in headless Chromium: the What's new and source health page."""

from tests.views.conftest import screenshot


def test_whatsnew_shows_the_last_run_the_alerts_and_the_health_table(page, dashboard_url, tmp_path):
    page.goto(f"{dashboard_url}/whatsnew")
    page.get_by_text("What the last crawl brought").wait_for(timeout=60_000)
    page.get_by_text("New milestones:", exact=False).wait_for(timeout=30_000)
    # The demo's Blue Origin answers with a bot challenge: a warning, not an error.
    page.locator('[data-testid="stAlertContentWarning"]', has_text="Blue Origin").wait_for(
        timeout=30_000
    )
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    page.get_by_text("Source health", exact=True).wait_for(timeout=30_000)
    tables = page.locator('[data-testid="stDataFrame"]')
    tables.nth(2).wait_for(timeout=30_000)
    assert tables.count() == 3  # new milestones, moved targets, source health
    box = tables.first.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    assert screenshot(page, "whatsnew", tmp_path).stat().st_size > 20_000  # drawn, not blank
