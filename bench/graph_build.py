"""The build stage (resolution, merging, graph) on a synthetic warehouse of N claims over N/20
actors, in a fresh process, beside a baseline in the same process: a bare DuckDB GROUP BY of the
same claims into events. Prints {"claims", "build_s", "baseline_s", "peak_mb"}.

    python -m bench.graph_build --claims 1000000
"""

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from bench.extraction_memory import peak_kb

CAPABILITIES = ["orbital_data_center", "in_orbit_ai_inference", "computing_constellation",
                "reusable_launch", "heavy_lift_launch", "crewed_spaceflight", "lunar_landing",
                "satellite_internet"]  # fmt: skip
STATUSES = ["achieved", "planned", "announced", "failed"]
NATIONS = ["US", "CN", "IN", "JP", "RU", "FR", "GB", None]
SYLLABLES = ["ast", "ro", "nova", "orb", "tal", "ka", "zen", "lun", "sat", "vex", "cor", "ion"]


def actor_names(n: int, rng: random.Random) -> list[str]:
    """n names, one in ten a misspelling of another (resolution has work to do)."""
    names = []
    for i in range(n):
        if i % 10 == 9:
            base = names[rng.randrange(len(names))]
            names.append(base[:-1] + "x" if len(base) > 6 else base + " co")
        else:
            words = rng.randint(1, 3)
            names.append(" ".join("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
                                  for _ in range(words)) + f" {i}")  # fmt: skip
    return names


def fill(con: duckdb.DuckDBPyConnection, n_claims: int, seed: int = 5) -> None:
    """Bulk-load (Arrow) sources, documents, mentions and claims into a migrated warehouse."""
    rng = random.Random(seed)
    n_actors, per_doc = max(10, n_claims // 20), 10
    n_docs = n_claims // per_doc
    names = actor_names(n_actors, rng)
    nation = [rng.choice(NATIONS) for _ in names]
    con.execute(
        "INSERT INTO sources VALUES ('wire', 'Wire', 'independent', NULL, 'https://w/', NULL, 0)"
    )
    docs = pa.table({
        "doc_id": [f"d{i}" for i in range(n_docs)], "version": [1] * n_docs,
        "source_id": ["wire"] * n_docs, "fetched_via": ["wire"] * n_docs,
        "url": [f"https://w/{i}" for i in range(n_docs)],
        "published_at": [f"20{20 + i % 7}-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(n_docs)],
        "text": [f"story {i} " + " ".join(rng.choices(SYLLABLES, k=30)) for i in range(n_docs)],
    })  # fmt: skip
    con.register("docs", docs)
    con.execute("INSERT INTO documents (doc_id, version, source_id, fetched_via, url, published_at, "
                "fetched_at, text, content_hash, run_id) SELECT doc_id, version, source_id, "
                "fetched_via, url, CAST(published_at AS TIMESTAMP), now(), text, doc_id, 'r1' FROM docs")  # fmt: skip
    actor = [rng.randrange(n_actors) for _ in range(n_claims)]
    dates = [f"20{22 + rng.randrange(6)}-{1 + rng.randrange(12):02d}" for _ in range(n_claims)]
    claims = pa.table({
        "claim_id": [f"c{i}" for i in range(n_claims)], "doc_id": [f"d{i // per_doc}" for i in range(n_claims)],
        "version": [1] * n_claims, "actor_key": [f"new:{names[a]}" for a in actor],
        "actor_name": [names[a] for a in actor], "capability": rng.choices(CAPABILITIES, k=n_claims),
        "status": rng.choices(STATUSES, k=n_claims), "date": dates,
        "sentence": ["s"] * n_claims, "start_char": [i % per_doc * 100 for i in range(n_claims)],
    })  # fmt: skip
    con.register("cl", claims)
    con.execute("INSERT INTO claims SELECT claim_id, doc_id, version, actor_key, actor_name, capability, "
                "status, date, 'month', CAST(date || '-01' AS DATE), NULL, sentence, start_char, "
                "start_char + 1, 0.8, 'bench' FROM cl")  # fmt: skip
    con.execute("INSERT INTO mentions SELECT doc_id, version, actor_key, actor_name, actor_name, NULL, "
                "'company', NULL, actor_name, sentence, start_char, start_char + 5, 'bench' FROM cl")  # fmt: skip
    con.register("nat", pa.table({"actor_key": [f"new:{n}" for n in names], "nation": nation}))
    con.execute(
        "UPDATE mentions SET nation = nat.nation FROM nat WHERE mentions.actor_key = nat.actor_key"
    )


def filled(path: Path, n_claims: int) -> None:
    """A migrated warehouse at `path` holding the synthetic claims."""
    from warehouse.migrate import migrate

    with duckdb.connect(str(path)) as con:
        migrate(con)
        fill(con, n_claims)


def measure(n_claims: int, builds: int = 3) -> dict:
    """Build `builds` times on a warehouse filled by another process (so the peak memory is the
    build's own); the median time is kept (one build's time varies by a tenth on this machine)."""
    from graph.build import build

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        subprocess.run([sys.executable, "-m", "bench.graph_build", "--claims", str(n_claims),
                        "--fill-only", str(path)], check=True)  # fmt: skip
        con = duckdb.connect(str(path))
        grouped = []
        for _ in range(builds):
            started = time.perf_counter()
            con.execute("CREATE OR REPLACE TEMP TABLE events AS SELECT actor_key, capability, "
                        "status, year(date_start) AS y, count(*) AS n FROM claims GROUP BY ALL")  # fmt: skip
            grouped.append(time.perf_counter() - started)
        baseline = statistics.median(grouped)
        took = []
        for _ in range(builds):
            started = time.perf_counter()
            result = build(con)  # each build replaces the tables of the one before
            took.append(time.perf_counter() - started)
    return {"claims": n_claims, "baseline_s": round(baseline, 3),
            "build_s": round(statistics.median(took), 1), "runs_s": [round(t, 1) for t in took],
            "peak_mb": round(peak_kb() / 1024), "entities": result["entities"],
            "milestones": result["milestones"], "edges": result["edges"]}  # fmt: skip


def run(sizes: tuple[int, ...] = (100_000, 500_000, 1_000_000)) -> list[dict]:
    """The bench rows: time and peak memory at the smallest size; build time at the largest
    (limit 120 s, beside the bare GROUP BY), its peak memory (limit 4 GB), and how time grows as
    claims double from the size before it (n log n allows ~2.1x).
    One fresh process per size (peak memory is per process), three builds in each."""
    runs = []
    for n in sizes:
        out = subprocess.run([sys.executable, "-m", "bench.graph_build", "--claims", str(n)],
                             capture_output=True, text=True, check=True)  # fmt: skip
        runs.append(json.loads(out.stdout.splitlines()[-1]))
    last, before = runs[-1], runs[-2]
    detail = "; ".join(f"{r['claims']:,} claims {r['build_s']} s (median of {r['runs_s']}), "
                       f"{r['peak_mb']} MB" for r in runs)  # fmt: skip
    first = runs[0]
    return [
        {"stage": f"graph {first['claims'] // 1000}k", "unit": "s", "baseline": first["baseline_s"],
         "ours": first["build_s"], "ratio": first["build_s"] / max(first["baseline_s"], 0.01),
         "target": None, "detail": f"peak {first['peak_mb']} MB"},
        {"stage": "graph", "unit": "s", "baseline": last["baseline_s"], "ours": last["build_s"],
         "ratio": last["build_s"] / max(last["baseline_s"], 0.01), "max": 120, "detail": detail},
        {"stage": "graph mem", "unit": "MB", "baseline": "-", "ours": last["peak_mb"],
         "ratio": 0.0, "max": 4096},
        {"stage": "graph 2x", "unit": "x",
         "baseline": round(last["baseline_s"] / before["baseline_s"], 2),
         "ours": round(last["build_s"] / before["build_s"], 2),
         "ratio": last["build_s"] / before["build_s"], "max": 2.1,
         "detail": f"time at {last['claims']:,} claims over the time at {before['claims']:,} "
                   "(baseline: the same for the bare GROUP BY)"},
    ]  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--fill-only", type=Path, help="only write the synthetic warehouse here")
    args = parser.parse_args()
    if args.fill_only:
        filled(args.fill_only, args.claims)
    else:
        print(json.dumps(measure(args.claims)))
