"""What each `spacerace` command does: the stages wired together around the write model."""

import json
import os
import socket
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from warehouse import SpaceraceError, resolve_db_path
from warehouse.config import setting
from warehouse.lock import writer_lock

ROOT = Path(__file__).resolve().parent


def _db(args) -> Path:
    return resolve_db_path(getattr(args, "db", None))


def serve_mirror(args) -> int:
    from crawlers.mirror.server import make_server

    server = make_server(
        args.port,
        args.host,
        open_blueorigin=args.open_blueorigin,
        with_faults=args.faults,
        as_of=args.as_of,
    )
    host, port = server.server_address[:2]
    as_of = f" as of {args.as_of}" if args.as_of else ""
    print(
        f"mirror serving the bundled corpus{as_of} on http://{host}:{port} (Ctrl-C to stop)",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _start_crawl(db: Path, args, lock_fd: int):
    """The crawler processes, started before the warehouse is opened: they load Scrapy while
    this process loads DuckDB and copies the warehouse."""
    from crawlers.run import Crawl, CrawlState
    from crawlers.sources import select_sources

    sources = select_sources(args.sources)
    state = CrawlState(db.parent / ".spacerace" / f"{db.name}.crawl")
    workers = getattr(args, "workers", None) or setting("crawl", "workers")
    return Crawl(sources, state, not args.no_progress, workers, lock_fd)


def _crawl_into(con, crawl, args):
    from crawlers.load import known_documents, load_spools

    if crawl.state.resuming:
        print("resuming the crawl that was interrupted (its fetched pages are kept)")
    # Politeness set in spacerace.toml, then this run's -s flags over it.
    overrides = {**setting("crawl", "settings", {}),
                 **dict(_setting(text) for text in getattr(args, "set", []))}  # fmt: skip
    spools = crawl.run(args.mirror, known_documents(con), overrides)
    runs = load_spools(con, spools, crawl.sources)
    # A crawler process stopped mid-way says "shutdown"; one interrupted while still starting
    # says nothing, so the signal itself counts too.
    if crawl.interrupted or any(run["finish_reason"] == "shutdown" for run in runs):
        raise SpaceraceError(
            "the crawl was interrupted before it finished: nothing was published; run the same "
            "command again to resume where it stopped"
        )
    for run in runs:
        print(
            f"{run['source_id']:<11} {run['status']:<9} {run['pages']:>4} pages  {run['message']}"
        )
    return runs


def _check_settings(args) -> None:
    """-s values are checked before any crawler process starts."""
    for text in getattr(args, "set", []):
        _setting(text)


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise SpaceraceError(f"-s takes NAME=VALUE (a Scrapy setting), not {text!r}")
    return name.strip(), value.strip()


def _report_failures(runs) -> int:
    """Exit status for monitoring: 1 when a source failed or was blocked with no fallback."""
    bad = [run["source_id"] for run in runs if run["status"] in ("failed", "blocked")]
    if bad:
        names = ", ".join(bad)
        print(
            f"{len(bad)} of {len(runs)} sources failed or were blocked ({names}): see the lines "
            "above; what was fetched is published and the run is recorded in crawl_runs",
            file=sys.stderr,
        )
        return 1
    return 0


@contextmanager
def _crawling_update(db: Path, args):
    """The lock, the crawler processes (started first), and a staged copy of the warehouse,
    published when the block succeeds; then the crawl's state is cleared."""
    from warehouse.publish import staged_update

    _check_settings(args)
    with (
        writer_lock(db) as lock_fd,
        _start_crawl(db, args, lock_fd) as crawler,
        staged_update(db, locked=True) as con,
    ):
        yield con, crawler
    # Cleared only once published: had publication failed, the next run would resume from it.
    crawler.state.clear()


def crawl(args) -> int:
    with _crawling_update(_db(args), args) as (con, crawler):
        runs = _crawl_into(con, crawler, args)
    return _report_failures(runs)


def _extract_into(con, args) -> None:
    from nlp.store import extract_pending

    result = extract_pending(
        con,
        n_process=args.processes if hasattr(args, "processes") else 1,
        progress=not args.no_progress,
    )
    print(
        f"extracted {result['documents']} documents: {result['claims']} claims, {result['mentions']} mentions"
    )
    if result["skipped"]:
        print(
            f"{result['skipped']} documents gave no extraction (empty or not English): "
            "see SELECT doc_id, skipped FROM extractions WHERE skipped IS NOT NULL"
        )


def _build_into(con, db: Path) -> None:
    from graph.build import build as build_graph
    from graph.inbox import import_inbox, inbox_path

    recorded, problems = import_inbox(con, db)
    if recorded:
        print(f"recorded {recorded} corrections made in the dashboard")
    for problem in problems:
        print(f"warning: {problem} ({inbox_path(db)})", file=sys.stderr)
    result = build_graph(con)
    print(
        f"built {result['entities']} entities, {result['milestones']} milestones, "
        f"graph of {result['nodes']} nodes and {result['edges']} edges"
    )


def extract(args) -> int:
    if args.input:
        return _extract_file(args)
    if args.output:
        raise SpaceraceError("--output goes with --input (the JSONL contract mode)")
    from warehouse.publish import staged_update

    with staged_update(_db(args)) as con:
        _extract_into(con, args)
    return 0


def _extract_file(args) -> int:
    from crawlers.mirror.corpus import read_jsonl
    from nlp.extract import extract_records

    if not args.input.exists():
        raise SpaceraceError(f"no such input file: {args.input}")
    records = read_jsonl(args.input)
    lines = (
        json.dumps(contract(o), ensure_ascii=False) + "\n"
        for o, _ in extract_records(records, args.processes)
    )
    if not args.output:
        sys.stdout.writelines(lines)
        return 0
    with open(args.output, "w", encoding="utf-8") as out:
        out.writelines(lines)
    print(f"wrote {len(records)} extractions to {args.output}", file=sys.stderr)
    return 0


def contract(output: dict) -> dict:
    """The extraction output without internal keys; a skipped text keeps its reason."""
    out = {
        "id": output["id"],
        "actors": [{k: v for k, v in a.items() if k != "key"} for a in output["actors"]],
        "capabilities": output["capabilities"],
        "milestones": [
            {k: v for k, v in m.items() if k != "actor_key"} for m in output["milestones"]
        ],
    }
    if output.get("skipped"):
        out["skipped"] = output["skipped"]
    return out


def build(args) -> int:
    from warehouse.publish import staged_update

    db = _db(args)
    with staged_update(db) as con:
        _build_into(con, db)
    return 0


def update(args) -> int:
    db = _db(args)
    started = time.monotonic()
    with _crawling_update(db, args) as (con, crawler):
        runs = _crawl_into(con, crawler, args)
        _extract_into(con, args)
        _build_into(con, db)
    print(f"published {db} in {time.monotonic() - started:.1f}s")
    _print_health(db)
    return _report_failures(runs)


def _print_health(db: Path) -> None:
    """The sources that need attention, as `spacerace health` reports them, into the run log."""
    from warehouse.health import health_report

    lines, _ = health_report(db)
    for line in lines:
        print(f"health: {line}", file=sys.stderr)


def sql(args) -> int:
    from warehouse.read import run_user_sql, table_columns

    db = _db(args)
    if args.tables:
        frame = table_columns(db)
    elif args.query:
        frame = run_user_sql(db, args.query, args.param)
    else:
        raise SpaceraceError(
            'give a query, e.g. spacerace sql "SELECT * FROM sources", or --tables'
        )
    if args.format == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    elif args.format == "json":
        sys.stdout.write(
            frame.to_json(orient="records", date_format="iso", force_ascii=False) + "\n"
        )
    else:
        print(frame.to_string(index=False) if len(frame) else "(no rows)")
    return 0


def export(args) -> int:
    from graph.export import export_all
    from warehouse.snapshot import write_snapshot

    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    unknown = set(formats) - {"parquet", "csv", "graphml", "json", "snapshot"}
    if unknown:
        raise SpaceraceError(
            f"unknown export format {', '.join(sorted(unknown))}: "
            "use parquet, csv, graphml, json, snapshot"
        )
    written = export_all(_db(args), args.out, formats)
    print(f"wrote {len(written)} files to {args.out}")
    if "snapshot" in formats:
        manifest = write_snapshot(_db(args), args.out / "snapshot")
        print(f"wrote a full snapshot to {manifest.parent} (`spacerace restore` brings it back)")
    return 0


def restore(args) -> int:
    from warehouse.snapshot import restore_snapshot

    db = _db(args)
    manifest = restore_snapshot(args.snapshot, db)
    rows = sum(int(d.split()[0]) for d in manifest["tables"].values())
    print(f"restored {db} from {args.snapshot} (written {manifest['written_at']}, "
          f"{len(manifest['tables'])} tables, {rows} rows, every table checked against the "
          "manifest); the warehouse it replaced is kept as .bak")  # fmt: skip
    return 0


def evaluate(args) -> int:
    from crawlers.mirror.corpus import read_jsonl
    from nlp.evaluate import score
    from nlp.extract import extract_records

    for path in (args.gold, args.pred):
        if path and not path.exists():
            raise SpaceraceError(f"no such file: {path}")
    gold = read_jsonl(args.gold)
    pred = read_jsonl(args.pred) if args.pred else [contract(o) for o, _ in extract_records(gold)]
    result = score(gold, pred)
    if args.format == "json":
        print(json.dumps(result, indent=2))
        return 0
    print(f"{'':<18}{'precision':>10}{'recall':>8}{'F1':>7}")
    for part in ("actors", "capabilities", "milestones", "milestones_strict"):
        s = result[part]
        print(f"{part:<18}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>7.3f}")
    print(
        f"nation accuracy {result['nation_accuracy']:.3f} (on {result['matched_actors']} matched "
        f"actors); status {result['status_accuracy']:.3f}, achieved-or-not "
        f"{result['achieved_accuracy']:.3f}, date {result['date_accuracy']:.3f}, year "
        f"{result['year_accuracy']:.3f} (on {result['matched_milestones']} matched milestones); "
        f"{result['documents']} documents"
    )
    return 0


def check_port_free(port: int, host: str = "127.0.0.1") -> None:
    with socket.socket() as probe:
        if probe.connect_ex((host, port)) == 0:
            raise SpaceraceError(
                f"port {port} on {host} is in use: stop what holds it or pick another with --port"
            )


def dashboard(args) -> int:
    db = _db(args)
    check_port_free(args.port)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "dashboard.py"),
        "--server.port",
        str(args.port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    print(f"dashboard on http://127.0.0.1:{args.port} (reading {db}; Ctrl-C to stop)", flush=True)
    # Streamlit takes this process's place: a SIGTERM from a service manager (or a test) reaches
    # the server itself instead of orphaning it.
    os.execve(sys.executable, command, {**os.environ, "SPACERACE_DB": str(db)})


def demo(args) -> int:
    from crawlers.mirror.server import make_server, start_in_thread

    if not args.no_dashboard:
        check_port_free(args.port)
    server = make_server(args.mirror_port, as_of=args.as_of)
    mirror = start_in_thread(server)
    print(f"mirror serving the bundled corpus on {mirror}")
    args.sources, args.mirror, args.no_progress, args.set = [], mirror, False, []
    status = update(args)
    server.shutdown()
    if status:
        raise SpaceraceError(
            "the demo update could not crawl the bundled mirror; see the lines above"
        )
    return 0 if args.no_dashboard else dashboard(args)
