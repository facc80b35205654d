-- The claim is now one statement in store.ts (`claimJobs`), not this plpgsql wrapper: returning
-- through `RETURN QUERY` copied every claimed row into a tuplestore, about a third of the claim's
-- time (docs/design/job-engine-throughput.md, section 2.1).
DROP FUNCTION claim_jobs(text, uuid, integer, integer, timestamptz);
