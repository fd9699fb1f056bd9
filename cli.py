"""The `spacerace` command: parses arguments, calls the packages, prints. The work lives in
crawlers/, nlp/, graph/ and warehouse/; see `spacerace COMMAND --help`."""

import argparse
import sys
from pathlib import Path

import cli_curate
import cli_health
import cli_schedule
import cli_whatsnew
import jobs
from warehouse import SpaceraceError, resolve_db_path

EPILOG = "The warehouse is ./warehouse.duckdb unless --db or SPACERACE_DB says otherwise."


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args) or 0
    except SpaceraceError as exc:
        print(f"spacerace {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except (PermissionError, FileNotFoundError, NotADirectoryError, IsADirectoryError) as exc:
        print(f"spacerace {args.command}: error: {exc.strerror}: {exc.filename}; check the path "
              "(--db, --out, --input) and its permissions", file=sys.stderr)  # fmt: skip
        return 2
    except BrokenPipeError:
        # The reader went away (`spacerace whatsnew | head`): not an error worth a traceback.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(
            f"spacerace {args.command}: interrupted; the warehouse is published whole or not at "
            "all, so it is as before unless the interrupt came after publication; an "
            "interrupted crawl resumes at the next run",
            file=sys.stderr,
        )
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spacerace",
        description="Track the race to put computing and people into space: crawl the sources, "
        "extract actors, capabilities and milestones, build the graph, query the warehouse.",
        epilog=EPILOG,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (
        _mirror,
        _crawl,
        _extract,
        _build,
        _update,
        _dashboard,
        _demo,
        _sql,
        _export,
        _restore,
        _eval,
    ):
        add(sub)
    cli_curate.add_parser(sub, _command)
    cli_schedule.add_parser(sub, _command)
    cli_health.add_parser(sub, _command)
    cli_whatsnew.add_parser(sub, _command)
    return parser


def _command(sub, name: str, help: str, handler, db: bool = True) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help, description=help, epilog=EPILOG if db else None)
    p.set_defaults(handler=handler)
    if db:
        p.add_argument("--db", help="warehouse file (default: $SPACERACE_DB or ./warehouse.duckdb)")
    return p


def _sources_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="sources to crawl (default: all): cgtn nasa spacex blueorigin",
    )
    p.add_argument(
        "--mirror",
        metavar="URL",
        help="fetch the real hosts from this mirror, e.g. http://127.0.0.1:8765",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    p.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="crawler processes, each crawling some of the sources (default: one per CPU, "
        "at most 4 and no more than the sources)",
    )
    p.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Scrapy setting for this run, e.g. -s DOWNLOAD_DELAY=2 (repeatable)",
    )


def _mirror(sub):
    p = _command(
        sub,
        "mirror",
        "Serve the bundled mirror of the four sources on 127.0.0.1.",
        jobs.serve_mirror,
        db=False,
    )
    p.add_argument(
        "--port",
        type=int,
        default=8765,
        help="port to listen on (default 8765; 0 picks a free one)",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument(
        "--open-blueorigin",
        action="store_true",
        help="serve Blue Origin's news pages instead of its bot challenge (the default, as the real site does)",
    )
    p.add_argument(
        "--faults",
        action="store_true",
        help="also serve faults.spacerace.test: one injected fault per page",
    )
    _as_of(p)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _as_of(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD",
                   help="serve only what the corpus had published by that day (to show what is new later)")  # fmt: skip


def _crawl(sub):
    p = _command(
        sub,
        "crawl",
        "Crawl the sources with Scrapy and store new and changed documents.",
        jobs.crawl,
    )
    _sources_args(p)


def _extract(sub):
    p = _command(
        sub,
        "extract",
        "Extract actors, capabilities and milestones with spaCy: from the "
        "warehouse's new documents, or from a JSONL file with --input/--output.",
        jobs.extract,
    )
    p.add_argument(
        "--input", type=Path, help='JSONL of {"id", "text", "published", "url", "title"}'
    )
    p.add_argument("--output", type=Path, help="where to write the extraction JSONL (with --input)")
    p.add_argument("--processes", type=int, default=1, help="spaCy worker processes (default 1)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def _build(sub):
    _command(
        sub, "build", "Resolve entities, merge claims into milestones, build the graph.", jobs.build
    )


def _update(sub):
    p = _command(
        sub, "update", "Crawl, extract and build in one update, published atomically.", jobs.update
    )
    _sources_args(p)


def _dashboard(sub):
    p = _command(sub, "dashboard", "Serve the Streamlit dashboard (read-only).", jobs.dashboard)
    p.add_argument("--port", type=int, default=8501, help="port (default 8501)")


def _demo(sub):
    p = _command(
        sub,
        "demo",
        "What `make run` runs: serve the mirror, update from it, open the dashboard.",
        jobs.demo,
    )
    p.add_argument("--port", type=int, default=8501, help="dashboard port (default 8501)")
    p.add_argument("--mirror-port", type=int, default=8765, help="mirror port (default 8765)")
    p.add_argument("--no-dashboard", action="store_true", help="stop after the update")
    _as_of(p)


def _sql(sub):
    p = _command(
        sub, "sql", "Run read-only SQL against the warehouse (no file or network access).", jobs.sql
    )
    p.add_argument("query", nargs="?", help='e.g. "SELECT * FROM national_progress"')
    p.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format"
    )
    p.add_argument(
        "--tables", action="store_true", help="list the tables and views with their columns"
    )
    p.add_argument(
        "--param", action="append", default=[], help="a value for a ? placeholder (repeatable)"
    )


def _export(sub):
    p = _command(
        sub,
        "export",
        "Export the tables (Parquet, CSV) and the graph (GraphML, node-link JSON).",
        jobs.export,
    )
    p.add_argument("--out", type=Path, default=Path("exports"), help="folder (default ./exports)")
    p.add_argument(
        "--format",
        default="parquet,csv,graphml,json,snapshot",
        help="comma-separated: parquet, csv, graphml, json (node-link graph), snapshot (every "
        "table and document version, raw bodies included, in OUT/snapshot for `spacerace "
        "restore`); default: all",
    )


def _restore(sub):
    p = _command(
        sub,
        "restore",
        "Bring back a snapshot written by `spacerace export` as the published warehouse, "
        "checked against its manifest; the warehouse it replaces is kept as .bak.",
        jobs.restore,
    )
    p.add_argument("snapshot", type=Path, help="the snapshot folder, e.g. exports/snapshot")


def _eval(sub):
    p = _command(
        sub, "eval", "Score the extraction against gold annotations.", jobs.evaluate, db=False
    )
    p.add_argument(
        "--gold", type=Path, required=True, help="gold JSONL (texts and expected output)"
    )
    p.add_argument("--pred", type=Path, help="score this extraction JSONL instead of extracting")
    p.add_argument("--format", choices=("text", "json"), default="text")


def db_path(args) -> Path:
    return resolve_db_path(getattr(args, "db", None))


if __name__ == "__main__":
    sys.exit(main())
