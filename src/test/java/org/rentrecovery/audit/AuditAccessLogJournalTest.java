package org.rentrecovery.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same reads logged in the quick-start mode: the access log beside the decision journal. */
@QuarkusTest
@TestProfile(DecisionJournalEndpointTest.WithoutDatabase.class)
class AuditAccessLogJournalTest extends AuditAccessLogChecks {
}
