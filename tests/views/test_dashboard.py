"""The dashboard under Streamlit's AppTest, on the warehouse the end-to-end update built."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard.py")


def run_app(monkeypatch, db, **params):
    monkeypatch.setenv("SPACERACE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_overview_shows_counts_matrix_and_evidence(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db)
    assert not at.exception
    assert {m.label for m in at.metric} >= {"Documents", "Milestones", "Nations"}
    matrix = at.dataframe[0].value
    assert {"CN", "US"} <= set(matrix.index)
    assert "achieved" in set(matrix.to_numpy().ravel())


def test_choosing_a_cell_lists_its_sentences_with_links(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db)
    at.selectbox(key="nation").set_value("US").run()
    at.selectbox(key="capability").set_value("crewed_spaceflight").run()
    evidence = [m.value for m in at.markdown if "](https://" in m.value]
    assert evidence, "no evidence listed"
    assert any("www.nasa.gov/news-release/" in e for e in evidence)
    assert all("> " in e for e in evidence)  # the supporting sentence is quoted
    assert at.query_params["nation"] == ["US"] or at.query_params["nation"] == "US"


def test_a_shared_link_opens_on_its_cell(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db, nation="CN", capability="computing_constellation")
    assert at.selectbox(key="nation").value == "CN"
    assert at.selectbox(key="capability").value == "computing_constellation"


def test_without_a_warehouse_the_page_says_how_to_build_one(monkeypatch, tmp_path):
    at = run_app(monkeypatch, tmp_path / "missing.duckdb")
    assert not at.exception
    assert "spacerace update" in at.warning[0].value
