-- Scheduler features (docs/scheduler.md): tags and list filters.

-- A small set of short labels, filtered on by `GET /v1/tasks?tag=`.
ALTER TABLE scheduler_tasks ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
CREATE INDEX scheduler_tasks_tags ON scheduler_tasks USING gin (tags) WHERE state <> 'deleted';
