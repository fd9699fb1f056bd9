"""The schedule's pure parts: crontab expressions read as cron reads them, in an explicit time
zone; the start line's list of next runs; the log options."""

import argparse
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from cli_schedule import byte_size, cron_trigger, cron_weekdays, describe, log_keep, next_runs
from scheduling import update_command
from warehouse import SpaceraceError

UTC = ZoneInfo("UTC")
WEDNESDAY = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "field, names",
    [
        ("*", "*"),
        ("1-5", "mon,tue,wed,thu,fri"),  # not tue..sat, as APScheduler 3 alone would read it
        ("0", "sun"),
        ("7", "sun"),
        ("5-7", "sun,fri,sat"),
        ("*/2", "sun,tue,thu,sat"),
        ("sat,SUN", "sun,sat"),
        ("mon-wed,5", "mon,tue,wed,fri"),
    ],
)
def test_crontab_weekday_numbers_count_sunday_as_zero(field, names):
    assert cron_weekdays(field) == names


@pytest.mark.parametrize("field", ["8", "5-2", "*/0", "funday", "1-x"])
def test_a_bad_weekday_field_is_refused(field):
    with pytest.raises(ValueError):
        cron_weekdays(field)


def test_a_crontab_weekday_of_one_fires_on_mondays():
    trigger = cron_trigger("0 6 * * 1", UTC)
    fires = next_runs(trigger, WEDNESDAY, 2)
    assert [f.strftime("%a %H:%M") for f in fires] == ["Mon 06:00", "Mon 06:00"]


def test_the_expression_is_read_in_the_given_time_zone():
    paris = ZoneInfo("Europe/Paris")
    first = next_runs(cron_trigger("0 6 * * *", paris), WEDNESDAY, 1)[0]
    assert (first.hour, first.tzinfo) == (6, paris)
    assert first.astimezone(UTC).hour == 5  # Paris is UTC+1 in November


def test_six_fields_put_seconds_first():
    fires = next_runs(cron_trigger("*/20 * * * * *", UTC), WEDNESDAY, 3)
    assert [f.second for f in fires] == [0, 20, 40]  # 03:00:00 itself is due


@pytest.mark.parametrize("expr", ["", "0 6 * *", "0 6 * * * * *", "61 * * * *", "x * * * *"])
def test_a_bad_expression_is_an_error_naming_it_with_an_example(expr):
    with pytest.raises(SpaceraceError) as caught:
        cron_trigger(expr, UTC)
    assert f'bad --cron "{expr}"' in str(caught.value) and '"0 */6 * * *"' in str(caught.value)


def test_next_runs_show_the_date_only_when_it_changes():
    fires = next_runs(cron_trigger("0 */6 * * *", UTC), WEDNESDAY, 4)
    assert describe(fires) == ("2026-11-25 06:00 UTC, 12:00 UTC, 18:00 UTC, 2026-11-26 00:00 UTC")


def test_next_runs_show_seconds_when_the_schedule_has_them():
    fires = next_runs(cron_trigger("30 0 6 * * *", UTC), WEDNESDAY, 1)
    assert describe(fires) == "2026-11-25 06:00:30 UTC"


def test_log_sizes_take_suffixes_and_the_log_keeps_at_least_two_files():
    assert (byte_size("100"), byte_size("512K"), byte_size("5m")) == (100, 512 * 1024, 5 * 2**20)
    assert log_keep("2") == 2
    for bad in ("0", "-1", "5Q", "M"):
        with pytest.raises(argparse.ArgumentTypeError):
            byte_size(bad)
    with pytest.raises(argparse.ArgumentTypeError):
        log_keep("1")  # a single file would never rotate


def test_each_run_is_an_update_without_progress_bars_with_the_options_given(tmp_path):
    command = update_command(tmp_path / "w.duckdb", ["nasa"], "http://127.0.0.1:1", 2, ["A=1"])
    assert command[1:] == [
        "-m", "cli", "update", "--db", str(tmp_path / "w.duckdb"), "--no-progress",
        "--mirror", "http://127.0.0.1:1", "--workers", "2", "-s", "A=1", "nasa",
    ]  # fmt: skip
