-- A case's history needs its rows by case and time; the decision id only broke ties between two decisions
-- of one case at the same microsecond, and as the index's third column it cost 16 bytes (about 25 with the
-- index's own overhead) of every record. The queries still order by decision_id after decided_at: the few
-- rows of one case at one time are sorted on the fly (issue 16, docs/benchmarks.md "Audit size on disk").
DROP INDEX decision_audit_case_ref_decided_at;
CREATE INDEX decision_audit_case_ref_decided_at ON decision_audit (case_ref, decided_at DESC);
