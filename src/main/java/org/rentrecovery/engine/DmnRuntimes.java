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
        List<Resource> resources = new ArrayList<>();
        texts.forEach((path, text) -> resources.add(resource(path, text)));
        return DMNRuntimeBuilder.fromDefaults()
                .setOption(new RuntimeTypeCheckOption(true))
                .setRootClassLoader(DmnRuntimes.class.getClassLoader())
                .buildConfigurationUsingCustomCompiler(DmnRuntimes::compiler).fromResources(resources);
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
