-- Who is connected to the stream, per process (docs/events.md, Presence): a row per user with at
-- least one open WebSocket or SSE connection at that instance, written in batches by the gateway
-- (inserted on the first connection, deleted after the last) and deleted at shutdown. A user is
-- online when they have a row at an instance whose heartbeat is alive, so a process that died
-- without cleaning up stops counting within one heartbeat timeout; its rows go with its
-- `instances` row (forgotten after a week).
CREATE TABLE stream_presence (
  instance_id uuid NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  PRIMARY KEY (instance_id, user_id)
);
CREATE INDEX stream_presence_user ON stream_presence (user_id);
