-- Publishing a batch in one call (docs/design/job-engine-throughput.md, "Done: events"):
-- `publish_event` took the lock, inserted one row and notified once per event, so a batch of
-- n events cost n function calls, n lock calls and n single-row INSERTs.

-- Records every event of `p_events` (a JSON array of {topic, type, data}) and notifies every
-- listening process when (and only if) the transaction commits; returns the ids in the array's
-- order. The transaction-level advisory lock, held until commit, makes ids commit-ordered: a
-- later id is only drawn after every earlier publisher has committed or rolled back, so "events
-- after id N" is exactly what a client that saw N has not seen. One lock and one INSERT for the
-- whole batch: the rows are sorted by their place in the array before the identity draws their
-- ids, and RETURNING yields them in that order, which is the order the notifications are sent in
-- (the lateral call runs once per row, in the CTE's order).
-- Each event is its own notification: the whole event when it fits in NOTIFY's 8000 bytes
-- (measured in bytes, as NOTIFY does), only the id otherwise (listeners then read the row). One
-- notification per batch would save ~7 µs per event here but cost every listening process a
-- read of the rows (more than that), and this is the message processes of the previous release
-- understand.
CREATE FUNCTION publish_events(p_events jsonb)
RETURNS TABLE (id bigint, at timestamptz)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1296389701);  -- 0x4D455645, 'MEVE'
  RETURN QUERY
    WITH inserted AS (
      INSERT INTO events AS ev (topic, type, data)
      -- A JSON null comes out of the record as SQL NULL: it is the data null.
      SELECT e.topic, e.type, coalesce(e.data, 'null'::jsonb)
        FROM ROWS FROM (jsonb_to_recordset(p_events) AS (topic text, type text, data jsonb))
             WITH ORDINALITY AS e(topic, type, data, n)
       ORDER BY e.n
      RETURNING ev.id, ev.at,
                json_build_object('id', ev.id::text, 'topic', ev.topic, 'type', ev.type,
                                  'data', ev.data, 'at', ev.at)::text AS message
    )
    SELECT i.id, i.at
      FROM inserted AS i,
           LATERAL pg_notify('meridian_events',
                             CASE WHEN octet_length(i.message) < 8000 THEN i.message
                                  ELSE json_build_object('id', i.id::text, 'stored', true)::text
                             END) AS sent
     ORDER BY i.id;
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
