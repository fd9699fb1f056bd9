-- The graph explorer's edges: partners_with (on $capabilities), part_of and leads between actors, one row per pair and kind with how often; and each actor's milestones folded into one pursues tie per capability in $capabilities, with the best status reached.
SELECT source_node, target_node, kind,
       string_agg(DISTINCT attrs->>'capability', ', ' ORDER BY attrs->>'capability') AS capability,
       NULL AS status, count(*) AS n
FROM graph_edges
WHERE kind IN ('partners_with', 'part_of', 'leads')
  AND (kind <> 'partners_with' OR len($capabilities) = 0
       OR list_contains($capabilities, attrs->>'capability'))
GROUP BY source_node, target_node, kind
UNION ALL
SELECT p.source_node, o.target_node, 'pursues', c.label, arg_max(p.status, r.rank), count(*)
FROM graph_edges p
JOIN graph_edges o ON o.source_node = p.target_node AND o.kind = 'of'
JOIN graph_nodes c ON c.node_id = o.target_node
JOIN status_rank r ON r.status = p.status
WHERE p.kind = 'pursues' AND (len($capabilities) = 0 OR list_contains($capabilities, c.label))
GROUP BY p.source_node, o.target_node, c.label
ORDER BY source_node, target_node, kind;
