"""`spacerace whatsnew`: the milestones and slips that the latest crawl runs brought, for a
terminal, an integration (JSON, a webhook) or a digest (Markdown)."""

import argparse
import json
import re
import sys
import tomllib
from datetime import date
from pathlib import Path

from warehouse import SpaceraceError
from webhook import check_webhook, post_json, shown

DESCRIPTION = """List the milestones and slips that crawl runs brought: by default what the latest
run brought (as the dashboard's what's-new page shows it).

  new      a milestone first reported by a page that one of the runs stored
  changed  a milestone known before and reported again by such a page, with what moved
           (its target or date) or how many new pages report it
  slips    a planned target that moved, its new report stored by one of the runs

--watch keeps only what matches any of its lists (a TOML file):
  actors = ["SpaceX", "CNSA"]          # display name, full name or any alias, any case
  nations = ["CN", "IN"]               # ISO 3166 codes, or INT
  capabilities = ["orbital_data_center"]

--webhook POSTs the JSON digest (Content-Type: application/json) only when there is something
new; the output is printed first either way. A failed POST (no connection, or an answer other
than 2xx) exits with status 2."""
EXAMPLES = """examples:
  spacerace whatsnew
  spacerace whatsnew --since 2026-01-01 --format markdown > digest.md
  spacerace whatsnew --since 20260301T060000-a1b2c3 --watch watch.toml --format json
  spacerace whatsnew --watch watch.toml --webhook https://hooks.example.org/spacerace
Run ids: spacerace sql "SELECT DISTINCT run_id FROM crawl_runs ORDER BY run_id\""""
WATCH_KEYS = ("actors", "nations", "capabilities")
NATION = re.compile(r"[A-Z]{2}|INT")
HEADINGS = {"new_milestones": "New milestones", "changed_milestones": "Changed milestones",
            "slips": "Slips"}  # fmt: skip


def add_parser(sub, command) -> None:
    """Register `whatsnew`; `command` is cli's _command helper."""
    p = command(sub, "whatsnew", "List new and changed milestones and slips since a run.", whatsnew)
    p.description, p.formatter_class = DESCRIPTION, argparse.RawDescriptionHelpFormatter
    p.epilog = f"{EXAMPLES}\n\n{p.epilog}"
    p.add_argument("--since", metavar="RUN|YYYY-MM-DD",
                   help="what the runs after run RUN brought (RUN itself excluded: give the run "
                   "you saw last), or the runs started on or after that day (UTC); default: the "
                   "latest run")  # fmt: skip
    p.add_argument("--watch", type=Path, metavar="FILE", help="TOML watch list (see above)")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                   help="text (default), json (an object an integration can parse) or markdown "
                   "(a digest with the evidence sentences and pages)")  # fmt: skip
    p.add_argument("--webhook", metavar="URL", help="POST the JSON digest to this http(s) URL")


def whatsnew(args) -> int:
    from jobs import _db
    from warehouse.read import connect_readonly, named_query

    if args.webhook:
        check_webhook(args.webhook)
    watch = load_watch(args.watch) if args.watch else {key: [] for key in WATCH_KEYS}
    with connect_readonly(_db(args)) as con:
        runs = _rows(con, named_query("whatsnew_runs"), {})
        window, heading = choose_runs(runs, args.since)
        actors = [actor.lower() for actor in watch["actors"]]  # matched in any case
        params = {"runs": [run["run_id"] for run in window], **watch, "actors": actors}
        found = _rows(con, named_query("whatsnew_milestones"), params) if window else []
        slips = _rows(con, named_query("whatsnew_slips"), params) if window else []
    digest = {
        "heading": heading, "runs": [run["run_id"] for run in window],
        "watch": watch if args.watch else None,
        "new_milestones": [m for m in found if m["change"] == "new"],
        "changed_milestones": [
            {**m, "what_changed": what_changed(m)} for m in found if m["change"] != "new"
        ],
        "slips": slips,
    }  # fmt: skip
    render = {"text": as_text, "json": as_json, "markdown": as_markdown}[args.format]
    print(render(digest))
    anything = any(digest[key] for key in HEADINGS)
    if args.webhook and anything:
        status = post_json(args.webhook, as_json(digest))
        print(f"posted the digest to {shown(args.webhook)} (HTTP {status})", file=sys.stderr)
    elif args.webhook:
        print(f"nothing new: nothing posted to {shown(args.webhook)}", file=sys.stderr)
    return 0


def choose_runs(runs: list[dict], since: str | None) -> tuple[list[dict], str]:
    """The runs whose news to list (the latest ones, oldest first) and a heading naming them."""
    if not runs:
        return [], "No crawl has run yet: `spacerace update` crawls the sources"
    if since is None:
        run = runs[-1]
        return [run], f"What the latest crawl run brought ({run['run_id']}, started {run['started']} UTC)"  # fmt: skip
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
        try:
            day = date.fromisoformat(since)
        except ValueError:
            raise SpaceraceError(f"--since {since} is not a day: use YYYY-MM-DD") from None
        window = [run for run in runs if run["started"].date() >= day]
        if not window:
            return [], f"No crawl run started on or after {day} (the latest: {runs[-1]['started']})"
        return window, f"What the {_runs(window)} started on or after {day} brought"
    ids = [run["run_id"] for run in runs]
    if since not in ids:
        raise SpaceraceError(
            f"no crawl run {since!r} in this warehouse: give a day (YYYY-MM-DD) or a run id from "
            'spacerace sql "SELECT DISTINCT run_id FROM crawl_runs ORDER BY run_id" '
            f"(the latest is {ids[-1]})"
        )
    window = runs[ids.index(since) + 1 :]
    if not window:
        return [], f"No crawl run after {since}: it is the latest"
    return window, f"What the {_runs(window)} after {since} brought"


def load_watch(path: Path) -> dict[str, list[str]]:
    """The watch lists of a TOML file, nations upper-cased and capabilities checked against
    the taxonomy; a wrong file is one error that says what to fix."""
    from nlp.gazetteer import capabilities

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SpaceraceError(f"no watch file at {path}: write one (see --help) or fix the path") from None  # fmt: skip
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SpaceraceError(f"cannot read the watch file {path}: {exc}; it is TOML (see --help)") from None  # fmt: skip
    unknown = sorted(set(data) - set(WATCH_KEYS))
    if unknown or not any(data.get(key) for key in WATCH_KEYS):
        raise SpaceraceError(f"the watch file {path} must give lists named {', '.join(WATCH_KEYS)}"
                             + (f", not {', '.join(unknown)}" if unknown else ""))  # fmt: skip
    watch = {}
    for key in WATCH_KEYS:
        values = data.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise SpaceraceError(f'{key} in {path} must be a list of strings, e.g. {key} = ["..."]')  # fmt: skip
        watch[key] = [v.strip() for v in values]
    watch["nations"] = [n.upper() for n in watch["nations"]]
    if bad := [n for n in watch["nations"] if not NATION.fullmatch(n)]:
        raise SpaceraceError(f"nations in {path} are ISO 3166 codes (CN, US, IN) or INT, not {', '.join(bad)}")  # fmt: skip
    known = sorted(capabilities())
    if bad := [c for c in watch["capabilities"] if c not in known]:
        raise SpaceraceError(f"unknown capability {', '.join(bad)} in {path}: the taxonomy's ids are {', '.join(known)}")  # fmt: skip
    return watch


def what_changed(milestone: dict) -> str:
    """What a milestone known before shows now: its target or date moved, or new pages."""
    pages = f"{milestone['new_pages']} new page{'s' if milestone['new_pages'] != 1 else ''}"
    before, now = milestone["date_before"], milestone["date"]
    if before == now:
        return f"reported again by {pages}"
    what = "target" if milestone["status"] == "planned" else "date"
    return f"{what} moved from {before or 'none'} to {now or 'none'}; reported by {pages}"


def as_json(digest: dict) -> str:
    """The digest as one JSON object (dates as YYYY-MM-DD)."""
    return json.dumps(digest, indent=2, ensure_ascii=False, default=str)


def as_text(digest: dict) -> str:
    """Readable lines; crawled text loses its control characters (no terminal escapes)."""
    heading = _plain(digest["heading"] + _watching(digest, _plain))
    if not any(digest[key] for key in HEADINGS):
        return f"{heading}.\nNothing new."
    lines = [f"{heading}:"]
    for key, title in HEADINGS.items():
        lines.append(f"\n{title} ({len(digest[key])})")
        for item in digest[key]:
            lines.append(f"  {_summary(key, item, _plain)}")
            said = f'"{_plain(item["sentence"])}" ' if item["sentence"] else ""
            lines.append(f"    {said}{_plain(item['url'])}")
    return "\n".join(lines)


def as_markdown(digest: dict) -> str:
    """A digest with the evidence sentence and page of each item; crawled text escaped, so it
    cannot make a link, an image or HTML."""
    from views.text import escaped, link  # pure functions: no Streamlit

    # The heading's run ids and days come from crawl_runs or were checked; the watch lists
    # are escaped like crawled text.
    lines = [f"# {digest['heading']}{_watching(digest, escaped)}"]
    for key, title in HEADINGS.items():
        lines.append(f"\n## {title}\n")
        for item in digest[key]:
            said = f"  \n  “{escaped(item['sentence'].strip())}”" if item["sentence"] else ""
            lines.append(f"- {_summary(key, item, escaped)}{said} ({link('page', item['url'])})")
        if not digest[key]:
            lines.append("Nothing.")
    return "\n".join(lines)


def _summary(key: str, item: dict, esc) -> str:
    """One line on an item, each value from the warehouse passed through `esc`."""
    v = {name: esc(str(value)) if value is not None else "" for name, value in item.items()}
    who = f"{v['actor']} ({v['nation'] or '?'}) {v['capability']}"
    if key == "slips":
        return (f"{who}: target {v['old_target']} -> {v['new_target']} ({v['direction']}), "
                f"reported {v['new_reported']}")  # fmt: skip
    said = f"{who}: {v['status']} {v['date'] or '(no date)'}"
    if key == "changed_milestones":
        return f"{said}; {v['what_changed']}"
    return said + (f"; earlier plans: {v['plans_before']}" if v["plans_before"] else "")


def _runs(window: list) -> str:
    return "crawl run" if len(window) == 1 else f"{len(window)} crawl runs"


def _watching(digest: dict, esc) -> str:
    watch = digest["watch"] or {}
    listed = "; ".join(f"{key} {esc(', '.join(names))}" for key, names in watch.items() if names)
    return f", watching {listed}" if listed else ""


def _plain(text) -> str:
    return re.sub(r"[\x00-\x1f\x7f-\x9f]+", " ", str(text or "")).strip()


def _rows(con, sql: str, params: dict) -> list[dict]:
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
