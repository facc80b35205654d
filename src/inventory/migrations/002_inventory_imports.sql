-- CSV imports (docs/inventory.md, "Search, bulk and files"). The upload parses the file as it
-- arrives and stages its records here, a chunk at a time, in the transaction that creates the import
-- and enqueues its `inventory.import` job; the job then works through the staged rows in chunks
-- of 1,000 with the bulk code, so no file is ever held whole in memory.
--
-- States: queued (staged, job enqueued) -> running (the job started) -> completed | failed.
-- `failed` is an import refused as a whole: under `reject_all`, any failed row.
CREATE TABLE inventory_imports (
  id           uuid        PRIMARY KEY,
  org_id       uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind         text        NOT NULL CHECK (kind IN ('items', 'levels')),
  error_policy text        NOT NULL CHECK (error_policy IN ('reject_all', 'reject_failed_rows')),
  state        text        NOT NULL DEFAULT 'queued'
               CHECK (state IN ('queued', 'running', 'completed', 'failed')),
  -- The file's header, as given; columns the kind does not know are listed in `ignored_columns`.
  columns         text[]   NOT NULL,
  ignored_columns text[]   NOT NULL DEFAULT '{}',
  total        integer     NOT NULL,
  processed    integer     NOT NULL DEFAULT 0,
  created      integer     NOT NULL DEFAULT 0,
  updated      integer     NOT NULL DEFAULT 0,
  unchanged    integer     NOT NULL DEFAULT 0,
  failed       integer     NOT NULL DEFAULT 0,
  -- The first 1,000 failed rows: [{ row, status, error: { type, detail } }]; `failed` counts all.
  errors       jsonb       NOT NULL DEFAULT '[]',
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz
);
CREATE INDEX inventory_imports_org ON inventory_imports (org_id, id);

-- The staged records, a chunk of 1,000 per row as the job takes them (one write and one read per
-- chunk, not per record): `records` is [{ row, cells } | { row, error }], `row` the record's line
-- in the file (the header is line 1), `error` why the CSV parser refused it (an unclosed quote).
-- A chunk is deleted in the transaction that applies it, so a re-run of the job resumes after
-- the last chunk committed.
CREATE TABLE inventory_import_chunks (
  import_id uuid    NOT NULL REFERENCES inventory_imports (id) ON DELETE CASCADE,
  chunk_no  integer NOT NULL,
  records   jsonb   NOT NULL,
  PRIMARY KEY (import_id, chunk_no)
);

-- Search with no words lists items by name, in keyset pages on (name, id).
CREATE INDEX inventory_items_name ON inventory_items (org_id, name, id);
