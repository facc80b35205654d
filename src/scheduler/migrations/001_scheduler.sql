-- The task scheduler (docs/scheduler.md). A task is a schedule, an action and its policies; each
-- due occurrence is an execution, run by one `scheduler.run` job.
--
-- States, in short (each transition and the function that makes it: docs/scheduler.md, "States"):
--   task:       active --pause--> paused --resume--> active; active --none left--> completed
--               --new schedule--> active; any --delete--> deleted
--   execution:  pending --job starts--> running --> succeeded | retrying (--> running) | dead;
--               dead --redrive--> retrying; pending --> missed (catch-up) | cancelled
--               (deleted, rescheduled); `skipped` comes with the overlap policy (003)
CREATE TABLE scheduler_tasks (
  id            uuid        PRIMARY KEY,
  owner_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name          text        NOT NULL,
  schedule      jsonb       NOT NULL,
  action        jsonb       NOT NULL,
  retry         jsonb       NOT NULL,
  tolerance_ms  integer     NOT NULL,
  catch_up      text        NOT NULL CHECK (catch_up IN ('all', 'latest', 'skip')),
  notify        jsonb       NOT NULL,
  -- Signs webhook calls (Standard Webhooks); shown once, when the task is created.
  signing_secret text       NOT NULL,
  state         text        NOT NULL DEFAULT 'active'
                CHECK (state IN ('active', 'paused', 'completed', 'deleted')),
  -- The occurrence the task waits for (its pending execution), null when none is left.
  next_run_at   timestamptz,
  version       integer     NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scheduler_tasks_owner ON scheduler_tasks (owner_id, id) WHERE state <> 'deleted';

CREATE TABLE scheduler_executions (
  id             uuid        PRIMARY KEY,
  task_id        uuid        NOT NULL REFERENCES scheduler_tasks (id) ON DELETE CASCADE,
  scheduled_for  timestamptz NOT NULL,
  state          text        NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'running', 'succeeded', 'retrying', 'dead', 'missed',
                                  'cancelled')),
  job_id         bigint,
  -- Run now, outside the schedule: it neither advances the task nor follows the catch-up policy.
  manual         boolean     NOT NULL DEFAULT false,
  attempts       integer     NOT NULL DEFAULT 0,
  started_at     timestamptz,
  finished_at    timestamptz,
  last_error     text,
  http_status    integer,
  created_at     timestamptz NOT NULL DEFAULT now(),
  -- One execution per occurrence: a second scheduling of the same due time finds this one. Its
  -- index, read backwards, is also the task's history, newest first.
  UNIQUE (task_id, scheduled_for)
);

-- Every attempt of an execution, as the worker saw it.
CREATE TABLE scheduler_attempts (
  execution_id     uuid        NOT NULL REFERENCES scheduler_executions (id) ON DELETE CASCADE,
  attempt          integer     NOT NULL,
  started_at       timestamptz NOT NULL,
  finished_at      timestamptz,
  succeeded        boolean,
  http_status      integer,
  response_excerpt text,
  error            text,
  PRIMARY KEY (execution_id, attempt)
);
