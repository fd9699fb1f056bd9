"""The national space-compute index: weights from one data file, best status per capability,
every point traced to the claims whose contributions add up to it."""

from collections import defaultdict

import duckdb
import pytest

from graph.national_index import index_weights
from nlp import gazetteer
from warehouse.write import insert_frame


def test_the_weights_file_covers_the_space_compute_capabilities_and_every_status():
    weights = index_weights()
    compute = {c.id for c in gazetteer.capabilities().values() if c.space_compute}
    assert set(weights[weights.kind == "capability"].name) == compute
    assert set(weights[weights.kind == "status"].name) == {
        "achieved",
        "planned",
        "announced",
        "failed",
    }
    by_status = dict(weights[weights.kind == "status"][["name", "weight"]].values)
    assert by_status["achieved"] > by_status["planned"] > by_status["announced"]


@pytest.fixture
def con(warehouse):
    warehouse.execute("INSERT INTO entities VALUES ('casc', 'CASC', 'CASC', 'company', 'CN', 'gazetteer'),"
                      " ('adaspace', 'ADA Space', 'ADA Space', 'company', 'CN', 'gazetteer')")  # fmt: skip
    insert_frame(warehouse, "index_weights", index_weights())
    return warehouse


def milestone(con, mid, entity, capability, status, date_start, first_reported, n_claims=1):
    con.execute(
        "INSERT INTO milestones VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, 1, 1, 's', 'd')",
        [mid, entity, capability, status, date_start, first_reported, first_reported, n_claims],
    )
    for i in range(n_claims):
        con.execute("INSERT INTO milestone_claims VALUES (?, ?)", [mid, f"{mid}-{i}"])


def index_at(con, month):
    row = con.execute(
        "SELECT index_value FROM national_index WHERE nation = 'CN' AND month = ?", [month]
    ).fetchone()
    return round(row[0], 6) if row else 0.0


def test_a_plan_counts_from_its_first_report_and_an_achievement_from_its_date(con):
    milestone(con, "plan", "casc", "orbital_data_center", "planned", None, "2025-01-10")
    milestone(con, "done", "casc", "orbital_data_center", "achieved", "2025-06-02", "2025-06-05")
    assert index_at(con, "2024-12-01") == 0.0
    assert index_at(con, "2025-01-01") == 0.4
    assert index_at(con, "2025-06-01") == 1.0  # achieved replaces the plan: the best status


def test_capabilities_add_up_with_their_weights(con):
    milestone(con, "a", "casc", "orbital_data_center", "achieved", "2025-03-01", "2025-03-01")
    milestone(con, "b", "adaspace", "space_solar_power", "achieved", "2025-03-01", "2025-03-01")
    milestone(con, "c", "casc", "heavy_lift_launch", "achieved", "2025-03-01", "2025-03-01")
    assert index_at(con, "2025-03-01") == 1.5  # 1.0 + 0.5; heavy lift is no space compute


def test_the_claims_behind_the_best_status_share_its_worth(con):
    milestone(
        con, "a", "casc", "computing_constellation", "achieved", "2025-03-01", "2025-03-01", 3
    )
    milestone(
        con, "b", "adaspace", "computing_constellation", "achieved", "2025-04-01", "2025-04-01"
    )
    rows = con.execute(
        "SELECT claim_id, contribution FROM index_evidence WHERE month = '2025-04-01' ORDER BY 1"
    ).fetchall()
    assert [c for c, _ in rows] == ["a-0", "a-1", "a-2", "b-0"]
    assert {round(v, 6) for _, v in rows} == {0.25}


def test_every_nations_index_is_the_sum_of_its_claims_recomputed_from_the_tables(built_db):
    with duckdb.connect(str(built_db), read_only=True) as c:
        month = c.execute("SELECT max(month) FROM national_index").fetchone()[0]
        index = dict(c.execute(
            "SELECT nation, index_value FROM national_index WHERE month = ?", [month]
        ).fetchall())  # fmt: skip
        rows = c.execute(
            "SELECT e.nation, m.capability, m.status, m.milestone_id, count(mc.claim_id) "
            "FROM milestones m JOIN entities e USING (entity_id) "
            "JOIN milestone_claims mc USING (milestone_id) WHERE e.nation IS NOT NULL "
            "AND (m.status <> 'achieved' OR coalesce(m.date_start, CAST(m.first_reported AS DATE)) "
            "    <= last_day(CAST(? AS DATE))) "
            "GROUP BY ALL",
            [month],
        ).fetchall()
    weights = index_weights()
    cap_w = dict(weights[weights.kind == "capability"][["name", "weight"]].values)
    status_w = dict(weights[weights.kind == "status"][["name", "weight"]].values)
    best = defaultdict(float)
    for nation, capability, status, _, _ in rows:
        if cap_w.get(capability):
            best[nation, capability] = max(best[nation, capability], status_w[status])
    expected = defaultdict(float)
    for (nation, capability), weight in best.items():
        expected[nation] += cap_w[capability] * weight
    assert index and set(index) == set(expected)
    for nation, value in index.items():
        assert value == pytest.approx(expected[nation]), nation
    assert index["CN"] > 0 and index["US"] > 0
