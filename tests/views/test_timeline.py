"""The timeline page under AppTest: milestones in time, slips and overdue plans."""

from tests.views.test_dashboard import ROOT, run_app

PAGE = str(ROOT / "views" / "pages" / "timeline.py")


def layers(at) -> str:
    return at.get("vega_lite_chart")[0].proto.spec


def test_the_timeline_draws_milestones_slips_and_overdue_plans(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db, script=PAGE)
    assert not at.exception
    spec = layers(at)
    assert '"rule"' in spec and '"triangle-right"' in spec and '"day"' in spec
    slips = at.dataframe[0].value
    gaganyaan = slips[(slips.actor == "ISRO") & (slips.capability == "crewed_spaceflight")]
    assert {("2025", "2026"), ("2026", "2027")} <= set(
        zip(gaganyaan.old_target, gaganyaan.new_target, strict=True)
    )
    assert len(at.dataframe[1].value) > 0  # the demo corpus holds plans whose target has passed


def test_a_nation_filter_keeps_the_timeline_to_that_nation(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db, script=PAGE, nations="IN")
    assert set(at.dataframe[0].value.nation) == {"IN"}
    assert set(at.dataframe[1].value.nation) <= {"IN"}


def test_rows_can_be_nations_instead_of_actors(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db, script=PAGE)
    at.radio(key="timeline_rows").set_value("nation").run()
    assert '"field": "nation"' in layers(at).replace('"field":"nation"', '"field": "nation"')


def test_dates_outside_every_milestone_say_so(monkeypatch, built_db):
    at = run_app(monkeypatch, built_db, script=PAGE, start="1990-01-01", end="1990-12-31")
    assert any("No dated milestones" in i.value for i in at.info)
