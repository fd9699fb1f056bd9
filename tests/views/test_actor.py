"""The actor profile page under Streamlit's AppTest, on the demo warehouse."""

import re
from pathlib import Path

import pandas as pd

from tests.views.conftest import run_app
from views.actor import capability_summary
from warehouse.read import run_user_sql

ROOT = Path(__file__).resolve().parents[2]
EVIDENCE = re.compile(r"\]\(/evidence\?milestone=([0-9a-f]+)\)")


def run_page(monkeypatch, db, **params):
    return run_app(monkeypatch, db, str(ROOT / "views/pages/actor.py"), **params)


def table(at, first_column):
    """The dataframe whose first column is `first_column`."""
    return next(d.value for d in at.dataframe if d.value.columns[0] == first_column)


def milestone_ids(at):
    return [m for md in at.markdown for m in EVIDENCE.findall(md.value)]


def url_value(at, name):
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value


def test_nasa_shows_its_identity_and_aliases(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, actor="nasa")
    assert not at.exception
    assert at.selectbox(key="actor").value == "nasa"
    assert at.header[0].value == "NASA"
    assert any("National Aeronautics and Space Administration" in m.value for m in at.markdown)
    aliases = table(at, "alias")
    nasa = aliases[aliases.alias == "NASA"].iloc[0]
    assert nasa.n_seen > 0 and nasa.reason == "gazetteer alias"


def test_nasa_capabilities_carry_their_best_status(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, actor="nasa")
    capabilities = table(at, "capability").set_index("capability")
    assert capabilities.loc["crewed_spaceflight", "best_status"] == "achieved"
    assert capabilities.loc["lunar_sample_return", "best_status"] == "planned"
    assert pd.isna(capabilities.loc["lunar_sample_return", "first_achieved"])


def test_each_milestone_links_to_its_evidence(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, actor="nasa")
    ids = milestone_ids(at)
    stored = run_user_sql(built_db, "SELECT milestone_id FROM milestones WHERE entity_id = 'nasa'")
    assert ids and sorted(ids) == sorted(stored.milestone_id)
    assert any(s.value == f"Milestones ({len(ids)})" for s in at.subheader)


def test_the_documents_that_name_nasa_are_linked(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, actor="nasa")
    documents = table(at, "title")
    assert len(documents) > 10
    assert documents.url.str.startswith("https://").all()
    assert documents.url.str.contains("www.nasa.gov/news-release/").any()
    assert (documents.n_mentions + documents.n_claims > 0).all()


def test_partners_link_to_their_own_profiles(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, actor="nasa")
    partners = [m.value for m in at.markdown if m.value.startswith("- [")]
    assert any(p.startswith("- [SpaceX](/actor?actor=spacex) (US): ") for p in partners)
    assert any("crewed\\_spaceflight" in p for p in partners)


def test_an_unknown_actor_falls_back_to_the_most_central(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, actor="nope")
    assert not at.exception
    assert "nope" in at.warning[0].value
    chosen = at.selectbox(key="actor").value
    assert chosen != "nope" and url_value(at, "actor") == chosen
    assert milestone_ids(at)


def test_picking_an_actor_writes_it_to_the_url(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, actor="nasa")
    at.selectbox(key="actor").set_value("spacex").run()
    assert url_value(at, "actor") == "spacex"
    assert at.header[0].value == "SpaceX"


def test_the_confidence_filter_keeps_milestones_with_a_confident_claim(monkeypatch, built_db):
    every = milestone_ids(run_page(monkeypatch, built_db, actor="nasa"))
    confident = milestone_ids(run_page(monkeypatch, built_db, actor="nasa", min_confidence="0.8"))
    assert 0 < len(confident) < len(every)
    assert set(confident) <= set(every)


def test_the_source_filter_keeps_documents_from_those_sources(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, actor="nasa", sources="esa")
    documents = table(at, "title")
    assert len(documents) > 0
    assert set(documents.source) == {"European Space Agency"}


def test_achieved_ranks_above_planned_announced_and_failed():
    milestones = pd.DataFrame({
        "capability": ["a", "a", "a", "b", "b"],
        "status": ["planned", "achieved", "failed", "failed", "announced"],
        "date": ["2030", "2025-05", "2024", "2023", "2026"],
        "date_start": pd.to_datetime(["2030-01-01", "2025-05-01", "2024-01-01", "2023-01-01",
                                      "2026-01-01"]),
    })  # fmt: skip
    summary = capability_summary(milestones).set_index("capability")
    assert summary.loc["a", "best_status"] == "achieved"
    assert summary.loc["a", "date"] == "2025-05"
    assert summary.loc["a", "milestones"] == 3
    assert summary.loc["b", "best_status"] == "announced"
    assert list(summary.index) == ["a", "b"]  # the best status first
