package org.rentrecovery.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * One line of the journal: the same fields as a {@code decision_audit} row, named as in the API. The
 * request, answer and rules fired are one {@code payload}: the same compressed value as the PostgreSQL
 * row's ({@link AuditPayload}, about 700 bytes instead of about 8 KB), in base64 so the line stays one
 * line of JSON. Lines written before that (the request and answer embedded as JSON, the rules as a
 * list) are still read as they were.
 */
@JsonPropertyOrder({"decisionId", "caseRef", "endpoint", "decidedAt", "asOf", "policyVersion", "policyBuild",
        "evaluationMicros", "runId", "payload", "rulesFired", "request", "response"})
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
record JournalLine(
        UUID decisionId,
        String caseRef,
        String endpoint,
        OffsetDateTime decidedAt,
        LocalDate asOf,
        String policyVersion,
        String policyBuild,
        long evaluationMicros,
        UUID runId,
        String payload,
        List<String> rulesFired,
        @JsonRawValue @JsonDeserialize(using = RawJson.class) String request,
        @JsonRawValue @JsonDeserialize(using = RawJson.class) String response) {

    static JournalLine of(AuditRecord r) {
        String payload = Base64.getEncoder()
                .encodeToString(AuditPayload.encode(AuditPayload.JOURNAL, r.decisionId(), r.requestJson(), r.responseJson(),
                    r.rulesFired()));
        return new JournalLine(r.decisionId(), r.caseRef(), r.endpoint(), r.decidedAt(), r.asOf(), r.policyVersion(),
                r.policyBuild(), r.evaluationMicros(), r.runId(), payload, null, null, null);
    }

    AuditRecord toRecord() {
        if (payload == null) {
            return new AuditRecord(decisionId, caseRef, endpoint, decidedAt, asOf, policyVersion, policyBuild,
                    evaluationMicros, rulesFired == null ? List.of() : rulesFired, request, response, runId);
        }
        byte[] stored;
        try {
            stored = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            // the line itself is whole (it parsed), so this record alone is unreadable, as when its payload does not decode
            throw new UnreadableAuditRecordException(decisionId, caseRef,
                    new IllegalStateException("its payload is not base64", e));
        }
        AuditPayload.Content content = AuditPayload.decodeRecord(stored, 0, stored.length, decisionId, caseRef);
        return new AuditRecord(decisionId, caseRef, endpoint, decidedAt, asOf, policyVersion, policyBuild,
                evaluationMicros, content.rulesFired(), content.requestJson(), content.responseJson(), runId);
    }

    /**
     * Reads an embedded JSON value back into its text token by token, numbers copied as written, so
     * that 150.00 stays 150.00 (a JSON tree would normalise it to 150).
     */
    static final class RawJson extends JsonDeserializer<String> {
        private static final JsonFactory FACTORY = new JsonFactory();

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            StringWriter text = new StringWriter();
            try (JsonGenerator out = FACTORY.createGenerator(text)) {
                int depth = 0;
                do {
                    JsonToken token = parser.currentToken();
                    switch (token) {
                        case START_OBJECT -> { out.writeStartObject(); depth++; }
                        case END_OBJECT -> { out.writeEndObject(); depth--; }
                        case START_ARRAY -> { out.writeStartArray(); depth++; }
                        case END_ARRAY -> { out.writeEndArray(); depth--; }
                        case FIELD_NAME -> out.writeFieldName(parser.currentName());
                        case VALUE_STRING -> out.writeString(parser.getText());
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeNumber(parser.getText());
                        case VALUE_TRUE -> out.writeBoolean(true);
                        case VALUE_FALSE -> out.writeBoolean(false);
                        case VALUE_NULL -> out.writeNull();
                        default -> throw new IOException("unexpected " + token + " in an embedded JSON value");
                    }
                } while (depth > 0 && parser.nextToken() != null);
            }
            return text.toString();
        }
    }
}
