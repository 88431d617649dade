-- Incremental sources: the committed watermark per source, and each run's candidate.
CREATE TABLE source_watermark (
    source            VARCHAR(64)   NOT NULL PRIMARY KEY,
    watermark         VARCHAR(200)  NOT NULL,
    watermark_type    VARCHAR(16)   NOT NULL,
    run_date          DATE          NOT NULL,
    committed_at      TIMESTAMP     NOT NULL
);

ALTER TABLE source_run ADD COLUMN watermark_candidate VARCHAR(200);
ALTER TABLE source_run ADD COLUMN records_unchanged BIGINT DEFAULT 0 NOT NULL;
