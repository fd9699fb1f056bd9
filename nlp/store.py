"""Extraction over the warehouse: documents not yet seen by this extractor version -> claims."""

import hashlib
from datetime import timedelta

import duckdb
import pandas as pd
from rich.progress import Progress

from nlp.components import ACTORS
from nlp.dates import date_start
from nlp.extract import EXTRACTOR_VERSION, describe_actor, extract_records
from warehouse.clock import utcnow
from warehouse.write import insert_frame

PENDING_SQL = """
SELECT d.doc_id, d.version, d.text, d.title, d.url, d.published_at, s.utc_offset_hours
FROM documents_latest d
LEFT JOIN sources s USING (source_id)
WHERE NOT EXISTS (
    SELECT 1 FROM extractions e
    WHERE e.doc_id = d.doc_id AND e.version = d.version AND e.extractor_version = ?
)
ORDER BY d.doc_id
"""


def pending_documents(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Latest document versions this extractor version has not processed, as contract records."""
    rows = con.execute(PENDING_SQL, [EXTRACTOR_VERSION]).fetchall()
    records = []
    for doc_id, version, text, title, url, published_at, offset in rows:
        # Relative dates resolve in the publisher's local time (CGTN: Beijing).
        local = published_at + timedelta(hours=offset or 0) if published_at else None
        records.append(
            {
                "id": doc_id,
                "version": version,
                "text": text,
                "title": title,
                "url": url,
                "published": local.date().isoformat() if local else None,
            }
        )
    return records


def extract_pending(
    con: duckdb.DuckDBPyConnection, n_process: int = 1, progress: bool = True
) -> dict:
    """Extract every pending document and write mentions, claims and extraction records in bulk."""
    records = pending_documents(con)
    by_id = {r["id"]: r for r in records}
    mentions, claims, done = [], [], []
    with Progress(disable=not progress, transient=False) as bar:
        task = bar.add_task("extract", total=len(records))
        for output, doc in extract_records(records, n_process=n_process):
            record = by_id[output["id"]]
            mentions.extend(_mention_rows(doc, record))
            rows = [_claim_row(m, record) for m in output["milestones"]]
            claims.extend(rows)
            done.append(
                {
                    "doc_id": record["id"],
                    "version": record["version"],
                    "extractor_version": EXTRACTOR_VERSION,
                    "extracted_at": utcnow(),
                    "n_claims": len(rows),
                    "skipped": output.get("skipped"),
                }
            )
            bar.advance(task)
    ids = [r["id"] for r in records]
    if ids:
        # A re-extraction replaces what an older extractor wrote for those documents.
        con.execute("DELETE FROM claims WHERE list_contains(?, doc_id)", [ids])
        con.execute("DELETE FROM mentions WHERE list_contains(?, doc_id)", [ids])
    insert_frame(con, "mentions", pd.DataFrame(mentions))
    insert_frame(con, "claims", pd.DataFrame(claims))
    insert_frame(con, "extractions", pd.DataFrame(done))
    skipped = sum(1 for d in done if d["skipped"])
    return {"documents": len(records), "claims": len(claims), "mentions": len(mentions),
            "skipped": skipped}  # fmt: skip


def _mention_rows(doc, record: dict) -> list[dict]:
    rows = []
    for span in doc.spans[ACTORS]:
        actor = describe_actor(span)
        rows.append(
            {
                "doc_id": record["id"],
                "version": record["version"],
                "actor_key": actor["key"],
                "actor_name": actor["name"],
                "actor_display": actor["display"],
                "actor_owner": actor["owner"],
                "actor_type": actor["type"],
                "nation": actor["nation"],
                "surface": span.text,
                "sentence": span.sent.text,
                "start_char": span.start_char,
                "end_char": span.end_char,
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    return rows


def _claim_row(milestone: dict, record: dict) -> dict:
    date = milestone["date"]
    key = "|".join(
        str(x)
        for x in (
            record["id"],
            record["version"],
            milestone["actor_key"],
            milestone["capability"],
            milestone["status"],
            date,
            milestone["start"],
        )
    )
    return {
        "claim_id": hashlib.sha1(key.encode()).hexdigest()[:16],
        "doc_id": record["id"],
        "version": record["version"],
        "actor_key": milestone["actor_key"],
        "actor_name": milestone["actor"],
        "capability": milestone["capability"],
        "status": milestone["status"],
        "date": date,
        "date_precision": {4: "year", 7: "month", 10: "day"}.get(len(date or "")),
        "date_start": date_start(date),
        "date_text": milestone["date_text"],
        "sentence": milestone["sentence"],
        "start_char": milestone["start"],
        "end_char": milestone["end"],
        "confidence": milestone["confidence"],
        "extractor_version": EXTRACTOR_VERSION,
    }
