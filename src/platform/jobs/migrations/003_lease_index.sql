-- The rescuer's index, by lease instead of by state. A completion (or a renewal, a release) names
-- its jobs by id; with `WHERE state = 'running'` this index matched it too, and since statistics
-- see few running jobs the planner read every running job of the cluster to find the few hundred
-- it named: a cost that grew with the cluster's running jobs, not with the completion's. Only
-- running jobs hold a lease: every statement that moves a job out of `running` clears it.
DROP INDEX jobs_lease;
CREATE INDEX jobs_lease ON jobs (lease_until) WHERE lease_until IS NOT NULL;
