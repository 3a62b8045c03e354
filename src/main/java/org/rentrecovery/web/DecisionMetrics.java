package org.rentrecovery.web;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.decision.DecisionMeters;

/**
 * Prometheus metrics (GET /q/metrics) beyond Quarkus' own: every decision answered over HTTP is
 * counted by {@link DecisionMeters} (endpoint, next action, policy version, guards), and every HTTP
 * endpoint keeps a latency histogram (http_server_requests_seconds_bucket).
 */
@ApplicationScoped
public class DecisionMetrics {
    /** A path segment that is an id (a decision or run UUID): named {id} in the tag, so tags stay few. */
    private static final java.util.regex.Pattern ID_SEGMENT = java.util.regex.Pattern.compile(
            "/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");

    private static final int ID_SEGMENT_LENGTH = 36;

    private final DecisionMeters meters;

    public DecisionMetrics(DecisionMeters meters) {
        this.meters = meters;
    }

    @ServerResponseFilter
    public void countDecision(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 200 && response.getEntity() instanceof DecisionAnswer answer) {
            meters.count(endpointTag(request.getUriInfo().getPath()), answer);
        }
    }

    static String endpointTag(String path) {
        // A path shorter than one id segment ("/" and 36 characters) holds none: next-action is not searched per request.
        return path.length() <= ID_SEGMENT_LENGTH ? path : ID_SEGMENT.matcher(path).replaceAll("/{id}");
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
