-- Crash recovery in seconds (docs/jobs.md, "When a worker dies"): an instance found dead is
-- marked lost and the jobs it was running are released at once, not when their lease runs out.
--   host_key          hostname, kernel boot id and pid namespace: two rows with the same key are
--                     processes one process can see, so it may judge the other's pid; null where
--                     /proc is absent, and then no process judges it
--   heartbeat_seconds its heartbeat interval (HEARTBEAT_SECONDS): the others wait three of its
--                     beats, not their own, before judging it lost; null for rows older than this
--   lost_at           when it was judged dead (its pid gone, or no heartbeat); cleared by the
--                     process itself if it was only paused and beats again
--   lost_reason       why: "process gone", "no heartbeat for N s"
--   released_jobs     running jobs of it released because it was lost, over its life
ALTER TABLE instances
  ADD COLUMN host_key          text,
  ADD COLUMN heartbeat_seconds integer,
  ADD COLUMN lost_at           timestamptz,
  ADD COLUMN lost_reason       text,
  ADD COLUMN released_jobs     integer NOT NULL DEFAULT 0;
