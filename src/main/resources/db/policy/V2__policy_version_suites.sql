-- A version's own copies of scenario suite files (docs/policy-versions.md, "Suites in a draft"): by
-- path under the suites folder, each naming its bytes by SHA-256 in the same content table as the
-- models (content-addressed bytes, whatever the file).
CREATE TABLE ${schema}.policy_version_suite (
    version_id text NOT NULL REFERENCES ${schema}.policy_version (id),
    path       text NOT NULL,
    sha256     text NOT NULL REFERENCES ${schema}.policy_model_blob (sha256),
    PRIMARY KEY (version_id, path)
);
