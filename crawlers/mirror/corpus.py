"""Reading the bundled corpus (corpus/<source>/*.jsonl) that the mirror serves."""

import json
import os
from datetime import date
from pathlib import Path

from warehouse.errors import SpaceraceError

REPO_ROOT = Path(__file__).resolve().parents[2]


def corpus_dir() -> Path:
    """corpus/ at the repository root, or $SPACERACE_CORPUS."""
    return Path(os.environ.get("SPACERACE_CORPUS") or REPO_ROOT / "corpus")


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSONL file; a broken line is an error naming the file and line."""
    if not path.exists():
        return []
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise SpaceraceError(
                f"{path}:{number} is not valid JSON ({exc.msg}); fix that line"
            ) from None
    return records


DATE_FIELDS = ("published", "published_at", "date", "net")


def load(source: str, name: str, as_of: date | None = None) -> list[dict]:
    """corpus/<source>/<name>.jsonl; with `as_of`, only what was published by that day."""
    records = read_jsonl(corpus_dir() / source / f"{name}.jsonl")
    if as_of is None:
        return records
    return [r for r in records if published_on(r) is None or published_on(r) <= as_of]


def published_on(record: dict) -> date | None:
    """The day a record was published, in its publisher's own calendar."""
    for field in DATE_FIELDS:
        if record.get(field):
            return date.fromisoformat(str(record[field])[:10])
    return None
