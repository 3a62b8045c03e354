package org.rentrecovery.scenarios;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rentrecovery.benefitcap.BenefitCapAssessment;
import org.rentrecovery.benefitcap.BenefitCapResource;
import org.rentrecovery.casefacts.CaseFactsReader;
import org.rentrecovery.decision.DecisionResource;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.decision.PolicyVersionInfo;
import org.rentrecovery.engine.PolicyModels;

/**
 * The scenario engine inside the service, over the container's decision service: used by the
 * command line and by POST /api/scenarios/run. Stored suites live in {@code rentrecovery.scenarios.directory}.
 */
@ApplicationScoped
public class ScenarioRunner {
    private final ScenarioEngine engine;
    private final Path directory;
    private volatile RuleUniverse universe;

    @Inject
    public ScenarioRunner(CaseFactsReader reader, DecisionService decisions, BenefitCapAssessment benefitCap,
            PolicyVersionInfo version, PolicyModels policies,
            @ConfigProperty(name = "rentrecovery.scenarios.directory", defaultValue = "test-scenarios") String directory) {
        // The resources are built over the container's beans, as for the decision resource, so a scenario runs the
        // endpoint's own method without going through HTTP.
        this.engine = new ScenarioEngine(ScenarioTargets.of(new DecisionResource(reader, decisions),
                new BenefitCapResource(reader, benefitCap, version, policies)), this::universe);
        this.directory = Path.of(directory);
    }

    public ScenarioEngine engine() {
        return engine;
    }

    /** Where stored suites are read from (relative to the working directory unless absolute). */
    public Path directory() {
        return directory;
    }

    /** Discovered once, on first use: the DMN models and DRL files the build packaged. */
    public RuleUniverse universe() {
        RuleUniverse found = universe;
        if (found == null) {
            synchronized (this) {
                if (universe == null) {
                    universe = RuleUniverse.discover();
                }
                found = universe;
            }
        }
        return found;
    }
}
