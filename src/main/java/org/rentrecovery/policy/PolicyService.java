package org.rentrecovery.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Opens the policy store at startup (PostgreSQL when {@code quarkus.datasource.jdbc.url} is set,
 * the same rule as the decision audit; otherwise files under {@code rentrecovery.policy.directory}),
 * seeds it on a fresh start, hands the timeline to the engine and, with PostgreSQL, polls for
 * changes made by other replicas.
 */
@ApplicationScoped
public class PolicyService {
    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    private final Optional<String> jdbcUrl;
    private final String storeKind;
    private final Path directory;
    private final boolean freshDirectory;
    private final String schema;
    private final ZoneId zone;
    private final long maxModelBytes;
    private final String seedVersion;
    private final Instance<AgroalDataSource> dataSource;
    private final PolicyEngineBridge engine;
    private volatile PolicyVersions versions;
    private volatile PostgresPolicyStore postgres;
    private volatile ReplicaPoll replicaPoll;

    @Inject
    public PolicyService(@ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
            @ConfigProperty(name = "rentrecovery.policy.store", defaultValue = "auto") String storeKind,
            @ConfigProperty(name = "rentrecovery.policy.directory", defaultValue = "data/policy") Path directory,
            @ConfigProperty(name = "rentrecovery.policy.fresh-directory", defaultValue = "false") boolean freshDirectory,
            @ConfigProperty(name = "rentrecovery.policy.schema", defaultValue = "public") String schema,
            @ConfigProperty(name = "rentrecovery.policy.zone", defaultValue = "Europe/London") ZoneId zone,
            @ConfigProperty(name = "rentrecovery.policy.max-model-bytes", defaultValue = "5242880") long maxModelBytes,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String seedVersion,
            Instance<AgroalDataSource> dataSource, PolicyEngineBridge engine) {
        this.jdbcUrl = jdbcUrl.filter(url -> !url.isBlank());
        this.storeKind = storeKind;
        this.directory = directory;
        this.freshDirectory = freshDirectory;
        this.schema = schema;
        this.zone = zone;
        this.maxModelBytes = maxModelBytes;
        this.seedVersion = seedVersion;
        this.dataSource = dataSource;
        this.engine = engine;
    }

    void onStart(@Observes StartupEvent event) {
        PolicyVersions opened = versions();
        LOG.infof("Policy versions: %s; in force today: %s; decisions use: %s", opened.describeStore(),
                opened.state().inForce(opened.today()).orElse("none"), engine.installed().stream()
                        .map(entry -> entry.versionId() + (entry.effectiveFrom().equals(java.time.LocalDate.MIN) ? ""
                                : " from " + entry.effectiveFrom()))
                        .toList());
    }

    /** The lifecycle, opened on first use. */
    public PolicyVersions versions() {
        PolicyVersions current = versions;
        if (current == null) {
            synchronized (this) {
                if (versions == null) {
                    versions = open();
                    engine.catalogue(versions);
                    engine.install(versions);
                    PolicyVersions opened = versions;
                    if (postgres != null) {
                        replicaPoll = new ReplicaPoll(postgres, opened.state().revision(), () -> engine.install(opened));
                    }
                }
                current = versions;
            }
        }
        return current;
    }

    private PolicyVersions open() {
        PolicyStore store = switch (storeKind) {
            case "postgresql" -> postgresStore(jdbcUrl.orElseThrow(() -> new IllegalStateException(
                    "rentrecovery.policy.store=postgresql needs quarkus.datasource.jdbc.url")));
            case "embedded" -> embeddedStore();
            case "auto" -> jdbcUrl.isPresent() ? postgresStore(jdbcUrl.get()) : embeddedStore();
            default -> throw new IllegalStateException(
                    "rentrecovery.policy.store must be auto, postgresql or embedded; was " + storeKind);
        };
        PolicyVersions opened = new PolicyVersions(store, engine.compiler(), Clock.systemUTC(), zone, maxModelBytes,
                state -> installIfOpen());
        opened.seedIfEmpty(seedVersion, PolicyEngineBridge.seedModels());
        try {
            opened.upgradeContract(ContractUpgrade.released(), PolicyContract.CURRENT);
        } catch (RuntimeException e) {
            LOG.errorf("Policy contract upgrade failed, the version in force stays as it is (and is left out if this "
                    + "release cannot use it): %s", e.getMessage());
        }
        return opened;
    }

    /** While the store is being opened, its first install is still to come (see {@link #versions()}). */
    private void installIfOpen() {
        PolicyVersions opened = versions;
        if (opened != null) {
            engine.install(opened);
        }
    }

    private PolicyStore postgresStore(String url) {
        PostgresPolicyStore store = new PostgresPolicyStore(dataSource.get(), schema, url);
        store.migrate();
        postgres = store;
        return store;
    }

    private PolicyStore embeddedStore() {
        Path dir = directory;
        if (freshDirectory) {
            try {
                Files.createDirectories(directory);
                dir = Files.createTempDirectory(directory, "store-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new EmbeddedPolicyStore(dir);
    }

    /**
     * With PostgreSQL, other replicas change the store: a cheap revision query every interval, and
     * a reload and re-install of the timeline when it moved.
     */
    @Scheduled(every = "{rentrecovery.policy.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pollForChanges() {
        ReplicaPoll poll = replicaPoll;
        if (poll == null) {
            return;
        }
        try {
            if (poll.pollOnce()) {
                LOG.infof("Policy store changed: timeline installed; decisions use: %s",
                        engine.installed().stream().map(entry -> entry.versionId()).toList());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Policy store poll failed, will retry: %s", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        // The stores hold nothing open between calls.
    }

    public long maxModelBytes() {
        return maxModelBytes;
    }

    /** For tests and the diagnostics: the seed's relative paths. */
    List<String> seedPaths() {
        return List.copyOf(PolicyEngineBridge.seedModels().keySet());
    }

    Map<String, byte[]> seedModels() {
        return PolicyEngineBridge.seedModels();
    }
}
