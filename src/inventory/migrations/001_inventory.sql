-- Inventory (docs/inventory.md). An organisation's catalogue (categories, items, locations), its
-- stock levels per item and location, the append-only ledger every level change writes, and its
-- orders with the reservations and shipments that move stock.
--
-- The invariants the reconcile job proves (and the property test exercises):
--   * every quantity of a level equals the sum of its ledger rows for that state;
--   * a level's `reserved` equals the open quantity of its reservations;
--   * no stored quantity is negative (CHECKs below): `available` = on_hand - reserved -
--     safety_stock is computed, never stored, and only an item that allows backorder may be
--     reserved past it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE inventory_categories (
  id         uuid        PRIMARY KEY,
  org_id     uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name       text        NOT NULL,
  parent_id  uuid        REFERENCES inventory_categories (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX inventory_categories_name ON inventory_categories (org_id, lower(name));

CREATE TABLE inventory_locations (
  id         uuid        PRIMARY KEY,
  org_id     uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name       text        NOT NULL,
  kind       text        NOT NULL DEFAULT 'warehouse' CHECK (kind IN ('warehouse', 'store')),
  -- Orders without a location take stock from the lowest number first.
  fulfilment_priority integer NOT NULL DEFAULT 100,
  address    jsonb,
  version    integer     NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX inventory_locations_name ON inventory_locations (org_id, lower(name));

CREATE TABLE inventory_items (
  id              uuid        PRIMARY KEY,
  org_id          uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  sku             text        NOT NULL,
  name            text        NOT NULL,
  description     text        NOT NULL DEFAULT '',
  category_id     uuid        REFERENCES inventory_categories (id) ON DELETE SET NULL,
  media           text[]      NOT NULL DEFAULT '{}',
  -- Money in integer minor units of `currency` (ISO 4217).
  unit_cost       bigint      CHECK (unit_cost >= 0),
  price           bigint      CHECK (price >= 0),
  currency        char(3)     NOT NULL DEFAULT 'USD',
  attributes      jsonb       NOT NULL DEFAULT '{}',
  status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  allow_backorder boolean     NOT NULL DEFAULT false,
  version         integer     NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  -- Ranked search: SKU first, then name, then description.
  search          tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', sku), 'A') ||
                    setweight(to_tsvector('english', name), 'B') ||
                    setweight(to_tsvector('english', description), 'C')) STORED
);
CREATE UNIQUE INDEX inventory_items_sku ON inventory_items (org_id, sku);
CREATE INDEX inventory_items_org ON inventory_items (org_id, id);
CREATE INDEX inventory_items_search ON inventory_items USING gin (search);
-- Typo-tolerant search: trigram similarity on what people type.
CREATE INDEX inventory_items_trgm ON inventory_items
  USING gin ((sku || ' ' || name) gin_trgm_ops);

-- One row per item and location that has ever held stock. Quantities are bounded (|q| <= 1e9)
-- so that no sum of them overflows and a typo of a few zeros is refused.
CREATE TABLE inventory_levels (
  item_id       uuid        NOT NULL REFERENCES inventory_items (id) ON DELETE CASCADE,
  location_id   uuid        NOT NULL REFERENCES inventory_locations (id) ON DELETE CASCADE,
  org_id        uuid        NOT NULL,
  on_hand       bigint      NOT NULL DEFAULT 0 CHECK (on_hand BETWEEN 0 AND 1000000000),
  reserved      bigint      NOT NULL DEFAULT 0 CHECK (reserved BETWEEN 0 AND 1000000000),
  incoming      bigint      NOT NULL DEFAULT 0 CHECK (incoming BETWEEN 0 AND 1000000000),
  damaged       bigint      NOT NULL DEFAULT 0 CHECK (damaged BETWEEN 0 AND 1000000000),
  safety_stock  bigint      NOT NULL DEFAULT 0 CHECK (safety_stock BETWEEN 0 AND 1000000000),
  reorder_point bigint      NOT NULL DEFAULT 0 CHECK (reorder_point BETWEEN 0 AND 1000000000),
  -- Set when the low-stock alert went out; cleared when available is back above the point.
  low_stock_since timestamptz,
  version       integer     NOT NULL DEFAULT 1,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, location_id)
);
CREATE INDEX inventory_levels_location ON inventory_levels (location_id, item_id);
CREATE INDEX inventory_levels_org ON inventory_levels (org_id, item_id);

-- Every change of a level's quantity, never updated nor deleted (the trigger below refuses it):
-- a mistake is corrected by a new row. Rows written together (one operation) share `operation_id`.
CREATE TABLE inventory_ledger (
  id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id         uuid        NOT NULL,
  item_id        uuid        NOT NULL,
  location_id    uuid        NOT NULL,
  state          text        NOT NULL
                 CHECK (state IN ('on_hand', 'reserved', 'incoming', 'damaged')),
  delta          bigint      NOT NULL CHECK (delta <> 0),
  quantity_after bigint      NOT NULL,
  reason         text        NOT NULL CHECK (reason IN (
                   'received', 'restock', 'correction', 'cycle_count', 'damaged', 'shrinkage',
                   'sale', 'reservation', 'release', 'transfer', 'return')),
  reference      text,
  -- What a receipt cost per unit (valuation's weighted average cost).
  unit_cost      bigint,
  actor_id       uuid,
  operation_id   uuid        NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_ledger_level ON inventory_ledger (item_id, location_id, id);
CREATE INDEX inventory_ledger_org_time ON inventory_ledger (org_id, created_at);

CREATE FUNCTION inventory_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'inventory_ledger is append-only: write a correcting row instead'
    USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER inventory_ledger_append_only
  BEFORE UPDATE OR DELETE ON inventory_ledger
  FOR EACH ROW EXECUTE FUNCTION inventory_ledger_is_append_only();
CREATE TRIGGER inventory_ledger_no_truncate
  BEFORE TRUNCATE ON inventory_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION inventory_ledger_is_append_only();

-- Orders: states and transitions in docs/inventory.md ("Orders"), one function each in
-- orders.ts.
CREATE TABLE inventory_orders (
  id               uuid        PRIMARY KEY,
  org_id           uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  state            text        NOT NULL DEFAULT 'reserved' CHECK (state IN (
                     'reserved', 'partially_fulfilled', 'fulfilled', 'cancelled', 'expired')),
  customer         jsonb,
  shipping_address jsonb,
  reference        text,
  -- A checkout hold: unless fulfilled before then, the reservation is released at this time.
  hold_until       timestamptz,
  created_by       uuid,
  version          integer     NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_orders_org ON inventory_orders (org_id, id);

CREATE TABLE inventory_order_lines (
  order_id   uuid    NOT NULL REFERENCES inventory_orders (id) ON DELETE CASCADE,
  line_no    integer NOT NULL,
  item_id    uuid    NOT NULL REFERENCES inventory_items (id),
  quantity   bigint  NOT NULL CHECK (quantity BETWEEN 1 AND 1000000000),
  fulfilled  bigint  NOT NULL DEFAULT 0 CHECK (fulfilled >= 0),
  returned   bigint  NOT NULL DEFAULT 0 CHECK (returned >= 0 AND returned <= fulfilled),
  PRIMARY KEY (order_id, line_no),
  CHECK (fulfilled <= quantity)
);

-- What a line holds at a location: `open` units still reserved (the level's `reserved` is the sum
-- of `open` over its reservations), the rest shipped or released.
CREATE TABLE inventory_reservations (
  order_id    uuid   NOT NULL,
  line_no     integer NOT NULL,
  location_id uuid   NOT NULL REFERENCES inventory_locations (id),
  item_id     uuid   NOT NULL,
  quantity    bigint NOT NULL CHECK (quantity > 0),
  open        bigint NOT NULL CHECK (open >= 0 AND open <= quantity),
  PRIMARY KEY (order_id, line_no, location_id),
  FOREIGN KEY (order_id, line_no) REFERENCES inventory_order_lines ON DELETE CASCADE
);
CREATE INDEX inventory_reservations_level ON inventory_reservations (item_id, location_id)
  WHERE open > 0;

CREATE TABLE inventory_shipments (
  id              uuid        PRIMARY KEY,
  order_id        uuid        NOT NULL REFERENCES inventory_orders (id) ON DELETE CASCADE,
  carrier         text,
  tracking_number text,
  -- [{ line_no, location_id, quantity }]
  lines           jsonb       NOT NULL,
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_shipments_order ON inventory_shipments (order_id, created_at);
