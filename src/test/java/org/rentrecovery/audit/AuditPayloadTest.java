package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    static List<String[]> decisions() throws Exception {
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
        UUID id = UUID.randomUUID();
        AuditPayload.Content back = AuditPayload.decode(AuditPayload.encode(id, request, response, rules), id);
        assertThat(back.requestJson()).isEqualTo(request);
        assertThat(back.responseJson()).isEqualTo(response);
        assertThat(back.rulesFired()).containsExactlyElementsOf(rules);
        assertThat(AuditPayload.decode(AuditPayload.encode(id, "{}", "{}", List.of()), id).rulesFired()).isEmpty();
    }

    @Test
    void realDecisionsRoundTripAndTakeAFractionOfTheirTextsSize() throws Exception {
        long raw = 0;
        long stored = 0;
        for (String[] d : decisions()) {
            List<String> rules = List.of("facts#arrears", "EscalationStep/letter-1");
            UUID id = decisionIdOf(d[1]);
            byte[] payload = AuditPayload.encode(id, d[0], d[1], rules);
            AuditPayload.Content back = AuditPayload.decode(payload, id);
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
        UUID id = decisionIdOf(decision[1]);
        for (int dictionary = 1; dictionary <= AuditPayload.CURRENT; dictionary++) {
            byte[] payload = AuditPayload.encode(dictionary, id, decision[0], decision[1], rules);
            assertThat(payload[0]).isEqualTo((byte) dictionary);
            AuditPayload.Content back = AuditPayload.decode(payload, id);
            assertThat(back.requestJson()).isEqualTo(decision[0]);
            assertThat(back.responseJson()).isEqualTo(decision[1]);
            assertThat(back.rulesFired()).isEqualTo(rules);
        }
        assertThat(AuditPayload.encode(id, decision[0], decision[1], rules)[0]).isEqualTo((byte) AuditPayload.CURRENT);
    }

    @Test
    void theAnswersDecisionIdIsStoredOnceInTheRecordsColumnAndPutBackExactly() throws Exception {
        String[] decision = decisions().get(7);
        UUID id = decisionIdOf(decision[1]);
        List<String> rules = List.of("facts#arrears");
        byte[] payload = AuditPayload.encode(id, decision[0], decision[1], rules);
        assertThat(payload[1]).isEqualTo((byte) AuditPayload.DECISION_ID_ELIDED);
        AuditPayload.Content back = AuditPayload.decode(payload, id);
        assertThat(back.responseJson()).isEqualTo(decision[1]);
        assertThat(back.requestJson()).isEqualTo(decision[0]);
        // A random id does not compress: leaving it out is most of the difference between the two forms.
        int withId = AuditPayload.encode(id, decision[0], decision[1].replace(id.toString(), id.toString().toUpperCase()), rules).length;
        assertThat(payload.length).isLessThan(withId - 16);
        // The id of another record is not put into this answer: the payload cannot be read back as it was.
        assertThatThrownBy(() -> AuditPayload.decode(payload, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAnswerThatDoesNotHoldTheRecordsIdOrHoldsTheMarkerIsStoredAsItIs() {
        UUID id = UUID.randomUUID();
        for (String answer : List.of("{\"decisionId\":\"" + UUID.randomUUID() + "\",\"b\":2}",
                "{\"decisionId\":\"" + id + "\",\"odd\":\"\u0001\"}", "{\"decisionId\":null}", "{\"decisionId\":\"" + id + "x\"}",
                "{\"b\":2}")) {
            byte[] payload = AuditPayload.encode(id, "{}", answer, List.of());
            assertThat(payload[1]).as(answer).isZero();
            assertThat(AuditPayload.decode(payload, id).responseJson()).isEqualTo(answer);
        }
        String first = "{\"decisionId\":\"" + id + "\",\"earlier\":{\"decisionId\":\"" + id + "\"}}";
        assertThat(AuditPayload.decode(AuditPayload.encode(id, "{}", first, List.of()), id).responseJson()).isEqualTo(first);
    }

    @Test
    void reusedDeflatersAndInflatersGiveTheSameBytesAndTextsOnEveryThreadAndAfterADamagedPayload() throws Exception {
        List<String[]> all = decisions();
        List<String> rules = List.of("facts#arrears", "EscalationStep/letter-1");
        List<byte[]> first = new ArrayList<>();
        for (String[] d : all) {
            first.add(AuditPayload.encode(decisionIdOf(d[1]), d[0], d[1], rules));
        }
        // Left mid-stream by the damage: it must not carry its state into the next record it would read.
        byte[] damaged = java.util.Arrays.copyOf(first.get(0), 40);
        assertThatThrownBy(() -> AuditPayload.decode(damaged, decisionIdOf(all.get(0)[1]))).isInstanceOf(IllegalStateException.class);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int round = 0; round < 12; round++) {
                Callable<Integer> backwards = () -> {
                    for (int i = all.size() - 1; i >= 0; i--) {
                        UUID id = decisionIdOf(all.get(i)[1]);
                        byte[] again = AuditPayload.encode(id, all.get(i)[0], all.get(i)[1], rules);
                        assertThat(again).as("record %d", i).isEqualTo(first.get(i));
                        assertThat(AuditPayload.decode(again, id).responseJson()).isEqualTo(all.get(i)[1]);
                    }
                    return all.size();
                };
                rounds.add(threads.submit(backwards));
            }
            for (Future<Integer> round : rounds) {
                assertThat(round.get()).isEqualTo(all.size());
            }
        } finally {
            threads.shutdown();
        }
    }

    private static UUID decisionIdOf(String answer) throws Exception {
        return UUID.fromString(JSON.readTree(answer).get("decisionId").asText());
    }

    @Test
    void aDamagedOrUnknownPayloadIsAnErrorNotAWrongAnswer() {
        UUID id = UUID.randomUUID();
        byte[] payload = AuditPayload.encode(id, "{\"a\":1}", "{\"b\":2}", List.of("r"));
        byte[] cut = java.util.Arrays.copyOf(payload, payload.length - 2);
        assertThatThrownBy(() -> AuditPayload.decode(cut, id)).isInstanceOf(IllegalStateException.class);
        byte[] unknown = payload.clone();
        unknown[0] = 99;
        assertThatThrownBy(() -> AuditPayload.decode(unknown, id)).hasMessageContaining("unknown audit payload format 99");
        byte[] unknownFlags = payload.clone();
        unknownFlags[1] = 6;
        assertThatThrownBy(() -> AuditPayload.decode(unknownFlags, id)).hasMessageContaining("unknown audit payload flags 6");
    }
}
