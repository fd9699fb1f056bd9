"""The running dashboard in headless Chromium: the actor profile."""

from playwright.sync_api import expect

from tests.views.conftest import screenshot


def test_actor_page_shows_nasa_with_milestone_partner_and_document_links(
    page, dashboard_url, tmp_path
):
    page.goto(f"{dashboard_url}/actor?actor=nasa")
    page.get_by_role("heading", name="NASA", exact=True).wait_for(timeout=60_000)
    page.get_by_text("National Aeronautics and Space Administration").first.wait_for(timeout=30_000)
    evidence = page.locator('a[href^="/evidence?milestone="]')
    # The page arrives element by element: wait until the links are drawn, not just the first.
    expect(evidence.nth(5)).to_be_attached(timeout=30_000)
    expect(page.locator('a[href="/actor?actor=spacex"]').first).to_be_attached(timeout=30_000)
    documents = page.locator('[data-testid="stDataFrame"]').nth(2)  # after aliases, capabilities
    documents.scroll_into_view_if_needed(timeout=30_000)
    box = documents.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    page.get_by_role("heading", name="Actor profile").scroll_into_view_if_needed()
    assert screenshot(page, "actor", tmp_path).stat().st_size > 20_000
