-- Operating delivery (docs/delivery.md, "Alarms", "Metrics", "Rollouts", "The brief's API"):
-- alarms to the service's owners, the gauges the metrics read, forced re-issues of a whole
-- service paced in slots, and what each node runs now. Only 001's tables are used.

-- A service alarms once this share of its nodes is failing (docs/delivery.md, "Alarms").
ALTER TABLE delivery_services
  ADD COLUMN failure_alarm_ratio double precision NOT NULL DEFAULT 0.2
    CHECK (failure_alarm_ratio > 0 AND failure_alarm_ratio <= 1);

-- One row per alarm raised: open while resolved_at is null. `key` is renewal.ts's AlarmKey
-- (`node-danger:<node id>`, `node-expired:<node id>`, `service-failing:<service id>`); at most
-- one open alarm per key, so each fires once and resolves once.
CREATE TABLE delivery_alarms (
  id          uuid        PRIMARY KEY,
  service_id  uuid        NOT NULL REFERENCES delivery_services (id) ON DELETE CASCADE,
  kind        text        NOT NULL CHECK (kind IN ('node-danger', 'node-expired', 'service-failing')),
  key         text        NOT NULL,
  -- The node's name when the alarm is about a node (kept: the node may be removed since).
  node        text,
  summary     text        NOT NULL,
  details     jsonb       NOT NULL DEFAULT '{}',
  raised_at   timestamptz NOT NULL,
  resolved_at timestamptz
);
CREATE UNIQUE INDEX delivery_alarms_open ON delivery_alarms (key) WHERE resolved_at IS NULL;
CREATE INDEX delivery_alarms_service ON delivery_alarms (service_id, raised_at DESC);

-- The gauges of each service as the last evaluation counted them: scrapes of /metrics read
-- these rows (one per service), never the nodes.
CREATE TABLE delivery_service_gauges (
  service_id      uuid        PRIMARY KEY REFERENCES delivery_services (id) ON DELETE CASCADE,
  new             integer     NOT NULL,
  healthy         integer     NOT NULL,
  renewing        integer     NOT NULL,
  danger          integer     NOT NULL,
  expired         integer     NOT NULL,
  failing         integer     NOT NULL,
  -- Nodes whose renew_at has passed and whose delivery has not started.
  due_backlog     integer     NOT NULL,
  earliest_expiry timestamptz,
  evaluated_at    timestamptz NOT NULL
);

-- A forced re-issue of a whole service: its nodes are made due in slots of `nodes_per_minute`,
-- and it stops once the failed share of its finished deliveries reaches `abort_ratio`.
CREATE TABLE delivery_rollouts (
  id               uuid        PRIMARY KEY,
  service_id       uuid        NOT NULL REFERENCES delivery_services (id) ON DELETE CASCADE,
  nodes_per_minute double precision NOT NULL CHECK (nodes_per_minute > 0),
  abort_ratio      double precision NOT NULL CHECK (abort_ratio > 0 AND abort_ratio <= 1),
  state            text        NOT NULL DEFAULT 'running'
                   CHECK (state IN ('running', 'completed', 'aborted', 'cancelled')),
  total            integer     NOT NULL,
  acknowledged     integer     NOT NULL DEFAULT 0,
  -- Failed or refused: both count against the abort ratio.
  failed           integer     NOT NULL DEFAULT 0,
  started_at       timestamptz NOT NULL,
  last_slot_at     timestamptz NOT NULL,
  ended_at         timestamptz,
  end_reason       text,
  created_by       uuid
);
-- One running rollout per service.
CREATE UNIQUE INDEX delivery_rollouts_running ON delivery_rollouts (service_id)
  WHERE state = 'running';
CREATE INDEX delivery_rollouts_service ON delivery_rollouts (service_id, started_at DESC);

-- Each node of a rollout: its slot, the due time it had before (restored when the rollout stops
-- before its slot), and the outcome of its first delivery started after the rollout began.
CREATE TABLE delivery_rollout_nodes (
  rollout_id        uuid        NOT NULL REFERENCES delivery_rollouts (id) ON DELETE CASCADE,
  node_id           uuid        NOT NULL REFERENCES delivery_nodes (id) ON DELETE CASCADE,
  slot_at           timestamptz NOT NULL,
  previous_renew_at timestamptz NOT NULL,
  outcome           text        CHECK (outcome IN ('acknowledged', 'failed')),
  PRIMARY KEY (rollout_id, node_id)
);
CREATE INDEX delivery_rollout_nodes_pending ON delivery_rollout_nodes (node_id)
  WHERE outcome IS NULL;

-- What each node runs now: its last acknowledged metadata, without a private key (a key
-- Meridian made is sent to the node once and never kept). GetMetaData reads it.
CREATE TABLE delivery_node_metadata (
  node_id    uuid        PRIMARY KEY REFERENCES delivery_nodes (id) ON DELETE CASCADE,
  version    integer     NOT NULL,
  issued_at  timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  metadata   jsonb       NOT NULL
);

-- Private address ranges an operator allows an organisation's deliveries to reach (its nodes'
-- networks); every other private or loopback target stays refused.
CREATE TABLE delivery_allowed_ranges (
  org_id     uuid        PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
  -- CIDR ranges as given (checked by src/platform/outbound/target-guard.ts's parseRanges).
  ranges     text[]      NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
