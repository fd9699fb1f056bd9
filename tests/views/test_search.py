"""The Search page under Streamlit's AppTest, on the warehouse the end-to-end update built."""

import re
from pathlib import Path

import duckdb

from tests.views.conftest import run_app

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "pages" / "search.py")
TIANGONG_PAGE = "China plans to expand Tiangong space station to six modules"


def run_search(monkeypatch, db, **params):
    return run_app(monkeypatch, db, PAGE, **params)


def hit_count(at) -> int:
    counts = [re.match(r"\*\*(\d+)\*\* pages? contains? ", m.value) for m in at.markdown]
    found = [int(c.group(1)) for c in counts if c]
    assert len(found) == 1, [m.value for m in at.markdown]
    return found[0]


def titles(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**[")]


def sql(db: Path, text: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(text, params or []).fetchall()


def test_an_empty_query_shows_a_hint_and_no_results(monkeypatch, built_db):
    at = run_search(monkeypatch, built_db)
    assert not at.exception
    assert "Type a word" in at.info[0].value
    assert not titles(at)


def test_a_known_term_finds_its_page_with_its_claims_linked_to_evidence(monkeypatch, built_db):
    at = run_search(monkeypatch, built_db, q="Tiangong")
    assert not at.exception
    [(doc_id, url)] = sql(built_db, "SELECT doc_id, url FROM documents_latest WHERE title = ?",
                          [TIANGONG_PAGE])  # fmt: skip
    assert any(f"**[{TIANGONG_PAGE}]({url})**" == t for t in titles(at))
    milestones = {m for (m,) in sql(built_db, "SELECT mc.milestone_id FROM claims c JOIN "
                                    "milestone_claims mc USING (claim_id) WHERE c.doc_id = ?",
                                    [doc_id])}  # fmt: skip
    assert milestones, "the demo page gave no milestone"
    linked = set(re.findall(r"\]\(/evidence\?milestone=(\w+)\)", "\n".join(
        m.value for m in at.markdown)))  # fmt: skip
    assert milestones <= linked
    assert any(":orange-background[**Tiangong**]" in m.value for m in at.markdown)


def test_the_count_matches_the_pages_holding_the_term(monkeypatch, built_db):
    at = run_search(monkeypatch, built_db, q="tiangong")
    [(expected,)] = sql(built_db, "SELECT count(*) FROM documents_latest "
                        "WHERE title ILIKE '%tiangong%' OR text ILIKE '%tiangong%'")  # fmt: skip
    assert hit_count(at) == expected > 0
    assert len(titles(at)) == expected


def test_a_second_term_narrows_the_hits(monkeypatch, built_db):
    one = hit_count(run_search(monkeypatch, built_db, q="Tiangong"))
    two = run_search(monkeypatch, built_db, q="Tiangong spacewalk")
    [(both,)] = sql(built_db, "SELECT count(*) FROM documents_latest WHERE (title || text) "
                    "ILIKE '%tiangong%' AND (title || text) ILIKE '%spacewalk%'")  # fmt: skip
    assert 0 < hit_count(two) == both < one
    snippets = [m.value for m in two.markdown if ":orange-background[" in m.value]
    assert any("**spacewalk**" in s for s in snippets)


def test_a_quoted_phrase_is_one_term(monkeypatch, built_db):
    words = hit_count(run_search(monkeypatch, built_db, q="orbital data"))
    phrase = run_search(monkeypatch, built_db, q='"orbital data"')
    [(expected,)] = sql(built_db, "SELECT count(*) FROM documents_latest "
                        "WHERE title ILIKE '%orbital data%' OR text ILIKE '%orbital data%'")  # fmt: skip
    assert hit_count(phrase) == expected
    assert 0 < expected < words


def test_a_term_with_no_hits_says_so(monkeypatch, built_db):
    at = run_search(monkeypatch, built_db, q="Tiangong zzqxvnothing")
    assert not at.exception
    assert "No stored page contains" in at.warning[0].value
    assert not titles(at)


def test_the_source_filter_limits_the_hits(monkeypatch, built_db):
    at = run_search(monkeypatch, built_db, q="Tiangong", sources="xinhua")
    sources = {c.value.split(" · ")[0] for c in at.caption if " · " in c.value}
    assert sources == {"xinhua"}
    assert hit_count(at) < hit_count(run_search(monkeypatch, built_db, q="Tiangong"))


def test_typing_a_query_runs_it_and_writes_it_to_the_url(monkeypatch, built_db):
    at = run_search(monkeypatch, built_db)
    at.text_input(key="q").set_value("Tiangong").run()
    assert any(TIANGONG_PAGE in t for t in titles(at))
    assert at.query_params["q"] in ("Tiangong", ["Tiangong"])


def test_html_and_markdown_in_a_crawled_page_render_as_text(monkeypatch, db_copy):
    hostile = ("Xylophonic <script>alert(1)</script> [click me](https://evil.example/) **bold** "
               "www.evil.example bad@evil.example")  # fmt: skip
    with duckdb.connect(str(db_copy)) as con:
        con.execute(
            "INSERT INTO documents (doc_id, version, source_id, fetched_via, url, title, "
            "published_at, fetched_at, text, content_hash, run_id) SELECT 'hostile0000000', 1, "
            "'nasa', 'www.nasa.gov', 'https://www.nasa.gov/x(y)', ?, TIMESTAMP '2025-01-01', "
            "now(), ?, 'h', max(run_id) FROM crawl_runs",
            [hostile, f"Before. {hostile} After."],
        )
    at = run_search(monkeypatch, db_copy, q="xylophonic")
    assert not at.exception
    assert hit_count(at) == 1
    assert any(m.value.startswith("**1** page contains") for m in at.markdown)
    shown = "\n".join(m.value for m in at.markdown)
    assert "<script>" not in shown and "[click me](https://evil" not in shown
    assert "\\<script\\>alert\\(1\\)\\<\\/script\\>" in shown
    assert "\\[click me\\]\\(https\\:" in shown and "\\*\\*bold\\*\\*" in shown
    # Bare addresses too: GFM would link them even escaped, so a word joiner breaks them.
    assert "evil\\.example" in shown
    for address in ("https\\:\\/\\/evil", "www\\.evil", "bad\\@evil"):
        assert address not in shown
    # The page's own address is still a link, its brackets encoded so the link stays whole.
    assert "](https://www.nasa.gov/x%28y%29)**" in shown


def test_hits_rank_by_term_count_title_first_then_newest(monkeypatch, db_copy):
    pages = [  # (title, text, published): scores 3*title + text hits = 4, 3, 3
        ("Zephyrine in the title", "One zephyrine.", "2024-01-01"),
        ("Older body hits", "Zephyrine, zephyrine and zephyrine.", "2023-01-01"),
        ("Newer body hits", "Zephyrine, zephyrine and zephyrine.", "2025-01-01"),
    ]
    with duckdb.connect(str(db_copy)) as con:
        for n, (title, text, published) in enumerate(pages):
            con.execute(
                "INSERT INTO documents (doc_id, version, source_id, fetched_via, url, title, "
                "published_at, fetched_at, text, content_hash, run_id) SELECT ?, 1, 'nasa', "
                "'www.nasa.gov', ?, ?, CAST(? AS TIMESTAMP), now(), ?, 'h', max(run_id) "
                "FROM crawl_runs",
                [f"rank{n}", f"https://www.nasa.gov/rank{n}", title, published, text],
            )  # fmt: skip
    at = run_search(monkeypatch, db_copy, q="ZEPHYRINE")
    order = [t.split("](")[0].removeprefix("**[") for t in titles(at)]
    assert order == ["Zephyrine in the title", "Newer body hits", "Older body hits"]


def test_the_confidence_filter_hides_weaker_claims(monkeypatch, built_db):
    def claim_lines(at) -> int:
        return sum(len(m.value.split("\n")) for m in at.markdown if m.value.startswith("- "))

    [(expected,)] = sql(built_db, "SELECT count(*) FROM claims c JOIN documents_latest d ON "
                        "d.doc_id = c.doc_id AND d.version = c.version WHERE c.confidence >= 0.7 "
                        "AND (d.title || d.text) ILIKE '%tiangong%'")  # fmt: skip
    everything = claim_lines(run_search(monkeypatch, built_db, q="Tiangong"))
    confident = claim_lines(run_search(monkeypatch, built_db, q="Tiangong", min_confidence="0.7"))
    assert 0 < confident == expected < everything
