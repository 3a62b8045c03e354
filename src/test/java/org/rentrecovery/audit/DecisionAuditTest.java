package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.TestCases;

/** The request is recorded as sent, on one line, so that a journal line is one record. */
class DecisionAuditTest {

    @Test
    void aPrettyPrintedRequestIsRecordedOnOneLineWithTheSameContent() throws Exception {
        String sent = "{\r\n  \"caseRef\": \"HRA-1\",\n  \"account\": {\"balance\": 150.00},\n  \"note\": \"a\\nb\"\n}\n";
        String recorded = DecisionAudit.oneLine(sent.getBytes(StandardCharsets.UTF_8));
        assertThat(recorded).doesNotContain("\n").doesNotContain("\r").contains("150.00").contains("\"a\\nb\"");
        assertThat(TestCases.MAPPER.readTree(recorded)).isEqualTo(TestCases.MAPPER.readTree(sent));
    }

    @Test
    void aCompactRequestIsRecordedUnchanged() {
        String sent = "{\"caseRef\":\"HRA-1\",\"account\":{\"balance\":150.00}}";
        assertThat(DecisionAudit.oneLine(sent.getBytes(StandardCharsets.UTF_8))).isEqualTo(sent);
    }
}
