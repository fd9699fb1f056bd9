-- Every resolved actor for the actor profile's picker: names, type, nation, origin and PageRank.
SELECT e.entity_id, e.name, e.display_name, e.type, e.nation, e.origin, n.pagerank
FROM entities e
LEFT JOIN graph_nodes n ON n.node_id = e.entity_id
ORDER BY lower(e.display_name), e.entity_id;
