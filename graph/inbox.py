"""Corrections made in the dashboard. The dashboard only reads the warehouse (an update may be
publishing a new one at any moment), so a correction waits in an inbox file beside it; the next
build records it in `curation`, checked like one made with `spacerace curate`."""

import fcntl
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from graph.curation import STATUSES, record
from warehouse import SpaceraceError
from warehouse.clock import utcnow

ACTIONS = ("reject_claim", "set_status")


def inbox_path(db: Path) -> Path:
    return db.with_name(db.name + ".curation-inbox.jsonl")


def submit(db: Path, action: str, claim_id: str, value: str | None, note: str, author: str) -> dict:
    """Queue a correction of one claim for the next build; a clear error if it is malformed."""
    if action not in ACTIONS:
        raise SpaceraceError(f"the dashboard can {' or '.join(ACTIONS)}, not {action!r}")
    if action == "set_status" and value not in STATUSES:
        raise SpaceraceError(f"status {value!r}: one of {', '.join(STATUSES)}")
    if not note.strip():
        raise SpaceraceError("say why: the curation log is how others learn of the change")
    entry = {"curation_id": uuid.uuid4().hex[:16], "created_at": utcnow().isoformat(),
             "action": action, "target": claim_id, "value": value, "note": note.strip(),
             "author": author.strip() or "dashboard"}  # fmt: skip
    with _locked(inbox_path(db)) as inbox:
        inbox.seek(0, 2)
        inbox.write(json.dumps(entry) + "\n")
    return entry


def waiting(db: Path) -> list[dict]:
    """The corrections not yet built into the warehouse."""
    path = inbox_path(db)
    if not path.exists():
        return []
    with _locked(path) as inbox:
        return _entries(inbox.read())[0]


def import_inbox(con: duckdb.DuckDBPyConnection, db: Path) -> tuple[int, list[str]]:
    """Record the waiting corrections in `curation` (those already there are skipped, so a
    build that was killed imports again safely); (recorded, problems). Entries the published
    warehouse already holds leave the inbox."""
    path = inbox_path(db)
    if not path.exists():
        return 0, []
    known = {row[0] for row in con.execute("SELECT curation_id FROM curation").fetchall()}
    with _locked(path) as inbox:
        text = inbox.read()
        entries, problems = _entries(text)
        kept = [line + "\n" for line, e in zip(text.splitlines(), _parsed(text), strict=True)
                if line.strip() and (e is None or e["curation_id"] not in known)]  # fmt: skip
        inbox.seek(0)
        inbox.truncate()
        inbox.writelines(kept)  # an unreadable line stays for a person to look at
    recorded = 0
    for e in entries:
        if e["curation_id"] in known:
            continue
        try:
            record(con, e["action"], e["target"], e["value"], e["note"], e["author"],
                   curation_id=e["curation_id"], created_at=datetime.fromisoformat(e["created_at"]))  # fmt: skip
            recorded += 1
        except SpaceraceError as exc:
            problems.append(f"correction {e['curation_id']} of claim {e['target']}: {exc}")
    return recorded, problems


FIELDS = ("curation_id", "created_at", "action", "target", "value", "note", "author")


def _parsed(text: str) -> list[dict | None]:
    """Each line's correction, or None where the line is not one."""
    found = []
    for line in text.splitlines():
        try:
            entry = json.loads(line)
            found.append({k: entry[k] for k in FIELDS})
        except (ValueError, KeyError, TypeError):
            found.append(None)
    return found


def _entries(text: str) -> tuple[list[dict], list[str]]:
    entries, problems = [], []
    for number, (line, entry) in enumerate(zip(text.splitlines(), _parsed(text), strict=True), 1):
        if entry is not None:
            entries.append(entry)
        elif line.strip():
            problems.append(f"line {number} of the inbox is not a correction: fix or remove it")
    return entries, problems


@contextmanager
def _locked(path: Path) -> Iterator:
    """The inbox open for reading and writing under an exclusive lock (the dashboard appends
    while a build may be importing)."""
    path.touch(exist_ok=True)
    with path.open("r+", encoding="utf-8") as inbox:
        fcntl.flock(inbox, fcntl.LOCK_EX)
        try:
            yield inbox
        finally:
            fcntl.flock(inbox, fcntl.LOCK_UN)
