"""An analyst's corrections: recorded once in `curation` (who, when, why), applied by every build
so they survive re-crawls and re-extraction."""

import json
import re
import uuid

import duckdb
import pandas as pd

from warehouse import SpaceraceError
from warehouse.clock import utcnow

STATUSES = ("achieved", "planned", "announced", "failed")
CLAIM_IDENTITY = ("doc_id", "actor_key", "capability", "sentence")
CURATION_SQL = "SELECT * FROM curation ORDER BY created_at, curation_id"


def record(con: duckdb.DuckDBPyConnection, action: str, target: str, value: str | None,
           note: str, author: str, curation_id: str | None = None,
           created_at=None) -> dict:  # fmt: skip
    """Check the curation against the warehouse and store it; a clear error if it cannot apply.
    A correction made elsewhere (the dashboard's inbox) keeps its own id and time."""
    if not note.strip():
        raise SpaceraceError("say why (--why): the curation log is how others learn of the change")
    subject = CHECKS[action](con, target, value)
    row = {
        "curation_id": curation_id or uuid.uuid4().hex[:16],
        "created_at": created_at or utcnow(),
        "action": action,
        "target": target,
        "value": value,
        "note": note,
        "author": author,
        "subject": json.dumps(subject) if subject else None,
    }
    columns = ", ".join(row)
    con.execute(f"INSERT INTO curation ({columns}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()))  # fmt: skip
    return row


def _entity(con, entity_id: str) -> None:
    if not con.execute("SELECT 1 FROM entities WHERE entity_id = ?", [entity_id]).fetchone():
        raise SpaceraceError(
            f"no entity {entity_id!r}: see SELECT entity_id, display_name FROM entities"
        )


def _check_merge(con, target, value):
    _entity(con, target)
    _entity(con, value)
    if target == value:
        raise SpaceraceError("an entity cannot be merged into itself")


def _check_split(con, target, value):
    if not con.execute("SELECT 1 FROM mentions WHERE actor_key = ?", [target]).fetchone():
        raise SpaceraceError(
            f"no actor key {target!r}: see SELECT entity_id, alias, reason FROM aliases "
            "and SELECT DISTINCT actor_key, surface FROM mentions"
        )


def _check_nation(con, target, value):
    _entity(con, target)
    if not value or not re.fullmatch(r"[A-Z]{2}|INT", value):
        raise SpaceraceError(f"nation {value!r}: give an ISO 3166 code such as CN, US, or INT")


def _claim(con, claim_id: str) -> dict:
    row = con.execute(
        f"SELECT {', '.join(CLAIM_IDENTITY)} FROM claims WHERE claim_id = ?", [claim_id]
    ).fetchone()
    if row is None:
        raise SpaceraceError(f"no claim {claim_id!r}: see SELECT claim_id, sentence FROM claims")
    return dict(zip(CLAIM_IDENTITY, row, strict=True))


def _check_status(con, target, value):
    if value not in STATUSES:
        raise SpaceraceError(f"status {value!r}: one of {', '.join(STATUSES)}")
    return _claim(con, target)


CHECKS = {
    "merge": _check_merge,
    "split": _check_split,
    "set_nation": _check_nation,
    "reject_claim": lambda con, target, value: _claim(con, target),
    "set_status": _check_status,
}


def curated_keys(curation: pd.DataFrame) -> dict[str, tuple[str | None, str]]:
    """actor key or entity -> (entity it joins, or None to stand alone; why), in order made."""
    moves = {}
    for c in curation.itertuples():
        if c.action == "merge":
            moves[c.target] = (c.value, f"merged by {c.author or 'an analyst'}: {c.note}")
        elif c.action == "split":
            moves[c.target] = (None, f"split by {c.author or 'an analyst'}: {c.note}")
    return moves


def apply_to_claims(claims: pd.DataFrame, curation: pd.DataFrame) -> pd.DataFrame:
    """Rejected claims dropped, status fixes applied (the latest per claim), matched by id or by
    what the claim was (document, actor, capability, sentence)."""
    rejected, statuses = set(), {}
    for c in curation.itertuples():
        if c.action not in ("reject_claim", "set_status"):
            continue
        marks = {c.target, _identity(json.loads(c.subject)) if c.subject else None} - {None}
        if c.action == "reject_claim":
            rejected |= marks
        else:
            statuses.update(dict.fromkeys(marks, c.value))
    if claims.empty or not (rejected or statuses):
        return claims
    identity = claims[list(CLAIM_IDENTITY)].apply(_identity, axis=1)
    keep = ~(claims.claim_id.isin(rejected) | identity.isin(rejected))
    fixed = [statuses.get(i, statuses.get(x, s))
             for i, x, s in zip(claims.claim_id, identity, claims.status, strict=True)]  # fmt: skip
    return claims.assign(status=fixed)[keep].reset_index(drop=True)


def apply_nations(entities: pd.DataFrame, curation: pd.DataFrame) -> pd.DataFrame:
    fixes = {c.target: c.value for c in curation.itertuples() if c.action == "set_nation"}
    if not fixes or entities.empty:
        return entities
    return entities.assign(nation=[fixes.get(e, n) for e, n in zip(entities.entity_id, entities.nation, strict=True)])  # fmt: skip


def _identity(row) -> str:
    return "|".join(str(row[k]) for k in CLAIM_IDENTITY)
