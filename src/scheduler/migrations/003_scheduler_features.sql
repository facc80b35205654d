-- Scheduler features (docs/scheduler.md): tags and list filters, pause until a date,
-- rotating the signing secret, a flexible time window, an overlap policy.

-- A small set of short labels, filtered on by `GET /v1/tasks?tag=`.
ALTER TABLE scheduler_tasks ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
CREATE INDEX scheduler_tasks_tags ON scheduler_tasks USING gin (tags) WHERE state <> 'deleted';

-- A paused task resumes by itself at this time (a `scheduler.resume` job due then); null: paused
-- until resumed, or not paused.
ALTER TABLE scheduler_tasks ADD COLUMN paused_until timestamptz;

-- The signing secret before the last rotation: calls are signed with it too until it expires.
ALTER TABLE scheduler_tasks
  ADD COLUMN previous_signing_secret text,
  ADD COLUMN previous_secret_expires_at timestamptz;

-- Each occurrence runs at a random point in the N minutes after its due time (EventBridge's
-- flexible time window); lateness is measured from the window's end.
ALTER TABLE scheduler_tasks
  ADD COLUMN flexible_window_minutes integer NOT NULL DEFAULT 0
             CHECK (flexible_window_minutes BETWEEN 0 AND 1440);

-- What becomes of an occurrence due while the task's previous execution still runs (Temporal's
-- ScheduleOverlapPolicy): `allow_all` runs it, `skip` records it `skipped`, `buffer_one` holds it
-- (`buffered`, pending, its job snoozing) until the running one ends; at most one is held, any
-- other is skipped.
ALTER TABLE scheduler_tasks
  ADD COLUMN overlap text NOT NULL DEFAULT 'allow_all'
             CHECK (overlap IN ('allow_all', 'skip', 'buffer_one'));
ALTER TABLE scheduler_executions
  ADD COLUMN buffered boolean NOT NULL DEFAULT false,
  DROP CONSTRAINT scheduler_executions_state_check,
  ADD CONSTRAINT scheduler_executions_state_check
      CHECK (state IN ('pending', 'running', 'succeeded', 'retrying', 'dead', 'missed',
                       'cancelled', 'skipped'));
-- A task's live executions (under way, or buffered), looked for only by tasks whose overlap is
-- not `allow_all`; few per task, and only while they live.
CREATE INDEX scheduler_executions_live ON scheduler_executions (task_id)
  WHERE state IN ('pending', 'running', 'retrying');
