-- A redrive used to give a dead execution a new job and leave its dead job in the dead-letter
-- queue, listed and counted as dead for good (and redriving it there ran nothing). A redrive now
-- brings the dead job itself back (docs/scheduler.md, "Redrive"): a `scheduler.run` job is dead
-- exactly while its execution is dead with it. The jobs left behind were superseded: cancel them.
UPDATE jobs SET state = 'cancelled', finished_at = now()
 WHERE kind = 'scheduler.run' AND state = 'dead'
   AND NOT EXISTS (
     SELECT 1 FROM scheduler_executions e
      WHERE e.id = (jobs.payload ->> 'executionId')::uuid AND e.job_id = jobs.id
        AND e.state = 'dead');
