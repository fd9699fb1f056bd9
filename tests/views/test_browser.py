"""The running dashboard in headless Chromium: the overview (a matrix cell clicked leads to its
evidence), the timeline and the evidence page."""

import duckdb
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.views.conftest import screenshot
from views.evidence import PAGE

ROW = 35  # pixels per row of Streamlit's data grid, the header row included


def drawn(page, testid: str, min_width: int = 300, min_height: int = 100) -> None:
    element = page.locator(f'[data-testid="{testid}"]').first
    element.wait_for(timeout=60_000)
    box = element.bounding_box()
    assert box and box["width"] > min_width and box["height"] > min_height, box


def test_overview_draws_the_index_chart_and_the_matrix(page, dashboard_url, tmp_path):
    page.goto(f"{dashboard_url}/?nation=CN&capability=computing_constellation")
    page.get_by_text("Best status by nation and capability").wait_for(timeout=60_000)
    drawn(page, "stVegaLiteChart")
    drawn(page, "stDataFrame")
    page.get_by_text("supporting claims for CN / computing_constellation").wait_for(timeout=30_000)
    expect(page.locator('a[href^="https://news.cgtn.com/news/"]').first).to_be_attached(
        timeout=30_000
    )
    assert screenshot(page, "overview", tmp_path).stat().st_size > 20_000  # drawn, not blank


def test_clicking_a_matrix_cell_shows_a_sentence_behind_it(page, dashboard_url, built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        nations = [r[0] for r in con.execute(
            "SELECT DISTINCT nation FROM national_progress ORDER BY 1").fetchall()]  # fmt: skip
    row = nations.index("CN")
    page.goto(dashboard_url)
    grid = page.locator('[data-testid="stDataFrame"] canvas').first
    grid.wait_for(timeout=60_000)
    box = grid.bounding_box()
    caption = page.get_by_text("supporting claims for CN / ")
    # Columns are as wide as their names: try across the row until a filled cell is hit.
    for share in (0.35, 0.5, 0.65, 0.8, 0.2, 0.95):
        page.mouse.click(box["x"] + box["width"] * share, box["y"] + ROW * (row + 1) + ROW / 2)
        try:
            caption.wait_for(timeout=8_000)
            break
        except PlaywrightTimeout:  # an empty cell: no evidence to show, try the next column
            continue
    capability = caption.inner_text().split(" / ")[1].strip()
    with duckdb.connect(str(built_db), read_only=True) as con:
        sentences = [r[0] for r in con.execute(
            "SELECT c.sentence FROM milestones m JOIN entities e USING (entity_id) "
            "JOIN milestone_claims USING (milestone_id) JOIN claims c USING (claim_id) "
            "WHERE e.nation = 'CN' AND m.capability = ?", [capability]).fetchall()]  # fmt: skip
    quote = page.locator('[data-testid="stMarkdownContainer"] blockquote').first
    quote.wait_for(timeout=30_000)
    shown = quote.inner_text()
    assert any(s.split()[:6] == shown.split()[:6] or s[:40] in shown for s in sentences), shown


def test_the_timeline_draws_its_chart_and_tables(page, dashboard_url, tmp_path):
    page.goto(f"{dashboard_url}/timeline")
    page.get_by_text("Overdue plans", exact=True).wait_for(timeout=60_000)
    drawn(page, "stVegaLiteChart", min_height=200)
    assert page.get_by_text("Slips", exact=True).count() == 1
    screenshot(page, "timeline", tmp_path)


def test_the_evidence_page_quotes_each_claim_of_a_milestone(
    page, dashboard_url, built_db, tmp_path
):
    with duckdb.connect(str(built_db), read_only=True) as con:
        milestone, n_claims = con.execute(
            "SELECT milestone_id, n_claims FROM milestones ORDER BY n_claims DESC, milestone_id LIMIT 1"
        ).fetchone()
    page.goto(f"{dashboard_url}/evidence?milestone={milestone}")
    quotes = page.locator('[data-testid="stMarkdownContainer"] blockquote')
    quotes.first.wait_for(timeout=60_000)
    page.get_by_text(f"{n_claims} claims from").wait_for(timeout=30_000)
    shown = min(n_claims, PAGE)
    # The page arrives element by element: wait until every quote is drawn.
    expect(quotes).to_have_count(shown, timeout=30_000)
    # The claim's sentence is marked (bold, on a background) inside its paragraph.
    expect(quotes.locator("strong")).to_have_count(shown, timeout=30_000)
    screenshot(page, "evidence", tmp_path)


def test_no_page_fetches_anything_from_beyond_the_dashboard(page, dashboard_url):
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    for path in ("/", "/timeline", "/graph", "/actor", "/search?q=moon", "/whatsnew"):
        page.goto(f"{dashboard_url}{path}")
        page.get_by_text("Minimum confidence", exact=True).wait_for(timeout=60_000)
        page.wait_for_timeout(500)
    elsewhere = [u for u in asked if not u.startswith((dashboard_url, "data:", "blob:"))]
    assert asked and elsewhere == []
