-- Inventory analytics (docs/inventory.md, "Analytics and reconcile"): daily roll-ups of the
-- ledger so that reports read a few rows per level and day instead of rescanning history, and
-- the records of the reconcile job, which proves the ledger's invariants and never fixes drift.
--
-- Days are UTC calendar days of the ledger's `created_at`. The snapshot job writes every day
-- once it is closed (its end is more than a safety margin in the past, so every transaction that
-- stamped a row in it has committed) and re-computes the open days (today, and yesterday within
-- the margin) on each run; `inventory_analytics_state.summarised_through` is the last closed day.

-- What moved, per level, day, state and reason: the ledger summed. Sparse: a row only where a
-- ledger row was.
CREATE TABLE inventory_daily_movements (
  org_id      uuid   NOT NULL,
  day         date   NOT NULL,
  item_id     uuid   NOT NULL,
  location_id uuid   NOT NULL,
  state       text   NOT NULL,
  reason      text   NOT NULL,
  units_in    bigint NOT NULL,  -- sum of positive deltas
  units_out   bigint NOT NULL,  -- minus the sum of negative deltas
  cost_units  bigint NOT NULL,  -- units of receipts with a unit cost
  cost_total  numeric NOT NULL, -- their cost, sum(delta * unit_cost)
  PRIMARY KEY (org_id, day, item_id, location_id, state, reason)
);
CREATE INDEX inventory_daily_movements_day ON inventory_daily_movements (day);
-- Dead stock: an item's last sale without reading its other movements.
CREATE INDEX inventory_daily_movements_sales ON inventory_daily_movements
  (org_id, item_id, location_id, day)
  WHERE reason = 'sale' AND state = 'on_hand';

-- Each level at the end of each day. Dense over time (a level has a row every day from its first
-- ledger row on) except where all four quantities are 0 and nothing moved: a missing row is 0.
CREATE TABLE inventory_daily_levels (
  org_id      uuid    NOT NULL,
  day         date    NOT NULL,
  item_id     uuid    NOT NULL,
  location_id uuid    NOT NULL,
  on_hand     bigint  NOT NULL,
  reserved    bigint  NOT NULL,
  incoming    bigint  NOT NULL,
  damaged     bigint  NOT NULL,
  units_in    bigint  NOT NULL,  -- on hand received, restocked, transferred in, returned
  units_out   bigint  NOT NULL,  -- on hand sold, written off, transferred out
  units_sold  bigint  NOT NULL,  -- on hand out with reason 'sale', less sales reversed
  -- The item's weighted average cost at the end of the day (all locations), null before its
  -- first costed receipt; value = on_hand * unit_cost and sold_value = units_sold * unit_cost,
  -- rounded to minor units here so that reports sum bigints, not numerics (several times
  -- faster over a 90-day range).
  unit_cost   numeric,
  value       bigint  NOT NULL,
  sold_value  bigint  NOT NULL,
  PRIMARY KEY (org_id, day, item_id, location_id)
);
CREATE INDEX inventory_daily_levels_day ON inventory_daily_levels (day);

-- The levels of each item and day summed over its locations: what reports by item or category
-- read, a quarter (or less) of the rows of inventory_daily_levels when items sit in several
-- locations.
CREATE TABLE inventory_daily_items (
  org_id     uuid   NOT NULL,
  day        date   NOT NULL,
  item_id    uuid   NOT NULL,
  on_hand    bigint NOT NULL,
  reserved   bigint NOT NULL,
  incoming   bigint NOT NULL,
  damaged    bigint NOT NULL,
  units_in   bigint NOT NULL,
  units_out  bigint NOT NULL,
  units_sold bigint NOT NULL,
  value      bigint NOT NULL,
  sold_value bigint NOT NULL,
  PRIMARY KEY (org_id, day, item_id)
);
CREATE INDEX inventory_daily_items_day ON inventory_daily_items (day);

-- Each item's costed receipts to the end of the last closed day: its weighted average cost is
-- received_cost / received_units, carried into the next day without reading past days.
CREATE TABLE inventory_item_costs (
  item_id        uuid    PRIMARY KEY,
  org_id         uuid    NOT NULL,
  received_units bigint  NOT NULL,
  received_cost  numeric NOT NULL
);

-- One row: the last closed (final) day. Locked by each snapshot transaction, so two runs never
-- interleave.
CREATE TABLE inventory_analytics_state (
  id                 boolean PRIMARY KEY DEFAULT true CHECK (id),
  summarised_through date
);
INSERT INTO inventory_analytics_state DEFAULT VALUES;

-- The snapshot job reads the ledger one day at a time over all organisations: a BRIN index is
-- enough (rows arrive in time order) and costs the append-only table almost nothing to keep.
CREATE INDEX inventory_ledger_created_brin ON inventory_ledger USING brin (created_at);

-- What each reconcile run found. Drift is recorded, never repaired: a person reads it.
CREATE TABLE inventory_reconcile_runs (
  id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at     timestamptz NOT NULL,
  finished_at    timestamptz NOT NULL,
  levels_checked bigint      NOT NULL,
  drift_found    integer     NOT NULL
);

CREATE TABLE inventory_reconcile_drift (
  run_id      bigint NOT NULL REFERENCES inventory_reconcile_runs (id) ON DELETE CASCADE,
  org_id      uuid   NOT NULL,
  item_id     uuid   NOT NULL,
  location_id uuid   NOT NULL,
  -- 'ledger': a quantity differs from the sum of its ledger rows; 'reservations': reserved
  -- differs from the open quantity of the level's reservations; 'negative': below zero.
  invariant   text   NOT NULL CHECK (invariant IN ('ledger', 'reservations', 'negative')),
  state       text   NOT NULL,
  stored      bigint NOT NULL,
  expected    bigint NOT NULL
);
CREATE INDEX inventory_reconcile_drift_run ON inventory_reconcile_drift (run_id);
