"""Expected failures: each carries a one-line message that names the problem and the fix."""


class SpaceraceError(Exception):
    """An expected failure the CLI reports in one line, without a traceback."""


class WarehouseMissing(SpaceraceError):
    def __init__(self, path):
        super().__init__(
            f"no warehouse at {path}: build one with `spacerace update` "
            "(or `make run` for the bundled demo), or point --db / SPACERACE_DB at an existing one"
        )


class WarehouseLocked(SpaceraceError):
    def __init__(self, path, holder: str, holder_gone: bool = False):
        if holder_gone:
            what = "that process was killed and its crawler processes are stopping; run again in a few seconds"
        else:
            what = "wait for it to finish or stop that process, then run again"
        super().__init__(f"{path} is locked by another update ({holder}); {what}")


class UserSqlError(SpaceraceError):
    """SQL typed by a user failed: the message is DuckDB's, prefixed with what to do."""
