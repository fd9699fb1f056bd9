"""Reading the bundled corpus (corpus/<source>/*.jsonl) that the mirror serves."""

import json
import os
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


def load(source: str, name: str) -> list[dict]:
    """corpus/<source>/<name>.jsonl."""
    return read_jsonl(corpus_dir() / source / f"{name}.jsonl")
