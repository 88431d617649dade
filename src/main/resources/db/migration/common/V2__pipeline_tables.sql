-- Operational tables of the pipeline. Portable SQL: the same script runs on H2 and PostgreSQL.
-- Documented in docs/database.md; column names are a contract.

-- Every record read, normalised, per run (the landing zone of one night).
CREATE TABLE staged_contact (
    run_date          DATE          NOT NULL,
    source            VARCHAR(64)   NOT NULL,
    line_number       BIGINT        NOT NULL,
    source_record_id  VARCHAR(200)  NOT NULL,
    origin            VARCHAR(1000) NOT NULL,
    full_name         VARCHAR(500),
    given_name        VARCHAR(300),
    family_name       VARCHAR(300),
    name_key          VARCHAR(500),
    email             VARCHAR(320),
    email_key         VARCHAR(320),
    phone             VARCHAR(32),
    phone_raw         VARCHAR(200),
    birth_date        DATE,
    address_line      VARCHAR(1000),
    city              VARCHAR(300),
    postcode          VARCHAR(32),
    region            VARCHAR(300),
    country           VARCHAR(64),
    company           VARCHAR(500),
    company_key       VARCHAR(500),
    id_number         VARCHAR(100),
    updated_at        TIMESTAMP,
    quality_flags     VARCHAR(500),
    PRIMARY KEY (run_date, source, line_number)
);

-- Every record that failed a hard rule, with where it was and why.
CREATE TABLE rejected_record (
    run_date          DATE          NOT NULL,
    source            VARCHAR(64)   NOT NULL,
    line_number       BIGINT        NOT NULL,
    origin            VARCHAR(1000) NOT NULL,
    source_record_id  VARCHAR(200),
    field             VARCHAR(200),
    raw_value         VARCHAR(4000),
    reason            VARCHAR(64)   NOT NULL,
    message           VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_date, source, line_number)
);

-- Counts per source and run: read = staged + rejected.
CREATE TABLE source_run (
    run_date          DATE          NOT NULL,
    source            VARCHAR(64)   NOT NULL,
    records_read      BIGINT        NOT NULL,
    records_staged    BIGINT        NOT NULL,
    records_rejected  BIGINT        NOT NULL,
    PRIMARY KEY (run_date, source)
);

-- The current version of every source record ever staged (input of matching).
CREATE TABLE source_record (
    source            VARCHAR(64)   NOT NULL,
    source_record_id  VARCHAR(200)  NOT NULL,
    full_name         VARCHAR(500),
    given_name        VARCHAR(300),
    family_name       VARCHAR(300),
    name_key          VARCHAR(500),
    email             VARCHAR(320),
    email_key         VARCHAR(320),
    phone             VARCHAR(32),
    phone_raw         VARCHAR(200),
    birth_date        DATE,
    address_line      VARCHAR(1000),
    city              VARCHAR(300),
    postcode          VARCHAR(32),
    region            VARCHAR(300),
    country           VARCHAR(64),
    company           VARCHAR(500),
    company_key       VARCHAR(500),
    id_number         VARCHAR(100),
    updated_at        TIMESTAMP,
    quality_flags     VARCHAR(500),
    first_seen_run    DATE          NOT NULL,
    last_seen_run     DATE          NOT NULL,
    PRIMARY KEY (source, source_record_id)
);

-- Golden records. Retired IDs stay, with the ID they redirect to; IDs are never reused.
CREATE TABLE customer_master (
    master_id         VARCHAR(16)   NOT NULL PRIMARY KEY,
    status            VARCHAR(16)   NOT NULL,
    redirect_to       VARCHAR(16),
    full_name         VARCHAR(500),
    given_name        VARCHAR(300),
    family_name       VARCHAR(300),
    email             VARCHAR(320),
    phone             VARCHAR(32),
    birth_date        DATE,
    address_line      VARCHAR(1000),
    city              VARCHAR(300),
    postcode          VARCHAR(32),
    region            VARCHAR(300),
    country           VARCHAR(64),
    company           VARCHAR(500),
    id_number         VARCHAR(100),
    source_count      INTEGER       NOT NULL,
    created_run       DATE          NOT NULL,
    updated_run       DATE          NOT NULL
);

-- Next master ID number (portable: no vendor sequence syntax).
CREATE TABLE master_id_counter (
    next_value        BIGINT        NOT NULL
);
INSERT INTO master_id_counter (next_value) VALUES (1);

-- Crosswalk: every source record to its current master ID.
CREATE TABLE master_xref (
    source            VARCHAR(64)   NOT NULL,
    source_record_id  VARCHAR(200)  NOT NULL,
    master_id         VARCHAR(16)   NOT NULL,
    PRIMARY KEY (source, source_record_id)
);
CREATE INDEX master_xref_master ON master_xref (master_id);

-- Which source record gave each field of a golden record (survivorship lineage).
CREATE TABLE master_field_lineage (
    master_id         VARCHAR(16)   NOT NULL,
    field             VARCHAR(64)   NOT NULL,
    source            VARCHAR(64)   NOT NULL,
    source_record_id  VARCHAR(200)  NOT NULL,
    rule              VARCHAR(64)   NOT NULL,
    PRIMARY KEY (master_id, field)
);

-- Scored candidate pairs of a run at or above the review threshold.
CREATE TABLE match_pair (
    run_date          DATE          NOT NULL,
    left_source       VARCHAR(64)   NOT NULL,
    left_record_id    VARCHAR(200)  NOT NULL,
    right_source      VARCHAR(64)   NOT NULL,
    right_record_id   VARCHAR(200)  NOT NULL,
    match_weight      DOUBLE PRECISION NOT NULL,
    match_probability DOUBLE PRECISION NOT NULL,
    decision          VARCHAR(16)   NOT NULL,
    blocking_rule     VARCHAR(100)  NOT NULL,
    PRIMARY KEY (run_date, left_source, left_record_id, right_source, right_record_id)
);

-- Every change to master IDs: created, merged (retired into another), split.
CREATE TABLE master_audit (
    audit_id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    run_date          DATE,
    action            VARCHAR(32)   NOT NULL,
    master_id         VARCHAR(16)   NOT NULL,
    related_master_id VARCHAR(16),
    actor             VARCHAR(100)  NOT NULL,
    detail            VARCHAR(4000),
    created_at        TIMESTAMP     NOT NULL
);
CREATE INDEX master_audit_master ON master_audit (master_id);
