"""The running dashboard in headless Chromium: the actor profile."""

from tests.views.conftest import screenshot


def test_actor_page_shows_nasa_with_milestone_partner_and_document_links(
    page, dashboard_url, tmp_path
):
    page.goto(f"{dashboard_url}/actor?actor=nasa")
    page.get_by_role("heading", name="NASA", exact=True).wait_for(timeout=60_000)
    page.get_by_text("National Aeronautics and Space Administration").first.wait_for(timeout=30_000)
    evidence = page.locator('a[href^="/evidence?milestone="]')
    evidence.first.wait_for(timeout=30_000)
    assert evidence.count() > 5
    assert page.locator('a[href="/actor?actor=spacex"]').count() > 0  # a partner's profile
    documents = page.locator('[data-testid="stDataFrame"]').nth(2)  # after aliases, capabilities
    documents.scroll_into_view_if_needed(timeout=30_000)
    box = documents.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    page.get_by_role("heading", name="Actor profile").scroll_into_view_if_needed()
    assert screenshot(page, "actor", tmp_path).stat().st_size > 20_000
