"""The evidence page under AppTest: a milestone's claims, and a correction sent to the inbox."""

import shutil

import duckdb

from graph.inbox import waiting
from tests.views.test_dashboard import ROOT, run_app
from views import evidence

PAGE = str(ROOT / "views" / "pages" / "evidence.py")


def best_supported(db) -> tuple[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT milestone_id, n_claims FROM milestones ORDER BY n_claims DESC, milestone_id LIMIT 1"
        ).fetchone()


def test_a_milestone_link_lists_the_claims_behind_it(monkeypatch, built_db):
    milestone, n_claims = best_supported(built_db)
    at = run_app(monkeypatch, built_db, script=PAGE, milestone=milestone)
    assert not at.exception
    shown = min(n_claims, evidence.PAGE)
    assert sum(m.value.startswith("> ") for m in at.markdown) == shown
    assert any(f"{n_claims} claims from" in m.value for m in at.markdown)
    assert len(at.get("download_button")) == shown + 1  # a stored copy each, and the CSV


def test_an_unknown_milestone_says_so_and_offers_the_cells(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db, script=PAGE, milestone="nope")
    assert "No milestone nope" in at.warning[0].value
    assert "CN" in at.selectbox(key="nation").options


def test_a_correction_sent_from_the_page_waits_in_the_inbox(monkeypatch, built_db, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(built_db, db)
    milestone, _ = best_supported(db)
    at = run_app(monkeypatch, db, script=PAGE, milestone=milestone)
    submit = at.button[0]  # each claim's correction form ends in its own submit button
    claim = submit.proto.form_id.removeprefix("fix-")
    at.radio(key=f"action-{claim}").set_value("Its status is wrong")
    at.selectbox(key=f"status-{claim}").set_value("planned")
    at.text_input(key=f"why-{claim}").input("the article says it is only planned")
    at.text_input(key=f"who-{claim}").input("ana")
    submit.click().run()
    queued = [(e["action"], e["target"], e["value"], e["author"]) for e in waiting(db)]
    assert queued == [("set_status", claim, "planned", "ana")]
    assert "next `spacerace update`" in at.success[0].value
    at.run()  # the page drawn again knows the claim's correction is waiting
    assert any("waits for the next" in c.value for c in at.caption)


def test_a_sources_filter_keeps_only_claims_from_those_sources(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db, script=PAGE, nation="US", capability="crewed_spaceflight",
                 sources="cgtn")  # fmt: skip
    links = [m.value for m in at.markdown if "](https://" in m.value]
    assert links and all(" · cgtn (" in link for link in links)
    everything = run_app(
        monkeypatch, built_db, script=PAGE, nation="US", capability="crewed_spaceflight"
    )
    assert len([m for m in everything.markdown if "](https://" in m.value]) > len(links)


def test_a_long_list_of_claims_is_drawn_a_page_at_a_time(monkeypatch, built_db):
    milestone, n_claims = best_supported(built_db)
    monkeypatch.setattr("views.evidence.PAGE", 10)
    at = run_app(monkeypatch, built_db, script=PAGE, milestone=milestone)
    assert sum(m.value.startswith("> ") for m in at.markdown) == 10 < n_claims
    at.button(key=f"more-{milestone}").click().run()
    assert sum(m.value.startswith("> ") for m in at.markdown) == min(20, n_claims)


def test_a_correction_without_a_reason_is_refused_on_the_page(monkeypatch, built_db, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(built_db, db)
    at = run_app(monkeypatch, db, script=PAGE, milestone=best_supported(db)[0])
    at.button[0].click().run()  # sent with the reason left empty
    assert "say why" in at.error[0].value and waiting(db) == []
