package org.rentrecovery.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.rentrecovery.benefitcap.BenefitCapDecision;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.worklist.WorklistEntry;
import org.rentrecovery.worklist.WorklistPriority;
import org.rentrecovery.worklist.WorklistRow;
import org.rentrecovery.worklist.Worklists;

/**
 * What a scenario can call, by name: the same reader and decision methods the HTTP endpoints run, so a
 * scenario sees exactly the answer a case system gets. A new endpoint joins with one {@link #with} call.
 */
public final class ScenarioTargets {
    public static final String DEFAULT = "next-action";

    /** @param call takes the request body (JSON bytes) and returns the response object */
    public record Target(String name, Class<?> responseType, Function<byte[], Object> call) {
    }

    private final Map<String, Target> targets = new LinkedHashMap<>();

    /**
     * The decision endpoints: {@code next-action} (the default), {@code escalation}, {@code routing} and
     * {@code write-off} (POST /api/decisions/...: the full {@link Decision} or the endpoint's own part of it, whose
     * paths are checked against the full decision, so a suite may expect another part to be absent) and {@code benefit-cap}
     * (its own resource, answering a {@link BenefitCapDecision}, so its paths are checked against that), and
     * {@code worklist} (the case alone as a ranked worklist would show it on its asOf: score, band and components).
     */
    public static ScenarioTargets of(CaseFactsReader reader, DecisionService decisions) {
        return new ScenarioTargets()
                .with(DEFAULT, Decision.class, body -> decisions.decide(reader.read(body)))
                .with("escalation", Decision.class, body -> decisions.decideEscalation(reader.read(body)))
                .with("routing", Decision.class, body -> decisions.decideRouting(reader.read(body)))
                .with("write-off", Decision.class, body -> decisions.decideWriteOff(reader.read(body)))
                .with("benefit-cap", BenefitCapDecision.class, body -> decisions.decideBenefitCap(reader.read(body)))
                .with("worklist", WorklistRow.class, body -> {
                    CaseFacts facts = reader.read(body);
                    WorklistPriority priority = new WorklistPriority(decisions.policies());
                    return Worklists.one(WorklistEntry.of(facts, decisions.decide(facts)), facts.asOf(), priority,
                            decisions.modelsFor(facts));
                });
    }

    public ScenarioTargets with(String name, Class<?> responseType, Function<byte[], Object> call) {
        targets.put(name, new Target(name, responseType, call));
        return this;
    }

    public List<String> names() {
        return List.copyOf(targets.keySet());
    }

    public Class<?> responseType(String name) {
        return targets.get(name).responseType();
    }

    public Object call(String name, byte[] body) {
        return targets.get(name).call().apply(body);
    }
}
