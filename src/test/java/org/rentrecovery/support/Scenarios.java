package org.rentrecovery.support;

import java.nio.file.Path;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.contract.StrictJson;
import org.rentrecovery.scenarios.RuleUniverse;
import org.rentrecovery.scenarios.ScenarioEngine;
import org.rentrecovery.scenarios.ScenarioTargets;

/**
 * The scenario engine outside a container, over the same decision service TestCases builds: what
 * {@code mvn test} runs the suites in test-scenarios/ with.
 */
public final class Scenarios {
    public static final Path SUITES = Path.of("test-scenarios");
    /** The head of a one-off suite written by a test: a weekly secure tenancy 1 week behind; scenarios follow. */
    public static final String PROBE_SUITE_HEADER = """
            suite: probe
            defaults:
              given:
                caseRef: X
                asOf: 2026-11-23
                tenancy: {type: SECURE, rentFrequency: WEEKLY, rentPerPeriod: 100.00}
                account: {balance: 100.00}
            scenarios:
            """;

    private static ScenarioEngine engine;
    private static RuleUniverse universe;

    private Scenarios() {
    }

    public static synchronized ScenarioEngine engine() {
        if (engine == null) {
            engine = new ScenarioEngine(ScenarioTargets.of(reader(), TestCases.decisions()), Scenarios::universe);
        }
        return engine;
    }

    /** The JSON mapper the service runs with (Quarkus's, customised by StrictJson). */
    public static ObjectMapper mapper() {
        return StrictJson.configure(new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    /** Reads a case as the endpoints do, outside the container. */
    public static CaseFactsReader reader() {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        return new CaseFactsReader(mapper(), validator);
    }

    public static synchronized RuleUniverse universe() {
        if (universe == null) {
            universe = RuleUniverse.discover();
        }
        return universe;
    }
}
