"""spacerace.toml: settings from one file, each beaten by its environment variable and its flag;
mistakes in the file are named with the file and the key."""

import duckdb
import pytest

from crawlers.sources import select_sources
from tests.conftest import run_cli
from warehouse.errors import SpaceraceError
from warehouse.paths import backups_to_keep, resolve_db_path


@pytest.fixture
def config(tmp_path, monkeypatch):
    """Write a spacerace.toml and point SPACERACE_CONFIG at it."""
    monkeypatch.delenv("SPACERACE_DB", raising=False)
    monkeypatch.delenv("SPACERACE_BACKUPS", raising=False)
    monkeypatch.delenv("SPACERACE_SOURCES", raising=False)
    path = tmp_path / "conf" / "spacerace.toml"
    path.parent.mkdir()
    monkeypatch.setenv("SPACERACE_CONFIG", str(path))

    def write(text: str):
        path.write_text(text)
        return path

    return write


def test_without_a_file_every_setting_has_its_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("SPACERACE_CONFIG", "SPACERACE_DB", "SPACERACE_BACKUPS"):
        monkeypatch.delenv(name, raising=False)
    assert resolve_db_path() == tmp_path / "warehouse.duckdb"
    assert backups_to_keep() == 2


def test_a_relative_path_in_the_file_is_read_from_the_files_folder(config, tmp_path):
    path = config('[warehouse]\npath = "data/w.duckdb"\nbackups = 5\n')
    (path.parent / "data").mkdir()
    assert resolve_db_path() == path.parent / "data" / "w.duckdb"
    assert backups_to_keep() == 5


def test_the_environment_beats_the_file_and_the_flag_beats_both(config, tmp_path, monkeypatch):
    config('[warehouse]\npath = "w.duckdb"\nbackups = 5\n')
    monkeypatch.setenv("SPACERACE_DB", str(tmp_path / "env.duckdb"))
    monkeypatch.setenv("SPACERACE_BACKUPS", "1")
    assert resolve_db_path() == tmp_path / "env.duckdb"
    assert resolve_db_path(tmp_path / "flag.duckdb") == tmp_path / "flag.duckdb"
    assert backups_to_keep() == 1


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "[warehouse]\nbackup = 3\n",
            r"\[warehouse\] has no setting 'backup'; it takes path, backups",
        ),
        ("[storage]\npath = 'x'\n", r"unknown section \[storage\]"),
        ("[warehouse]\nbackups = 'three'\n", r"\[warehouse\] backups = 'three' should be a int"),
        ("[crawl]\nworkers = 0\n", r"\[crawl\] workers = 0 should be at least 1"),
        ("[warehouse\n", "is not valid TOML"),
    ],
)
def test_a_mistake_in_the_file_is_named_with_the_file_and_the_key(config, text, message):
    path = config(text)
    with pytest.raises(SpaceraceError, match=message) as error:
        resolve_db_path()
    assert str(path) in str(error.value)


def test_a_config_variable_naming_no_file_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SPACERACE_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(SpaceraceError, match="SPACERACE_CONFIG names .*missing.toml"):
        resolve_db_path()


def test_the_sources_file_and_a_missing_one_come_from_the_file(config):
    path = config('[crawl]\nsources = "my-sources.toml"\n')
    with pytest.raises(SpaceraceError, match=r"\[crawl\] sources names .*my-sources.toml"):
        select_sources(None)
    (path.parent / "my-sources.toml").write_text(
        '[sources.esa]\nname = "ESA"\nkind = "agency"\nhome = "https://www.esa.int/"\n'
        'feed = "https://www.esa.int/rssfeed/Our_Activities/Space_News"\nnation = "INT"\n'
    )
    assert [s.source_id for s in select_sources(None)] == ["esa"]


def test_politeness_and_the_warehouse_come_from_the_file_in_a_real_crawl(config, mirror):
    path = config(
        '[warehouse]\npath = "w.duckdb"\n\n[crawl.settings]\nCLOSESPIDER_ITEMCOUNT = 1\nCONCURRENT_REQUESTS = 1\n'
    )
    result = run_cli("crawl", "cgtn", "--mirror", mirror, "--no-progress",
                     env={"SPACERACE_CONFIG": str(path)})  # fmt: skip
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(path.parent / "w.duckdb"), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    # CGTN has 36 articles in the mirror; one request at a time, the crawl stops right after the first item.
    assert 1 <= stored < 10


def test_the_schedule_comes_from_the_file_when_no_flag_gives_it(config, tmp_path):
    missing = run_cli("schedule", "--db", str(tmp_path / "w.duckdb"),
                      env={"SPACERACE_CONFIG": str(config(""))})  # fmt: skip
    assert missing.returncode == 2 and "give --cron" in missing.stderr
    path = config('[schedule]\ncron = "0 */6 * * *"\ntimezone = "Mars/Olympus"\n')
    result = run_cli("schedule", "--db", str(tmp_path / "w.duckdb"),
                     env={"SPACERACE_CONFIG": str(path)})  # fmt: skip
    assert result.returncode == 2 and "unknown time zone 'Mars/Olympus'" in result.stderr
