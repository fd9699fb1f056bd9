-- Documents (latest versions) whose title or text contains every one of $terms, case-insensitive,
-- within the $sources/$start/$end filters: up to 50, ranked by how often the terms occur (a title
-- hit counts three times), newest first on ties; n_hits is the number of matches before the limit.
WITH terms AS (
    SELECT list_filter(list_transform($terms, lambda t: lower(t)), lambda t: t <> '') AS ts
), docs AS (
    SELECT d.doc_id, d.source_id, d.url, d.title, d.published_at, d.text,
           lower(coalesce(d.title, '')) AS low_title, lower(d.text) AS low_text, terms.ts
    FROM documents_latest d, terms
    WHERE (len($sources) = 0 OR list_contains($sources, d.source_id))
      AND ($start IS NULL OR CAST(d.published_at AS DATE) >= $start)
      AND ($end IS NULL OR CAST(d.published_at AS DATE) <= $end)
), hits AS (
    SELECT *,
           -- pieces a term splits the text into, less one: its occurrences
           CAST(list_sum(list_transform(ts, lambda t: len(string_split(low_title, t)) - 1)) AS INTEGER) AS title_hits,
           CAST(list_sum(list_transform(ts, lambda t: len(string_split(low_text, t)) - 1)) AS INTEGER) AS text_hits
    FROM docs
    WHERE len(ts) > 0
      AND list_bool_and(list_transform(ts, lambda t: contains(low_title, t) OR contains(low_text, t)))
)
SELECT doc_id, source_id, url, title, CAST(published_at AS DATE) AS published, text,
       title_hits, text_hits, 3 * title_hits + text_hits AS score, count(*) OVER () AS n_hits
FROM hits
ORDER BY score DESC, published_at DESC NULLS LAST, doc_id
LIMIT 50;
