-- Callport schema, version 2: the ingestion pipeline. Same rules as version 1: runs unchanged on SQLite and
-- PostgreSQL, ids are application-made text, instants are BIGINT epoch milliseconds (UTC), JSON is TEXT.

-- Files that arrive in a campaign folder within the campaign's batch window form a batch.
CREATE TABLE ingest_batches (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    campaign_id TEXT NOT NULL REFERENCES campaigns (id),
    status TEXT NOT NULL,
    -- the campaign's id while files may still join the batch, NULL once it closed: one open batch per campaign
    open_for TEXT UNIQUE,
    window_closes_at BIGINT NOT NULL,
    reason TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT,
    cancelled_at BIGINT
);
CREATE INDEX ingest_batches_org ON ingest_batches (org_id, created_at);

-- One row per arrival of a file (or zip entry). location is where its content is, relative to the landing
-- root; processing moves a landed file to processed/ or failed/ beside it, which its status tells.
CREATE TABLE ingest_files (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    campaign_id TEXT NOT NULL REFERENCES campaigns (id),
    batch_id TEXT NOT NULL REFERENCES ingest_batches (id),
    upload_id TEXT NOT NULL UNIQUE,
    location TEXT NOT NULL,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    archive_id TEXT REFERENCES ingest_files (id),
    -- metadata files: the mapping version read with, and how many parts of CSV_SPLIT_ROWS rows are done
    mapping_version INTEGER,
    parts_done INTEGER NOT NULL,
    arrived_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT,
    purged_at BIGINT
);
CREATE INDEX ingest_files_batch ON ingest_files (batch_id, kind, status);
CREATE INDEX ingest_files_name ON ingest_files (campaign_id, name, status);
CREATE INDEX ingest_files_sha256 ON ingest_files (campaign_id, sha256);
CREATE INDEX ingest_files_location ON ingest_files (location);
CREATE INDEX ingest_files_finished ON ingest_files (finished_at);

CREATE TABLE calls (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    campaign_id TEXT NOT NULL REFERENCES campaigns (id),
    -- the batch whose metadata (or recording, without metadata) made the call
    batch_id TEXT NOT NULL REFERENCES ingest_batches (id),
    contact_reference TEXT NOT NULL,
    agent_id TEXT REFERENCES agents (id),
    agent_identifier TEXT,
    contact_at BIGINT,
    contact_at_text TEXT,
    recording_name TEXT,
    recording_file_id TEXT REFERENCES ingest_files (id),
    recording_key TEXT,
    media_format TEXT,
    codec TEXT,
    duration_ms BIGINT,
    channels INTEGER,
    sample_rate_hz INTEGER,
    metadata_json TEXT NOT NULL,
    metadata_file_id TEXT REFERENCES ingest_files (id),
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    -- the latest kept version; 0 until the call first completes
    version INTEGER NOT NULL,
    -- a call waiting for its recording waits until then (arrival of its metadata + the association lookback)
    waiting_until BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    completed_at BIGINT,
    audio_deleted_at BIGINT,
    UNIQUE (campaign_id, contact_reference)
);
CREATE INDEX calls_waiting_recording ON calls (campaign_id, recording_name, status);
CREATE INDEX calls_org_created ON calls (org_id, created_at);
CREATE INDEX calls_batch ON calls (batch_id, status);

-- Every version of a call is kept: first ingestion, each metadata update, each reprocessing.
CREATE TABLE call_versions (
    call_id TEXT NOT NULL REFERENCES calls (id),
    version INTEGER NOT NULL,
    cause TEXT NOT NULL,
    agent_id TEXT,
    agent_identifier TEXT,
    contact_at BIGINT,
    contact_at_text TEXT,
    recording_key TEXT,
    media_format TEXT,
    codec TEXT,
    duration_ms BIGINT,
    channels INTEGER,
    sample_rate_hz INTEGER,
    metadata_json TEXT NOT NULL,
    metadata_file_id TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (call_id, version)
);

-- What became of each data row of a metadata file, so every row is accounted for.
CREATE TABLE csv_rows (
    file_id TEXT NOT NULL REFERENCES ingest_files (id),
    line BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT,
    call_id TEXT REFERENCES calls (id),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (file_id, line)
);
CREATE INDEX csv_rows_call ON csv_rows (call_id);

-- CRM objects (contacts, leads, opportunities, cases, accounts) upserted by their id in the customer's CRM.
CREATE TABLE crm_objects (
    org_id TEXT NOT NULL REFERENCES organisations (id),
    object_type TEXT NOT NULL,
    external_id TEXT NOT NULL,
    fields_json TEXT NOT NULL,
    file_id TEXT REFERENCES ingest_files (id),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, object_type, external_id)
);

-- Work for the pipeline's stages. A worker claims items by setting claimed_by and lease_until in one conditional
-- UPDATE; a claim whose lease ran out (its process died) can be claimed again. requests counts how often the
-- work was asked for, so a request made while the work runs is not lost when the run completes.
CREATE TABLE work_items (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    run_after BIGINT NOT NULL,
    requests INTEGER NOT NULL,
    claimed_by TEXT,
    lease_until BIGINT,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (kind, subject_id)
);
CREATE INDEX work_items_ready ON work_items (kind, run_after);
CREATE INDEX work_items_claim ON work_items (claimed_by);

-- Webhooks told when a batch or a call finishes or fails; campaign_id NULL: every campaign of the organisation.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    campaign_id TEXT REFERENCES campaigns (id),
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX webhooks_org ON webhooks (org_id);

CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL REFERENCES webhooks (id),
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_status_code INTEGER,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT
);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at);
