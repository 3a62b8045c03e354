package org.rentrecovery.jmh;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.rentrecovery.contract.CaseConsistency;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.support.Scenarios;

/**
 * The CPU time and the bytes one thread spends reading and validating a case, by the JVM's per-thread counters (see
 * {@link CpuPerDecision} for why not the wall clock), for each step alone and for the reader's whole path before and
 * after the constraint pre-check: "before" is Jackson, Hibernate Validator on every case and the cross-field rules, as
 * the reader ran them; "after" is {@code CaseFactsReader.read}, which asks Hibernate Validator only when the pre-check
 * is not sure. Each case file is one case a line (NDJSON) or one JSON document. Run with the jmh profile's class path:
 * {@code java -cp … org.rentrecovery.jmh.CaseValidationCost WARM_UP_PASSES ROUNDS FILE…}.
 */
public final class CaseValidationCost {
    private CaseValidationCost() {
    }

    public static void main(String[] args) throws IOException {
        int warmUpPasses = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        ServiceLogLevels.apply();
        ObjectMapper mapper = Scenarios.mapper();
        Validator validator = serviceLikeValidator();
        CaseFactsReader reader = new CaseFactsReader(mapper, validator);
        for (int f = 2; f < args.length; f++) {
            List<byte[]> bodies = bodies(Path.of(args[f]));
            List<CaseFacts> cases = new ArrayList<>();
            for (byte[] body : bodies) {
                cases.add(mapper.readValue(body, CaseFacts.class));
            }
            Map<String, Consumer<Integer>> steps = new LinkedHashMap<>();
            steps.put("Jackson alone", i -> read(mapper, bodies.get(i)));
            steps.put("Hibernate Validator alone", i -> validator.validate(cases.get(i)));
            steps.put("cross-field rules alone", i -> CaseConsistency.check(cases.get(i)));
            steps.put("validate before (Hibernate Validator + rules)", i -> {
                if (validator.validate(cases.get(i)).isEmpty()) {
                    CaseConsistency.check(cases.get(i));
                }
            });
            steps.put("validate after (CaseFactsReader.validate)", i -> quietly(() -> reader.validate(cases.get(i))));
            steps.put("read before (Jackson + Hibernate Validator + rules)", i -> {
                CaseFacts facts = read(mapper, bodies.get(i));
                if (validator.validate(facts).isEmpty()) {
                    CaseConsistency.check(facts);
                }
            });
            steps.put("read after (CaseFactsReader.read)", i -> quietly(() -> reader.read(bodies.get(i))));
            measure(args[f], cases.size(), steps, warmUpPasses, rounds);
        }
    }

    /** As the service configures it: every property traversable, no per-validation cache of that (ValidationTraversal). */
    private static Validator serviceLikeValidator() {
        return Validation.byProvider(HibernateValidator.class).configure().messageInterpolator(new ParameterMessageInterpolator())
                .traversableResolver(new TraversableResolver() {
                    @Override
                    public boolean isReachable(Object bean, jakarta.validation.Path.Node node, Class<?> root,
                            jakarta.validation.Path path, ElementType type) {
                        return true;
                    }

                    @Override
                    public boolean isCascadable(Object bean, jakarta.validation.Path.Node node, Class<?> root,
                            jakarta.validation.Path path, ElementType type) {
                        return true;
                    }
                }).enableTraversableResolverResultCache(false).buildValidatorFactory().getValidator();
    }

    private static void measure(String file, int count, Map<String, Consumer<Integer>> steps, int warmUpPasses, int rounds) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int passes = Math.max(1, 3_000 / count); // about 3,000 cases a measurement, whatever the file's size
        for (Consumer<Integer> step : steps.values()) {
            for (int i = 0; i < warmUpPasses * passes * count; i++) {
                step.accept(i % count);
            }
        }
        System.out.printf("%s: %d cases, %d passes a measurement, load average %.2f%n", file, count, passes,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Consumer<Integer>> step : steps.entrySet()) {
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long bytesBefore = threads.getThreadAllocatedBytes(thread);
                for (int i = 0; i < passes * count; i++) {
                    step.getValue().accept(i % count);
                }
                double cases = (double) passes * count;
                System.out.printf("  round %d  %-52s %7.2f µs CPU  %8.0f bytes a case%n", round, step.getKey(),
                        (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000.0 / cases,
                        (threads.getThreadAllocatedBytes(thread) - bytesBefore) / cases);
            }
        }
    }

    private static List<byte[]> bodies(Path file) throws IOException {
        if (!file.toString().endsWith(".ndjson")) {
            return List.of(Files.readAllBytes(file));
        }
        List<byte[]> bodies = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                bodies.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return bodies;
    }

    private static CaseFacts read(ObjectMapper mapper, byte[] body) {
        try {
            return mapper.readValue(body, CaseFacts.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case the reader refuses costs what it costs; the refusal is part of its path. */
    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (InvalidRequestException refused) {
            // counted in the measurement like any other case
        }
    }
}
