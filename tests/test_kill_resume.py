"""Crash safety: an update killed with SIGKILL during the crawl, the extraction or the publication
leaves the published warehouse as it was (or, past the atomic rename, wholly the new one), and the
next update ends with the same tables as an update nobody killed."""

import random

import pytest

from bench.kill_resume import run_trial
from bench.reliability import prepare
from warehouse.digest import table_digests


@pytest.fixture(scope="module")
def trials(tmp_path_factory):
    """A warehouse crawled from the mirror as of an earlier day, today's mirror, and the
    digests of the update from one to the other that nobody killed."""
    folder = tmp_path_factory.mktemp("kill")
    start, today, url, requested, clean = prepare(folder)
    yield folder, start, url, requested, clean
    today.shutdown()


@pytest.mark.parametrize("phase", ["crawl", "extract", "publish"])
def test_an_update_killed_mid_way_loses_nothing_and_the_next_one_completes_it(trials, phase):
    folder, start, url, requested, clean = trials
    before = table_digests(start)
    trial = run_trial(start, folder / phase, url, requested, clean, phase, random.Random(phase))
    assert trial.killed_in == phase
    assert trial.published in (before, clean)
    assert trial.resumed_differences == []
