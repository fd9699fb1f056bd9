"""Load a crawl spool into the warehouse: new documents, new versions of changed ones, run rows."""

import base64
import hashlib
import json
import uuid
import zlib
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import duckdb

from crawlers.sources import Source
from warehouse.clock import to_utc_naive, utcnow
from warehouse.write import insert_frame, replace_rows


def doc_id_for(url: str) -> str:
    """A stable id from the canonical URL."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def content_hash(title: str, text: str) -> str:
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()


def read_spools(spools: list[Path]) -> tuple[list[dict], list[dict]]:
    """The documents and run summaries the crawler processes spooled."""
    documents, runs = [], []
    for spool in spools:
        for line in spool.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                (documents if record.pop("kind") == "document" else runs).append(record)
    return documents, runs


def load_spools(
    con: duckdb.DuckDBPyConnection,
    spools: list[Path],
    sources: list[Source],
    run_id: str | None = None,
) -> list[dict]:
    """Write the spools' documents and one crawl_runs row per source; return those rows."""
    run_id = run_id or f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    documents, runs = read_spools(spools)
    _write_sources(con, sources)
    fresh, counts = _new_versions(con, documents, run_id)
    insert_frame(con, "documents", fresh)
    merged = merge_runs(runs)
    run_rows = [_run_row(run_id, s, merged, counts) for s in sources]
    stored = [{k: v for k, v in row.items() if k != "finish_reason"} for row in run_rows]
    insert_frame(con, "crawl_runs", stored)
    return run_rows


SUMMED = ("pages", "documents", "errors", "warnings", "retries", "challenged",
          "fallback_documents", "skipped", "not_modified")  # fmt: skip


def merge_runs(runs: list[dict]) -> list[dict]:
    """One summary per source: an interrupted crawl and its resumption add up."""
    merged: dict[str, dict] = {}
    for run in runs:
        first = merged.get(run["source"])
        if first is None:
            merged[run["source"]] = {**run, "errors_by_kind": dict(run.get("errors_by_kind") or {})}
            continue
        for key in SUMMED:
            first[key] = first.get(key, 0) + run.get(key, 0)
        for kind, n in (run.get("errors_by_kind") or {}).items():
            first["errors_by_kind"][kind] = first["errors_by_kind"].get(kind, 0) + n
        first["notes"] = [*first.get("notes", []), *run.get("notes", [])]
        first["finished_at"], first["finish_reason"] = run["finished_at"], run.get("finish_reason")
    return list(merged.values())


SOURCE_COLUMNS = ["source_id", "name", "kind", "nation", "home", "actor_key", "utc_offset_hours"]


def known_documents(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """Canonical URL -> the stored page's newest date and validators, for incremental crawls."""
    rows = con.execute(
        "SELECT url, greatest(published_at, modified_at), etag, last_modified FROM documents_latest"
    ).fetchall()
    return {
        url: {
            "stamp": stamp.isoformat() if stamp else None,
            "etag": etag,
            "last_modified": modified,
        }
        for url, stamp, etag, modified in rows
    }


def _write_sources(con, sources: list[Source]) -> None:
    frame = [{k: asdict(s)[k] for k in SOURCE_COLUMNS} for s in sources]
    ids = ", ".join(f"'{s.source_id}'" for s in sources)
    replace_rows(con, "sources", frame, where=f"source_id IN ({ids})")


def _new_versions(con, documents: list[dict], run_id: str) -> tuple[list[dict], dict]:
    """Documents that are new, or whose content changed, each with its next version number."""
    latest = {
        doc_id: (version, digest)
        for doc_id, version, digest in con.execute(
            "SELECT doc_id, version, content_hash FROM documents_latest"
        ).fetchall()
    }
    rows, counts, seen = [], {}, set()
    for doc in documents:
        doc_id = doc_id_for(doc["url"])
        if doc_id in seen:
            continue
        seen.add(doc_id)
        digest = content_hash(doc["title"], doc["text"])
        tally = counts.setdefault(doc["source"], {"new": 0, "changed": 0, "unchanged": 0})
        previous = latest.get(doc_id)
        if previous and previous[1] == digest:
            tally["unchanged"] += 1
            continue
        tally["changed" if previous else "new"] += 1
        rows.append(
            _document_row(doc, doc_id, (previous[0] + 1) if previous else 1, digest, run_id)
        )
    return rows, counts


def _document_row(doc: dict, doc_id: str, version: int, digest: str, run_id: str) -> dict:
    return {
        "doc_id": doc_id,
        "version": version,
        "source_id": doc["source"],
        "fetched_via": doc["fetched_via"],
        "url": doc["url"],
        "title": doc["title"],
        "author": doc.get("author"),
        "published_at": _timestamp(doc.get("published_at")),
        "modified_at": _timestamp(doc.get("modified_at")),
        "fetched_at": utcnow(),
        "language": doc.get("language") or "en",
        "text": doc["text"],
        "raw_body": base64.b64decode(doc.get("raw_body_z") or base64.b64encode(zlib.compress(b""))),
        "content_type": doc.get("content_type"),
        "content_hash": digest,
        "run_id": run_id,
        "etag": doc.get("etag"),
        "last_modified": doc.get("last_modified"),
    }


def _timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    return to_utc_naive(datetime.fromisoformat(value.replace("Z", "+00:00")))


def _run_row(run_id: str, source: Source, runs: list[dict], counts: dict) -> dict:
    run = next((r for r in runs if r["source"] == source.source_id), None)
    tally = counts.get(source.source_id, {"new": 0, "changed": 0, "unchanged": 0})
    if run is None:
        return {
            "run_id": run_id,
            "source_id": source.source_id,
            "started_at": utcnow(),
            "finished_at": utcnow(),
            "duration_s": 0.0,
            "status": "failed",
            "pages": 0,
            **tally,
            "skipped": 0,
            "not_modified": 0,
            "retries": 0,
            "errors": 1,
            "errors_by_kind": "{}",
            "warnings": 0,
            "message": "the spider did not start or finish; see the crawl log",
            "finish_reason": None,
        }
    status, message = run_status(run, tally)
    started, finished = _timestamp(run["started_at"]), _timestamp(run["finished_at"])
    return {
        "run_id": run_id,
        "source_id": source.source_id,
        "started_at": started,
        "finished_at": finished,
        "duration_s": round((finished - started).total_seconds(), 2),
        "status": status,
        "pages": run["pages"],
        **tally,
        "skipped": run.get("skipped", 0),
        "not_modified": run.get("not_modified", 0),
        "retries": run.get("retries", 0),
        "errors": run["errors"],
        "errors_by_kind": json.dumps(run.get("errors_by_kind") or {}),
        "warnings": run["warnings"],
        "message": message,
        "finish_reason": run.get("finish_reason"),
    }


def run_status(run: dict, tally: dict) -> tuple[str, str]:
    """ok | partial | degraded | blocked | failed, and a sentence an analyst can act on."""
    not_fetched = run.get("skipped", 0) + run.get("not_modified", 0)
    got_something = run["documents"] > 0 or not_fetched > 0
    stopped_early = run.get("finish_reason") not in (None, "finished")
    if run.get("challenged"):
        status = "degraded" if run.get("fallback_documents") or not_fetched else "blocked"
    elif not got_something:
        status = "failed"
    elif run.get("errors") or stopped_early:
        status = "partial"
    else:
        status = "ok"
    return status, "; ".join(
        [_summary(tally, run, not_fetched), *_notes(run, status, not_fetched, stopped_early)]
    )


def _summary(tally: dict, run: dict, not_fetched: int) -> str:
    if run["documents"] == 0 and not not_fetched:
        return "no documents"
    if not (tally["new"] or tally["changed"]):
        return f"nothing changed ({tally['unchanged'] + not_fetched} documents unchanged)"
    return f"{tally['new']} new, {tally['changed']} changed, {tally['unchanged']} unchanged"


def _notes(run: dict, status: str, not_fetched: int, stopped_early: bool) -> list[str]:
    notes = []
    if run.get("errors"):
        kinds = ", ".join(
            f"{n} {k.replace('_', ' ')}"
            for k, n in sorted((run.get("errors_by_kind") or {}).items())
        )
        notes.append(f"{run['errors']} errors ({kinds})" if kinds else f"{run['errors']} errors")
    notes += list(run.get("notes") or [])
    if not_fetched:
        notes.append(
            f"{not_fetched} stored pages not fetched again ({run.get('not_modified', 0)} answered 304)"
        )
    if run.get("warnings"):
        notes.append(f"{run['warnings']} pages without a findable date (stored with no date)")
    if stopped_early:
        notes.append(f"the crawl stopped early ({run['finish_reason']}); run it again to resume")
    if status == "blocked":
        notes.append(
            "the site is blocked and the fallback brought nothing; check the fallback APIs"
        )
    if status == "failed":
        notes.append("nothing fetched; check the network and the source's address")
    return notes
