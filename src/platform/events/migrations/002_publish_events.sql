-- Publishing a batch in one call (docs/design/job-engine-throughput.md, "Done: events"):
-- `publish_event` took the lock, inserted one row and notified once per event, so a batch of
-- n events cost n function calls, n lock calls and n single-row INSERTs.

-- Records every event of `p_events` (a JSON array of {topic, type, data}) and notifies every
-- listening process when (and only if) the transaction commits; returns the ids in the array's
-- order. The transaction-level advisory lock, held until commit, makes ids commit-ordered: a
-- later id is only drawn after every earlier publisher has committed or rolled back, so "events
-- after id N" is exactly what a client that saw N has not seen. One lock and one INSERT for the
-- whole batch, rows sorted by their place in the array before the identity draws their ids.
-- Each event is its own notification, in id order: the whole event when it fits in NOTIFY's 8000
-- bytes (measured in bytes, as NOTIFY does), only the id otherwise (listeners then read the row).
-- One notification per event keeps the message that processes of the previous release read.
CREATE FUNCTION publish_events(p_events jsonb)
RETURNS TABLE (id bigint, at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  published events[];
BEGIN
  PERFORM pg_advisory_xact_lock(1296389701);  -- 0x4D455645, 'MEVE'
  WITH inserted AS (
    INSERT INTO events (topic, type, data)
    -- A JSON null comes out of the record as SQL NULL: it is the data null.
    SELECT e.topic, e.type, coalesce(e.data, 'null'::jsonb)
      FROM ROWS FROM (jsonb_to_recordset(p_events) AS (topic text, type text, data jsonb))
           WITH ORDINALITY AS e(topic, type, data, n)
     ORDER BY e.n
    RETURNING events AS event
  )
  SELECT array_agg(inserted.event ORDER BY (inserted.event).id) INTO published FROM inserted;
  PERFORM pg_notify('meridian_events',
                    CASE WHEN octet_length(m.whole) < 8000 THEN m.whole
                         ELSE json_build_object('id', e.id::text, 'stored', true)::text END)
     FROM unnest(published) AS e,
          LATERAL (SELECT json_build_object('id', e.id::text, 'topic', e.topic, 'type', e.type,
                                            'data', e.data, 'at', e.at)::text AS whole) AS m
    ORDER BY e.id;
  RETURN QUERY SELECT e.id, e.at FROM unnest(published) AS e ORDER BY e.id;
END
$$;

-- Nothing in this release calls it: kept, as the one-element batch, for processes of the previous
-- release that still publish after `meridian migrate` ran before a deploy. Drop it in a later
-- migration.
CREATE OR REPLACE FUNCTION publish_event(p_topic text, p_type text, p_data jsonb)
RETURNS TABLE (id bigint, at timestamptz)
LANGUAGE sql AS $$
  SELECT * FROM publish_events(jsonb_build_array(
    jsonb_build_object('topic', p_topic, 'type', p_type, 'data', p_data)))
$$;
