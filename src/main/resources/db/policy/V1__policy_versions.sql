-- Policy versions (docs/policy-versions.md). Model bytes are stored once per content; a version names
-- its models by path and SHA-256. The timeline and the events are only ever appended to.
CREATE TABLE ${schema}.policy_model_blob (
    sha256  text  PRIMARY KEY,
    content bytea NOT NULL
);

CREATE TABLE ${schema}.policy_version (
    id           text        PRIMARY KEY,
    parent_id    text        REFERENCES ${schema}.policy_version (id),
    author       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    note         text        NOT NULL,
    contract     integer     NOT NULL,
    contributors text[]      NOT NULL,
    approved_by  text,
    approved_at  timestamptz
);

CREATE TABLE ${schema}.policy_version_model (
    version_id text NOT NULL REFERENCES ${schema}.policy_version (id),
    path       text NOT NULL,
    sha256     text NOT NULL REFERENCES ${schema}.policy_model_blob (sha256),
    PRIMARY KEY (version_id, path)
);

CREATE TABLE ${schema}.policy_timeline (
    sequence       bigint      PRIMARY KEY,
    version_id     text        NOT NULL REFERENCES ${schema}.policy_version (id),
    effective_from date        NOT NULL,
    activated_by   text        NOT NULL,
    activated_at   timestamptz NOT NULL,
    note           text        NOT NULL,
    rollback       boolean     NOT NULL
);

CREATE TABLE ${schema}.policy_event (
    sequence   bigint      PRIMARY KEY,
    version_id text        REFERENCES ${schema}.policy_version (id),
    type       text        NOT NULL,
    actor      text        NOT NULL,
    at         timestamptz NOT NULL,
    detail     text        NOT NULL
);
