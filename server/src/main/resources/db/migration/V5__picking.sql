-- Picking: a campaign may take in only part of each batch's calls: all, a percentage, or at most N per agent.
-- Same conventions as V1: runs unchanged on SQLite and PostgreSQL.

-- the rule as its text: 'all', '30%' or '5 per agent'
ALTER TABLE campaigns ADD COLUMN picking TEXT NOT NULL DEFAULT 'all';

-- In a campaign that picks, a call that has its recording waits for the batch whose processing made it ready, which
-- decides for all its calls at once; NULL once decided, and for the calls of campaigns that take every call.
ALTER TABLE calls ADD COLUMN picking_batch_id TEXT REFERENCES ingest_batches (id);
CREATE INDEX calls_picking ON calls (picking_batch_id);

-- a recording its campaign's picking rule left out: Skipped, and not counted as a failure of its batch
ALTER TABLE ingest_files ADD COLUMN not_picked BOOLEAN NOT NULL DEFAULT FALSE;
