-- Each new record keeps its request, answer and rules fired as one compressed value (about 700 bytes
-- instead of about 8 KB of JSON; docs/audit.md). Records written before keep their JSON columns and are
-- read as before; a row has either the JSON columns or the payload.
ALTER TABLE decision_audit ADD COLUMN payload bytea;
ALTER TABLE decision_audit ALTER COLUMN request DROP NOT NULL;
ALTER TABLE decision_audit ALTER COLUMN response DROP NOT NULL;
ALTER TABLE decision_audit ALTER COLUMN rules_fired DROP NOT NULL;
ALTER TABLE decision_audit ADD CONSTRAINT decision_audit_payload_or_json
    CHECK (payload IS NOT NULL OR (request IS NOT NULL AND response IS NOT NULL AND rules_fired IS NOT NULL));
