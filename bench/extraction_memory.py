"""Peak memory of extraction over N synthetic articles (default 2,000), ours vs bare `nlp.pipe`
of the same model on the same texts, each in a fresh process. Prints {"peak_mb", "words"}.

    python -m bench.extraction_memory ours|bare [--n 2000]
"""

import argparse
import json
import resource
import subprocess
import sys
from pathlib import Path

from bench.generate import Writer


def texts(n: int, seed: int = 11) -> list[dict]:
    writer = Writer(seed)
    return [
        {"id": f"mem-{i}", "text": "\n\n".join(writer.paragraphs()), "published": "2025-06-01"}
        for i in range(n)
    ]


def measure(which: str, n: int) -> dict:
    records = texts(n)
    if which == "bare":
        import spacy

        from nlp.pipeline import model_name

        for _ in spacy.load(model_name()).pipe((r["text"] for r in records), batch_size=32):
            pass
    else:
        from nlp.extract import extract_records

        for _ in extract_records(records):
            pass
    return {
        "peak_mb": round(peak_kb() / 1024),
        "words": sum(len(r["text"].split()) for r in records),
    }


def peak_kb() -> int:
    """This process's peak resident memory. ru_maxrss would do, but it survives exec: a child
    started by a parent that had loaded spaCy would report the parent's size. VmHWM does not."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux


def run(n: int = 2000) -> dict:
    """The bench row: peak memory of each run, in its own process."""
    result = {}
    for which in ("bare", "ours"):
        out = subprocess.run([sys.executable, "-m", "bench.extraction_memory", which, "--n", str(n)],
                             capture_output=True, text=True, check=True)  # fmt: skip
        result[which] = json.loads(out.stdout.splitlines()[-1])
    return {
        "stage": "extract mem",
        "unit": "MB",
        "baseline": result["bare"]["peak_mb"],
        "ours": result["ours"]["peak_mb"],
        "ratio": round(result["ours"]["peak_mb"] / result["bare"]["peak_mb"], 2),
        "max": 1500,
        "detail": f"peak resident memory over {n} synthetic articles ({result['ours']['words']} words), "
        "each run in a fresh process; target: under 1,500 MB",
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.extraction_memory", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("which", choices=["ours", "bare"])
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    print(json.dumps(measure(args.which, args.n)))


if __name__ == "__main__":
    main()
