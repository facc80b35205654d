-- Alerts (docs/operations.md, Alerts): what the alert rules found, evaluated by the periodic job
-- observe.evaluate_alerts. One row per firing: an alert fires once (operators are told), stays
-- firing while its rule keeps returning its key (no new notice), and resolves when the rule stops
-- returning it (operators are told again). A later firing of the same rule and key is a new row,
-- so the list keeps the history of every firing.
--   rule              the rule's name (AlertRule.name), unique across the modules
--   key               what it fires about within the rule: an instance id, a queue, 'all'
--   state             firing -> resolved, never back
--   severity          critical | warning | info, the rule's
--   summary, details  what the rule said at the last evaluation that found it firing
--   value             the measured value then (a count, a percentage), when the rule gives one
--   last_evaluated_at the last evaluation that found it firing
CREATE TABLE alerts (
  id                uuid        PRIMARY KEY,
  rule              text        NOT NULL,
  key               text        NOT NULL,
  state             text        NOT NULL CHECK (state IN ('firing', 'resolved')),
  severity          text        NOT NULL CHECK (severity IN ('critical', 'warning', 'info')),
  summary           text        NOT NULL,
  details           jsonb       NOT NULL DEFAULT '{}',
  value             double precision,
  fired_at          timestamptz NOT NULL DEFAULT now(),
  resolved_at       timestamptz,
  last_evaluated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'resolved') = (resolved_at IS NOT NULL))
);
-- One firing alert per rule and key, even when two evaluations run at once: the second insert
-- waits for the first and then updates it instead of firing (and notifying) again.
CREATE UNIQUE INDEX alerts_one_firing ON alerts (rule, key) WHERE state = 'firing';
CREATE INDEX alerts_state_id ON alerts (state, id);

-- HTTP responses per process and minute, written by each process's heartbeat, so that the
-- http-5xx-rate rule sees every process's traffic, not only the evaluator's. Rows older than a
-- day are deleted by the evaluation.
CREATE TABLE http_traffic (
  instance_id uuid        NOT NULL,
  minute      timestamptz NOT NULL,
  requests    integer     NOT NULL,
  errors      integer     NOT NULL,
  PRIMARY KEY (instance_id, minute)
);
CREATE INDEX http_traffic_minute ON http_traffic (minute);
