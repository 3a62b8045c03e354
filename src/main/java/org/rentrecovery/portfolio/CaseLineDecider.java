package org.rentrecovery.portfolio;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;
import org.rentrecovery.audit.AuditUnavailableException;
import org.rentrecovery.audit.DecisionAudit;
import org.rentrecovery.contract.AnswerJson;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.decision.DecisionService;

/**
 * Decides one case given as one line of JSON, exactly as {@code POST /api/decisions/next-action}
 * would, and hands its record to the audit without waiting, so that a caller deciding many cases in
 * a row shares commits between them. A line that is not a valid case becomes a {@link LineProblem}
 * naming the line and each bad field; it never stops the caller.
 */
@ApplicationScoped
public class CaseLineDecider {
    private static final Logger LOG = Logger.getLogger(CaseLineDecider.class);

    private final CaseFactsReader reader;
    private final DecisionService decisions;
    private final DecisionAudit audit;
    private final ObjectMapper mapper;
    private final AnswerJson answers;

    @Inject
    public CaseLineDecider(CaseFactsReader reader, DecisionService decisions, DecisionAudit audit, ObjectMapper mapper,
            AnswerJson answers) {
        this.reader = reader;
        this.decisions = decisions;
        this.audit = audit;
        this.mapper = mapper;
        this.answers = answers;
    }

    /**
     * The answer for one line: the decision (its record on its way to the store), or a problem.
     *
     * @param answerJson the decision's answer as the UTF-8 JSON both the audit and the caller's output take; the audit
     *                   holds this very array, so no one may change it
     */
    public record Outcome(long line, Decision decision, byte[] answerJson, CompletableFuture<Void> recorded,
            LineProblem problem, CaseFacts facts) {
        public Outcome(long line, Decision decision, byte[] answerJson, CompletableFuture<Void> recorded, LineProblem problem) {
            this(line, decision, answerJson, recorded, problem, null);
        }

        public boolean decided() {
            return decision != null;
        }
    }

    /** Decides one line; {@code endpoint} names what asked and {@code runId} the portfolio run (or null), as in the audit record. */
    public Outcome decide(long line, byte[] json, String endpoint, UUID runId) {
        long started = System.nanoTime();
        CaseFacts facts;
        try {
            facts = reader.read(json);
        } catch (InvalidRequestException e) {
            String detail = e.errors().size() == 1 ? e.errors().get(0).field() + " " + e.errors().get(0).message()
                    : e.errors().size() + " fields are invalid: " + e.getMessage();
            return problem(line, Problem.badRequest(detail, e.errors()), caseRefOf(json));
        }
        try {
            Decision decision = decisions.decide(facts);
            byte[] answer = answers.writeBytes(decision);
            CompletableFuture<Void> recorded = audit.submit(endpoint, json, decision, answer, started, runId);
            return new Outcome(line, decision, answer, recorded, null, facts);
        } catch (AuditUnavailableException e) {
            return unrecorded(line, facts.caseRef(), e);
        } catch (InvalidRequestException e) {
            // a contradiction only found while deciding is still the case's fault, not the service's
            return problem(line, Problem.badRequest(e.getMessage(), e.errors()), facts.caseRef());
        } catch (JsonProcessingException | RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(org.rentrecovery.security.LogSafe.redacted(e), "Unexpected failure deciding line %d, incident %s", line, incident);
            return problem(line, Problem.of(500, "/problems/internal-error", "Internal error",
                    "The decision could not be made. Quote incident " + incident + " when reporting this."), facts.caseRef());
        }
    }

    /**
     * Waits until the outcome's record is durable and answers what may be released: the decision,
     * or, when it could not be recorded, a 503 problem in its place (an unrecorded decision is never answered).
     */
    public Outcome awaitRecorded(Outcome outcome) {
        if (!outcome.decided()) {
            return outcome;
        }
        try {
            audit.awaitDurable(outcome.recorded());
            return outcome;
        } catch (AuditUnavailableException e) {
            return unrecorded(outcome.line(), outcome.decision().caseRef(), e);
        }
    }

    private static Outcome unrecorded(long line, String caseRef, AuditUnavailableException e) {
        // Redacted: the cause is the driver's exception, whose message lists the refused row's values.
        LOG.debugf(org.rentrecovery.security.LogSafe.redacted(e), "Line %d answered 503: %s", line, e.getMessage());
        return problem(line, Problem.of(503, "/problems/audit-unavailable", "Decision audit unavailable",
                "The decision was not answered because it could not be recorded; send the line again."), caseRef);
    }

    private static Outcome problem(long line, Problem problem, String caseRef) {
        return new Outcome(line, null, null, null, LineProblem.of(problem, line, caseRef));
    }

    /** The case ref of a line that is not a valid case, when it is at least JSON with a textual caseRef. */
    private String caseRefOf(byte[] json) {
        try {
            JsonNode ref = mapper.readTree(json).path("caseRef");
            return ref.isTextual() && ref.asText().length() <= 64 ? ref.asText() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
