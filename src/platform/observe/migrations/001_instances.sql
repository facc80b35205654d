-- Every Meridian process registers here and heartbeats; a stale heartbeat marks it lost.
CREATE TABLE instances (
  id           uuid        PRIMARY KEY,
  hostname     text        NOT NULL,
  pid          integer     NOT NULL,
  role         text        NOT NULL,
  version      text        NOT NULL,
  started_at   timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  stopped_at   timestamptz
);

CREATE INDEX instances_heartbeat_at ON instances (heartbeat_at);
