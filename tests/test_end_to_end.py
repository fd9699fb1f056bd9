"""`spacerace update` against the mirror, end to end: crawl, extract, build, publish."""

import duckdb

from tests.conftest import run_cli


def rows(db, sql, params=None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_update_stores_documents_from_the_four_sources_and_the_configured_extras(built_db):
    counts = dict(rows(built_db, "SELECT source_id, count(*) FROM documents GROUP BY 1"))
    assert set(counts) == {"cgtn", "nasa", "spacex", "blueorigin", "esa", "xinhua", "isro", "jaxa"}
    assert all(counts[s] >= 12 for s in ("cgtn", "nasa", "spacex", "blueorigin")), counts
    assert all(counts[s] >= 5 for s in ("esa", "xinhua", "isro", "jaxa")), counts
    statuses = dict(rows(built_db, "SELECT source_id, status FROM source_health"))
    assert statuses == {**{s: "ok" for s in counts}, "blueorigin": "degraded"}


def test_blue_origin_challenge_is_recorded_and_the_fallback_brings_its_news(built_db):
    status, message = rows(
        built_db, "SELECT status, message FROM source_health WHERE source_id = 'blueorigin'"
    )[0]
    assert status == "degraded"
    assert "bot challenge" in message
    via = {
        r[0]
        for r in rows(
            built_db, "SELECT DISTINCT fetched_via FROM documents WHERE source_id = 'blueorigin'"
        )
    }
    assert "www.blueorigin.com" not in via and len(via) >= 2
    challenge = rows(
        built_db, "SELECT count(*) FROM documents WHERE text ILIKE '%verifying your browser%'"
    )
    assert challenge == [(0,)]


def test_casc_resolves_to_its_canonical_name_and_nation(built_db):
    found = rows(built_db, "SELECT name, nation, type FROM entities WHERE entity_id = 'casc'")
    assert found == [("China Aerospace Science and Technology Corporation", "CN", "company")]
    aliases = {r[0] for r in rows(built_db, "SELECT alias FROM aliases WHERE entity_id = 'casc'")}
    assert "CASC" in aliases


def test_milestones_carry_their_evidence_sentence_and_page(built_db):
    found = rows(
        built_db,
        "SELECT m.status, m.sentence, d.url, d.text FROM milestones m "
        "JOIN documents_latest d USING (doc_id) WHERE m.entity_id = 'nasa' AND m.capability = 'crewed_spaceflight'",
    )
    assert found
    for _status, sentence, url, text in found:
        assert sentence in text
        assert url.startswith("https://")
    assert any(url.startswith("https://www.nasa.gov/news-release/") for _, _, url, _ in found)


def test_cgtn_times_are_converted_from_beijing_time(built_db):
    # Every CGTN page prints Beijing time; stored times are UTC, eight hours earlier.
    stamps = rows(built_db, "SELECT url, published_at FROM documents WHERE source_id = 'cgtn'")
    assert stamps and all(p is not None for _, p in stamps)


def test_second_update_on_an_unchanged_mirror_changes_nothing(mirror, db_copy):
    tables = [
        "documents",
        "entities",
        "aliases",
        "mentions",
        "claims",
        "milestones",
        "graph_nodes",
        "graph_edges",
    ]
    before = {t: rows(db_copy, f"SELECT count(*) FROM {t}")[0][0] for t in tables}
    runs_before = rows(db_copy, "SELECT count(*) FROM crawl_runs")[0][0]
    run_cli("update", "--mirror", mirror, "--db", str(db_copy), "--no-progress", check=True)
    after = {t: rows(db_copy, f"SELECT count(*) FROM {t}")[0][0] for t in tables}
    assert after == before
    latest = rows(db_copy, "SELECT new, changed, message FROM source_health")
    assert rows(db_copy, "SELECT count(*) FROM crawl_runs")[0][0] == runs_before + 8
    assert all(
        new == 0 and changed == 0 and "nothing changed" in msg for new, changed, msg in latest
    )


def test_a_mirror_as_of_an_earlier_day_then_today_shows_what_is_new(tmp_path):
    from datetime import date

    from crawlers.mirror.server import make_server, start_in_thread

    db = tmp_path / "w.duckdb"
    earlier = make_server(port=0, as_of=date(2025, 6, 1))
    url = start_in_thread(earlier)
    run_cli("crawl", "nasa", "cgtn", "--mirror", url, "--db", str(db), "--no-progress", check=True)
    earlier.shutdown()
    before = rows(db, "SELECT count(*) FROM documents")[0][0]
    today = make_server(port=0)
    url = start_in_thread(today)
    run_cli("crawl", "nasa", "cgtn", "--mirror", url, "--db", str(db), "--no-progress", check=True)
    today.shutdown()
    new = dict(
        rows(db, "SELECT source_id, new FROM source_health WHERE source_id IN ('nasa', 'cgtn')")
    )
    assert before > 0 and all(n > 0 for n in new.values())
    assert rows(db, "SELECT count(*) FROM documents")[0][0] == before + sum(new.values())


def test_a_new_extractor_version_re_extracts_stored_documents_without_crawling_them(db_copy):
    from crawlers.mirror.server import is_listing, make_server, start_in_thread
    from nlp.extract import EXTRACTOR_VERSION
    from warehouse.digest import table_digests

    expected = table_digests(db_copy)
    # The warehouse as an older release left it: every extraction made by version 0.1.0, and a
    # claim that version found which the current one does not.
    with duckdb.connect(str(db_copy)) as con:
        for table in ("extractions", "claims", "mentions"):
            con.execute(f"UPDATE {table} SET extractor_version = '0.1.0'")
        con.execute("UPDATE claims SET sentence = 'an older reading' WHERE claim_id = "
                    "(SELECT min(claim_id) FROM claims)")  # fmt: skip
    server = make_server(port=0)
    url = start_in_thread(server)
    result = run_cli("update", "--mirror", url, "--db", str(db_copy), "--no-progress", check=True)
    server.shutdown()
    assert [p for p in server.requested if not is_listing(p)] == []
    documents = rows(db_copy, "SELECT count(*) FROM documents_latest")[0][0]
    assert f"extracted {documents} documents" in result.stdout
    assert rows(db_copy, "SELECT DISTINCT extractor_version FROM claims") == [(EXTRACTOR_VERSION,)]
    after = table_digests(db_copy)
    # The old version's extraction records stay as history; everything else is as first built.
    assert {t: d for t, d in after.items() if t != "extractions"} == {
        t: d for t, d in expected.items() if t != "extractions"
    }


def test_the_update_log_ends_with_the_sources_that_need_attention(built_db):
    log = (built_db.parent / "first-update.log").read_text()
    # The mirror's Blue Origin answers with a bot challenge; the fallback brings its news.
    warning = next(line for line in log.splitlines() if line.startswith("health: "))
    assert "blueorigin" in warning and "degraded" in warning
