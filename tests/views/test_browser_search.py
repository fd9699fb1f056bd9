"""The running dashboard in headless Chromium: the Search page."""

from playwright.sync_api import expect

from tests.views.conftest import screenshot

TIANGONG_PAGE = "China plans to expand Tiangong space station to six modules"


def test_search_shows_the_hits_with_page_and_evidence_links(page, dashboard_url, tmp_path):
    page.goto(f"{dashboard_url}/search?q=Tiangong")
    page.get_by_text(TIANGONG_PAGE).first.wait_for(timeout=60_000)
    page.get_by_text("pages contain", exact=False).first.wait_for(timeout=30_000)
    result = page.locator("a", has_text=TIANGONG_PAGE).first
    assert result.get_attribute("href").startswith("https://news.cgtn.com/news/")
    evidence = page.locator('a[href*="/evidence?milestone="]')
    expect(evidence.first).to_be_attached(timeout=30_000)
    # The box is filled from the link's ?q= (retried: Streamlit may redraw it meanwhile).
    expect(page.get_by_label("Words to find", exact=False)).to_have_value("Tiangong")
    assert screenshot(page, "search", tmp_path).stat().st_size > 20_000  # drawn, not blank
