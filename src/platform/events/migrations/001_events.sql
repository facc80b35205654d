-- The durable event log (docs/events.md). Each row is one published event; clients that
-- reconnect with the last id they saw are sent the rows after it. Rows older than
-- EVENT_RETENTION_HOURS are pruned, and `event_log.pruned_through` remembers how far, so a
-- client whose last id is older is told to reload instead of getting a silent gap.
CREATE TABLE events (
  id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- commit order (see publish_event)
  topic text        NOT NULL,
  type  text        NOT NULL,
  data  jsonb       NOT NULL,
  at    timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Replay: a client's topics after its last id.
CREATE INDEX events_topic_id ON events (topic, id);
-- Pruning: the newest event older than the retention, in one probe.
CREATE INDEX events_at ON events (at);

CREATE TABLE event_log (
  singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  pruned_through bigint  NOT NULL DEFAULT 0  -- every event with id <= this is gone
);
INSERT INTO event_log DEFAULT VALUES;

-- Records an event and notifies every listening process when (and only if) the transaction
-- commits. The transaction-level advisory lock, held until commit, makes ids commit-ordered: a
-- later id is only drawn after every earlier publisher has committed or rolled back, so "events
-- after id N" is exactly what a client that saw N has not seen. The notification carries the
-- whole event when it fits in NOTIFY's 8000 bytes (measured in bytes, as NOTIFY does), and only
-- the id otherwise: listeners then read the row.
CREATE FUNCTION publish_event(p_topic text, p_type text, p_data jsonb)
RETURNS TABLE (id bigint, at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  event   events;
  message text;
BEGIN
  PERFORM pg_advisory_xact_lock(1296389701);  -- 0x4D455645, 'MEVE'
  INSERT INTO events (topic, type, data) VALUES (p_topic, p_type, p_data) RETURNING * INTO event;
  message := json_build_object('id', event.id::text, 'topic', event.topic, 'type', event.type,
                               'data', event.data, 'at', event.at)::text;
  IF octet_length(message) >= 8000 THEN
    message := json_build_object('id', event.id::text, 'stored', true)::text;
  END IF;
  PERFORM pg_notify('meridian_events', message);
  RETURN QUERY SELECT event.id, event.at;
END
$$;

-- Browser tickets for the stream (a WebSocket or EventSource cannot send an Authorization
-- header): single use, short-lived, bound to the API token that asked for one.
CREATE TABLE stream_tickets (
  ticket_hash bytea       PRIMARY KEY,  -- SHA-256 of the ticket; the ticket itself is not kept
  token_id    uuid        NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX stream_tickets_expiry ON stream_tickets (expires_at);
