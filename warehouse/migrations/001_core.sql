-- The core tables. Times are UTC (TIMESTAMP without zone); dates carry a precision column.

CREATE TABLE sources (
    source_id   VARCHAR PRIMARY KEY,   -- e.g. 'nasa', 'cgtn', 'blueorigin'
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,      -- state_media | agency | company | aggregator | independent
    nation      VARCHAR,
    home        VARCHAR,
    actor_key   VARCHAR,               -- the actor that owns this outlet (its reports are not independent)
    utc_offset_hours DOUBLE NOT NULL DEFAULT 0  -- the publisher's local time, for relative dates
);

CREATE TABLE crawl_runs (
    run_id      VARCHAR NOT NULL,
    source_id   VARCHAR NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR NOT NULL,      -- ok | partial | degraded | blocked | failed
    pages       INTEGER NOT NULL DEFAULT 0,
    new         INTEGER NOT NULL DEFAULT 0,
    changed     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    errors      INTEGER NOT NULL DEFAULT 0,
    warnings    INTEGER NOT NULL DEFAULT 0,
    message     VARCHAR,
    PRIMARY KEY (run_id, source_id)
);

-- A changed page is a new version, never an overwrite.
CREATE TABLE documents (
    doc_id        VARCHAR NOT NULL,    -- from the canonical URL
    version       INTEGER NOT NULL,
    source_id     VARCHAR NOT NULL,    -- the tracked source it belongs to
    fetched_via   VARCHAR NOT NULL,    -- the host it really came from
    url           VARCHAR NOT NULL,    -- canonical URL
    title         VARCHAR,
    author        VARCHAR,
    published_at  TIMESTAMP,
    modified_at   TIMESTAMP,
    fetched_at    TIMESTAMP NOT NULL,
    language      VARCHAR,
    text          VARCHAR NOT NULL,
    raw_body      BLOB,                -- zlib-compressed body as fetched
    content_type  VARCHAR,
    content_hash  VARCHAR NOT NULL,
    run_id        VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, version)
);

-- Which document versions the extractor has seen, and with which extractor version.
CREATE TABLE extractions (
    doc_id            VARCHAR NOT NULL,
    version           INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    extracted_at      TIMESTAMP NOT NULL,
    n_claims          INTEGER NOT NULL,
    PRIMARY KEY (doc_id, version, extractor_version)
);

CREATE TABLE mentions (
    doc_id      VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    actor_key   VARCHAR NOT NULL,      -- gazetteer id, or 'new:<normalised name>' for discovered actors
    actor_name  VARCHAR NOT NULL,      -- canonical name as extracted
    actor_display VARCHAR NOT NULL,    -- short form in common use
    actor_owner VARCHAR,               -- key of the organisation a programme or unit belongs to
    actor_type  VARCHAR,
    nation      VARCHAR,
    surface     VARCHAR NOT NULL,      -- the text as written
    sentence    VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL
);

CREATE TABLE claims (
    claim_id      VARCHAR PRIMARY KEY,
    doc_id        VARCHAR NOT NULL,
    version       INTEGER NOT NULL,
    actor_key     VARCHAR NOT NULL,
    actor_name    VARCHAR NOT NULL,
    capability    VARCHAR NOT NULL,
    status        VARCHAR NOT NULL,    -- achieved | planned | announced | failed
    date          VARCHAR,             -- YYYY, YYYY-MM or YYYY-MM-DD
    date_precision VARCHAR,            -- year | month | day
    date_start    DATE,                -- first day the date covers, for sorting and windows
    date_text     VARCHAR,
    sentence      VARCHAR NOT NULL,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    confidence    DOUBLE NOT NULL,
    extractor_version VARCHAR NOT NULL
);

CREATE TABLE entities (
    entity_id     VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,    -- canonical (full English) name
    display_name  VARCHAR NOT NULL,    -- short form in common use
    type          VARCHAR NOT NULL,    -- nation | agency | company | person | program
    nation        VARCHAR,
    origin        VARCHAR NOT NULL     -- gazetteer | discovered
);

CREATE TABLE aliases (
    entity_id   VARCHAR NOT NULL,
    alias       VARCHAR NOT NULL,
    n_seen      INTEGER NOT NULL,
    reason      VARCHAR NOT NULL,      -- why this surface form resolves to the entity
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE milestones (
    milestone_id   VARCHAR PRIMARY KEY,
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
    sentence       VARCHAR NOT NULL,   -- the earliest supporting sentence
    doc_id         VARCHAR NOT NULL
);

CREATE TABLE milestone_claims (
    milestone_id VARCHAR NOT NULL,
    claim_id     VARCHAR NOT NULL,
    PRIMARY KEY (milestone_id, claim_id)
);

-- Target-date history of planned milestones: each row a target as reported by one document.
CREATE TABLE milestone_targets (
    entity_id    VARCHAR NOT NULL,
    capability   VARCHAR NOT NULL,
    target_date  VARCHAR,
    reported_at  TIMESTAMP,
    doc_id       VARCHAR NOT NULL,
    claim_id     VARCHAR NOT NULL
);

CREATE TABLE graph_nodes (
    node_id   VARCHAR PRIMARY KEY,
    kind      VARCHAR NOT NULL,        -- nation | agency | company | person | program | capability | milestone | document
    label     VARCHAR NOT NULL,
    nation    VARCHAR,
    pagerank  DOUBLE,
    attrs     JSON
);

CREATE TABLE graph_edges (
    source_node VARCHAR NOT NULL,
    target_node VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,      -- based_in | pursues | evidences | partners_with | ...
    status      VARCHAR,
    date        VARCHAR,
    attrs       JSON
);

-- An analyst's corrections; they survive every rebuild.
CREATE TABLE curation (
    curation_id VARCHAR PRIMARY KEY,
    created_at  TIMESTAMP NOT NULL,
    action      VARCHAR NOT NULL,      -- reject_claim | set_status | merge | rename | set_nation
    target      VARCHAR NOT NULL,
    value       VARCHAR,
    note        VARCHAR
);
