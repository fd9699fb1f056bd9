-- Who actor $actor partners with (partners_with edges either way) on $capabilities: each partner and capability, with how many sentences name them together.
WITH ties AS (
    SELECT CASE WHEN source_node = $actor THEN target_node ELSE source_node END AS partner_id,
           attrs->>'capability' AS capability
    FROM graph_edges
    WHERE kind = 'partners_with' AND (source_node = $actor OR target_node = $actor)
)
SELECT t.partner_id, coalesce(e.display_name, t.partner_id) AS partner, e.nation,
       t.capability, count(*) AS n_sentences
FROM ties t
LEFT JOIN entities e ON e.entity_id = t.partner_id
WHERE len($capabilities) = 0 OR list_contains($capabilities, t.capability)
GROUP BY ALL
ORDER BY n_sentences DESC, partner, t.capability;
