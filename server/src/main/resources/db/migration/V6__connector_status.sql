-- Pull connectors: what the Uploader shows without reading a sentence or a secret.
-- Same conventions as V1: runs unchanged on SQLite and PostgreSQL.

-- after a run stopped at a changed SFTP host key or FTPS certificate: the fingerprint the server presented, so a person
-- can check it with the customer and confirm it; NULL otherwise
ALTER TABLE pull_connectors ADD COLUMN offered_fingerprint TEXT;

-- true when the connector keeps no secret: an S3 connector on the server's default AWS credentials. Rows written
-- before this column say FALSE until the connector is next changed (every change rewrites it).
ALTER TABLE pull_connectors ADD COLUMN default_credentials BOOLEAN NOT NULL DEFAULT FALSE;
