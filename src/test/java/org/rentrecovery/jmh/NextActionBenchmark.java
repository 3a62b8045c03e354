package org.rentrecovery.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.support.Scenarios;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * In-process full next-action decisions per second on one thread (docs/benchmarks.md): the case of
 * bench/secure-notice-case.json read, decided and written as JSON, exactly the work of the endpoint without HTTP
 * and the audit. Run with {@code ./mvnw -Pjmh -Dworkbench.skip test-compile exec:exec} (profile jmh in pom.xml).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class NextActionBenchmark {
    private byte[] body;
    private CaseFacts facts;
    private CaseFactsReader reader;
    private DecisionService decisions;
    private ObjectMapper mapper;

    @Setup
    public void setUp() throws IOException {
        ServiceLogLevels.apply();
        body = Files.readAllBytes(Path.of("bench/secure-notice-case.json"));
        mapper = Scenarios.mapper();
        reader = Scenarios.reader();
        decisions = TestCases.decisions();
        facts = reader.read(body);
    }

    /** Read, decide and write the answer: what next-action does per request. */
    @Benchmark
    public byte[] readDecideWrite() throws IOException {
        return mapper.writeValueAsBytes(decisions.decide(reader.read(body)));
    }

    /** The decision alone, from facts already read. */
    @Benchmark
    public Decision decide() {
        return decisions.decide(facts);
    }
}
