"""Warehouse load: rows/s of our writer (`warehouse.write.insert_frame`, as extraction writes its
claims: records -> DataFrame -> insert by column name) vs a direct DuckDB insert of an Arrow
table built beforehand, into the same migrated table."""

import random
import tempfile
import time
from pathlib import Path
from statistics import median

import duckdb
import pandas as pd
import pyarrow as pa

from warehouse.migrate import migrate
from warehouse.write import insert_frame

STATUSES = ("announced", "planned", "achieved", "failed")


def claim_rows(n: int, seed: int = 5) -> list[dict]:
    """`n` claims as extraction makes them (every column of the claims table)."""
    rng = random.Random(seed)
    return [
        {
            "claim_id": f"c{i:08d}",
            "doc_id": f"d{i // 5:07d}",
            "version": 1,
            "actor_key": f"new:actor {rng.randrange(5000)}",
            "actor_name": f"Actor {i % 5000}",
            "capability": rng.choice(
                ("orbital_data_center", "crewed_spaceflight", "lunar_landing")
            ),
            "status": rng.choice(STATUSES),
            "date": "2027",
            "date_precision": "year",
            "date_start": pd.Timestamp("2027-01-01").date(),
            "date_text": "by 2027",
            "sentence": f"Actor {i % 5000} plans to launch its first module by 2027.",
            "start_char": 10 * i,
            "end_char": 10 * i + 60,
            "confidence": 0.8,
            "extractor_version": "bench",
        }  # fmt: skip
        for i in range(n)
    ]


def _fresh(folder: Path, name: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(folder / f"{name}.duckdb"))
    migrate(con)
    return con


def time_ours(folder: Path, rows: list[dict], k: int) -> float:
    con = _fresh(folder, f"ours-{k}")
    started = time.perf_counter()
    insert_frame(con, "claims", pd.DataFrame(rows))
    con.execute("CHECKPOINT")
    seconds = time.perf_counter() - started
    con.close()
    return seconds


def time_bare(folder: Path, arrow_claims: pa.Table, k: int) -> float:
    con = _fresh(folder, f"bare-{k}")
    started = time.perf_counter()
    con.execute("INSERT INTO claims SELECT * FROM arrow_claims")  # the argument, by name
    con.execute("CHECKPOINT")
    seconds = time.perf_counter() - started
    con.close()
    return seconds


def run(n: int = 200_000, rounds: int = 3) -> dict:
    """The bench row: median of `rounds` loads of `n` claims each way, each into a new file."""
    rows = claim_rows(n)
    arrow_claims = pa.Table.from_pylist(rows)
    with tempfile.TemporaryDirectory(prefix="spacerace-load-") as tmp:
        folder = Path(tmp)
        ours = median(time_ours(folder, rows, k) for k in range(rounds))
        bare = median(time_bare(folder, arrow_claims, k) for k in range(rounds))
    return {
        "stage": "load", "unit": "rows/s", "baseline": round(n / bare), "ours": round(n / ours),
        "ratio": round(bare / ours, 2), "target": None,
        "detail": f"{n} claims into a migrated warehouse, checkpoint included; ours starts from the "
                  "records extraction yields (DataFrame built in the timing), the baseline from a "
                  "ready Arrow table",
    }  # fmt: skip


if __name__ == "__main__":
    print(run())
