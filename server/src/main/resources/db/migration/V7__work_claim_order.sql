-- The work claim takes the due items of a kind in (run_after, id) order. With only (kind, run_after) indexed,
-- PostgreSQL fetched and sorted every due item for each claim: 65 ms per claim on a queue of 100,000 items, most of
-- the time a 100,000-call batch spent. With id in the index the claim reads its items in order and stops.
DROP INDEX work_items_ready;
CREATE INDEX work_items_ready ON work_items (kind, run_after, id);
