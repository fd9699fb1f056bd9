"""`make bench`: run the benchmarks and print one table (also saved as bench/results/latest.json)."""

import argparse
import json
import os
import platform
from pathlib import Path

from bench import extraction


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--repeat", type=int, default=5, help="copies of the corpus to extract (default 5)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="repetitions; the median is kept (default 3)"
    )
    args = parser.parse_args()
    results = [extraction.run(args.repeat, args.rounds)]
    print(f"{'stage':<12}{'baseline':>16}{'spacerace':>16}{'ratio':>8}{'target':>8}")
    for r in results:
        mark = "ok" if r["ratio"] >= r["target"] else "BELOW"
        print(f"{r['stage']:<12}{r['baseline_words_per_s']:>11} w/s{r['ours_words_per_s']:>11} w/s"
              f"{r['ratio']:>8.2f}{'>= ' + str(r['target']):>8} {mark}")  # fmt: skip
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    machine = {
        "machine": platform.machine(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    (out / "latest.json").write_text(json.dumps({"machine": machine, "results": results}, indent=2))


if __name__ == "__main__":
    main()
