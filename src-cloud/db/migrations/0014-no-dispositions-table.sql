-- Dispositions are an ordered list on each store row (Store.dispositions, seed 002); the table of
-- loose disposition rows is no longer synced.
DROP TABLE dispositions;
