-- Every edge of graph node $node, repeats counted: its kind and direction, the node at the other end, and the capability, status and date it carries (a milestone's own, with the actor pursuing it).
SELECT e.kind, CASE WHEN e.source_node = $node THEN 'out' ELSE 'in' END AS direction,
       n.label AS neighbour, n.kind AS neighbour_kind,
       coalesce(e.attrs->>'capability', m.capability,
                CASE WHEN n.kind = 'capability' THEN n.label END) AS capability,
       coalesce(e.status, m.status) AS status, coalesce(e.date, m.date) AS date,
       a.display_name AS milestone_actor, count(*) AS n, n.node_id AS neighbour_id
FROM graph_edges e
JOIN graph_nodes n
  ON n.node_id = CASE WHEN e.source_node = $node THEN e.target_node ELSE e.source_node END
LEFT JOIN milestones m ON n.kind = 'milestone' AND n.node_id = 'milestone:' || m.milestone_id
LEFT JOIN entities a ON a.entity_id = m.entity_id
WHERE e.source_node = $node OR e.target_node = $node
GROUP BY ALL
ORDER BY e.kind, n.label, capability, date;
