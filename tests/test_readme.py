"""The README's example SQL runs, read-only, on a real warehouse, and returns rows."""

import re
from pathlib import Path

import pytest

from warehouse.read import run_user_sql

README = Path(__file__).resolve().parents[1] / "README.md"
QUERIES = re.findall(r"```sql\n(.*?)```", README.read_text(), flags=re.S)


def test_the_readme_has_example_queries():
    assert len(QUERIES) >= 4


@pytest.mark.parametrize("sql", QUERIES)
def test_each_readme_query_runs_and_returns_rows(built_db, sql):
    assert len(run_user_sql(built_db, sql)) > 0


def test_the_readme_shows_the_two_commands():
    text = README.read_text()
    assert "make run" in text and "make test" in text


def test_the_readme_source_example_is_a_valid_source(tmp_path, monkeypatch):
    from crawlers.sources import load_sources

    snippet = re.findall(r"```toml\n(.*?)```", README.read_text(), flags=re.S)[0]
    (tmp_path / "sources.toml").write_text(snippet)
    monkeypatch.setenv("SPACERACE_SOURCES", str(tmp_path / "sources.toml"))
    source = load_sources()["spacenews"]
    assert source.spider == "feed" and source.feed and source.domain == "spacenews.com"


def test_the_readme_states_the_current_evaluation_scores():
    from crawlers.mirror.gold import gold_records
    from jobs import contract
    from nlp.evaluate import score
    from nlp.extract import extract_records

    gold = gold_records()
    result = score(gold, [contract(output) for output, _ in extract_records(gold)])
    text = README.read_text()
    for part, label in (("actors", "actors"), ("capabilities", "capabilities"),
                        ("milestones", "milestones (actor, capability)"),
                        ("milestones_strict", "milestones (with status and date)")):  # fmt: skip
        s = result[part]
        assert f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |" in text, (
            part
        )
    assert (
        f"nation right for {result['nation_accuracy']:.3f} of the {result['matched_actors']} matched "
        f"actors; on the {result['matched_milestones']} gold milestones whose"
    ) in text
    assert (
        f"status {result['status_accuracy']:.3f}, achieved-or-not {result['achieved_accuracy']:.3f}, "
        f"date {result['date_accuracy']:.3f}, year {result['year_accuracy']:.3f}." in text
    )


def test_the_readme_configuration_example_is_a_valid_spacerace_toml(tmp_path, monkeypatch):
    from warehouse.config import setting

    snippet = next(
        block
        for block in re.findall(r"```toml\n(.*?)```", README.read_text(), flags=re.S)
        if "[warehouse]" in block
    )
    (tmp_path / "spacerace.toml").write_text(snippet)
    monkeypatch.setenv("SPACERACE_CONFIG", str(tmp_path / "spacerace.toml"))
    assert setting("warehouse", "backups") == 3
    assert setting("schedule", "timezone") == "Asia/Shanghai"
    assert setting("crawl", "settings")["DOWNLOAD_DELAY"] == 2
