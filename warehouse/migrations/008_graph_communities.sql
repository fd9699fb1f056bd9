-- Each graph node's community (Louvain, networkx), for "who works with whom" questions.
ALTER TABLE graph_nodes ADD COLUMN community INTEGER;
COMMENT ON COLUMN graph_nodes.community IS 'Louvain community of the node (0 is the largest); the same on every rebuild.';
COMMENT ON COLUMN graph_nodes.pagerank IS 'PageRank centrality of the node in the knowledge graph.';
COMMENT ON COLUMN graph_edges.kind IS 'based_in | part_of | leads | partners_with | pursues | of | evidences';
