package org.rentrecovery.engine;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.marshalling.DMNMarshaller;
import org.kie.dmn.backend.marshalling.v1x.DMNMarshallerFactory;
import org.kie.dmn.feel.util.Either;
import org.kie.dmn.model.api.Definitions;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;

/**
 * Turns a set of DMN files into a {@link ModelSet}, or refuses it with every problem located by
 * model, table, row and column. The checks are the ones an upload needs, in order:
 * <ol>
 * <li>each file against the DMN 1.5 schema (a DMN 1.6 file is read as 1.5, see {@link DmnNamespaces});</li>
 * <li>model validation and decision-table analysis across the set (imports resolved): an overlap
 *     in a UNIQUE table, a masked row or a broken reference is an error, a gap a warning;</li>
 * <li>compilation with run-time type checking on ({@code org.kie.dmn.runtime.typecheck});</li>
 * <li>the set's own rules ({@link ModelSetChecks}): stable row names, every contract of the service
 *     honoured (models, inputs, outputs), and every named output within its vocabulary;</li>
 * <li>consistency across tables ({@link CrossTableChecks}): every name one table outputs is one the
 *     tables consuming it (in its model, or chained by the service) accept and have a row for; every cell's
 *     names visible to it ({@link CellNames}) and its quoted names within its column's type ({@link CellValues});</li>
 * <li>coverage ({@link TableCoverage}): every single-hit table the service evaluates has a row for every
 *     case, proven by the analyser's gap analysis or by a catch-all row;</li>
 * <li>the landlord's own action codes ({@link LandlordActionCatalogue}): each declared with a category the law knows.</li>
 * </ol>
 * Stage 2 is most of the time (a minute for a wide table), so a set stages 3 to 5 refuse is refused before it; a set
 * that passed 1 and 2 once is remembered ({@link #rememberValidatedSetsIn}) and not analysed again on the next start.
 */
public final class ModelSetCompiler {

    private static DMNValidator validator;
    /**
     * Where sets that passed the analysis are remembered across restarts ({@link ValidationMemo}); null (the
     * default, and in tests) analyses every set every time. Set once at start-up from configuration.
     */
    private static volatile ValidationMemo validationMemo;

    public static void rememberValidatedSetsIn(Path directory) {
        rememberValidatedSetsIn(directory, null);
    }

    /**
     * @param packaged a read-only folder of memos made by a training start of this very jar (the image's build), looked
     *                 up after {@code directory}; null: none
     */
    public static void rememberValidatedSetsIn(Path directory, Path packaged) {
        validationMemo = directory == null && packaged == null ? null : new ValidationMemo(directory, packaged);
    }

    /**
     * Compilations begun before anyone asked for them ({@link #beginCompiling}), by the texts they compile; each is
     * taken (and removed) by the first {@link #compile} of exactly those texts.
     */
    private static final Map<Map<String, String>, CompletableFuture<Early>> BEGUN = new ConcurrentHashMap<>();

    /**
     * An early compilation's result, and the checks of the compiled models made on the same thread (null if it did not
     * compile, or the checks broke off: then {@link #compile} runs them itself, so any failure is reported as usual).
     */
    private record Early(Either<Exception, DMNRuntime> runtime, CompiledSetChecks checks) {
    }

    /**
     * Starts compiling a set on a background thread now, so that a later {@link #compile} of the same files finds
     * the DMN runtime built, or being built, instead of starting from nothing. At start-up the seed's compilation
     * (about half the CPU of a restart) thus runs on the second core while Quarkus boots on the first, instead of
     * after it. Stage 3 runs early, and the checks of the compiled models that need nothing else
     * ({@link CompiledSetChecks}): neither needs the configuration, and the checks would otherwise run after the
     * analysis on the path to ready (the thread has long finished compiling by then). The analysis (stages 1 and 2,
     * remembered or not) still happens in {@link #compile}, and every problem is reported there, in the usual order.
     */
    public static void beginCompiling(Map<String, byte[]> dmnFilesByRelativePath) {
        Map<String, String> texts = texts(dmnFilesByRelativePath);
        CompletableFuture<Early> early = new CompletableFuture<>();
        if (texts.isEmpty() || BEGUN.putIfAbsent(texts, early) != null) {
            return;
        }
        Thread compiling = new Thread(() -> {
            try {
                Either<Exception, DMNRuntime> runtime = DmnRuntimes.compile(texts);
                early.complete(new Early(runtime, runtime.isRight() ? checkedQuietly(runtime.getOrElseThrow(IllegalStateException::new)) : null));
            } catch (RuntimeException | Error e) {
                early.completeExceptionally(e);
            }
        }, "dmn-early-compile");
        compiling.setDaemon(true); // a command that never asks for the models must not wait for them to exit
        compiling.start();
    }

    private static CompiledSetChecks checkedQuietly(DMNRuntime runtime) {
        try {
            return new CompiledSetChecks(runtime);
        } catch (RuntimeException e) {
            return null; // compile runs them again, and reports the failure where the checks always did
        }
    }

    /** Whether a compilation of these files was begun and not yet taken by {@link #compile}. */
    static boolean compilationBegun(Map<String, byte[]> dmnFilesByRelativePath) {
        return BEGUN.containsKey(texts(dmnFilesByRelativePath));
    }

    private static Map<String, String> texts(Map<String, byte[]> dmnFilesByRelativePath) {
        Map<String, String> texts = new TreeMap<>();
        dmnFilesByRelativePath.forEach((path, bytes) ->
                texts.put(path, DmnNamespaces.asDmn15(new String(bytes, StandardCharsets.UTF_8))));
        return texts;
    }

    /**
     * @param label                  the version id the set will report
     * @param dmnFilesByRelativePath each {@code .dmn} file's bytes (UTF-8), by its path inside the set
     * @throws ModelSetInvalidException with every error (and warning) found
     */
    public static ModelSet compile(String label, Map<String, byte[]> dmnFilesByRelativePath) {
        AntlrVersionNotice.loadFeelParserQuietly();
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(dmnFilesByRelativePath, "dmnFilesByRelativePath");
        Map<String, String> texts = texts(dmnFilesByRelativePath);
        List<ModelProblem> problems = new ArrayList<>();
        if (texts.isEmpty()) {
            problems.add(new ModelProblem(null, null, null, null, null, null, ModelProblem.Severity.ERROR,
                    "NO_MODELS", "the set has no DMN files"));
            throw new ModelSetInvalidException(label, problems);
        }
        // Taken now, so a set refused before stage 3 does not leave its early compilation behind.
        CompletableFuture<Early> begun = BEGUN.remove(texts);
        ValidationMemo memo = validationMemo;
        Optional<List<ModelProblem>> remembered = memo == null ? Optional.empty() : memo.passed(texts);
        if (remembered.isPresent()) {
            // These very files passed stages 1 and 2 before (ValidationMemo): their warnings, without the analysis.
            problems.addAll(remembered.get());
        } else {
            checkSchema(label, texts, problems);
            if (begun == null) { // an upload; a start's compilation, begun early, goes on beside the analysis
                begun = refuseEarly(label, texts, problems);
            }
            analyse(label, texts, problems);
            if (memo != null) {
                memo.remember(texts, problems);
            }
        }
        return compileChecked(label, dmnFilesByRelativePath, texts, begun, problems);
    }

    /**
     * Stages 3 to 5 ahead of the analysis ({@link CompiledSetChecks#beforeAnalysis}): the analysis of a wide table can take
     * a minute, and a misspelt name need not wait for it. Returns the compilation, for stage 3 to take.
     */
    private static CompletableFuture<Early> refuseEarly(String label, Map<String, String> texts, List<ModelProblem> problems) {
        Early early;
        try {
            Either<Exception, DMNRuntime> runtime = DmnRuntimes.compile(texts);
            early = new Early(runtime, runtime.isRight() ? checkedQuietly(runtime.getOrElseThrow(IllegalStateException::new)) : null);
        } catch (RuntimeException e) {
            early = new Early(Either.ofLeft(e), null); // stage 3 reports it, after stage 2 has said what it can
        }
        List<ModelProblem> found = early.checks() == null ? List.of() : early.checks().beforeAnalysis();
        if (found.stream().anyMatch(p -> p.severity() == ModelProblem.Severity.ERROR)) {
            List<ModelProblem> all = new ArrayList<>(problems);
            all.addAll(found);
            throw new ModelSetInvalidException(label, all);
        }
        return CompletableFuture.completedFuture(early);
    }

    /** Stage 1: each file against the schema, file by file, so a problem names its file; stops on an error. */
    private static void checkSchema(String label, Map<String, String> texts, List<ModelProblem> problems) {
        synchronized (ModelSetCompiler.class) {
            DMNValidator validator = validator();
            for (Map.Entry<String, String> file : texts.entrySet()) {
                for (DMNMessage message : validator.validate(new StringReader(file.getValue()), DMNValidator.Validation.VALIDATE_SCHEMA)) {
                    if (reportable(message)) {
                        problems.add(ProblemLocator.unlocated(file.getKey(), message));
                    }
                }
            }
        }
        stopOnErrors(label, problems);
    }

    /** Stage 2: model validation and decision-table analysis; stops on an error. */
    private static void analyse(String label, Map<String, String> texts, List<ModelProblem> problems) {
        synchronized (ModelSetCompiler.class) {
            DMNValidator validator = validator();
            // Across the set, so imports resolve.
            DMNMarshaller marshaller = DMNMarshallerFactory.newDefaultMarshaller();
            Map<Definitions, String> fileOf = new IdentityHashMap<>();
            List<Definitions> definitions = new ArrayList<>();
            for (Map.Entry<String, String> file : texts.entrySet()) {
                Definitions parsed = marshaller.unmarshal(file.getValue());
                fileOf.put(parsed, file.getKey());
                definitions.add(parsed);
            }
            BoundedAnalysis.Outcome outcome = boundedAnalysis(label, validator, definitions, problems);
            ProblemLocator locator = new ProblemLocator(fileOf);
            outcome.messages().stream().filter(ModelSetCompiler::reportable)
                    .forEach(m -> problems.add(BoundedAnalysis.explained(locator.locate(m), outcome)));
            stopOnErrors(label, problems);
        }
    }

    private static BoundedAnalysis.Outcome boundedAnalysis(String label, DMNValidator validator, List<Definitions> definitions,
            List<ModelProblem> problems) {
        double budget = BoundedAnalysis.budgetSeconds();
        try {
            BoundedAnalysis.Outcome outcome = BoundedAnalysis.run(() -> validator.validateUsing(DMNValidator.Validation.VALIDATE_MODEL,
                    DMNValidator.Validation.ANALYZE_DECISION_TABLE).theseModels(definitions.toArray(Definitions[]::new)), budget);
            if (outcome.tablesStopped() > 0) {
                ModelSetCompiler.validator = null; // built again for the next set rather than trusted after a stop
            }
            return outcome;
        } catch (BoundedAnalysis.AnalysisFailedException e) {
            ModelSetCompiler.validator = null;
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure && !(failure instanceof ThreadDeath)) {
                throw failure;
            }
            problems.add(new ModelProblem(null, null, null, null, null, null, ModelProblem.Severity.ERROR,
                    BoundedAnalysis.STOPPED_CODE, BoundedAnalysis.setMessage(budget)));
            throw new ModelSetInvalidException(label, problems);
        }
    }

    private static ModelSet compileChecked(String label, Map<String, byte[]> dmnFilesByRelativePath, Map<String, String> texts,
            CompletableFuture<Early> begun, List<ModelProblem> problems) {
        Early early = begun == null ? null : begun.handle((result, failure) -> result).join();
        DMNRuntime runtime = buildRuntime(label, texts, early == null ? null : early.runtime(), problems);
        CompiledSetChecks own = early != null && early.checks() != null ? early.checks() : new CompiledSetChecks(runtime);
        problems.addAll(own.compilerErrors);
        stopOnErrors(label, problems);
        problems.addAll(own.setRules); // 4.
        stopOnErrors(label, problems);
        // 5. Across tables: every name one table outputs, the tables that consume it can take; every name a cell uses
        // is one it can see, and every quoted name it tests for or answers one its column's type allows; every literal
        // output cell of the kind the service reads; and (here, as it reads stage 2's gaps) every single-hit table the
        // service evaluates has a row for every case (from the analyser's gaps, or a catch-all row).
        problems.addAll(own.acrossTables);
        problems.addAll(new TableCoverage(own.models, own.checks.locator(), own.contracts).run(List.copyOf(problems)));
        stopOnErrors(label, problems);
        runtime.addListener(RuleTrace.dmnListener());
        return new ModelSet(label, dmnFilesByRelativePath, runtime, own.models, own.checks.tables(), problems,
                own.catalogue.categories());
    }

    /**
     * 3. Compile, with run-time type checking (perhaps begun already: {@link #beginCompiling}); a set that does not
     * compile is refused here.
     */
    private static DMNRuntime buildRuntime(String label, Map<String, String> texts, Either<Exception, DMNRuntime> built,
            List<ModelProblem> problems) {
        if (built == null) {
            built = DmnRuntimes.compile(texts); // not begun, or it broke off: compiled here, so a failure is reported as usual
        }
        if (built.isLeft()) {
            problems.add(new ModelProblem(null, null, null, null, null, null, ModelProblem.Severity.ERROR,
                    "COMPILATION", built.cata(Exception::getMessage, runtime -> "")));
            throw new ModelSetInvalidException(label, problems);
        }
        return built.getOrElseThrow(IllegalStateException::new);
    }

    /** Errors and warnings, but the analyser's advice against how tables are to be written ({@link AnalyserAdvice}). */
    private static boolean reportable(DMNMessage message) {
        return message.getSeverity().compareTo(DMNMessage.Severity.WARN) >= 0 && !AnalyserAdvice.contradictsGuidance(message);
    }

    private static void stopOnErrors(String label, List<ModelProblem> problems) {
        if (problems.stream().anyMatch(p -> p.severity() == ModelProblem.Severity.ERROR)) {
            throw new ModelSetInvalidException(label, problems);
        }
    }

    /** Building a validator compiles its own rule base (seconds); one is kept and used under the class lock. */
    private static DMNValidator validator() {
        if (validator == null) {
            validator = DMNValidatorFactory.newValidator();
        }
        return validator;
    }
}
