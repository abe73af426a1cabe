-- Callport schema, version 1. Runs unchanged on SQLite and PostgreSQL:
-- ids are application-made text, instants are BIGINT epoch milliseconds (UTC), JSON is TEXT.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    folder TEXT NOT NULL,
    csv_required BOOLEAN NOT NULL,
    batch_window_seconds INTEGER NOT NULL,
    retention_unprocessed TEXT NOT NULL,
    retention_audio_transcripts TEXT NOT NULL,
    retention_metadata_insights TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (org_id, folder)
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (org_id, email)
);

-- campaign_id NULL: the key acts for the whole organisation
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    campaign_id TEXT REFERENCES campaigns (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    prefix TEXT NOT NULL,
    secret_sha256 TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_keys_org ON api_keys (org_id);

-- campaign_id NULL: the key logs in to the organisation's root, one folder per campaign
CREATE TABLE ssh_keys (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    campaign_id TEXT REFERENCES campaigns (id),
    sftp_username TEXT NOT NULL UNIQUE,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    algorithm TEXT NOT NULL,
    bits INTEGER NOT NULL,
    comment TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX ssh_keys_org ON ssh_keys (org_id);

-- every saved mapping is kept; the highest version is the current one
CREATE TABLE field_mappings (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id),
    version INTEGER NOT NULL,
    mapping_json TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, version)
);

-- the last sample CSV uploaded for a campaign's mapping; saved mappings are checked against its columns
CREATE TABLE mapping_samples (
    campaign_id TEXT PRIMARY KEY REFERENCES campaigns (id),
    header_json TEXT NOT NULL,
    has_header BOOLEAN NOT NULL,
    uploaded_at BIGINT NOT NULL
);

-- third-party user mappings: an external agent id and/or an email lead to one agent
CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    external_id TEXT,
    email TEXT,
    name TEXT NOT NULL,
    team TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (org_id, external_id),
    UNIQUE (org_id, email),
    CHECK (external_id IS NOT NULL OR email IS NOT NULL)
);

CREATE TABLE agent_creation_settings (
    campaign_id TEXT PRIMARY KEY REFERENCES campaigns (id),
    enabled BOOLEAN NOT NULL,
    email_template TEXT NOT NULL,
    email_domain TEXT,
    default_team TEXT,
    connector_name TEXT,
    updated_at BIGINT NOT NULL
);
