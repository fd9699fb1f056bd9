"""spacerace.toml: the settings an operator writes once (paths, retention, schedule, politeness).

The file is $SPACERACE_CONFIG, else ./spacerace.toml when there is one; without it every setting
has its default. A flag beats an environment variable, which beats the file. Relative paths in
the file are read from the file's folder. Unknown sections or keys, and values of the wrong
type, are errors naming the file and the key, so a typo never passes silently."""

import os
import tomllib
from functools import cache
from pathlib import Path

from warehouse.errors import SpaceraceError

CONFIG_ENV = "SPACERACE_CONFIG"
DEFAULT_FILE = "spacerace.toml"
# section -> key -> the type it must have
KEYS = {
    "warehouse": {"path": str, "backups": int},
    "crawl": {"sources": str, "workers": int, "settings": dict},
    "schedule": {
        "cron": str,
        "timezone": str,
        "log": str,
        "log_max_bytes": (int, str),
        "log_keep": int,
    },  # fmt: skip
}
PATHS = {("warehouse", "path"), ("crawl", "sources"), ("schedule", "log")}
LEAST = {("warehouse", "backups"): 0, ("crawl", "workers"): 1, ("schedule", "log_keep"): 2,
         ("schedule", "log_max_bytes"): 1}  # fmt: skip


def config_file() -> Path | None:
    """The configuration file in use, if any."""
    named = os.environ.get(CONFIG_ENV)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise SpaceraceError(f"{CONFIG_ENV} names {path}, which is not a file")
        return path.resolve()
    local = Path(DEFAULT_FILE)
    return local.resolve() if local.is_file() else None


def setting(section: str, key: str, default=None):
    """One value from the configuration file, or `default`; paths come back absolute."""
    path = config_file()
    if path is None:
        return default
    value = _load(path, path.stat().st_mtime_ns).get(section, {}).get(key)
    if value is None:
        return default
    if (section, key) in PATHS:
        return str((path.parent / Path(value).expanduser()).resolve())
    return value


@cache
def _load(path: Path, _version: int) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SpaceraceError(f"{path} is not valid TOML ({exc})") from None
    for section, values in data.items():
        if section not in KEYS or not isinstance(values, dict):
            raise SpaceraceError(
                f"{path}: unknown section [{section}]; the sections are {', '.join(KEYS)}"
            )
        for key, value in values.items():
            _check(path, section, key, value)
    return data


def _check(path: Path, section: str, key: str, value) -> None:
    wanted = KEYS[section].get(key)
    if wanted is None:
        raise SpaceraceError(
            f"{path}: [{section}] has no setting {key!r}; it takes {', '.join(KEYS[section])}"
        )
    if not isinstance(value, wanted) or isinstance(value, bool):
        kind = " or ".join(t.__name__ for t in (wanted if isinstance(wanted, tuple) else (wanted,)))
        raise SpaceraceError(f"{path}: [{section}] {key} = {value!r} should be a {kind}")
    least = LEAST.get((section, key))
    if least is not None and isinstance(value, int) and value < least:
        raise SpaceraceError(f"{path}: [{section}] {key} = {value} should be at least {least}")
