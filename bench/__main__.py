"""`make bench`: each stage beside its baseline, in one run; prints one table and saves it as
bench/results/latest.json."""

import argparse
import compileall
import json
import os
import platform
import time
from pathlib import Path

from bench import crawl, dashboard, end_to_end, extraction, extraction_memory, graph_build, load


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--n", type=int, default=2000, help="articles in the generated mirror (default 2000)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="repetitions; the median is kept (default 3)"
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="copies of the corpus for extraction (default 5)"
    )
    args = parser.parse_args()
    started = time.monotonic()
    compile_sources()
    results = [
        *extraction.run(args.repeat, args.rounds),
        extraction_memory.run(args.n),
        *crawl.run(args.n, args.rounds),
        load.run(rounds=args.rounds),
        *graph_build.run(),
        *dashboard.run(),
        end_to_end.run(args.n),  # slow and steady: once
    ]
    print_table(results)
    minutes = round((time.monotonic() - started) / 60, 1)
    machine = describe_machine()
    print(f"{minutes} minutes on {machine['cpu']} ({machine['cpus']} CPUs, {machine['memory_gb']} GB), "
          f"Python {machine['python']}")  # fmt: skip
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(
        json.dumps({"machine": machine, "minutes": minutes, "results": results}, indent=2)
    )


def describe_machine() -> dict:
    """What the figures were measured on."""
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    models = [
        line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("model name")
    ]
    memory = Path("/proc/meminfo").read_text().split()[1] if Path("/proc/meminfo").exists() else "0"
    return {
        "cpu": models[0] if models else platform.machine(),
        "cpus": os.cpu_count(),
        "memory_gb": round(int(memory) / 2**20),
        "python": platform.python_version(),
    }


def compile_sources() -> None:
    """Byte-compile the project as an installed package would be (pip compiles what it installs;
    an editable install is compiled on first import, unless PYTHONDONTWRITEBYTECODE forbids it,
    and every crawler process would then compile it again)."""
    root = Path(__file__).resolve().parents[1]
    for name in ("crawlers", "nlp", "graph", "warehouse", "views", "bench"):
        compileall.compile_dir(root / name, quiet=1)
    for name in ("cli.py", "jobs.py", "dashboard.py"):
        compileall.compile_file(root / name, quiet=1)


def print_table(results: list[dict]) -> None:
    print(
        f"{'stage':<12}{'unit':<9}{'baseline':>10}{'spacerace':>11}{'ratio':>8}{'target':>8}  verdict"
    )
    for r in results:
        if "max" in r:  # an absolute limit (memory), not a ratio to the baseline
            verdict = "ok" if r["ours"] <= r["max"] else "OVER LIMIT"
            target = f"<= {r['max']}"
        elif r.get("target") is None:  # a figure the issues set no target for
            verdict, target = "reported", "-"
        else:
            verdict = "ok" if r["ratio"] >= r["target"] else "BELOW TARGET"
            target = f">= {r['target']}"
        print(f"{r['stage']:<12}{r['unit']:<9}{r['baseline']:>10}{r['ours']:>11}{r['ratio']:>8.2f}"
              f"{target:>8}  {verdict}")  # fmt: skip
        if r.get("detail"):
            print(f"{'':<12}{r['detail']}")


if __name__ == "__main__":
    main()
