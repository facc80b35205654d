-- When the next available job of a queue is due (store.ts, `nextRunAt`): the earliest of each
-- priority's first entry in the claim index. A worker asks it after every claim round that
-- drained its queue; as a statement PostgreSQL planned its five index probes afresh each time,
-- about 0.5 ms against a few µs of running. A function keeps one plan per connection, and with
-- sequential scans off that plan stays the index probes when it was made on an empty table.
CREATE FUNCTION jobs_next_run_at(p_queue text, p_lowest_priority integer)
RETURNS timestamptz
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
AS $$
BEGIN
  RETURN (
    SELECT min(first.run_at)
      FROM generate_series(0, p_lowest_priority) AS level
     CROSS JOIN LATERAL (
           SELECT run_at FROM jobs
            WHERE state = 'available' AND queue = p_queue AND priority = level
            ORDER BY run_at LIMIT 1) first);
END
$$;
