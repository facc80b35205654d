-- Uploaded blobs, by the SHA-256 of their bytes (docs/blobs.md). The bytes live in the blob store
-- (disk or S3); a row is written only after its bytes are stored, so a row means the bytes are
-- there. Uploading the same bytes again finds the row: the first uploader stays.
CREATE TABLE blobs (
  hash         text        PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  content_type text        NOT NULL,  -- sniffed from the bytes, never the client's claim
  size         bigint      NOT NULL CHECK (size >= 0),
  uploaded_by  uuid        REFERENCES users ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX blobs_uploaded_by ON blobs (uploaded_by, created_at);
