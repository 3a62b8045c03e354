package org.rentrecovery.web;


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

import org.rentrecovery.decision.Decision;

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
        if (response.getStatus() == 200 && response.getEntity() instanceof Decision decision) {
            String endpoint = request.getUriInfo().getPath();
            String nextAction = decision.nextAction() == null || decision.nextAction().type() == null ? "NONE"
                    : decision.nextAction().type().name();
            String policy = decision.policy() == null ? "unknown" : decision.policy().version();
            registry.counter("rentrecovery.decisions", "endpoint", endpoint, "next_action", nextAction, "policy_version", policy)
                    .increment();
            if (decision.blockedActions() != null) {
                for (Decision.BlockedAction blocked : decision.blockedActions()) {
                    for (Decision.Block block : blocked.blockedBy()) {
                        registry.counter("rentrecovery.decisions.blocked", "endpoint", endpoint, "guard", block.guard()).increment();
                    }
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
