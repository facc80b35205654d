-- The two steps of a delivery's end that are the same for every outcome (docs/delivery.md,
-- "Dispatch"), each one round trip with a plan kept per connection instead of a statement
-- planned at every call; sequential scans off, so a plan made on a small table stays the index
-- probes when the table has grown.

-- Begins the transaction that records how a node's delivery ended: its service's slot lock
-- shared, then the row of the running rollout waiting for the node, locked (outcomes.ts).
CREATE FUNCTION delivery_end_begin(p_service uuid, p_node uuid)
RETURNS TABLE (rollout_id uuid, slot_at timestamptz, started_at timestamptz)
LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended('delivery-service:' || p_service, 0));
  RETURN QUERY
    SELECT rn.rollout_id, rn.slot_at, r.started_at
      FROM delivery_rollout_nodes rn JOIN delivery_rollouts r ON r.id = rn.rollout_id
     WHERE rn.node_id = p_node AND rn.outcome IS NULL AND r.state = 'running'
       FOR UPDATE OF r;
END
$$;

-- Hands the ended delivery's slot on (dispatch.ts, `handOnSlot`): starts the delivery of the
-- service's earliest due idle node but `p_ended`, unless the others in flight fill the
-- concurrency; then brings the service's next_due_at forward to `p_due_again_at` if it is
-- later, the only case in which the service's row is written. Returns the node started.
CREATE FUNCTION delivery_hand_on(p_service uuid, p_concurrency integer, p_ended uuid,
                                 p_now timestamptz, p_lease_ms integer,
                                 p_due_again_at timestamptz)
RETURNS uuid
LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  started uuid;
BEGIN
  IF (SELECT count(*) FROM delivery_nodes
       WHERE service_id = p_service AND delivering_until > now()) < p_concurrency THEN
    UPDATE delivery_nodes SET delivering_until = now() + p_lease_ms * interval '1 millisecond'
     WHERE id = (
       SELECT id FROM delivery_nodes
        WHERE service_id = p_service AND renew_at <= p_now
          AND (delivering_until IS NULL OR delivering_until <= now())
          AND id <> p_ended
        ORDER BY renew_at
        LIMIT 1
          FOR UPDATE SKIP LOCKED)
    RETURNING id INTO started;
  END IF;
  UPDATE delivery_services SET next_due_at = p_due_again_at
   WHERE id = p_service AND (next_due_at IS NULL OR next_due_at > p_due_again_at);
  RETURN started;
END
$$;
