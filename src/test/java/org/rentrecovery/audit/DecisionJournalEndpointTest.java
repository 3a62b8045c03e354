package org.rentrecovery.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The quick-start mode: no database configured, decisions go to the journal file and are served back from it. */
@QuarkusTest
@TestProfile(DecisionJournalEndpointTest.WithoutDatabase.class)
class DecisionJournalEndpointTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    /** Shared through a system property: the profile and the test are loaded by different class loaders. */
    private static final String JOURNAL_PROPERTY = "rentrecovery.test.journal";

    public static class WithoutDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path journal = Files.createTempDirectory("decision-journal").resolve("decision-journal.ndjson");
                System.setProperty(JOURNAL_PROPERTY, journal.toString());
                return Map.of("quarkus.datasource.jdbc.url", "", "rentrecovery.audit.journal", journal.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aDecisionIsInTheJournalBeforeItsAnswerAndIsServedBackFromIt() throws Exception {
        String answered = given().contentType(ContentType.JSON)
                .body(TestCases.secure().set("caseRef", "JOURNAL-1").set("account.balance", 450).json())
                .post("/api/decisions/next-action").then().statusCode(200).extract().asString();
        String id = PLAIN.readTree(answered).path("decisionId").asText();

        List<byte[]> records = JournalFileWalk.of(Path.of(System.getProperty(JOURNAL_PROPERTY))).binaryRecords();
        byte[] last = records.get(records.size() - 1);
        // The request and answer are compressed in the record; decoded, the answer is the very text served.
        assertThat(new String(last, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("\"response\"")
                .doesNotContain("nextAction");
        AuditRecord recorded = JournalFrame.read(last);
        assertThat(recorded.decisionId()).hasToString(id);
        assertThat(recorded.responseJson()).isEqualTo(answered);
        assertThat(PLAIN.readTree(recorded.requestJson()).path("account").path("balance").asInt()).isEqualTo(450);

        String stored = given().get("/api/decisions/" + id).then().statusCode(200)
                .body("endpoint", equalTo("next-action")).extract().asString();
        assertThat(PLAIN.readTree(stored).path("response")).isEqualTo(PLAIN.readTree(answered));
        given().get("/api/decisions?caseRef=JOURNAL-1").then().statusCode(200)
                .body("total", equalTo(1)).body("decisions[0].decisionId", equalTo(id));
    }
}
