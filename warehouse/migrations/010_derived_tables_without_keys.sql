-- The tables every build replaces whole lose their primary keys. Deleting a million rows from
-- a primary-key index made a rebuild at 500k claims take twice as long as the first build;
-- graph/build.py checks that the keys are unique before it writes instead. Rows are kept.

CREATE TABLE entities_next (
    entity_id     VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    display_name  VARCHAR NOT NULL,
    type          VARCHAR NOT NULL,
    nation        VARCHAR,
    origin        VARCHAR NOT NULL
);
INSERT INTO entities_next SELECT * FROM entities;
DROP TABLE entities;
ALTER TABLE entities_next RENAME TO entities;

CREATE TABLE aliases_next (
    entity_id   VARCHAR NOT NULL,
    alias       VARCHAR NOT NULL,
    n_seen      INTEGER NOT NULL,
    reason      VARCHAR NOT NULL
);
INSERT INTO aliases_next SELECT * FROM aliases;
DROP TABLE aliases;
ALTER TABLE aliases_next RENAME TO aliases;

CREATE TABLE milestones_next (
    milestone_id   VARCHAR NOT NULL,
    entity_id      VARCHAR NOT NULL,
    capability     VARCHAR NOT NULL,
    status         VARCHAR NOT NULL,
    date           VARCHAR,
    date_precision VARCHAR,
    date_start     DATE,
    first_reported TIMESTAMP,
    last_reported  TIMESTAMP,
    n_claims       INTEGER NOT NULL,
    n_sources      INTEGER NOT NULL,
    n_independent  INTEGER NOT NULL,
    sentence       VARCHAR NOT NULL,
    doc_id         VARCHAR NOT NULL
);
INSERT INTO milestones_next SELECT * FROM milestones;
DROP TABLE milestones;
ALTER TABLE milestones_next RENAME TO milestones;

CREATE TABLE milestone_claims_next (
    milestone_id VARCHAR NOT NULL,
    claim_id     VARCHAR NOT NULL
);
INSERT INTO milestone_claims_next SELECT * FROM milestone_claims;
DROP TABLE milestone_claims;
ALTER TABLE milestone_claims_next RENAME TO milestone_claims;

CREATE TABLE graph_nodes_next (
    node_id   VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,
    label     VARCHAR NOT NULL,
    nation    VARCHAR,
    pagerank  DOUBLE,
    attrs     JSON,
    community INTEGER
);
INSERT INTO graph_nodes_next SELECT node_id, kind, label, nation, pagerank, attrs, community
FROM graph_nodes;
DROP TABLE graph_nodes;
ALTER TABLE graph_nodes_next RENAME TO graph_nodes;

COMMENT ON COLUMN entities.entity_id IS 'One real actor, whatever the texts called it (unique).';
COMMENT ON COLUMN aliases.reason IS 'Why this surface form resolves to the entity.';
COMMENT ON COLUMN milestones.sentence IS 'The earliest supporting sentence.';
COMMENT ON COLUMN graph_nodes.kind IS 'nation | agency | company | person | program | capability | milestone | document';
COMMENT ON COLUMN graph_nodes.community IS 'Louvain community of an actor or nation (0 is the largest), the same on every rebuild; NULL for other nodes.';
COMMENT ON COLUMN graph_nodes.pagerank IS 'PageRank among actors, nations and capabilities (milestones folded into weighted actor-capability ties); NULL for milestones and documents.';
