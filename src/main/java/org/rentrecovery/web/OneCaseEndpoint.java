package org.rentrecovery.web;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.decision.DecisionService;

/**
 * The endpoints that take one case as a JSON body and answer one decision: their path, the name their decisions are
 * recorded under, and what decides them. One table, so the body reader ({@link DecisionBodies}), the direct route
 * ({@link DirectDecisionRoutes}) and the resource methods cannot disagree on which paths these are.
 */
enum OneCaseEndpoint {
    NEXT_ACTION("next-action", DecisionService::decide),
    ESCALATION("escalation", DecisionService::decideEscalation),
    ROUTING("routing", DecisionService::decideRouting),
    WRITE_OFF("write-off", DecisionService::decideWriteOff),
    BENEFIT_CAP("benefit-cap", DecisionService::decideBenefitCap);

    static final Map<String, OneCaseEndpoint> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(OneCaseEndpoint::path, endpoint -> endpoint));

    private final String recordedAs;
    private final String path;
    private final BiFunction<DecisionService, CaseFacts, ? extends DecisionAnswer> decide;

    OneCaseEndpoint(String recordedAs, BiFunction<DecisionService, CaseFacts, ? extends DecisionAnswer> decide) {
        this.recordedAs = recordedAs;
        this.path = "/api/decisions/" + recordedAs;
        this.decide = decide;
    }

    /** The endpoint's name in the audit, its metrics and its path's last segment. */
    String recordedAs() {
        return recordedAs;
    }

    String path() {
        return path;
    }

    DecisionAnswer decide(DecisionService decisions, CaseFacts facts) {
        return decide.apply(decisions, facts);
    }
}
