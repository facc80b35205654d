-- Metadata delivery (brief 004, docs/delivery.md). Per organisation, a certificate authority;
-- services, each the metadata its nodes receive and how; and the nodes, each a row with its
-- delivery state and its due time (`renew_at`), which the dispatcher claims by. The node states
-- and their transitions: docs/delivery.md, "Node states"; the timing: src/delivery/renewal.ts.

-- Secrets in these tables (CA keys, node-source credentials) are sealed under the server secret
-- (DELIVERY_KEY_SECRET or $DATA_DIR/delivery.secret). This row holds a fingerprint of that
-- secret, so that a process started with another secret refuses to seal or open anything
-- instead of sealing new keys that the other processes cannot open.
CREATE TABLE delivery_key_check (
  id          boolean     PRIMARY KEY DEFAULT true CHECK (id),
  fingerprint text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- One CA per organisation, made when its first certificate service is created.
CREATE TABLE delivery_authorities (
  org_id             uuid        PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
  certificate_pem    text        NOT NULL,
  -- A `v1.` envelope (src/delivery/certificates/key-envelope.ts): never the key itself.
  sealed_private_key text        NOT NULL,
  serial_number      text        NOT NULL,
  not_after          timestamptz NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE delivery_services (
  id                 uuid        PRIMARY KEY,
  org_id             uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name               text        NOT NULL,
  -- certificate: a leaf from the organisation's CA; fetched: GET fetch_url_template per node;
  -- static: static_metadata as is.
  kind               text        NOT NULL CHECK (kind IN ('certificate', 'fetched', 'static')),
  lifetime_minutes   integer     NOT NULL CHECK (lifetime_minutes BETWEEN 1 AND 573120),
  -- Fractions of the lifetime: renew in [window_start, window_end], urgently from danger_at.
  window_start       double precision NOT NULL,
  window_end         double precision NOT NULL,
  danger_at          double precision NOT NULL,
  CHECK (0 < window_start AND window_start <= window_end AND window_end < danger_at AND danger_at < 1),
  -- Only push is built; pull (an agent's long poll) comes with the agent.
  mode               text        NOT NULL DEFAULT 'push' CHECK (mode IN ('push')),
  push_url_template  text        NOT NULL,
  fetch_url_template text,
  static_metadata    jsonb,
  CHECK ((kind = 'fetched') = (fetch_url_template IS NOT NULL)),
  CHECK ((kind = 'static') = (static_metadata IS NOT NULL)),
  -- Deliveries to this service's nodes in flight at once, whatever the number of workers.
  concurrency        integer     NOT NULL DEFAULT 8 CHECK (concurrency BETWEEN 1 AND 64),
  -- The node source, when nodes come from a list (else they are registered through the API).
  source_location    text,
  source_s3_endpoint text,
  source_s3_region   text,
  -- Sealed like a CA key: JSON { accessKeyId, secretAccessKey, sessionToken? }.
  source_credentials text,
  source_etag        text,
  -- Last read, success or not, and its error (null after a good read).
  source_checked_at  timestamptz,
  source_synced_at   timestamptz,
  source_error       text,
  -- An empty list removes every node only when this is set: a list emptied by mistake would
  -- otherwise stop delivery to the whole fleet.
  allow_empty_source boolean     NOT NULL DEFAULT false,
  -- When the dispatcher next has something to start here: the earliest renew_at of an idle
  -- node, or, with every slot busy, the earliest lease end. Null: nothing to do.
  next_due_at        timestamptz,
  version            integer     NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX delivery_services_name ON delivery_services (org_id, lower(name));
CREATE INDEX delivery_services_due ON delivery_services (next_due_at)
  WHERE next_due_at IS NOT NULL;
CREATE INDEX delivery_services_source ON delivery_services (source_checked_at NULLS FIRST)
  WHERE source_location IS NOT NULL;

CREATE TABLE delivery_nodes (
  id                   uuid        PRIMARY KEY,
  service_id           uuid        NOT NULL REFERENCES delivery_services (id) ON DELETE CASCADE,
  name                 text        NOT NULL,
  -- api: registered through the API; source: listed by the service's node source.
  origin               text        NOT NULL CHECK (origin IN ('api', 'source')),
  -- The outcome of the last delivery: new (none yet), acknowledged, refused (the node's NACK),
  -- failed (no answer, a timeout, an error status). docs/delivery.md, "Node states".
  state                text        NOT NULL DEFAULT 'new'
                       CHECK (state IN ('new', 'acknowledged', 'refused', 'failed')),
  -- The last version sent; each delivery sends the next one.
  delivered_version    integer     NOT NULL DEFAULT 0,
  -- The version the node runs (its last acknowledgement), and what it holds.
  current_version      integer,
  serial_number        text,
  issued_at            timestamptz,
  expires_at           timestamptz,
  refused_version      integer,
  -- Due time: the next delivery starts once the platform clock reaches it.
  renew_at             timestamptz NOT NULL,
  -- Set while a delivery is in flight: the node holds one of its service's slots until then
  -- (a backstop; the delivery clears it when it ends).
  delivering_until     timestamptz,
  -- Failed deliveries since the last success: the retry backoff's attempt.
  attempts             integer     NOT NULL DEFAULT 0,
  last_attempt_at      timestamptz,
  last_success_at      timestamptz,
  last_error           text,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX delivery_nodes_name ON delivery_nodes (service_id, name);
CREATE INDEX delivery_nodes_due ON delivery_nodes (service_id, renew_at);
-- The nodes holding a slot (a delivery clears its mark when it ends): counting a service's slots
-- in flight, and finding when the first frees, reads these few, not the whole service.
CREATE INDEX delivery_nodes_in_flight ON delivery_nodes (service_id, delivering_until)
  WHERE delivering_until IS NOT NULL;
