-- The ends of deliveries, written together (outcomes.ts, `endDeliveries`): the steps that take
-- locks, as functions that take them in one order, so that batches written at once and the
-- services' lockers never wait on each other in a circle (store/services.ts). Sequential scans
-- are off: a plan made on a small table stays the index probes when the table has grown.

-- The key of a service's slot lock (store/services.ts, `lockService`, `shareService`).
CREATE FUNCTION delivery_slot_lock(p_service uuid) RETURNS bigint
LANGUAGE sql IMMUTABLE
AS $$ SELECT hashtextextended('delivery-service:' || p_service, 0) $$;

-- The dispatcher must look at the service by `p_at` (a node's next due time): next_due_at is
-- moved when it is later, and only then is the service's row written (and locked).
CREATE FUNCTION delivery_bring_due_forward(p_service uuid, p_at timestamptz) RETURNS void
LANGUAGE sql
AS $$
  UPDATE delivery_services SET next_due_at = p_at
   WHERE id = p_service AND (next_due_at IS NULL OR next_due_at > p_at)
$$;

-- Begins a transaction that records how the deliveries of `p_nodes` ended: the slot lock of
-- each of their services shared, in the order of the services' ids; then the rows of the
-- running rollouts waiting for any of the nodes, locked in the order of the rollouts' ids
-- (a rollout that ends on a delivery writes its other waiting nodes). Returns the nodes'
-- places in those rollouts.
CREATE FUNCTION delivery_ends_begin(p_services uuid[], p_nodes uuid[])
RETURNS TABLE (node_id uuid, rollout_id uuid, slot_at timestamptz, started_at timestamptz)
LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(delivery_slot_lock(service))
     FROM (SELECT DISTINCT unnest(p_services) AS service ORDER BY 1) services;
  RETURN QUERY
    SELECT rn.node_id, rn.rollout_id, rn.slot_at, r.started_at
      FROM delivery_rollout_nodes rn JOIN delivery_rollouts r ON r.id = rn.rollout_id
     WHERE rn.node_id = ANY (p_nodes) AND rn.outcome IS NULL AND r.state = 'running'
     ORDER BY r.id
       FOR UPDATE OF r;
END
$$;

-- Hands on the slots of the service's ended deliveries `p_ended` (dispatch.ts, `handOnSlots`):
-- starts the deliveries of as many of its earliest due idle nodes, but no more than the others
-- in flight leave free of `p_concurrency`; then brings the service's next_due_at forward to
-- `p_due_again_at` if it is later, the only case in which the service's row is written.
-- Returns the nodes started.
CREATE FUNCTION delivery_hand_on(p_service uuid, p_concurrency integer, p_ended uuid[],
                                 p_now timestamptz, p_lease_ms integer,
                                 p_due_again_at timestamptz)
RETURNS SETOF uuid
LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  free integer;
BEGIN
  SELECT least(cardinality(p_ended), p_concurrency - count(*)) INTO free
    FROM delivery_nodes WHERE service_id = p_service AND delivering_until > now();
  IF free > 0 THEN
    RETURN QUERY
      UPDATE delivery_nodes SET delivering_until = now() + p_lease_ms * interval '1 millisecond'
       WHERE id IN (
         SELECT id FROM delivery_nodes
          WHERE service_id = p_service AND renew_at <= p_now
            AND (delivering_until IS NULL OR delivering_until <= now())
            AND id <> ALL (p_ended)
          ORDER BY renew_at
          LIMIT free
            FOR UPDATE SKIP LOCKED)
      RETURNING id;
  END IF;
  PERFORM delivery_bring_due_forward(p_service, p_due_again_at);
END
$$;
