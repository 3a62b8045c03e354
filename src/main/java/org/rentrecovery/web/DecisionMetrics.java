package org.rentrecovery.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import org.rentrecovery.benefitcap.BenefitCapDecision;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.decision.EscalationDecision;

/**
 * Prometheus metrics (GET /q/metrics) beyond Quarkus' own: decisions by endpoint, next action and
 * the policy version that answered (its rate shows which version is in force), steps the law held
 * back by guard, and latency histograms for every HTTP endpoint (http_server_requests_seconds_bucket).
 */
@ApplicationScoped
public class DecisionMetrics {
    private final MeterRegistry registry;

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerResponseFilter
    public void countDecision(ContainerRequestContext request, ContainerResponseContext response) {
        // The decision endpoints' answers (next-action, escalation, routing, write-off); benefit-cap has its own resource.
        if (response.getStatus() != 200 || !(response.getEntity() instanceof DecisionAnswer answer) || answer instanceof BenefitCapDecision) {
            return;
        }
        Decision.NextAction next = answer instanceof Decision d ? d.nextAction() : answer instanceof EscalationDecision e ? e.nextAction() : null;
        List<Decision.BlockedAction> blockedActions = answer instanceof Decision d ? d.blockedActions()
                : answer instanceof EscalationDecision e ? e.blockedActions() : null;
        String endpoint = request.getUriInfo().getPath();
        String nextAction = next == null || next.type() == null ? "NONE" : next.type().name();
        String policy = answer.policy() == null ? "unknown" : answer.policy().version();
        registry.counter("rentrecovery.decisions", "endpoint", endpoint, "next_action", nextAction, "policy_version", policy)
                .increment();
        if (blockedActions != null) {
            for (Decision.BlockedAction blocked : blockedActions) {
                for (Decision.Block block : blocked.blockedBy()) {
                    registry.counter("rentrecovery.decisions.blocked", "endpoint", endpoint, "guard", block.guard()).increment();
                }
            }
        }
    }

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().startsWith("http.server.requests")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }
}
