-- The portfolio run that made a decision (null for a decision asked for over the API), so that every
-- row of a run's results and worklists can be traced to its recorded decision.
ALTER TABLE decision_audit ADD COLUMN run_id uuid;

CREATE INDEX decision_audit_run_id ON decision_audit (run_id) WHERE run_id IS NOT NULL;
