package org.rentrecovery.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.xml.namespace.QName;

import org.drools.io.ResourceConfigurationImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.dmn.api.core.DMNCompiler;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.dmn.api.marshalling.DMNExtensionRegister;
import org.kie.dmn.api.marshalling.DMNMarshaller;
import org.kie.dmn.backend.marshalling.v1x.DMNMarshallerFactory;
import org.kie.dmn.core.assembler.DMNAssemblerService;
import org.kie.dmn.core.assembler.DMNResource;
import org.kie.dmn.core.assembler.DMNResourceDependenciesSorter;
import org.kie.dmn.core.compiler.DMNProfile;
import org.kie.dmn.core.compiler.profiles.ExtendedDMNProfile;
import org.kie.dmn.core.impl.DMNRuntimeImpl;
import org.kie.dmn.core.impl.DMNRuntimeKB;
import org.kie.dmn.feel.util.Either;
import org.kie.dmn.model.api.Definitions;
import org.kie.internal.io.ResourceWithConfigurationImpl;

/**
 * A set's models compiled on several threads, to the same runtime kie-dmn's {@code DMNRuntimeBuilder} builds on one.
 * Every table model imports only the vocabulary: once it is compiled, the tables can be compiled side by side. Off
 * unless asked for ({@link DmnRuntimes#compileThreads}): measured at start-up on two shared cores it did not pay.
 * <p>
 * The same steps as the builder, in the same order where order shows: every file read, the imports resolved and the
 * files sorted by kie-dmn itself ({@code enrichDMNResourcesWithImportsDependencies}, {@code
 * DMNResourceDependenciesSorter}); each model compiled by a compiler of its own (configured by the builder, {@link
 * DmnRuntimes#compiler}) against the models it imports, directly or not, as soon as they are compiled; the runtime
 * holding the models in the sorted order. The outcome is read in that order too, so the first model that does not
 * compile is reported exactly as the builder reports it (a {@code null} model, or the exception it threw), and the
 * models after it are not compiled.
 */
final class ParallelDmnCompilation {
    private static final AtomicInteger THREADS_MADE = new AtomicInteger();
    /** The builder's default profile ({@code DMNRuntimeBuilder.fromDefaults}), which {@link DmnRuntimes} uses. */
    private static final DMNProfile PROFILE = new ExtendedDMNProfile();

    private final List<Resource> resources;
    private final Supplier<DMNCompiler> compilers;
    private final ClassLoader rootClassLoader;
    private final int threads;

    /**
     * @param compilers a new compiler, configured as the builder configures one, for each model (a compiler and its
     *                  configuration are not shared between threads)
     */
    ParallelDmnCompilation(List<Resource> resources, Supplier<DMNCompiler> compilers, ClassLoader rootClassLoader,
            int threads) {
        this.resources = resources;
        this.compilers = compilers;
        this.rootClassLoader = rootClassLoader;
        this.threads = threads;
    }

    Either<Exception, DMNRuntime> compile() {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "dmn-compile-" + THREADS_MADE.incrementAndGet());
            thread.setDaemon(true); // never holds up the exit of a command that stopped waiting for the models
            return thread;
        });
        try {
            List<DMNResource> read;
            try {
                read = readAll(pool);
            } catch (UncheckedIOException e) {
                return Either.ofLeft(e.getCause()); // as the builder answers a file it cannot read
            }
            DMNAssemblerService.enrichDMNResourcesWithImportsDependencies(read, Collections.emptyList());
            List<DMNResource> sorted = DMNResourceDependenciesSorter.sort(read);
            return assemble(sorted, compileAll(sorted, pool));
        } finally {
            pool.shutdown();
        }
    }

    /** Every file read into its DMN definitions, side by side (a marshaller each: one is not meant to be shared). */
    private List<DMNResource> readAll(ExecutorService pool) {
        List<CompletableFuture<DMNResource>> reading = new ArrayList<>();
        for (Resource resource : resources) {
            reading.add(CompletableFuture.supplyAsync(() -> read(resource), pool));
        }
        List<DMNResource> read = new ArrayList<>();
        for (CompletableFuture<DMNResource> one : reading) {
            read.add(joined(one));
        }
        return read;
    }

    private DMNResource read(Resource resource) {
        // As the builder chooses its marshaller: with the profile's extensions, if it has any.
        List<DMNExtensionRegister> extensions = PROFILE.getExtensionRegisters();
        DMNMarshaller marshaller = extensions.isEmpty() ? DMNMarshallerFactory.newDefaultMarshaller()
                : DMNMarshallerFactory.newMarshallerWithExtensions(extensions);
        Definitions definitions;
        try {
            definitions = marshaller.unmarshal(resource.getReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ResourceConfigurationImpl configuration = new ResourceConfigurationImpl();
        configuration.setResourceType(ResourceType.DMN);
        return new DMNResource(definitions, new ResourceWithConfigurationImpl(resource, configuration, b -> {
        }, a -> {
        }));
    }

    /**
     * Each model compiled once everything it imports is; a model whose import did not compile is not compiled (it
     * answers null, and an earlier model in the sorted order is the one reported).
     */
    private List<CompletableFuture<DMNModel>> compileAll(List<DMNResource> sorted, ExecutorService pool) {
        Map<QName, CompletableFuture<DMNModel>> byId = new HashMap<>();
        Map<QName, Set<QName>> importedById = new HashMap<>();
        List<CompletableFuture<DMNModel>> compiling = new ArrayList<>();
        for (DMNResource resource : sorted) {
            Set<QName> imported = new LinkedHashSet<>();
            for (QName dependency : resource.getDependencies()) {
                imported.addAll(importedById.getOrDefault(dependency, Set.of()));
                imported.add(dependency);
            }
            importedById.put(resource.getModelID(), imported);
            // The models it imports, directly or not, in the sorted order (the builder hands it every model compiled
            // before it; kie-dmn looks an import up in that list by namespace and name, so the others are never read).
            List<CompletableFuture<DMNModel>> prerequisites = sorted.stream()
                    .filter(other -> imported.contains(other.getModelID())).map(other -> byId.get(other.getModelID()))
                    .toList();
            CompletableFuture<DMNModel> model = CompletableFuture.allOf(prerequisites.toArray(CompletableFuture[]::new))
                    .thenApplyAsync(done -> compileAgainst(resource, prerequisites), pool);
            byId.put(resource.getModelID(), model);
            compiling.add(model);
        }
        return compiling;
    }

    private DMNModel compileAgainst(DMNResource resource, List<CompletableFuture<DMNModel>> prerequisites) {
        List<DMNModel> imported = prerequisites.stream().map(CompletableFuture::join).toList();
        if (imported.contains(null)) {
            return null;
        }
        return compilers.get().compile(resource.getDefinitions(), resource.getResAndConfig().getResource(), imported);
    }

    /** The runtime of the models in the sorted order, or the first one that did not compile, as the builder says it. */
    private Either<Exception, DMNRuntime> assemble(List<DMNResource> sorted, List<CompletableFuture<DMNModel>> compiling) {
        List<DMNModel> models = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            DMNModel model = joined(compiling.get(i));
            if (model == null) {
                Resource resource = sorted.get(i).getResAndConfig().getResource();
                return Either.ofLeft(new IllegalStateException("Unable to compile DMN model for the resource " + resource));
            }
            models.add(model);
        }
        return Either.ofRight(new DMNRuntimeImpl(new CompiledModels(rootClassLoader, models)));
    }

    /** The outcome of a step, its own exception rethrown as it is (not wrapped), as the builder would have thrown it. */
    private static <T> T joined(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** What a runtime needs to know of its models: the builder's own holder is private to it, this one does the same. */
    private static final class CompiledModels implements DMNRuntimeKB {
        private final ClassLoader rootClassLoader;
        private final List<DMNModel> models;
        private final List<DMNProfile> profiles = List.of(PROFILE);

        CompiledModels(ClassLoader rootClassLoader, List<DMNModel> models) {
            this.rootClassLoader = rootClassLoader;
            this.models = List.copyOf(models);
        }

        @Override
        public List<DMNModel> getModels() {
            return models;
        }

        @Override
        public DMNModel getModel(String namespace, String modelName) {
            return models.stream().filter(m -> m.getNamespace().equals(namespace) && m.getName().equals(modelName))
                    .findFirst().orElse(null);
        }

        @Override
        public DMNModel getModelById(String namespace, String modelId) {
            return models.stream().filter(m -> m.getNamespace().equals(namespace) && m.getDefinitions().getId().equals(modelId))
                    .findFirst().orElse(null);
        }

        @Override
        public List<DMNProfile> getProfiles() {
            return profiles;
        }

        @Override
        public List<DMNRuntimeEventListener> getListeners() {
            return List.of();
        }

        @Override
        public ClassLoader getRootClassLoader() {
            return rootClassLoader;
        }

        @Override
        public InternalKnowledgeBase getInternalKnowledgeBase() {
            throw new UnsupportedOperationException("a runtime of compiled DMN models has no rule base");
        }
    }
}
