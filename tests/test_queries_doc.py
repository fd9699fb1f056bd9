"""docs/queries.md: every analyst question's SQL runs on the demo warehouse and answers it."""

import re
from pathlib import Path

import pytest

from warehouse.read import run_user_sql

DOC = Path(__file__).resolve().parents[1] / "docs" / "queries.md"
QUERIES = re.findall(r"## (.+?)\n\n```sql\n(.*?)```", DOC.read_text(), flags=re.S)
# A fresh demo warehouse has no analyst's corrections yet: that answer may be empty.
MAY_BE_EMPTY = {"15. What has an analyst corrected, and why?"}


def test_the_doc_answers_at_least_twelve_questions():
    assert len(QUERIES) >= 12


@pytest.mark.parametrize(("question", "sql"), QUERIES, ids=[q for q, _ in QUERIES])
def test_each_question_is_answered_on_the_demo_warehouse(built_db, question, sql):
    answer = run_user_sql(built_db, sql)
    assert question in MAY_BE_EMPTY or len(answer) > 0, question
