"""Source health for monitoring: each source's last crawl, the ones that need attention and
what to do about them, and the exit status of `spacerace health`. Shared by the CLI, the log of
`spacerace update` and the dashboard's what's-new page (its thresholds)."""

import re
from pathlib import Path

import duckdb

from warehouse.read import connect_readonly, named_query

# What makes `spacerace crawl` and `update` exit with status 1 (jobs._report_failures).
FAILING = ("failed", "blocked")
# A source still useful, but not as crawled as it should be.
IMPAIRED = ("degraded", "partial")
REPEATED = 3  # failing this many runs in a row is no passing glitch

# Levels of a source's problem; only FAIL makes `spacerace health` exit with status 1.
FAIL, WARN, NOTE = "failing", "warning", "note"


def source_states(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every source's last crawl (the source_health query) with `failing_streak` (its latest
    runs in a row that failed or were blocked), `level` (FAIL, WARN, NOTE, or None when ok)
    and `advice`: one line that says what happened and what to do."""
    states = _records(con, "source_health")
    streaks = {a["source_id"]: a["failing_streak"] for a in _records(con, "source_alerts")}
    for state in states:
        state["finished"] = str(state["finished"]) if state["finished"] else None
        state["message"] = _one_line(state["message"])
        state["failing_streak"] = int(streaks.get(state["source_id"], 0))
        state["level"] = level(state["status"], state["failing_streak"])
        state["advice"] = advice(state) if state["level"] else None
    return states


def level(status: str | None, failing_streak: int) -> str | None:
    """FAIL for a source blocked with no working fallback (a blocked site whose fallback
    worked is `degraded`) or failing REPEATED runs in a row; WARN for a single failure or a
    degraded or partial crawl; NOTE for a source never crawled; None when its last crawl was ok."""
    if status is None:
        return NOTE
    if status == "blocked" or failing_streak >= REPEATED:
        return FAIL
    return None if status == "ok" else WARN


def advice(state: dict) -> str:
    """What happened to a source on its last crawl and what to do, in one line of plain text."""
    who, source_id = f"{state['name']} ({state['source_id']})", state["source_id"]
    status, when = state["status"], state["finished"]
    said = f" The crawler's report: {state['message']}." if state["message"] else ""
    retry = f"try it again with `spacerace update {source_id}`."
    if status is None:
        return f"{who} has not been crawled yet: `spacerace update {source_id}` crawls it."
    if status in FAILING:
        if state["failing_streak"] >= REPEATED:
            what = f"has failed its last {state['failing_streak']} crawls in a row"
        elif status == "blocked":
            what = "was blocked on its last crawl, and no fallback brought its news"
        else:
            what = "failed its last crawl"
        history = (
            f"spacerace sql \"SELECT * FROM crawl_runs WHERE source_id = '{source_id}' "
            'ORDER BY started_at DESC"'
        )
        return f"{who} {what} ({status}, {when}).{said} Its run history: {history}; {retry}"
    if status == "degraded":
        return (
            f"{who} was degraded on its last crawl ({when}): its site refused the crawler, so "
            f"its news came from fallbacks.{said} Nothing to fix while the fallbacks work; "
            "`spacerace health` fails when they stop (blocked)."
        )
    if status == "partial":
        return (
            f"{who} was partial on its last crawl ({when}): some of its pages failed or the "
            f'crawl stopped early.{said} The errors by kind: spacerace sql "SELECT '
            f"errors_by_kind FROM source_health WHERE source_id = '{source_id}'\"; {retry}"
        )
    return f"{who} ended its last crawl as {status!r} ({when}).{said} {retry.capitalize()}"


def exit_status(states: list[dict]) -> int:
    """1 when any source is failing (see `level`), else 0: warnings do not fail the check."""
    return 1 if any(state["level"] == FAIL for state in states) else 0


def problem_lines(states: list[dict]) -> list[str]:
    """One line per source that needs attention, failing ones first: "LEVEL: advice"."""
    order = {FAIL: 0, WARN: 1, NOTE: 2}
    troubled = sorted((s for s in states if s["level"]), key=lambda s: order[s["level"]])
    return [f"{s['level']}: {s['advice']}" for s in troubled]


def health_report(db: Path) -> tuple[list[str], int]:
    """(problem lines, exit status) for the published warehouse at `db`, as `spacerace health`
    prints them: for a run log or a monitoring check. No lines when every source is ok."""
    with connect_readonly(db) as con:
        states = source_states(con)
    return problem_lines(states), exit_status(states)


def _records(con: duckdb.DuckDBPyConnection, name: str) -> list[dict]:
    cursor = con.execute(named_query(name))
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _one_line(text: str | None) -> str | None:
    # A message is printed as one line of a log or a monitoring check's output.
    return re.sub(r"\s+", " ", text).strip().rstrip(".") if text else None
