"""`spacerace health`: every source's last crawl, the ones that need attention and what to do,
with an exit status a monitoring check can act on."""

import argparse
import json

DESCRIPTION = """Report every source's last crawl and what to do about the ones that need attention.

Exit status, for monitoring:
  0  all is well, or only warnings: a source degraded (its site refused the crawler and the
     fallbacks brought its news), partial (some pages failed), or failed once or twice in a row
     (a single failure is a warning: it fails the check once it happens 3 times in a row)
  1  a source failed its last 3 crawls in a row, or its last crawl was blocked with no working
     fallback
  2  no warehouse, or another error (the message says which command fixes it)"""
EXAMPLES = """examples:
  spacerace health                   # the table, one line per problem, a summary
  spacerace health --format json | jq '.sources[] | select(.level == "failing")'
  spacerace update && spacerace health --db /srv/spacerace/warehouse.duckdb"""


def add_parser(sub, command) -> None:
    """Register `health`; `command` is cli's _command helper."""
    p = command(
        sub, "health", "Report each source's last crawl; exit 1 when one is failing.", health
    )
    p.description = DESCRIPTION
    p.epilog = f"{EXAMPLES}\n\n{p.epilog}"
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a table of sources, then one line per problem and a summary; json: "
        '{"status", "exit_status", "sources": [...]} (default text)',
    )


def health(args) -> int:
    from jobs import _db
    from warehouse.health import exit_status, problem_lines, source_states
    from warehouse.read import connect_readonly

    with connect_readonly(_db(args)) as con:
        states = source_states(con)
    status = exit_status(states)
    if args.format == "json":
        print(json.dumps({"status": _overall(states), "exit_status": status, "sources": states},
                         indent=2, ensure_ascii=False))  # fmt: skip
        return status
    print(_table(states))
    problems = problem_lines(states)
    if problems:
        print()
        print("\n".join(problems))
    print(f"\nhealth: {_overall(states)} ({_counts(states)})")
    return status


def _overall(states: list[dict]) -> str:
    """failing (exit 1), warning (exit 0, something to look at) or ok."""
    levels = {state["level"] for state in states}
    return "failing" if "failing" in levels else "warning" if "warning" in levels else "ok"


def _counts(states: list[dict]) -> str:
    counts = [f"{len(states)} sources"]
    for level in ("failing", "warning", "note"):
        n = sum(state["level"] == level for state in states)
        if n:
            counts.append(f"{n} {level}")
    return ", ".join(counts)


def _table(states: list[dict]) -> str:
    if not states:
        return "no sources in the warehouse: `spacerace update` crawls the configured ones"
    head = f"{'source':<12}{'status':<10}{'last crawl (UTC)':<21}{'pages':>6}{'new':>6}"
    head += f"{'changed':>9}{'errors':>8}"
    rows = [head]
    for s in states:
        row = f"{s['source_id']:<12}{s['status'] or 'never':<10}{s['finished'] or '-':<21}"
        row += f"{s['pages'] or 0:>6}{s['new'] or 0:>6}{s['changed'] or 0:>9}{s['errors'] or 0:>8}"
        rows.append(row)
    return "\n".join(rows)
