-- Milestones reported by a page version that one of the crawl runs in $runs (the latest runs)
-- stored: 'new' when no page stored by an earlier run reported it, 'changed' when one did
-- (known before, reported again). Kept when the actor (display name, canonical name or an
-- alias, lower case in $actors), its nation ($nations) or the capability ($capabilities) is
-- watched, or when nothing is. Each with a report the runs brought (sentence and page): a
-- plan's latest, which gives its target, else the first. `date_before` is the date the earlier
-- reports gave, as the build dates a milestone (a plan's latest target, else the earliest
-- date); for a new achievement or failure, `plans_before` lists the actor's plans and
-- announcements of the capability known before ("planned 2030").
WITH reports AS (
    -- read_order: the order the build reads reports in; claim_id breaks ties (page versions).
    SELECT mc.milestone_id, c.date, c.date_start, c.sentence, d.doc_id, d.url,
           (d.published_at, d.doc_id, c.start_char, c.claim_id) AS read_order,
           list_contains($runs, d.run_id) AS in_runs
    FROM milestone_claims mc
    JOIN claims c USING (claim_id)
    JOIN documents d USING (doc_id, version)
), per_milestone AS (
    SELECT milestone_id,
           bool_or(in_runs) AS reported_in_runs,
           bool_or(NOT in_runs) AS known_before,
           count(DISTINCT doc_id) FILTER (in_runs) AS pages_in_runs,
           arg_min(sentence, read_order) FILTER (in_runs) AS first_sentence,
           arg_min(url, read_order) FILTER (in_runs) AS first_url,
           arg_max(sentence, read_order) FILTER (in_runs) AS last_sentence,
           arg_max(url, read_order) FILTER (in_runs) AS last_url,
           arg_max(date, read_order) FILTER (NOT in_runs) AS latest_before,
           arg_min(date, (date_start, read_order)) FILTER (NOT in_runs) AS earliest_before
    FROM reports
    GROUP BY milestone_id
), watched AS (
    SELECT entity_id FROM entities
    WHERE list_contains($actors, lower(display_name)) OR list_contains($actors, lower(name))
    UNION
    SELECT entity_id FROM aliases WHERE list_contains($actors, lower(alias))
)
SELECT CASE WHEN p.known_before THEN 'changed' ELSE 'new' END AS change, m.milestone_id,
       e.display_name AS actor, e.nation, m.capability, m.status, m.date,
       CASE WHEN NOT p.known_before THEN NULL
            WHEN m.status = 'planned' THEN p.latest_before
            ELSE p.earliest_before END AS date_before,
       CASE WHEN m.status IN ('achieved', 'failed') AND NOT p.known_before THEN (
           SELECT string_agg(DISTINCT o.status || coalesce(' ' || o.date, ''), ', '
                             ORDER BY o.status || coalesce(' ' || o.date, ''))
           FROM milestones o JOIN per_milestone op USING (milestone_id)
           WHERE o.entity_id = m.entity_id AND o.capability = m.capability
             AND o.status IN ('planned', 'announced') AND op.known_before
       ) END AS plans_before,
       m.n_sources, p.pages_in_runs AS new_pages,
       CASE WHEN m.status = 'planned' THEN p.last_sentence ELSE p.first_sentence END AS sentence,
       CASE WHEN m.status = 'planned' THEN p.last_url ELSE p.first_url END AS url,
       CAST(m.first_reported AS DATE) AS first_reported
FROM per_milestone p
JOIN milestones m USING (milestone_id)
LEFT JOIN entities e USING (entity_id)
WHERE p.reported_in_runs
  AND (len($actors) + len($nations) + len($capabilities) = 0
       OR m.entity_id IN (SELECT entity_id FROM watched)
       OR list_contains($nations, e.nation)
       OR list_contains($capabilities, m.capability))
ORDER BY change = 'new' DESC, e.nation, actor, m.capability, m.milestone_id;
