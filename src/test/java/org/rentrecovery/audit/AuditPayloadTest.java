package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
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
        AuditPayload.Content back = AuditPayload.decode(AuditPayload.encode(AuditPayload.JOURNAL, id, request, response, rules), id);
        assertThat(back.requestJson()).isEqualTo(request);
        assertThat(back.responseJson()).isEqualTo(response);
        assertThat(back.rulesFired()).containsExactlyElementsOf(rules);
        assertThat(AuditPayload.decode(AuditPayload.encode(AuditPayload.JOURNAL, id, "{}", "{}", List.of()), id).rulesFired()).isEmpty();
    }

    @Test
    void realDecisionsRoundTripAndTakeAFractionOfTheirTextsSize() throws Exception {
        long raw = 0;
        long stored = 0;
        for (String[] d : decisions()) {
            List<String> rules = List.of("facts#arrears", "EscalationStep/letter-1");
            UUID id = decisionIdOf(d[1]);
            for (AuditPayload.Writing writing : List.of(AuditPayload.JOURNAL, AuditPayload.DATABASE)) {
                byte[] payload = AuditPayload.encode(writing, id, d[0], d[1], rules);
                AuditPayload.Content back = AuditPayload.decode(payload, id);
                assertThat(back.requestJson()).isEqualTo(d[0]);
                assertThat(back.responseJson()).isEqualTo(d[1]);
                assertThat(back.rulesFired()).isEqualTo(rules);
                raw += (d[0] + d[1]).getBytes(StandardCharsets.UTF_8).length;
                stored += payload.length;
            }
        }
        assertThat(stored * 4).as("compressed %d of %d bytes", stored, raw).isLessThan(raw);
    }

    /** The word-at-a-time check finds a byte below 0x20 wherever it is, and finds none among any other bytes. */
    @Test
    void theControlByteCheckAgreesWithAByteByByteSearch() {
        java.util.Random random = new java.util.Random(16);
        for (int length = 0; length <= 40; length++) {
            for (int trial = 0; trial < 300; trial++) {
                byte[] bytes = new byte[length];
                for (int i = 0; i < length; i++) {
                    // Mostly bytes at and above 0x20 (0x20, 0x7f, 0x80, 0xa0 and 0xff among them), a few below.
                    bytes[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(0x20) : 0x20 + random.nextInt(0xe0));
                }
                boolean any = false;
                for (byte b : bytes) {
                    any |= (b & 0xff) < 0x20;
                }
                assertThat(AuditPayload.hasControlByte(bytes)).as(java.util.Arrays.toString(bytes)).isEqualTo(any);
            }
        }
        for (int at = 0; at < 17; at++) {
            for (int value : new int[] {0x00, 0x01, 0x0a, 0x1f}) {
                byte[] bytes = new byte[17];
                java.util.Arrays.fill(bytes, (byte) 0xa0);
                bytes[at] = (byte) value;
                assertThat(AuditPayload.hasControlByte(bytes)).isTrue();
            }
        }
        assertThat(AuditPayload.hasControlByte("{\"a\":\"£ é ü\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    /** An answer holding a line break or the marker byte is refused or stored whole, as before the check was added. */
    @Test
    void anAnswerWithALineBreakIsRefusedAndOneWithTheMarkerKeepsItsId() {
        UUID id = UUID.randomUUID();
        String withBreak = "{\"decisionId\":\"" + id + "\",\"x\":\"a\nb\"}";
        assertThatThrownBy(() -> AuditPayload.encode(AuditPayload.JOURNAL, id, "{}", withBreak, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        String withMarker = "{\"decisionId\":\"" + id + "\",\"x\":\"a\u0001b\"}";
        byte[] payload = AuditPayload.encode(AuditPayload.JOURNAL, id, "{}", withMarker, List.of());
        assertThat(payload[1]).isEqualTo((byte) 0);
        assertThat(AuditPayload.decode(payload, id).responseJson()).isEqualTo(withMarker);
        String plain = "{\"decisionId\":\"" + id + "\",\"x\":\"ab\"}";
        assertThat(AuditPayload.encode(AuditPayload.JOURNAL, id, "{}", plain, List.of())[1]).isEqualTo((byte) AuditPayload.DECISION_ID_ELIDED);
    }

    @Test
    void bothStoresWriteZstdWhichStoresTheseAnswersInFewerBytesThanDeflateAtLevel9() throws Exception {
        List<String> rules = List.of("facts#arrears", "EscalationStep/letter-1");
        long zstd = 0;
        long deflateLevel9 = 0;
        for (String[] d : decisions()) {
            UUID id = decisionIdOf(d[1]);
            for (AuditPayload.Writing store : List.of(AuditPayload.DATABASE, AuditPayload.JOURNAL)) {
                byte[] stored = AuditPayload.encode(store, id, d[0], d[1], rules);
                assertThat(stored[0]).isEqualTo((byte) AuditPayload.CURRENT);
                assertThat(AuditPayload.decode(stored, id).responseJson()).isEqualTo(d[1]);
                zstd += stored.length;
            }
            deflateLevel9 += 2 * AuditPayload.encodeWith(3, java.util.zip.Deflater.BEST_COMPRESSION, id, d[0], d[1], rules).length;
        }
        assertThat(zstd).isLessThan(deflateLevel9);
    }

    /** A frame that claims a text far longer than any decision's is refused before anything that size is made. */
    @Test
    void aZstdPayloadClaimingAnAbsurdLengthIsRefused() {
        UUID id = UUID.randomUUID();
        byte[] payload = AuditPayload.encode(AuditPayload.JOURNAL, id, "{\"a\":1}", "{\"b\":2}", List.of("r"));
        // A magicless zstd frame starts with its frame header descriptor: 0xC0 says an 8-byte content size follows
        // (single segment), which is set here to 2^40.
        byte[] absurd = new byte[] {payload[0], payload[1], (byte) 0xE0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0};
        assertThatThrownBy(() -> AuditPayload.decode(absurd, id)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void recordsWrittenWithEveryEarlierDictionaryAreStillReadExactly() throws Exception {
        String[] decision = decisions().get(4);
        List<String> rules = List.of("facts#arrears", "EscalationStep/letter-1");
        UUID id = decisionIdOf(decision[1]);
        for (int dictionary = 1; dictionary <= AuditPayload.CURRENT; dictionary++) {
            byte[] payload = AuditPayload.encodeWith(dictionary, java.util.zip.Deflater.BEST_COMPRESSION, id, decision[0],
                    decision[1], rules);
            assertThat(payload[0]).isEqualTo((byte) dictionary);
            AuditPayload.Content back = AuditPayload.decode(payload, id);
            assertThat(back.requestJson()).isEqualTo(decision[0]);
            assertThat(back.responseJson()).isEqualTo(decision[1]);
            assertThat(back.rulesFired()).isEqualTo(rules);
        }
        assertThat(AuditPayload.encode(AuditPayload.JOURNAL, id, decision[0], decision[1], rules)[0]).isEqualTo((byte) AuditPayload.CURRENT);
    }

    /** The record whose payloads of earlier formats are kept as bytes below. */
    private static final UUID KEPT_ID = UUID.fromString("2f1c6d0e-8a43-4b7e-9d55-0c1f3a9b7e21");
    private static final String KEPT_REQUEST = "{\"caseRef\":\"HRA-000123\",\"asOf\":\"2026-11-23\",\"tenancy\":{\"type\":\"SECURE\","
            + "\"rentFrequency\":\"WEEKLY\",\"rentPerPeriod\":110.00},\"account\":{\"balance\":495.00}}";
    private static final String KEPT_ANSWER = "{\"decisionId\":\"" + KEPT_ID + "\",\"caseRef\":\"HRA-000123\",\"asOf\":\"2026-11-23\","
            + "\"escalation\":{\"step\":\"SERVE_NOTICE\",\"stage\":3,\"explanation\":\"Arrears are at least 4 weeks' rent, Letter 2 "
            + "was sent at least 7 days ago and no arrangement is being kept.\"},\"nextAction\":{\"type\":\"SERVE_NOSP\","
            + "\"owner\":\"STAGE_2_OFFICER\",\"dueBy\":\"2026-11-30\",\"reason\":\"Serve the notice this tenancy type "
            + "requires, on grounds the arrears support.\"}}";
    private static final List<String> KEPT_RULES = List.of("EscalationStep/serve-notice", "facts#arrears");

    /**
     * A payload exactly as the service wrote it before 2026-12-02 (dictionary 3, deflate level 9), kept as bytes: the
     * stores now deflate at lower levels, and what they wrote before must still read back as it was stored.
     */
    @Test
    void aPayloadWrittenAtLevel9BeforeTheLevelsChangedIsReadBackExactly() {
        byte[] writtenAtLevel9 = java.util.Base64.getDecoder().decode("AwFDXlvvEeSoa2AAbGYa41jMieccQ6LXuBtCr1fBtv7cxBK0C5HQ"
                + "slOCzsR+mJxrUBho1XOIpzPSilBjjMPkkFp78ErTBLnS1FHwAQ/+garSRFDDOq8EodJcISWxEqg7PR/WCENuSmUWI7Wm8J03B3Eq+OQlEtc"
                + "yIh2xBqxeIdUgZNUOuKEOjUEFkE0K0BVPxTqgoga6qAxl1BKaDIEurcXYoAIyXhdiNGp5AgA=");
        AuditPayload.Content back = readsBackAsTheKeptRecord(writtenAtLevel9);
        // Written again at the journal's level, the bytes differ (the level did change) and read back the same.
        byte[] now = AuditPayload.encode(AuditPayload.JOURNAL, KEPT_ID, KEPT_REQUEST, KEPT_ANSWER, KEPT_RULES);
        assertThat(now).isNotEqualTo(writtenAtLevel9);
        assertThat(AuditPayload.decode(now, KEPT_ID)).isEqualTo(back);
    }

    /**
     * zstd payloads exactly as the service wrote them when each format was introduced (5 on 2026-12-02, 6 on
     * 2026-12-06), kept as bytes: records in the stores depend on each {@code audit/dictionary-vN.zstd} as it is, so a
     * dictionary trained again must be added under a new number, never written over an old one (its payload would then
     * not read back).
     */
    @ParameterizedTest(name = "format {0}")
    @CsvSource({
            "5, BQFgUgG9AgAzQQNTmALZc2um216AwCGDF/xhGZZ9dg87gtCccz8ptCadb/1h9FagKBW6qs68yHP6vChIKvrUbx9WEKqE9KrN81T3iWACznXRwiqClBlrnJEFVTBy5VE=",
            "6, BgFgUgGFAgBoSFJBMTE0OTUuMDB9fRX8xHtSyI7ZMwZD0a/yQUJ98x65Z6NYVbnRlqVHcSMYN+re0KjRy96n2aBgr2hks7oAy4kmqyXMcY9A0LQfjrpjAg=="})
    void aZstdPayloadWrittenWhenItsFormatWasIntroducedIsReadBackExactly(int format, String keptBase64) {
        byte[] kept = java.util.Base64.getDecoder().decode(keptBase64);
        assertThat(kept[0]).isEqualTo((byte) format);
        readsBackAsTheKeptRecord(kept);
    }

    /**
     * Format 6's dictionary was trained on answers that cite the ladder's helper rows, which format 5's had never seen:
     * today's answers must take fewer bytes in it, or a new dictionary was not worth a format number. A request is stored
     * as the case system wrote it, so both forms count: compact (Jackson, JavaScript) and spaced as Python's
     * {@code json.dumps} writes it. (These few small requests are not enough to judge a dictionary by: a first format 6
     * dictionary, trained on spaced requests only, passed here and still stored a synthetic portfolio's compact requests
     * in more bytes than format 5 did; docs/benchmarks.md, "2026-12-06, afternoon", measures on thousands.)
     */
    @ParameterizedTest(name = "requests {0}")
    @ValueSource(booleans = {false, true})
    void theCurrentDictionaryStoresTodaysAnswersInFewerBytesThanTheOneBefore(boolean spaced) throws Exception {
        List<String> rules = List.of("facts#arrears", "EscalationStep/letter-1");
        BiFunction<UUID, String[], byte[]> current = (id, d) -> AuditPayload.encode(AuditPayload.DATABASE, id,
                requestAsWritten(d[0], spaced), d[1], rules);
        BiFunction<UUID, String[], byte[]> before = (id, d) -> AuditPayload.encodeWith(AuditPayload.CURRENT - 1,
                AuditPayload.DATABASE.level(), id, requestAsWritten(d[0], spaced), d[1], rules);
        assertThat(payloadBytesOfEveryDecision(current)).isLessThan(payloadBytesOfEveryDecision(before));
    }

    /** The request compact as given, or with a space after each colon and comma between JSON tokens. */
    private static String requestAsWritten(String compactRequest, boolean spaced) {
        if (!spaced) {
            return compactRequest;
        }
        try {
            return JSON.writer(new MinimalPrettyPrinter() {
                @Override
                public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
                    g.writeRaw(": ");
                }

                @Override
                public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
                    g.writeRaw(", ");
                }

                @Override
                public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
                    g.writeRaw(", ");
                }
            }).writeValueAsString(JSON.readTree(compactRequest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload bytes of {@link #decisions()}, each encoded from its decision id and its request and answer. */
    private static long payloadBytesOfEveryDecision(BiFunction<UUID, String[], byte[]> encoding) throws Exception {
        long total = 0;
        for (String[] decision : decisions()) {
            total += encoding.apply(decisionIdOf(decision[1]), decision).length;
        }
        return total;
    }

    /** Decodes a payload of the kept record, asserting it gives back that record's request, answer and rules exactly. */
    private static AuditPayload.Content readsBackAsTheKeptRecord(byte[] payload) {
        AuditPayload.Content back = AuditPayload.decode(payload, KEPT_ID);
        assertThat(back.requestJson()).isEqualTo(KEPT_REQUEST);
        assertThat(back.responseJson()).isEqualTo(KEPT_ANSWER);
        assertThat(back.rulesFired()).isEqualTo(KEPT_RULES);
        return back;
    }

    @Test
    void theAnswersDecisionIdIsStoredOnceInTheRecordsColumnAndPutBackExactly() throws Exception {
        String[] decision = decisions().get(7);
        UUID id = decisionIdOf(decision[1]);
        List<String> rules = List.of("facts#arrears");
        byte[] payload = AuditPayload.encode(AuditPayload.JOURNAL, id, decision[0], decision[1], rules);
        assertThat(payload[1]).isEqualTo((byte) AuditPayload.DECISION_ID_ELIDED);
        AuditPayload.Content back = AuditPayload.decode(payload, id);
        assertThat(back.responseJson()).isEqualTo(decision[1]);
        assertThat(back.requestJson()).isEqualTo(decision[0]);
        // A random id does not compress: leaving it out is most of the difference between the two forms.
        int withId = AuditPayload.encode(AuditPayload.JOURNAL, id, decision[0], decision[1].replace(id.toString(), id.toString().toUpperCase()), rules).length;
        assertThat(payload.length).isLessThan(withId - 16);
        // The id of another record is not put into this answer: the payload cannot be read back as it was.
        assertThatThrownBy(() -> AuditPayload.decode(payload, null)).isInstanceOf(IllegalStateException.class);
        // Text of more than one byte a character before the id: the id is still found in the answer's UTF-8 bytes.
        String afterText = "{\"note\":\"£ and € before it\",\"decisionId\":\"" + id + "\",\"b\":\"ü\"}";
        byte[] elided = AuditPayload.encode(AuditPayload.JOURNAL, id, "{}", afterText, rules);
        assertThat(elided[1]).isEqualTo((byte) AuditPayload.DECISION_ID_ELIDED);
        assertThat(AuditPayload.decode(elided, id).responseJson()).isEqualTo(afterText);
    }

    @Test
    void anAnswerThatDoesNotHoldTheRecordsIdOrHoldsTheMarkerIsStoredAsItIs() {
        UUID id = UUID.randomUUID();
        for (String answer : List.of("{\"decisionId\":\"" + UUID.randomUUID() + "\",\"b\":2}",
                "{\"decisionId\":\"" + id + "\",\"odd\":\"\u0001\"}", "{\"decisionId\":null}", "{\"decisionId\":\"" + id + "x\"}",
                "{\"b\":2}")) {
            byte[] payload = AuditPayload.encode(AuditPayload.JOURNAL, id, "{}", answer, List.of());
            assertThat(payload[1]).as(answer).isZero();
            assertThat(AuditPayload.decode(payload, id).responseJson()).isEqualTo(answer);
        }
        String first = "{\"decisionId\":\"" + id + "\",\"earlier\":{\"decisionId\":\"" + id + "\"}}";
        assertThat(AuditPayload.decode(AuditPayload.encode(AuditPayload.JOURNAL, id, "{}", first, List.of()), id).responseJson()).isEqualTo(first);
    }

    @Test
    void anAnswerGivenAsTheBytesItWasWrittenAsIsStoredAsTheSameAnswerGivenAsText() throws Exception {
        UUID id = UUID.randomUUID();
        List<String> answers = new ArrayList<>(List.of("{\"note\":\"£ and € before it\",\"decisionId\":\"" + id + "\",\"b\":\"ü\"}",
                "{\"decisionId\":\"" + id + "\",\"odd\":\"\u0001\"}", "{\"decisionId\":\"" + id + "x\"}", "{\"b\":2}"));
        String[] decision = decisions().get(7);
        answers.add(decision[1]);
        for (String answer : answers) {
            UUID recordId = answer.equals(decision[1]) ? decisionIdOf(decision[1]) : id;
            byte[] fromText = AuditPayload.encode(AuditPayload.JOURNAL, recordId, "{}", answer, List.of("r"));
            AnswerText written = AnswerText.ofUtf8(answer.getBytes(StandardCharsets.UTF_8));
            assertThat(AuditPayload.encode(AuditPayload.JOURNAL, recordId, "{}", written, List.of("r"))).as(answer)
                    .isEqualTo(fromText);
            assertThat(written).isEqualTo(AnswerText.of(answer)).hasSameHashCodeAs(AnswerText.of(answer));
            assertThat(written.text()).isEqualTo(answer);
        }
        assertThatThrownBy(() -> AuditPayload.encode(AuditPayload.JOURNAL, id, "{}",
                AnswerText.ofUtf8("{\"a\":\n1}".getBytes(StandardCharsets.UTF_8)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reusedDeflatersAndInflatersGiveTheSameBytesAndTextsOnEveryThreadAndAfterADamagedPayload() throws Exception {
        List<String[]> all = decisions();
        List<String> rules = List.of("facts#arrears", "EscalationStep/letter-1");
        List<byte[]> first = new ArrayList<>();
        for (String[] d : all) {
            first.add(AuditPayload.encode(AuditPayload.JOURNAL, decisionIdOf(d[1]), d[0], d[1], rules));
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
                        byte[] again = AuditPayload.encode(AuditPayload.JOURNAL, id, all.get(i)[0], all.get(i)[1], rules);
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
        byte[] payload = AuditPayload.encode(AuditPayload.JOURNAL, id, "{\"a\":1}", "{\"b\":2}", List.of("r"));
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
