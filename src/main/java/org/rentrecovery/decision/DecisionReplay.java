package org.rentrecovery.decision;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.audit.AuditRecord;
import org.rentrecovery.audit.DecisionAudit;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.contract.PolicyVersion;

/**
 * Re-evaluates a recorded decision: its request as recorded, under the policy version it was
 * decided with, through the same decision method as its endpoint; then compares the answer with
 * the recorded one. What differs by nature between two runs (the decision id, when it was decided
 * and the build) is not compared; everything else must be equal for the answer to be identical.
 */
@ApplicationScoped
public class DecisionReplay {
    /** The answer's fields that differ between any two runs of the same decision. */
    private static final List<String> PER_RUN = List.of("decisionId", "decidedAt");
    private static final int MAX_DIFFERENCES = 50;

    private final DecisionAudit audit;
    private final CaseFactsReader reader;
    private final DecisionService decisions;
    private final ObjectMapper mapper;

    @Inject
    public DecisionReplay(DecisionAudit audit, CaseFactsReader reader, DecisionService decisions, ObjectMapper mapper) {
        this.audit = audit;
        this.reader = reader;
        this.decisions = decisions;
        this.mapper = mapper;
    }

    /** One place where the replayed answer differs from the recorded one (a JSON pointer). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReplayDifference", description = "One place where the replayed answer differs from the recorded one")
    public record Difference(
            @Schema(description = "JSON pointer into the answer, e.g. /nextAction/type") String path,
            @Schema(description = "The recorded value there (absent: the recorded answer has none)") JsonNode recorded,
            @Schema(description = "The replayed value there (absent: the replayed answer has none)") JsonNode replayed) {
    }

    /**
     * @param identical   true when the replayed answer equals the recorded one, apart from decisionId,
     *                    decidedAt and policy.build
     * @param sameBuild   whether this build is the one that made the recorded decision
     */
    @Schema(name = "Replay", description = "A recorded decision made again under its recorded policy version, and the comparison")
    public record Replay(
            @Schema(description = "The recorded decision's id") String decisionId,
            @Schema(description = "The endpoint that answered it, e.g. next-action") String endpoint,
            @Schema(description = "Its case reference") String caseRef,
            @Schema(description = "The date it was made for") java.time.LocalDate asOf,
            @Schema(description = "The policy version it was made and replayed under") String policyVersion,
            @Schema(description = "The policy version and build recorded with it") PolicyVersion recordedPolicy,
            @Schema(description = "The policy version and build of the replay") PolicyVersion replayedPolicy,
            @Schema(description = "True when the answers are equal apart from decisionId, decidedAt and policy.build") boolean identical,
            @Schema(description = "Whether this service's build is the one that made the recorded decision") boolean sameBuild,
            @Schema(description = "Each difference, as a JSON pointer with both values (at most 50)") List<Difference> differences,
            @Schema(description = "The replayed answer in full") JsonNode replayed) {
    }

    /** Empty when no decision with this id is recorded. */
    public Optional<Replay> replay(UUID decisionId) {
        return audit.find(decisionId).map(this::replay);
    }

    Replay replay(AuditRecord record) {
        CaseFacts facts = reader.read(record.requestJson().getBytes(StandardCharsets.UTF_8))
                .withPolicyVersion(record.policyVersion());
        Object answer = switch (record.endpoint()) {
            case "escalation" -> decisions.decideEscalation(facts);
            case "routing" -> decisions.decideRouting(facts);
            case "write-off" -> decisions.decideWriteOff(facts);
            case "benefit-cap" -> decisions.decideBenefitCap(facts);
            default -> decisions.decide(facts); // next-action, and the batch and portfolio runs that use it
        };
        JsonNode recorded;
        JsonNode replayed;
        try {
            recorded = mapper.readTree(record.responseJson());
            replayed = mapper.readTree(mapper.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded decision " + record.decisionId() + " cannot be compared: " + e.getMessage(), e);
        }
        PolicyVersion recordedPolicy = new PolicyVersion(record.policyVersion(), record.policyBuild());
        PolicyVersion replayedPolicy = mapper.convertValue(replayed.path("policy"), PolicyVersion.class);
        List<Difference> differences = new ArrayList<>();
        compare("", comparable(recorded), comparable(replayed), differences);
        return new Replay(record.decisionId().toString(), record.endpoint(), record.caseRef(), record.asOf(),
                record.policyVersion(), recordedPolicy, replayedPolicy, differences.isEmpty(),
                java.util.Objects.equals(record.policyBuild(), replayedPolicy == null ? null : replayedPolicy.build()),
                differences, replayed);
    }

    private static JsonNode comparable(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        if (copy instanceof ObjectNode object) {
            PER_RUN.forEach(object::remove);
            if (object.get("policy") instanceof ObjectNode policy) {
                policy.remove("build");
            }
        }
        return copy;
    }

    private static void compare(String path, JsonNode recorded, JsonNode replayed, List<Difference> out) {
        if (out.size() >= MAX_DIFFERENCES || recorded.equals(replayed)) {
            return;
        }
        if (recorded.isObject() && replayed.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            recorded.fieldNames().forEachRemaining(names::add);
            replayed.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path + "/" + name, recorded.path(name), replayed.path(name), out);
            }
            return;
        }
        if (recorded.isArray() && replayed.isArray() && recorded.size() == replayed.size()) {
            Iterator<JsonNode> a = recorded.elements();
            Iterator<JsonNode> b = replayed.elements();
            for (int i = 0; a.hasNext(); i++) {
                compare(path + "/" + i, a.next(), b.next(), out);
            }
            return;
        }
        out.add(new Difference(path.isEmpty() ? "/" : path, recorded.isMissingNode() ? null : recorded,
                replayed.isMissingNode() ? null : replayed));
    }
}
