"""The national space-compute index's weights: one data file, loaded into `index_weights`."""

import tomllib
from importlib import resources

import pandas as pd

WEIGHTS_FILE = "index_weights.toml"


def index_weights() -> pd.DataFrame:
    """(kind, name, weight) rows from graph/index_weights.toml: kind is capability or status."""
    text = (resources.files("graph") / WEIGHTS_FILE).read_text(encoding="utf-8")
    table = tomllib.loads(text)
    rows = [
        {"kind": kind, "name": name, "weight": float(weight)}
        for kind in ("capability", "status")
        for name, weight in table[kind].items()
    ]
    return pd.DataFrame(rows, columns=["kind", "name", "weight"])
