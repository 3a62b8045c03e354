package org.rentrecovery.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.rentrecovery.security.LogSafe;
import org.rentrecovery.support.PostgresTestDatabase;
import org.rentrecovery.support.TestCases;

/**
 * A database failure while recording a decision: the log names the failure (its SQL state) and a
 * hash of the case, never a field of the request, though PostgreSQL's error for a refused row lists
 * every value of that row. The caller gets a 503 that names neither.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class AuditFailureLogTest {
    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private final String constraint = "refuse_log_test_" + marker;
    private final List<String> logged = new ArrayList<>();
    private final org.jboss.logmanager.Logger serviceLogger = LogContext.getLogContext().getLogger("org.rentrecovery");
    private final java.util.logging.Level serviceLevel = serviceLogger.getLevel();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(" | ").append(t).append(' ').append(java.util.Arrays.toString(t.getStackTrace()));
            }
            synchronized (logged) {
                logged.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void refuseThisTestsRowsAndListenToTheLog() throws Exception {
        try (Connection db = PostgresTestDatabase.connect(); Statement sql = db.createStatement()) {
            // Refuses only this test's cases; NOT VALID leaves the rows already there alone.
            sql.execute("ALTER TABLE decision_audit ADD CONSTRAINT " + constraint + " CHECK (case_ref NOT LIKE 'LOGTEST-"
                    + marker + "%') NOT VALID");
        }
        LogContext.getLogContext().getLogger("").addHandler(capture);
        // At DEBUG too, which an operator may switch on while chasing an outage.
        serviceLogger.setLevel(org.jboss.logmanager.Level.DEBUG);
    }

    @AfterEach
    void dropTheConstraint() throws Exception {
        LogContext.getLogContext().getLogger("").removeHandler(capture);
        serviceLogger.setLevel(serviceLevel);
        try (Connection db = PostgresTestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE decision_audit DROP CONSTRAINT IF EXISTS " + constraint);
        }
    }

    @Test
    void theLogNamesTheFailureAndTheCasesHashButNoFieldOfTheRequest() {
        String caseRef = "LOGTEST-" + marker + "-HRA-000123";
        String body = TestCases.secure().set("caseRef", caseRef).set("account.balance", 4321.09)
                .set("vulnerability.flags", List.of("MENTAL_HEALTH")).json();

        given().contentType(ContentType.JSON).body(body).post("/api/decisions/next-action")
                .then().log().ifValidationFails().statusCode(503).header("Retry-After", equalTo("5"))
                .body(not(containsString(caseRef))).body(not(containsString("23514")));

        String log;
        synchronized (logged) {
            log = String.join("\n", logged);
        }
        assertThat(log).as("the failure is logged, by its SQL state and the case's hash")
                .contains("23514").contains(LogSafe.caseRefHash(caseRef));
        assertThat(log).as("no field of the request").doesNotContain(caseRef).doesNotContain(marker + "-HRA")
                .doesNotContain("4321.09").doesNotContain("MENTAL_HEALTH")
                .doesNotContain("Failing row");
    }

    @Test
    void aProblemNamesNoServerPath() {
        given().contentType(ContentType.JSON).body("{\"stored\": [\"no-such-suite-" + marker + "\"]}").post("/api/scenarios/run")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString(System.getProperty("user.dir"))));
    }
}
