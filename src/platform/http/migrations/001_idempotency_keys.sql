-- Responses kept for Idempotency-Key replay. A row with a null status is a request in flight.
CREATE TABLE idempotency_keys (
  scope            text        NOT NULL,  -- 'user:<id>' or 'ip:<address>': keys never cross callers
  key              text        NOT NULL,
  request_hash     text        NOT NULL,  -- method, route and body: another body under the key is a 422
  status_code      integer,
  response_headers jsonb,
  response_body    text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);

CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
