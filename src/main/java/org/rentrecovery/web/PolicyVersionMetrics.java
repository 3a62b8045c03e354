package org.rentrecovery.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.TimelineEntry;

/**
 * {@code rentrecovery_policy_active{version, effective_from}}: one series per version on the policy
 * timeline, 1 for the version in force today and 0 for the others (a version activated from a later
 * date shows as 0 until its day). Alert on {@code sum(rentrecovery_policy_active) != 1}, or on two
 * replicas answering with different versions. The value is read at every scrape; the set of versions
 * is refreshed every few seconds, so a new activation appears within that time.
 */
@ApplicationScoped
public class PolicyVersionMetrics {
    private final PolicyModels models;
    private final ZoneId zone;
    private final MultiGauge active;

    public PolicyVersionMetrics(PolicyModels models, MeterRegistry registry,
            @ConfigProperty(name = "rentrecovery.policy.zone", defaultValue = "Europe/London") ZoneId zone) {
        this.models = models;
        this.zone = zone;
        this.active = MultiGauge.builder("rentrecovery.policy.active")
                .description("1 for the policy version in force today, 0 for the other versions on the timeline")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        List<TimelineEntry> timeline = models.timeline();
        active.register(timeline.stream()
                .<MultiGauge.Row<?>>map(entry -> MultiGauge.Row.of(Tags.of("version", entry.versionId(), "effective_from", entry.effectiveFrom().toString()),
                        () -> inForceToday(entry)))
                .toList(), true);
    }

    private double inForceToday(TimelineEntry entry) {
        try {
            TimelineEntry today = models.entryFor(LocalDate.now(zone));
            return today.versionId().equals(entry.versionId()) && today.effectiveFrom().equals(entry.effectiveFrom()) ? 1 : 0;
        } catch (RuntimeException e) {
            return 0; // no policy in force (readiness says so too)
        }
    }
}
