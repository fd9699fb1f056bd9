"""The overview page under Streamlit's AppTest, on the warehouse the end-to-end update built."""

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.views.conftest import run_app as run_page

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "views" / "pages" / "overview.py")


def run_app(monkeypatch, db, script=APP, **params):
    return run_page(monkeypatch, db, script, **params)


def quoted(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("> ")]


def test_overview_shows_counts_the_index_chart_and_the_matrix(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db)
    assert not at.exception
    assert {m.label for m in at.metric} >= {"Documents", "Milestones", "Nations"}
    chart = at.get("vega_lite_chart")[0].proto.spec
    assert '"nation"' in chart and '"index_value"' in chart
    matrix = at.dataframe[0].value
    assert {"CN", "US"} <= set(matrix.index)
    assert "achieved" in set(matrix.to_numpy().ravel())


def test_choosing_a_cell_lists_its_sentences_highlighted_with_links(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db)
    at.selectbox(key="nation").set_value("US").run()
    at.selectbox(key="capability").set_value("crewed_spaceflight").run()
    links = [m.value for m in at.markdown if "](https://" in m.value]
    assert any("www.nasa.gov/news-release/" in link for link in links)
    assert quoted(at) and all(":orange-background[**" in q for q in quoted(at))
    assert at.query_params["nation"] in (["US"], "US")


def test_a_shared_link_opens_on_its_cell(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db, nation="CN", capability="computing_constellation")
    assert at.selectbox(key="nation").value == "CN"
    assert at.selectbox(key="capability").value == "computing_constellation"


def test_nation_and_capability_filters_in_the_link_narrow_every_part(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db, nations="CN,IN", capabilities="crewed_spaceflight")
    assert set(at.dataframe[0].value.index) == {"CN", "IN"}
    assert list(at.dataframe[0].value.columns) == ["crewed_spaceflight"]
    assert set(at.dataframe[1].value.nation) <= {"CN", "IN"}  # the recent milestones
    assert at.multiselect(key="filter_nations").value == ["CN", "IN"]


def test_a_filter_chosen_in_the_sidebar_goes_into_the_link(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db)
    at.multiselect(key="filter_nations").set_value(["JP"]).run()
    at.slider(key="filter_min_confidence").set_value(0.5).run()
    assert at.query_params["nations"] in (["JP"], "JP")
    assert at.query_params["min_confidence"] in (["0.5"], "0.5")


def test_a_minimum_confidence_above_every_claim_leaves_no_evidence(monkeypatch, built_db):
    at = run_app(
        monkeypatch, built_db, min_confidence="1", nation="US", capability="crewed_spaceflight"
    )
    assert any("No claim supports this" in i.value for i in at.info)


def test_the_overview_opens_without_a_cell_chosen_and_says_how_to_choose(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db)
    assert at.selectbox(key="nation").value is None
    assert any("Click a cell of the matrix" in i.value for i in at.info)
    assert not [m for m in at.markdown if m.value.startswith("> ")]


def test_crawled_text_with_script_tags_and_links_renders_as_text(monkeypatch, built_db, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(built_db, db)
    trap = "<script>alert(1)</script> [click](http://evil.example) :red[x]"
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE claims SET sentence = sentence || ?", [" " + trap])
        con.execute("UPDATE documents SET title = ?", [trap])
    at = run_app(monkeypatch, db, nation="US", capability="crewed_spaceflight")
    shown = " ".join(m.value for m in at.markdown)
    assert "<script>" not in shown and "](http://evil.example)" not in shown
    assert r"\<script\>" in shown and r"\[click\]\(http" in shown
    assert "http://evil" not in shown  # not even a bare address Markdown would make a link


def test_the_dashboard_opens_on_the_overview(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db, script=str(ROOT / "dashboard.py"))
    assert not at.exception
    assert at.title[0].value.startswith("spacerace: who is ahead")


def test_without_a_warehouse_the_page_says_how_to_build_one(monkeypatch, tmp_path):
    at = run_app(monkeypatch, tmp_path / "missing.duckdb", script=str(ROOT / "dashboard.py"))
    assert not at.exception
    assert "spacerace update" in at.warning[0].value


def test_a_warehouse_setting_that_names_a_folder_is_shown_plainly(monkeypatch, tmp_path):
    at = run_app(monkeypatch, tmp_path, script=str(ROOT / "dashboard.py"))
    assert not at.exception
    assert "SPACERACE_DB names" in at.error[0].value and "which is a folder" in at.error[0].value


@pytest.mark.parametrize("page", ["overview", "timeline", "evidence"])
def test_each_page_opens_on_the_demo_warehouse_without_an_error(monkeypatch, built_db, page):
    at = run_app(monkeypatch, built_db, script=str(ROOT / "views" / "pages" / f"{page}.py"))
    assert not at.exception and not at.error
