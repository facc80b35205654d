-- Pull mode (docs/delivery.md, "Pull mode and the agent"): an agent on the node joins with a
-- per-service join token, receives a per-node credential, long-polls for new versions and
-- acknowledges them. Meridian prepares each version as it prepares a push (the same dispatcher
-- and slots), keeps it for the agent to take, and wakes the agent's long poll.

-- A pull service has no push URL; a push service must have one.
ALTER TABLE delivery_services DROP CONSTRAINT delivery_services_mode_check;
ALTER TABLE delivery_services ADD CONSTRAINT delivery_services_mode_check
  CHECK (mode IN ('push', 'pull'));
ALTER TABLE delivery_services ALTER COLUMN push_url_template DROP NOT NULL;
ALTER TABLE delivery_services ADD CONSTRAINT delivery_services_push_url_check
  CHECK ((mode = 'push') = (push_url_template IS NOT NULL));

-- agent: registered by its agent's join (a service without a node source).
ALTER TABLE delivery_nodes DROP CONSTRAINT delivery_nodes_origin_check;
ALTER TABLE delivery_nodes ADD CONSTRAINT delivery_nodes_origin_check
  CHECK (origin IN ('api', 'source', 'agent'));
-- What the node's status shows of its agent: when it was last heard from (a join, an
-- acknowledgement, a poll; polls write at most once a minute), and its clock's skew as measured
-- at its last acknowledgement: Meridian's clock minus the agent's, in milliseconds.
ALTER TABLE delivery_nodes ADD COLUMN agent_seen_at timestamptz;
ALTER TABLE delivery_nodes ADD COLUMN clock_skew_ms bigint;

-- Join tokens: created by an owner or admin for one pull service, shown once, kept as a SHA-256
-- hash as API tokens are. An agent that holds one registers its node.
CREATE TABLE delivery_join_tokens (
  id           uuid        PRIMARY KEY,
  service_id   uuid        NOT NULL REFERENCES delivery_services (id) ON DELETE CASCADE,
  name         text        NOT NULL,
  token_hash   bytea       NOT NULL UNIQUE,
  -- On Meridian's clock, as every expiry.
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  created_by   uuid        REFERENCES users (id) ON DELETE SET NULL,
  joins        integer     NOT NULL DEFAULT 0,
  last_used_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_join_tokens_service ON delivery_join_tokens (service_id, id);

-- One per node with an agent: its credential (a hash; a new join replaces it), the CSR the next
-- certificate is issued from (public: the key never leaves the node), and the version prepared
-- for it (`delivery_nodes.delivered_version`), kept until a newer one replaces it.
CREATE TABLE delivery_agents (
  node_id          uuid        PRIMARY KEY REFERENCES delivery_nodes (id) ON DELETE CASCADE,
  credential_hash  bytea       NOT NULL UNIQUE,
  csr              text,
  offered_version  integer,
  -- The delivery as the agent receives it (the push body's shape, without any private key).
  offer            jsonb,
  joined_at        timestamptz NOT NULL DEFAULT now()
);
