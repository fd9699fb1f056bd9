"""The slips and overdue_milestones views: how a plan's target moves from report to report."""

from datetime import date

import duckdb
import pytest


@pytest.fixture
def con(warehouse):
    warehouse.execute("INSERT INTO entities VALUES ('isro', 'Indian Space Research Organisation', "
                      "'ISRO', 'agency', 'IN', 'gazetteer')")  # fmt: skip
    return warehouse


def report(con, target, reported, doc, capability="crewed_spaceflight"):
    con.execute(
        "INSERT INTO milestone_targets VALUES ('isro', ?, ?, ?, ?, ?)",
        [capability, target, reported, doc, f"{doc}-{target}"],
    )


def slips(con):
    return con.execute(
        "SELECT old_target, new_target, direction, old_doc_id, new_doc_id FROM slips "
        "ORDER BY new_reported_at"
    ).fetchall()


def test_a_target_moved_by_a_later_report_is_a_slip_with_both_reports(con):
    report(con, "2025", "2024-08-01", "a")
    report(con, "2026", "2025-05-07", "b")
    report(con, "2027", "2025-06-26", "c")
    assert slips(con) == [("2025", "2026", "later", "a", "b"), ("2026", "2027", "later", "b", "c")]


def test_a_target_brought_forward_is_earlier(con):
    report(con, "2028", "2024-08-01", "a")
    report(con, "2027-11", "2025-05-07", "b")
    assert slips(con)[0][2] == "earlier"


def test_a_target_made_more_precise_is_no_slip(con):
    report(con, "2027", "2024-08-01", "a")
    report(con, "2027-06", "2025-05-07", "b")
    report(con, "2027", "2025-06-07", "c")
    assert slips(con) == []


def test_a_report_of_several_targets_is_read_for_its_nearest(con):
    report(con, "2028", "2024-08-01", "a", "space_station")
    report(con, "2035", "2024-08-01", "a", "space_station")
    report(con, "2028", "2025-05-07", "b", "space_station")
    assert slips(con) == []


def milestone(con, mid, status, when, first_reported):
    start = f"{when}-01-01"[:10] if when and len(when) == 4 else (when and f"{when}-01"[:10])
    con.execute(
        "INSERT INTO milestones VALUES (?, 'isro', 'crewed_spaceflight', ?, ?, NULL, ?, ?, ?, "
        "1, 1, 1, 'sentence', 'doc')",
        [mid, status, when, start, first_reported, first_reported],
    )


def overdue(con):
    return [r[0] for r in con.execute("SELECT milestone_id FROM overdue_milestones").fetchall()]


def test_a_plan_whose_target_has_passed_is_overdue(con):
    milestone(con, "plan", "planned", "2025", "2024-01-10")
    assert overdue(con) == ["plan"]


def test_an_achievement_reported_since_the_plan_clears_it(con):
    milestone(con, "plan", "planned", "2025", "2024-01-10")
    milestone(con, "done", "achieved", "2025-12", "2025-12-20")
    assert overdue(con) == []


def test_an_achievement_before_the_plan_does_not_clear_it(con):
    milestone(con, "plan", "planned", "2025", "2024-01-10")
    milestone(con, "old", "achieved", "2019", "2019-06-01")
    assert overdue(con) == ["plan"]


def test_a_plan_still_ahead_is_not_overdue(con):
    milestone(con, "plan", "planned", str(date.today().year + 1), "2024-01-10")
    assert overdue(con) == []


# Slips written into the corpus whose two reports the extractor reads (corpus/gold.jsonl).
CORPUS_SLIPS = [
    ("isro", "crewed_spaceflight", "2025", "2026"),  # Gaganyaan's first crewed flight
    ("isro", "crewed_spaceflight", "2026", "2027"),
    ("isro", "lunar_landing", "2040", "2028"),
    ("nasa", "lunar_landing", "2025", "2026-09"),  # Artemis III
    ("ada-space", "computing_constellation", "2035", "2028"),
    ("cmsa", "crewed_spaceflight", "2023-10", "2025-11-05"),
    ("cnsa", "asteroid_mining", "2025", "2026-07"),
]


@pytest.mark.parametrize("slip", CORPUS_SLIPS, ids=lambda s: "-".join(s))
def test_the_demo_warehouse_shows_the_slips_written_into_the_corpus(built_db, slip):
    with duckdb.connect(str(built_db), read_only=True) as c:
        moves = c.execute(
            "SELECT entity_id, capability, old_target, new_target FROM slips"
        ).fetchall()
    assert slip in moves
