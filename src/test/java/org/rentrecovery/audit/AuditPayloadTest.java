package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The stored form of a decision's request, answer and rules: exactly the text given back, in a fraction of the space. */
class AuditPayloadTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Real decisions of different kinds, with their requests as a case system might format them. */
    private static List<String[]> decisions() throws Exception {
        List<String[]> out = new ArrayList<>();
        for (int balance : new int[] {0, 150, 450, 900, 1600, 4000}) {
            for (TestCases c : List.of(TestCases.secure(), TestCases.assured(), TestCases.secure()
                    .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10")))) {
                String request = c.set("account.balance", balance).action("SEND_REMINDER_LETTER_1", 40).json();
                Decision d = TestCases.decisions().decide(c.facts());
                out.add(new String[] {request, JSON.writeValueAsString(d)});
            }
        }
        return out;
    }

    @Test
    void givesBackExactlyTheTextStoredWhitespaceKeyOrderNumberFormsAndAllCharacters() throws Exception {
        String request = "{ \"caseRef\" : \"Ünïcødé-£-€-\\u0000-\\\"q\\\"\", \"account\": {\"balance\": 150.00, \"x\": 1.50e2},"
                + "\"asOf\":\"2026-11-23\" }";
        String response = "{\"z\":1,\"a\":[],\"text\":\"tab\\there\"}";
        List<String> rules = List.of("EscalationStep/letter-1", "LegalGuards: No notice during a Breathing Space", "");
        AuditPayload.Content back = AuditPayload.decode(AuditPayload.encode(request, response, rules));
        assertThat(back.requestJson()).isEqualTo(request);
        assertThat(back.responseJson()).isEqualTo(response);
        assertThat(back.rulesFired()).containsExactlyElementsOf(rules);
        assertThat(AuditPayload.decode(AuditPayload.encode("{}", "{}", List.of())).rulesFired()).isEmpty();
    }

    @Test
    void realDecisionsRoundTripAndTakeAFractionOfTheirTextsSize() throws Exception {
        long raw = 0;
        long stored = 0;
        for (String[] d : decisions()) {
            List<String> rules = List.of("facts#arrears", "EscalationStep/letter-1");
            byte[] payload = AuditPayload.encode(d[0], d[1], rules);
            AuditPayload.Content back = AuditPayload.decode(payload);
            assertThat(back.requestJson()).isEqualTo(d[0]);
            assertThat(back.responseJson()).isEqualTo(d[1]);
            raw += (d[0] + d[1]).getBytes(StandardCharsets.UTF_8).length;
            stored += payload.length;
        }
        assertThat(stored * 4).as("compressed %d of %d bytes", stored, raw).isLessThan(raw);
    }

    @Test
    void recordsWrittenWithEveryEarlierDictionaryAreStillReadExactly() throws Exception {
        String[] decision = decisions().get(4);
        List<String> rules = List.of("facts#arrears", "EscalationStep/letter-1");
        for (int dictionary = 1; dictionary <= AuditPayload.CURRENT; dictionary++) {
            byte[] payload = AuditPayload.encode(dictionary, decision[0], decision[1], rules);
            assertThat(payload[0]).isEqualTo((byte) dictionary);
            AuditPayload.Content back = AuditPayload.decode(payload);
            assertThat(back.requestJson()).isEqualTo(decision[0]);
            assertThat(back.responseJson()).isEqualTo(decision[1]);
            assertThat(back.rulesFired()).isEqualTo(rules);
        }
        assertThat(AuditPayload.encode(decision[0], decision[1], rules)[0]).isEqualTo((byte) AuditPayload.CURRENT);
    }

    @Test
    void aDamagedOrUnknownPayloadIsAnErrorNotAWrongAnswer() {
        byte[] payload = AuditPayload.encode("{\"a\":1}", "{\"b\":2}", List.of("r"));
        byte[] cut = java.util.Arrays.copyOf(payload, payload.length - 2);
        assertThatThrownBy(() -> AuditPayload.decode(cut)).isInstanceOf(IllegalStateException.class);
        byte[] unknown = payload.clone();
        unknown[0] = 99;
        assertThatThrownBy(() -> AuditPayload.decode(unknown)).hasMessageContaining("unknown audit payload format 99");
    }
}
