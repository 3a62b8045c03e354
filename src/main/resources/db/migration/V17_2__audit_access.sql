-- Who read the decision audit: one row per read of a recorded decision, a case's list, a replay, a
-- subject-access export or the access log itself (docs/data-protection.md). Inserted before the
-- answer is sent; deleted by the retention purge with the decisions; nothing updates them. The case
-- reference is kept as the decision_audit rows keep it, so a subject-access export can say who read
-- the tenant's records.
CREATE TABLE audit_access (
    access_id      uuid        PRIMARY KEY,
    accessed_at    timestamptz NOT NULL,
    user_name      text        NOT NULL,
    kind           text        NOT NULL,
    case_ref       text,
    decision_id    uuid,
    records_served integer     NOT NULL
);

-- Who read this case (the access log filtered by case, and the subject-access export).
CREATE INDEX audit_access_case_ref ON audit_access (case_ref, accessed_at DESC) WHERE case_ref IS NOT NULL;
-- What did this person read.
CREATE INDEX audit_access_user_name ON audit_access (user_name, accessed_at DESC);
-- The retention purge and the unfiltered log, newest first.
CREATE INDEX audit_access_accessed_at ON audit_access (accessed_at DESC);
