"""Dates resolved against the publication date, with their precision."""

from datetime import date

import pytest

from nlp.dates import date_start, resolve

PUBLISHED = date(2025, 5, 14)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "future", "value", "precision"),
    [
        ("by 2030", True, "2030", "year"),
        ("Q1 2027", True, "2027", "year"),
        ("late 2027", True, "2027", "year"),
        ("May 2026", True, "2026-05", "month"),
        ("April 1, 2026", True, "2026-04-01", "day"),
        ("14 November 2025", False, "2025-11-14", "day"),
        ("next year", True, "2026", "year"),
        ("within five years", True, "2030", "year"),
        ("within the next three years", True, "2028", "year"),
        ("later this month", True, "2025-05", "month"),
        ("on Monday", False, "2025-05-12", "day"),
        ("on Friday", True, "2025-05-16", "day"),
        ("in March", True, "2026-03", "month"),
        ("in May last year", False, "2024-05", "month"),
        ("last November", True, "2024-11", "month"),
        ("two years ago", False, "2023", "year"),
        ("last month", False, "2025-04", "month"),
        ("last week", False, "2025-05", "month"),
        ("last May", True, "2024-05", "month"),  # said in May: a year ago
        ("next May", False, "2026-05", "month"),
    ],
)
def test_phrases_resolve_against_the_publication_date(phrase, future, value, precision):
    resolved = resolve(phrase, PUBLISHED, future)
    assert (resolved.value, resolved.precision) == (value, precision)


def test_a_decade_is_kept_as_text_without_a_date():
    resolved = resolve("in the 2030s", PUBLISHED, True)
    assert resolved.value is None and resolved.text == "in the 2030s"


@pytest.mark.parametrize(
    "phrase",
    [
        "by the end of the decade",
        "later this decade",
        "in the next few years",
        "within two to three years",
    ],
)
def test_a_timeframe_ahead_with_no_year_is_kept_without_a_date(phrase):
    resolved = resolve(phrase, PUBLISHED, True)
    assert resolved.value is None and resolved.text == phrase


@pytest.mark.parametrize("phrase", ["for decades", "Mars", "the decade", "for up to two years"])
def test_words_that_only_look_like_months_or_timeframes_date_nothing(phrase):
    assert resolve(phrase, PUBLISHED, True) is None


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("March or April 2026", "2026", "year"),
        ("Tuesday or Wednesday", "2025-05", "month"),
        ("the end of this year or early next year", None, None),
    ],
)
def test_either_of_two_dates_is_only_what_both_share(phrase, value, precision):
    resolved = resolve(phrase, PUBLISHED, True)
    assert (resolved.value, resolved.precision) == (value, precision)


def test_relative_phrases_need_a_publication_date():
    assert resolve("last year", None, False) is None


def test_a_relative_timeframe_ahead_on_an_undated_page_is_kept_without_a_date():
    resolved = resolve("later this year", None, True)
    assert resolved.value is None and resolved.text == "later this year"


def test_date_start_is_the_first_day_covered():
    assert date_start("2027") == date(2027, 1, 1)
    assert date_start("2027-03") == date(2027, 3, 1)
    assert date_start(None) is None
