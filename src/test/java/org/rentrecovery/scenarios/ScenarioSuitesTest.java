package org.rentrecovery.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rentrecovery.support.Scenarios;

/**
 * Every suite in test-scenarios/ as JUnit tests: one container per suite file, one test per
 * scenario, named after it and pointing at its line. A bad file is a failing test naming the line.
 */
class ScenarioSuitesTest {

    @TestFactory
    Stream<DynamicNode> scenarioSuites() {
        ScenarioEngine engine = Scenarios.engine();
        SuiteLoader.Loaded loaded = engine.loader().load(Scenarios.SUITES);
        Stream<DynamicNode> badFiles = loaded.badFiles().stream().map(bad -> DynamicTest.dynamicTest(
                "bad scenario file " + bad.file(), source(bad.file(), bad.line()), () -> fail(bad.toString())));
        Stream<DynamicNode> suites = loaded.suites().stream().filter(suite -> !suite.scenarios().isEmpty()
                && !suite.file().endsWith(SuiteLoader.DEFAULTS_SUFFIX)).map(suite -> DynamicContainer.dynamicContainer(
                        suite.name() + " (" + suite.file() + ")", source(suite.file(), 1),
                        suite.scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(),
                                source(scenario.file(), scenario.line()), () -> {
                                    ScenarioResult result = engine.run(scenario).result();
                                    if (!result.passed()) {
                                        fail(result.explain());
                                    }
                                }))));
        return Stream.concat(badFiles, suites);
    }

    private static URI source(String file, int line) {
        return URI.create(Path.of(file).toAbsolutePath().toUri() + (line > 0 ? "?line=" + line : ""));
    }
}
