-- The model each training produced (conf/matching.yml, docs/matching.md): incremental nights score
-- with the latest one, so a score means the same from night to night; a retraining adds a row.
-- settings_digest: SHA-256 of the matching settings the model was trained with (a change retrains).
-- model_json is the same JSON as var/reports/<date>/match_model.json.
CREATE TABLE match_model (
    trained_run       DATE           NOT NULL PRIMARY KEY,
    record_count      BIGINT         NOT NULL,
    settings_digest   VARCHAR(64)    NOT NULL,
    model_json        VARCHAR(1000000) NOT NULL,
    created_at        TIMESTAMP      NOT NULL
);
