-- The durable job queue. A job's life (docs/jobs.md):
--   available --claim--> running --success--> completed
--                          |  \--failure, attempts left--> available (run_at = now + backoff)
--                          |  \--failure, no attempts left or past deadline--> dead
--                          |  \--snooze--> available (the attempt is given back)
--                          |  \--lease expired (worker lost)--> as a failure
--                          \--cancel--> cancelled
--   available --cancel--> cancelled;  dead --redrive--> available (attempts reset)
CREATE TABLE jobs (
  id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind               text        NOT NULL,
  queue              text        NOT NULL DEFAULT 'default',
  payload            jsonb       NOT NULL DEFAULT '{}',
  state              text        NOT NULL DEFAULT 'available'
                     CHECK (state IN ('available', 'running', 'completed', 'dead', 'cancelled')),
  priority           smallint    NOT NULL DEFAULT 2 CHECK (priority BETWEEN 0 AND 4),  -- 0 first
  run_at             timestamptz NOT NULL DEFAULT now(),
  attempt            integer     NOT NULL DEFAULT 0,  -- attempts started
  max_attempts       integer     NOT NULL DEFAULT 10 CHECK (max_attempts >= 1),
  backoff_initial_ms integer     NOT NULL DEFAULT 1000,
  backoff_factor     real        NOT NULL DEFAULT 2,
  backoff_max_ms     integer     NOT NULL DEFAULT 3600000,
  backoff_jitter     real        NOT NULL DEFAULT 0.1,  -- +/- this fraction of each delay
  timeout_ms         integer,                           -- per attempt; null: none
  deadline           timestamptz,                       -- not worth running after this
  unique_key         text,
  lease_until        timestamptz,                       -- while running: the holder must renew
  worker_id          uuid,                              -- the instance running it
  errors             jsonb       NOT NULL DEFAULT '[]', -- one entry per failed attempt
  created_at         timestamptz NOT NULL DEFAULT now(),
  attempted_at       timestamptz,
  finished_at        timestamptz
);

-- What workers claim: due jobs of a queue in priority, then due-time order.
CREATE INDEX jobs_claim ON jobs (queue, priority, run_at, id) WHERE state = 'available';
-- What the rescuer looks for: running jobs whose lease ran out.
CREATE INDEX jobs_lease ON jobs (lease_until) WHERE state = 'running';
-- One unfinished job per unique key.
CREATE UNIQUE INDEX jobs_unique_key ON jobs (unique_key)
  WHERE unique_key IS NOT NULL AND state IN ('available', 'running');
CREATE INDEX jobs_dead ON jobs (kind, id) WHERE state = 'dead';

-- Claims up to p_limit due jobs of a queue, priority 0 first, then by due time, in one statement:
-- a LATERAL subquery per priority, in order, feeds one UPDATE. Each is an index range scan of
-- jobs_claim bounded by p_now, so jobs due later are never read however many there are, and rows
-- are locked only as the outer LIMIT takes them, so a claim locks exactly what it returns.
-- (FOR UPDATE may sit in a LATERAL subquery, though not in a UNION.)
-- p_now is the platform clock's now (src/platform/clock.ts), which tests move forward in time:
-- due-ness follows it. The lease stays on the real now(): it measures real elapsed time.
CREATE FUNCTION claim_jobs(p_queue text, p_worker uuid, p_limit integer, p_lease_ms integer,
                           p_now timestamptz)
RETURNS SETOF jobs LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
    WITH due AS MATERIALIZED (
      SELECT next.id
      FROM generate_series(0, 4) AS level
      CROSS JOIN LATERAL (
        SELECT id FROM jobs
        WHERE state = 'available' AND queue = p_queue AND priority = level AND run_at <= p_now
        ORDER BY run_at, id
        LIMIT p_limit
        FOR UPDATE SKIP LOCKED
      ) next
      LIMIT p_limit
    )
    UPDATE jobs SET state = 'running', attempt = attempt + 1, attempted_at = now(),
                    lease_until = now() + p_lease_ms * interval '1 millisecond', worker_id = p_worker
    FROM due WHERE jobs.id = due.id
    RETURNING jobs.*;
END
$$;

-- Wakes idle workers when jobs become available (new, retried, rescheduled, released, redriven)
-- and due within 30 s. The payload is the queue; PostgreSQL sends each distinct payload once per
-- transaction, however many jobs. Jobs due later wake no one: every worker looks at its queue at
-- least every 25 s (worker.ts, maxSleepMs), so it learns of them in time. The horizon is on real
-- time; under a clock that travelled ahead (tests), the travel wakes the workers, and the client
-- notifies for jobs it enqueues due within 30 s of that clock (queue.ts). This matters because a
-- transaction that notifies holds PostgreSQL's notification lock through its commit: committing
-- notifiers are serialised, and a task created for tomorrow should not be one of them.
-- Inserts notify per statement. Updates notify per row, only for rows left available: claims and
-- completions, the hot path, fire nothing (a statement trigger with a transition table would copy
-- every row they touch).
CREATE FUNCTION jobs_notify_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('meridian_jobs', queue)
  FROM (SELECT DISTINCT queue FROM inserted_jobs
        WHERE state = 'available' AND run_at <= now() + interval '30 seconds') queues;
  RETURN NULL;
END
$$;

CREATE TRIGGER jobs_inserted AFTER INSERT ON jobs
  REFERENCING NEW TABLE AS inserted_jobs
  FOR EACH STATEMENT EXECUTE FUNCTION jobs_notify_inserted();

CREATE FUNCTION jobs_notify_available() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('meridian_jobs', NEW.queue);
  RETURN NULL;
END
$$;

CREATE TRIGGER jobs_made_available AFTER UPDATE ON jobs
  FOR EACH ROW WHEN (NEW.state = 'available' AND NEW.run_at <= now() + interval '30 seconds')
  EXECUTE FUNCTION jobs_notify_available();

-- Periodic jobs: the last slot enqueued per name, so each slot runs once across all processes.
CREATE TABLE periodic_slots (
  name      text        PRIMARY KEY,
  last_slot timestamptz NOT NULL
);
