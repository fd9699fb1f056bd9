"""The `spacerace` command line: help, clear one-line errors, read-only SQL, exports, eval."""

import json
import socket

import duckdb
import networkx as nx
import pytest

from tests.conftest import run_cli

COMMANDS = [
    "mirror",
    "crawl",
    "extract",
    "build",
    "update",
    "dashboard",
    "demo",
    "sql",
    "export",
    "eval",
    "curate",
    "restore",
    "schedule",
    "health",
    "whatsnew",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself_with_help(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert f"usage: spacerace {command}" in result.stdout
    assert len(result.stdout.splitlines()) > 3


def test_top_level_help_lists_every_command():
    out = run_cli("--help").stdout
    assert all(c in out for c in COMMANDS)


def assert_one_line_error(result, *phrases):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for phrase in phrases:
        assert phrase in lines[0]


def test_sql_on_a_missing_warehouse_says_how_to_build_one(tmp_path):
    result = run_cli("sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb"))
    assert_one_line_error(result, "no warehouse at", "spacerace update")


def test_invalid_sql_is_reported_in_one_line(built_db):
    result = run_cli("sql", "SELEC nonsense FROM", "--db", str(built_db))
    assert_one_line_error(result, "the query failed", "syntax error")


@pytest.mark.parametrize(
    "statement",
    ["DELETE FROM documents", "CREATE TABLE x AS SELECT 1", "DROP TABLE claims"],
)
def test_sql_refuses_writes(built_db, statement):
    result = run_cli("sql", statement, "--db", str(built_db))
    assert_one_line_error(result, "read-only")


def test_sql_cannot_write_files(built_db, tmp_path):
    target = tmp_path / "leak.csv"
    result = run_cli("sql", f"COPY (SELECT * FROM sources) TO '{target}'", "--db", str(built_db))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert not target.exists()


def test_sql_cannot_read_files(built_db):
    result = run_cli("sql", "SELECT * FROM read_csv('/etc/passwd')", "--db", str(built_db))
    assert_one_line_error(result, "refused")


def test_sql_outputs_csv_and_json(built_db):
    csv_out = run_cli(
        "sql", "SELECT source_id FROM sources ORDER BY 1", "--format", "csv", "--db", str(built_db)
    )
    assert csv_out.stdout.splitlines() == [
        "source_id",
        "blueorigin",
        "cgtn",
        "esa",
        "isro",
        "jaxa",
        "nasa",
        "spacex",
        "xinhua",
    ]
    json_out = run_cli("sql", "SELECT source_id, kind FROM sources WHERE source_id = ?", "--param", "cgtn",
                       "--format", "json", "--db", str(built_db))  # fmt: skip
    assert json.loads(json_out.stdout) == [{"source_id": "cgtn", "kind": "state_media"}]


def test_sql_lists_tables(built_db):
    out = run_cli("sql", "--tables", "--db", str(built_db)).stdout
    for table in ("documents", "claims", "milestones", "graph_edges", "national_progress"):
        assert table in out


def test_export_writes_parquet_csv_graphml_and_node_link_json(built_db, tmp_path):
    run_cli("export", "--db", str(built_db), "--out", str(tmp_path), check=True)
    assert (tmp_path / "milestones.parquet").exists()
    assert (tmp_path / "claims.csv").read_text().startswith("claim_id,")
    assert "<graphml" in (tmp_path / "graph.graphml").read_text()
    graph = nx.node_link_graph(json.loads((tmp_path / "graph.json").read_text()), edges="links")
    assert graph.nodes["nasa"]["kind"] == "agency"
    assert {d["kind"] for _, _, d in graph.edges(data=True)} >= {"pursues", "evidences", "leads"}


def test_export_writes_a_snapshot_that_restore_brings_back(built_db, tmp_path):
    run_cli("export", "--db", str(built_db), "--out", str(tmp_path / "out"), check=True)
    restored = tmp_path / "restored.duckdb"
    result = run_cli("restore", str(tmp_path / "out" / "snapshot"), "--db", str(restored))
    assert result.returncode == 0, result.stderr
    assert "every table checked against the manifest" in result.stdout
    count = "SELECT count(*) AS n FROM documents"
    assert (run_cli("sql", count, "--db", str(restored)).stdout
            == run_cli("sql", count, "--db", str(built_db)).stdout)  # fmt: skip


def test_restore_of_a_folder_that_is_no_snapshot_says_what_to_give(tmp_path):
    result = run_cli("restore", str(tmp_path), "--db", str(tmp_path / "w.duckdb"))
    assert result.returncode == 2
    assert "holds no snapshot" in result.stderr and "Traceback" not in result.stderr


def test_extract_contract_mode_reads_and_writes_jsonl(tmp_path):
    source = tmp_path / "in.jsonl"
    text = "China Aerospace Science and Technology Corporation (CASC) plans to launch a space station module by 2027."
    source.write_text(
        json.dumps(
            {"id": "x1", "text": text, "published": "2025-03-01", "url": None, "title": None}
        )
        + "\n"
    )
    run_cli("extract", "--input", str(source), "--output", str(tmp_path / "out.jsonl"), check=True)
    out = json.loads((tmp_path / "out.jsonl").read_text())
    assert out["id"] == "x1"
    casc = next(
        a
        for a in out["actors"]
        if a["name"] == "China Aerospace Science and Technology Corporation"
    )
    assert casc["nation"] == "CN" and "CASC" in casc["mentions"]
    assert out["milestones"][0]["status"] == "planned" and out["milestones"][0]["date"] == "2027"
    assert "skipped" not in out


def test_extract_contract_mode_says_why_a_text_gave_nothing(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "empty", "text": " ", "published": None}) + "\n")
    run_cli("extract", "--input", str(source), "--output", str(tmp_path / "out.jsonl"), check=True)
    out = json.loads((tmp_path / "out.jsonl").read_text())
    assert out == {"id": "empty", "actors": [], "capabilities": [], "milestones": [],
                   "skipped": "empty text"}  # fmt: skip


def test_extract_names_a_missing_input_file(tmp_path):
    assert_one_line_error(
        run_cli("extract", "--input", str(tmp_path / "nope.jsonl")), "no such input file"
    )


def test_eval_scores_a_prediction_file_against_gold(tmp_path):
    gold = {"id": "g", "text": "NASA launched Artemis II.", "actors": [{"name": "NASA", "type": "agency", "nation": "US", "mentions": ["NASA"]}],
            "capabilities": ["crewed_spaceflight"],
            "milestones": [{"actor": "NASA", "capability": "crewed_spaceflight", "status": "achieved", "date": "2026-04-01", "sentence": "NASA launched Artemis II."}]}  # fmt: skip
    pred = {**gold, "milestones": [{**gold["milestones"][0], "date": "2026"}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    (tmp_path / "pred.jsonl").write_text(json.dumps(pred) + "\n")
    out = run_cli(
        "eval",
        "--gold",
        str(tmp_path / "gold.jsonl"),
        "--pred",
        str(tmp_path / "pred.jsonl"),
        "--format",
        "json",
    )
    result = json.loads(out.stdout)
    assert result["actors"]["f1"] == 1.0
    assert result["milestones"]["f1"] == 1.0
    assert result["status_accuracy"] == 1.0 and result["date_accuracy"] == 0.0


def test_dashboard_refuses_a_port_in_use(built_db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("dashboard", "--port", str(port), "--db", str(built_db))
    assert_one_line_error(result, f"port {port}", "in use")


def test_mirror_refuses_a_port_in_use():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("mirror", "--port", str(port))
    assert_one_line_error(result, f"port {port}", "in use")


def test_unknown_source_is_named(tmp_path):
    result = run_cli("crawl", "esa-typo", "--db", str(tmp_path / "w.duckdb"))
    assert_one_line_error(result, "unknown source esa-typo", "cgtn")


def test_an_update_while_another_holds_the_lock_is_refused(db_copy):
    from warehouse.lock import writer_lock

    with writer_lock(db_copy):
        result = run_cli("build", "--db", str(db_copy))
    assert_one_line_error(result, "locked by another update", "pid")
    with duckdb.connect(str(db_copy), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM milestones").fetchone()[0] > 0


def test_an_unreachable_source_is_recorded_as_failed_without_a_traceback(tmp_path):
    db = tmp_path / "w.duckdb"
    result = run_cli(
        "crawl", "spacex", "--mirror", "http://127.0.0.1:1", "--no-progress", "--db", str(db)
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "1 of 1 sources failed" in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        status, message = con.execute(
            "SELECT status, message FROM source_health WHERE source_id = 'spacex'"
        ).fetchone()
    assert status == "failed"
    assert (
        "network: https://content.spacex.com/api/spacex-website/updates: Connection was refused"
        in message
    )


def test_a_file_that_is_not_a_warehouse_is_named(tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are not the tables you are looking for")
    assert_one_line_error(run_cli("sql", "SELECT 1", "--db", str(bogus)), "not a DuckDB warehouse")


def test_a_warehouse_path_that_is_a_folder_is_named_with_its_setting(tmp_path):
    assert_one_line_error(run_cli("update", "--db", str(tmp_path)), "--db names")
    (tmp_path / "notes.txt").write_text("")
    env = {"SPACERACE_DB": str(tmp_path / "notes.txt" / "w.duckdb")}
    assert_one_line_error(run_cli("sql", "SELECT 1", env=env), "SPACERACE_DB names", "is a file")


def test_an_unwritable_export_folder_is_named(built_db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run_cli("export", "--db", str(built_db), "--out", str(blocker / "sub"))
    assert_one_line_error(result, "check the path")
