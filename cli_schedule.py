"""`spacerace schedule`: its options, and the checks of the cron expression, the time zone and
the log settings made before anything runs. The scheduler itself is in scheduling.py."""

import argparse
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from warehouse import SpaceraceError

WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")  # crontab order: 0 and 7 are Sunday
EXAMPLES = """examples:
  spacerace schedule --cron "0 */6 * * *"            every six hours on the hour, UTC
  spacerace schedule --cron "30 5 * * 1-5" --timezone Europe/Paris
                                                     05:30 Paris time, Monday to Friday
  spacerace schedule --cron "*/30 * * * * *" --now --runs 2 spacex
                                                     a trial: two runs of one source

The cron expression has 5 fields: minute hour day-of-month month day-of-week (0 or 7 is
Sunday); 6 fields put seconds first. A run due while the previous one still goes is skipped and
logged. SIGTERM or Ctrl-C interrupts a running update (nothing half-done is published; its crawl
resumes next time) and stops. Cron and systemd recipes: docs/scheduling.md."""


def add_parser(sub, command) -> None:
    """Register `schedule`; `command` is cli's _command helper."""
    # Imported here: cli imports this module first, so a module-level import would be circular.
    from cli import _sources_args, positive_int

    p = command(
        sub,
        "schedule",
        "Run `spacerace update` on a cron schedule, one run at a time, logging each run.",
        schedule,
    )
    p.epilog = f"{EXAMPLES}\n\n{p.epilog}"
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("--cron", metavar="EXPR",
                   help='when to run, e.g. "0 */6 * * *" (see below; default: [schedule] cron '
                        "in spacerace.toml)")  # fmt: skip
    p.add_argument("--timezone", metavar="TZ",
                   help="IANA time zone the expression is read in (default: [schedule] timezone "
                        "in spacerace.toml, else UTC), e.g. Asia/Shanghai")  # fmt: skip
    p.add_argument("--log", type=Path, metavar="FILE",
                   help="log file (default: [schedule] log in spacerace.toml, else "
                        ".spacerace/schedule.log beside the warehouse)")  # fmt: skip
    p.add_argument("--log-max-bytes", type=byte_size, metavar="N",
                   help="start a new log file past N bytes (default 5M; K, M, G suffixes)")  # fmt: skip
    p.add_argument("--log-keep", type=log_keep, metavar="N",
                   help="log files kept, the current one included (default 5, at least 2)")  # fmt: skip
    p.add_argument("--runs", type=positive_int, metavar="N", help="stop after N runs (a trial)")
    p.add_argument("--now", action="store_true", help="run once at start, then on the schedule")
    _sources_args(p)  # the update's own options, passed on to every run
    for action in p._actions:
        if action.dest == "no_progress":  # every run has no progress bars: the log has no tty
            action.help = argparse.SUPPRESS


def schedule(args) -> int:
    """Check the options, open the log, then run updates on the schedule until stopped."""
    import scheduling
    from crawlers.sources import select_sources
    from jobs import _check_settings, _db

    _configured_defaults(args)
    tz = zone(args.timezone)
    trigger = cron_trigger(args.cron, tz)
    # Checked now rather than failing every run later.
    select_sources(args.sources)
    _check_settings(args)
    db = _db(args)
    log = scheduling.open_log(args.log or scheduling.default_log(db), args.log_max_bytes,
                              args.log_keep, tz)  # fmt: skip
    upcoming = describe(next_runs(trigger, datetime.now(tz)))
    log.info('schedule "%s" in time zone %s; next runs: %s%s', args.cron, tz.key,
             "now, then " if args.now else "", upcoming)  # fmt: skip
    command = scheduling.update_command(db, args.sources, args.mirror, args.workers, args.set)
    runner = scheduling.Runner(command, log, tz, args.runs)
    return scheduling.serve(trigger, runner, now=args.now)


def _configured_defaults(args) -> None:
    """Options not given on the command line come from spacerace.toml's [schedule], else
    from the defaults."""
    from warehouse.config import setting

    args.cron = args.cron or setting("schedule", "cron")
    if not args.cron:
        raise SpaceraceError(
            'give --cron, e.g. --cron "0 */6 * * *", or set cron in the [schedule] section of '
            "spacerace.toml"
        )
    args.timezone = args.timezone or setting("schedule", "timezone", "UTC")
    configured_log = setting("schedule", "log")
    args.log = args.log or (Path(configured_log) if configured_log else None)
    size = args.log_max_bytes or setting("schedule", "log_max_bytes", 5 * 2**20)
    args.log_max_bytes = size if isinstance(size, int) else _config_value(byte_size, size)
    args.log_keep = args.log_keep or setting("schedule", "log_keep", 5)


def _config_value(parse, text: str):
    try:
        return parse(text)
    except argparse.ArgumentTypeError as exc:
        raise SpaceraceError(f"spacerace.toml [schedule]: {exc}") from None


def byte_size(text: str) -> int:
    """ "5M" -> 5242880; a plain number is bytes."""
    units = {"k": 2**10, "m": 2**20, "g": 2**30}
    number, unit = (text[:-1], units[text[-1].lower()]) if text[-1:].lower() in units else (text, 1)
    if not number.isdigit() or int(number) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size: use bytes, or 512K, 5M, 1G")
    return int(number) * unit


def log_keep(text: str) -> int:
    # One file would never rotate (RotatingFileHandler needs a backup), so it would grow unbounded.
    if not text.isdigit() or int(text) < 2:
        raise argparse.ArgumentTypeError(f"{text!r}: keep at least 2 log files")
    return int(text)


def zone(name: str) -> ZoneInfo:
    """The IANA time zone `name`; an unknown one is an error naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SpaceraceError(
            f"unknown time zone {name!r}: give an IANA name such as UTC, Europe/Paris or "
            "America/New_York"
        ) from None


def cron_trigger(expr: str, tz: ZoneInfo):
    """A trigger from a crontab expression (minute hour day month weekday), or from six fields
    with seconds first. Weekday numbers mean what they mean to cron (0 or 7 is Sunday)."""
    from apscheduler.triggers.cron import CronTrigger

    fields = expr.split()
    try:
        if len(fields) not in (5, 6):
            raise ValueError(f"it needs 5 fields, or 6 with seconds first, not {len(fields)}")
        second = fields.pop(0) if len(fields) == 6 else "0"
        minute, hour, day, month, weekday = fields
        return CronTrigger(second=second, minute=minute, hour=hour, day=day, month=month,
                           day_of_week=cron_weekdays(weekday), timezone=tz)  # fmt: skip
    except ValueError as exc:
        raise SpaceraceError(
            f'bad --cron "{expr}" ({exc}): use minute hour day month weekday, e.g. "0 */6 * * *" '
            'for every six hours (six fields put seconds first: "*/30 * * * * *")'
        ) from None


def cron_weekdays(field: str) -> str:
    """A crontab weekday field as weekday names: APScheduler 3 counts 0 as Monday, cron as
    Sunday, so "1-5" must become mon..fri, not tue..sat."""
    if field == "*":
        return field
    days = set()
    for item in field.lower().split(","):
        base, _, step = item.partition("/")
        first, _, last = base.partition("-")
        if base == "*":
            first, last = "0", "6"
        low = _weekday(first)
        high = _weekday(last) if last else (6 if step else low)
        if high < low or (step and not step.isdigit()) or step == "0":
            raise ValueError(f"bad weekday {item!r}")
        days.update(n % 7 for n in range(low, high + 1, int(step or 1)))
    return ",".join(WEEKDAYS[n] for n in sorted(days))


def _weekday(text: str) -> int:
    if text in WEEKDAYS:
        return WEEKDAYS.index(text)
    if text.isdigit() and int(text) <= 7:
        return int(text)
    raise ValueError(f"bad weekday {text!r} (0-7 or sun-sat)")


def next_runs(trigger, now: datetime, count: int = 3) -> list[datetime]:
    """The trigger's next `count` fire times, from `now` on."""
    times, previous = [], None
    for _ in range(count):
        previous = trigger.get_next_fire_time(previous, previous or now)
        if previous is None:
            break
        times.append(previous)
    return times


def describe(times: list[datetime]) -> str:
    """ "2026-11-25 06:00 UTC, 12:00 UTC, 2026-11-26 00:00 UTC": the date only when it changes,
    seconds only when some time has them."""
    clock = "%H:%M:%S" if any(t.second for t in times) else "%H:%M"
    parts, day = [], None
    for t in times:
        parts.append(t.strftime(clock + " %Z" if t.date() == day else f"%Y-%m-%d {clock} %Z"))
        day = t.date()
    return ", ".join(parts) or "none"
