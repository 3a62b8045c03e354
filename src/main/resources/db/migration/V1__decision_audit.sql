-- One row per decision the service answered: what it was asked, what it answered, when, under which
-- policy, and which table rows and rules produced it. Rows are only ever inserted, and deleted by the
-- retention purge; nothing updates them.
CREATE TABLE decision_audit (
    decision_id       uuid        PRIMARY KEY,
    case_ref          text        NOT NULL,
    endpoint          text        NOT NULL,
    decided_at        timestamptz NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    as_of             date        NOT NULL,
    policy_version    text        NOT NULL,
    policy_build      text        NOT NULL,
    evaluation_micros bigint      NOT NULL,
    rules_fired       text[]      NOT NULL,
    request           jsonb       NOT NULL,
    response          jsonb       NOT NULL
);

-- A case's decisions, newest first (GET /api/decisions?caseRef=...).
CREATE INDEX decision_audit_case_ref_decided_at ON decision_audit (case_ref, decided_at DESC, decision_id DESC);

-- The retention purge finds old rows by time.
CREATE INDEX decision_audit_decided_at ON decision_audit (decided_at);
