package org.rentrecovery.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.TestCases;
import org.rentrecovery.support.TestIdentity;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Who read what (issue 17 item 2), against PostgreSQL in {@link AuditAccessLogTest} and the journal in
 * {@link AuditAccessLogJournalTest}: every read of the audit leaves an entry naming the token's user,
 * the case and the decision; the subject-access export holds every record of a case and is itself
 * logged; the retention purge takes old entries with the decisions.
 */
abstract class AuditAccessLogChecks {

    @Inject
    DecisionAudit audit;

    static String uniqueCase() {
        return "READS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String decide(String caseRef, int balance) {
        return given().contentType(ContentType.JSON)
                .body(TestCases.secure().set("caseRef", caseRef).set("account.balance", balance).json())
                .post("/api/decisions/next-action").then().statusCode(200).extract().path("decisionId");
    }

    private static String as(String user) {
        return "Bearer " + TestIdentity.token(user, List.of("auditor"));
    }

    private static JsonPath accessLog(String query) {
        return given().header("Authorization", as("log-reader")).get("/api/decisions/access-log?" + query)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void everyReadOfARecordedDecisionNamesItsReaderTheCaseAndTheDecision() {
        String caseRef = uniqueCase();
        String id = decide(caseRef, 300);

        given().header("Authorization", as("ann")).get("/api/decisions/" + id).then().statusCode(200);
        given().header("Authorization", as("bob")).get("/api/decisions?caseRef=" + caseRef).then().statusCode(200);
        given().header("Authorization", as("ann")).post("/api/decisions/" + id + "/replay").then().statusCode(200);

        JsonPath log = accessLog("caseRef=" + caseRef);
        assertThat(log.getInt("total")).isEqualTo(3);
        // newest first
        assertThat(log.getList("accesses.kind", String.class)).containsExactly("REPLAY_DECISION", "LIST_DECISIONS", "READ_DECISION");
        assertThat(log.getList("accesses.user", String.class)).containsExactly("ann", "bob", "ann");
        assertThat(log.getList("accesses.decisionId")).containsExactly(id, null, id);
        assertThat(log.getList("accesses.recordsServed", Integer.class)).containsExactly(1, 1, 1);
        assertThat(log.getList("accesses.caseRef", String.class)).containsOnly(caseRef);
        assertThat(log.getList("accesses.accessedAt")).allSatisfy(at -> assertThat(at).isNotNull());

        JsonPath byAnn = accessLog("caseRef=" + caseRef + "&user=ann");
        assertThat(byAnn.getInt("total")).isEqualTo(2);
        assertThat(byAnn.getString("user")).isEqualTo("ann");
    }

    @Test
    void aReadOfAnUnknownDecisionIsLoggedWithNothingServed() {
        String unknown = UUID.randomUUID().toString();
        given().header("Authorization", as("curious-" + unknown)).get("/api/decisions/" + unknown).then().statusCode(404);

        JsonPath log = accessLog("user=curious-" + unknown);
        assertThat(log.getInt("total")).isEqualTo(1);
        assertThat(log.getString("accesses[0].decisionId")).isEqualTo(unknown);
        assertThat(log.getString("accesses[0].caseRef")).isNull();
        assertThat(log.getInt("accesses[0].recordsServed")).isZero();
    }

    @Test
    void theSubjectAccessExportHoldsEveryRecordOfTheCaseAndIsLoggedAsARead() {
        String caseRef = uniqueCase();
        String first = decide(caseRef, 200);
        String second = decide(caseRef, 900);
        decide(uniqueCase(), 900); // another case's decision is not in the export
        given().header("Authorization", as("ann")).get("/api/decisions/" + first).then().statusCode(200);

        JsonPath export = given().header("Authorization", as("dpo")).get("/api/decisions/subject-access?caseRef=" + caseRef)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(export.getString("caseRef")).isEqualTo(caseRef);
        assertThat(export.getString("exportedBy")).isEqualTo("dpo");
        assertThat(export.getInt("retentionDays")).isEqualTo(2193);
        assertThat(export.getList("decisions.decisionId", String.class)).containsExactlyInAnyOrder(first, second);
        assertThat(export.getList("decisions.caseRef", String.class)).containsOnly(caseRef);
        // each record in full: the request as sent and the answer as given
        assertThat(export.getInt("decisions.find { it.decisionId == '" + second + "' }.request.account.balance")).isEqualTo(900);
        assertThat(export.getString("decisions.find { it.decisionId == '" + second + "' }.response.decisionId")).isEqualTo(second);
        // who read them, the export itself first
        assertThat(export.getList("accesses.kind", String.class)).containsExactly("SUBJECT_ACCESS_EXPORT", "READ_DECISION");
        assertThat(export.getList("accesses.user", String.class)).containsExactly("dpo", "ann");
        assertThat(export.getInt("accesses[0].recordsServed")).isEqualTo(2);
    }

    @Test
    void anExportForACaseWithNoRecordsIsEmptyAndStillLogged() {
        String caseRef = uniqueCase();
        given().header("Authorization", as("dpo")).get("/api/decisions/subject-access?caseRef=" + caseRef).then().statusCode(200)
                .body("decisions", hasSize(0)).body("accesses", hasSize(1)).body("accesses[0].recordsServed", equalTo(0));
    }

    @Test
    void theExportAndTheLogNameABadQueryFieldAndAreForAuditorsOnly() {
        given().get("/api/decisions/subject-access").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("caseRef"));
        given().get("/api/decisions/subject-access?caseRef=" + "X".repeat(65)).then().statusCode(400)
                .body("errors[0].field", equalTo("caseRef"));
        given().get("/api/decisions/access-log?size=101").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().header("Authorization", "Bearer " + TestIdentity.token("case-system", List.of("decisions")))
                .get("/api/decisions/subject-access?caseRef=X").then().statusCode(403);
        given().header("Authorization", "Bearer " + TestIdentity.token("case-system", List.of("decisions")))
                .get("/api/decisions/access-log").then().statusCode(403);
    }

    @Test
    void readingTheAccessLogIsLoggedToo() {
        String reader = "watcher-" + UUID.randomUUID();
        given().header("Authorization", as(reader)).get("/api/decisions/access-log?user=nobody").then().statusCode(200)
                .body("accesses", hasSize(0));
        JsonPath log = accessLog("user=" + reader);
        assertThat(log.getList("accesses.kind", String.class)).containsExactly("READ_ACCESS_LOG");
    }

    @Test
    void theRetentionPurgeTakesAccessEntriesOlderThanThePeriod() {
        String caseRef = uniqueCase();
        audit.recordAccess("old-reader", AuditAccess.Kind.LIST_DECISIONS, caseRef, null, 0);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(audit.purgeAccessedBefore(now.minusDays(1), 100)).as("nothing a day old yet").isZero();
        assertThat(audit.accesses(new AuditAccess.Filter(caseRef, null), 0, 10).total()).isEqualTo(1);
        assertThat(audit.purgeAccessedBefore(now.plusSeconds(5), 100)).isGreaterThanOrEqualTo(1);
        assertThat(audit.accesses(new AuditAccess.Filter(caseRef, null), 0, 10).total()).isZero();
        given().get("/api/decisions/access-log").then().statusCode(200).body("total", notNullValue());
    }
}
