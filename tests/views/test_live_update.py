"""The dashboard while updates publish new warehouses: it keeps answering, and shows the new data."""

import shutil
import subprocess
import sys

import duckdb

from graph.inbox import submit
from tests.conftest import ROOT
from tests.views.test_dashboard import run_app


def milestones_shown(at) -> int:
    return int(next(m.value for m in at.metric if m.label == "Milestones"))


def test_the_overview_keeps_answering_while_builds_publish_and_then_shows_the_new_data(
    monkeypatch, built_db, tmp_path
):
    db = tmp_path / "w.duckdb"
    shutil.copy(built_db, db)
    with duckdb.connect(str(db), read_only=True) as con:
        (claim,) = con.execute(
            "SELECT mc.claim_id FROM milestones m JOIN milestone_claims mc USING (milestone_id) "
            "WHERE m.n_claims = 1 ORDER BY 1 LIMIT 1"
        ).fetchone()
    before = milestones_shown(run_app(monkeypatch, db))
    submit(db, "reject_claim", claim, None, "the only claim of its milestone is wrong", "ana")
    builds = subprocess.Popen(
        [sys.executable, "-c", "import subprocess, sys\nfor _ in range(3): subprocess.run("
         f"[sys.executable, '-m', 'cli', 'build', '--db', {str(db)!r}], check=True)"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    answered = 0
    while builds.poll() is None:
        at = run_app(monkeypatch, db)
        assert not at.exception and not at.error, (at.exception, at.error)
        answered += 1
    assert builds.returncode == 0, builds.stderr.read()
    assert answered >= 2
    at = run_app(monkeypatch, db)
    assert milestones_shown(at) == before - 1  # the published warehouse, not a cached answer
