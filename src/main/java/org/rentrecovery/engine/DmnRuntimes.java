package org.rentrecovery.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNCompiler;
import org.kie.dmn.api.core.DMNCompilerConfiguration;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.compiler.DMNCompilerConfigurationImpl;
import org.kie.dmn.core.compiler.DMNCompilerImpl;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.feel.parser.feel11.profiles.DoCompileFEELProfile;
import org.kie.dmn.feel.util.Either;
import org.kie.internal.io.ResourceFactory;

/** Stage 3 of {@link ModelSetCompiler}: a set's DMN texts compiled into one kie-dmn runtime, with run-time type checking. */
final class DmnRuntimes {
    private DmnRuntimes() {
    }

    /** The runtime of these texts (by path inside the set), or why they do not compile. */
    static Either<Exception, DMNRuntime> compile(Map<String, String> texts) {
        return compile(texts, compileThreads());
    }

    /**
     * @param threads how many models may be compiled at once: 1 is kie-dmn's own builder, one model after another;
     *                more, {@link ParallelDmnCompilation}, which gives the same runtime
     */
    static Either<Exception, DMNRuntime> compile(Map<String, String> texts, int threads) {
        List<Resource> resources = new ArrayList<>();
        texts.forEach((path, text) -> resources.add(resource(path, text)));
        if (threads > 1 && resources.size() > 1) {
            return new ParallelDmnCompilation(resources, DmnRuntimes::configuredCompiler,
                    DmnRuntimes.class.getClassLoader(), Math.min(threads, resources.size())).compile();
        }
        return builder().buildConfigurationUsingCustomCompiler(DmnRuntimes::compiler).fromResources(resources);
    }

    private static DMNRuntimeBuilder builder() {
        return DMNRuntimeBuilder.fromDefaults()
                .setOption(new RuntimeTypeCheckOption(true))
                .setRootClassLoader(DmnRuntimes.class.getClassLoader());
    }

    /** A compiler with a configuration of its own, made by the builder exactly as for {@link #compile} on one thread. */
    private static DMNCompiler configuredCompiler() {
        DMNCompiler[] made = new DMNCompiler[1];
        builder().buildConfigurationUsingCustomCompiler(configuration -> made[0] = compiler(configuration));
        return made[0];
    }

    /**
     * How many models are compiled at once: {@code -Drentrecovery.dmn.compile-threads=N}; by default 1, kie-dmn's own
     * builder. Several threads were measured at start-up and did not pay on two shared cores: the seed is compiled
     * beside Quarkus' boot already and is done before the boot needs it, so more compiling threads only take CPU from
     * the boot and the JIT (docs/benchmarks.md, "Start-up on JDK 25, and the models compiled on two threads").
     */
    static int compileThreads() {
        String configured = System.getProperty("rentrecovery.dmn.compile-threads");
        return configured == null ? 1 : Math.max(1, Integer.parseInt(configured.trim()));
    }

    private static Resource resource(String path, String text) {
        Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(path);
        return resource;
    }

    /**
     * Whether FEEL expressions and decision-table cells are compiled to Java classes ({@code DoCompileFEELProfile})
     * rather than interpreted. Off: measured on kie-dmn 10.1 under Quarkus, the in-memory Java compiler cannot
     * see the FEEL runtime's classes through the application class loader, and compiling the packaged models took
     * about 40 s, against the start-up budget of 3 s (docs/benchmarks.md). {@code -Drentrecovery.dmn.compiled-feel=true}
     * turns it on for experiments outside Quarkus (the JMH harness).
     */
    static boolean compiledFeel() {
        return "true".equalsIgnoreCase(System.getProperty("rentrecovery.dmn.compiled-feel"));
    }

    private static DMNCompiler compiler(DMNCompilerConfiguration configuration) {
        if (compiledFeel() && configuration instanceof DMNCompilerConfigurationImpl impl) {
            impl.addFEELProfile(new DoCompileFEELProfile());
        }
        return new DMNCompilerImpl(configuration);
    }
}
