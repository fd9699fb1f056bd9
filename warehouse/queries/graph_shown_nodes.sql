-- The graph explorer's nodes: the $limit actors of $nations with the highest PageRank (those pursuing or partnering on $capabilities), then the capabilities in $capabilities; each by PageRank.
WITH actor_capabilities AS (
    SELECT p.source_node AS node_id, c.label AS capability
    FROM graph_edges p
    JOIN graph_edges o ON o.source_node = p.target_node AND o.kind = 'of'
    JOIN graph_nodes c ON c.node_id = o.target_node
    WHERE p.kind = 'pursues'
    UNION
    SELECT unnest([source_node, target_node]), attrs->>'capability'
    FROM graph_edges
    WHERE kind = 'partners_with'
), actors AS (
    SELECT node_id, kind, label, nation, pagerank, community
    FROM graph_nodes
    WHERE kind NOT IN ('nation', 'capability', 'milestone', 'document')
      AND (len($nations) = 0 OR list_contains($nations, nation))
      AND (len($capabilities) = 0 OR node_id IN (
          SELECT node_id FROM actor_capabilities WHERE list_contains($capabilities, capability)))
    ORDER BY pagerank DESC NULLS LAST, node_id
    LIMIT $limit
)
SELECT * FROM actors
UNION ALL
SELECT node_id, kind, label, nation, pagerank, community
FROM graph_nodes
WHERE kind = 'capability' AND (len($capabilities) = 0 OR list_contains($capabilities, label))
ORDER BY kind = 'capability', pagerank DESC NULLS LAST, node_id;
