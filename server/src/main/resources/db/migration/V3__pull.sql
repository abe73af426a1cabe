-- Pull connectors: fetch recordings and their CSVs from customers' SFTP, FTP(S) and S3, each file once.
-- Same conventions as V1: application-made text ids, BIGINT epoch milliseconds (UTC), JSON as TEXT.

-- settings_json holds everything but secrets; credentials_encrypted is AES-GCM ciphertext bound to the row's id
CREATE TABLE pull_connectors (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    campaign_id TEXT NOT NULL REFERENCES campaigns (id),
    name TEXT NOT NULL,
    protocol TEXT NOT NULL,
    settings_json TEXT NOT NULL,
    credentials_encrypted TEXT NOT NULL,
    -- the SFTP host key or FTPS certificate seen first, checked on every later connection
    pinned_fingerprint TEXT,
    enabled BOOLEAN NOT NULL,
    last_run_at BIGINT,
    last_success_at BIGINT,
    failure TEXT,
    failure_message TEXT,
    consecutive_failures INTEGER NOT NULL,
    next_run_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (org_id, name)
);
CREATE INDEX pull_connectors_campaign ON pull_connectors (campaign_id);

-- one row per remote file a connector has seen; path is relative to the connector's base path
CREATE TABLE pulled_files (
    connector_id TEXT NOT NULL REFERENCES pull_connectors (id),
    path TEXT NOT NULL,
    size BIGINT NOT NULL,
    modified_at BIGINT,
    sha256 TEXT,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    fetched_bytes BIGINT NOT NULL,
    last_error TEXT,
    first_seen_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (connector_id, path)
);
CREATE INDEX pulled_files_hash ON pulled_files (connector_id, sha256);
CREATE INDEX pulled_files_state ON pulled_files (connector_id, state);
