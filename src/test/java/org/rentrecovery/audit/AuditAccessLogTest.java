package org.rentrecovery.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.rentrecovery.support.PostgresTestDatabase;

/** Who read what, with the access log in PostgreSQL (table audit_access). */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class AuditAccessLogTest extends AuditAccessLogChecks {
}
