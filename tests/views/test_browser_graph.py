"""The running dashboard in headless Chromium: the graph explorer."""

from playwright.sync_api import expect

from tests.views.conftest import screenshot


def test_graph_page_draws_the_network_and_spacex_neighbourhood(page, dashboard_url, tmp_path):
    page.goto(f"{dashboard_url}/graph?node=spacex")
    page.get_by_role("heading", name="Graph explorer").wait_for(timeout=60_000)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.wait_for(timeout=30_000)
    drawing = chart.locator("canvas, svg").first
    drawing.wait_for(timeout=30_000)
    box = drawing.bounding_box()
    assert box and box["width"] > 500 and box["height"] > 400
    page.get_by_role("heading", name="SpaceX").wait_for(timeout=30_000)
    profile = page.locator('a[href="/actor?actor=spacex"]')
    profile.wait_for(timeout=30_000)
    assert profile.inner_text() == "Actor profile of SpaceX"
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_attached(
        timeout=30_000
    )  # the neighbourhood
    assert screenshot(page, "graph", tmp_path).stat().st_size > 20_000  # drawn, not blank
