package org.rentrecovery.engine;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
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
 * Compiling is for uploads and start-up (a second or so); evaluation never compiles. Stages 1 and 2 are
 * most of that time: a set that passed them once is remembered ({@link #rememberValidatedSetsIn}) and
 * not analysed again on the next start.
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
    private static final Map<Map<String, String>, CompletableFuture<Either<Exception, DMNRuntime>>> BEGUN =
            new ConcurrentHashMap<>();

    /**
     * Starts compiling a set on a background thread now, so that a later {@link #compile} of the same files finds
     * the DMN runtime built, or being built, instead of starting from nothing. At start-up the seed's compilation
     * (about half the CPU of a restart) thus runs on the second core while Quarkus boots on the first, instead of
     * after it. Only stage 3 runs early: it needs nothing from the configuration. The analysis (stages 1 and 2,
     * remembered or not), the set's own checks and every problem report still happen in {@link #compile}, in order.
     */
    public static void beginCompiling(Map<String, byte[]> dmnFilesByRelativePath) {
        Map<String, String> texts = texts(dmnFilesByRelativePath);
        CompletableFuture<Either<Exception, DMNRuntime>> runtime = new CompletableFuture<>();
        if (texts.isEmpty() || BEGUN.putIfAbsent(texts, runtime) != null) {
            return;
        }
        Thread compiling = new Thread(() -> {
            try {
                runtime.complete(DmnRuntimes.compile(texts));
            } catch (RuntimeException | Error e) {
                runtime.completeExceptionally(e);
            }
        }, "dmn-early-compile");
        compiling.setDaemon(true); // a command that never asks for the models must not wait for them to exit
        compiling.start();
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


    public ModelSetCompiler() {
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
        CompletableFuture<Either<Exception, DMNRuntime>> begun = BEGUN.remove(texts);
        ValidationMemo memo = validationMemo;
        Optional<List<ModelProblem>> remembered = memo == null ? Optional.empty() : memo.passed(texts);
        if (remembered.isPresent()) {
            // These very files passed stages 1 and 2 before (ValidationMemo): their warnings, without the analysis.
            problems.addAll(remembered.get());
        } else {
            analyse(label, texts, problems);
            if (memo != null) {
                memo.remember(texts, problems);
            }
        }
        return compileChecked(label, dmnFilesByRelativePath, texts, begun, problems);
    }

    /** Stages 1 and 2: schema, then model validation and decision-table analysis; stops on an error. */
    private static void analyse(String label, Map<String, String> texts, List<ModelProblem> problems) {
        synchronized (ModelSetCompiler.class) {
            DMNValidator validator = validator();
            // 1. Schema, file by file, so a problem names its file.
            for (Map.Entry<String, String> file : texts.entrySet()) {
                for (DMNMessage message : validator.validate(new StringReader(file.getValue()), DMNValidator.Validation.VALIDATE_SCHEMA)) {
                    if (reportable(message)) {
                        problems.add(ProblemLocator.unlocated(file.getKey(), message));
                    }
                }
            }
            stopOnErrors(label, problems);
            // 2. Model validation and decision-table analysis, across the set so imports resolve.
            DMNMarshaller marshaller = DMNMarshallerFactory.newDefaultMarshaller();
            Map<Definitions, String> fileOf = new IdentityHashMap<>();
            List<Definitions> definitions = new ArrayList<>();
            for (Map.Entry<String, String> file : texts.entrySet()) {
                Definitions parsed = marshaller.unmarshal(file.getValue());
                fileOf.put(parsed, file.getKey());
                definitions.add(parsed);
            }
            List<DMNMessage> messages = validator.validateUsing(DMNValidator.Validation.VALIDATE_MODEL,
                    DMNValidator.Validation.ANALYZE_DECISION_TABLE).theseModels(definitions.toArray(Definitions[]::new));
            ProblemLocator locator = new ProblemLocator(fileOf);
            messages.stream().filter(ModelSetCompiler::reportable).forEach(m -> problems.add(locator.locate(m)));
            stopOnErrors(label, problems);
        }
    }

    private static ModelSet compileChecked(String label, Map<String, byte[]> dmnFilesByRelativePath, Map<String, String> texts,
            CompletableFuture<Either<Exception, DMNRuntime>> begun, List<ModelProblem> problems) {
        DMNRuntime runtime = buildRuntime(label, texts, begun, problems);
        Map<Definitions, String> fileOfCompiled = new IdentityHashMap<>();
        Map<String, DMNModel> models = modelsByName(runtime, fileOfCompiled, problems);
        stopOnErrors(label, problems);
        // 4. The set's own rules; first the landlord's own action codes, each with a category the law knows, as
        // the contracts' checks accept them in a column naming steps.
        ModelSetChecks checks = new ModelSetChecks(models, fileOfCompiled);
        LandlordActionCatalogue catalogue = new LandlordActionCatalogue(models, checks.locator());
        problems.addAll(catalogue.run());
        List<ModelContract<?>> contracts = ModelContracts.all();
        problems.addAll(checks.run(contracts, catalogue.categories().keySet()));
        stopOnErrors(label, problems);
        acrossTables(models, checks.locator(), contracts, problems);
        stopOnErrors(label, problems);
        runtime.addListener(RuleTrace.dmnListener());
        return new ModelSet(label, dmnFilesByRelativePath, runtime, models, checks.tables(), problems, catalogue.categories());
    }

    /**
     * 3. Compile, with run-time type checking (perhaps begun already: {@link #beginCompiling}); a set that does not
     * compile is refused here.
     */
    private static DMNRuntime buildRuntime(String label, Map<String, String> texts,
            CompletableFuture<Either<Exception, DMNRuntime>> begun, List<ModelProblem> problems) {
        Either<Exception, DMNRuntime> built = begun == null ? null : begun.handle((runtime, failure) -> runtime).join();
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

    /** The compiled models by name, each file recorded in {@code fileOfCompiled}, with the compiler's errors located. */
    private static Map<String, DMNModel> modelsByName(DMNRuntime runtime, Map<Definitions, String> fileOfCompiled,
            List<ModelProblem> problems) {
        Map<String, DMNModel> models = new LinkedHashMap<>();
        for (DMNModel model : runtime.getModels()) {
            String file = model.getResource() == null ? null : model.getResource().getSourcePath();
            fileOfCompiled.put(model.getDefinitions(), file);
            if (models.put(model.getName(), model) != null) {
                problems.add(new ModelProblem(file, model.getName(), null, null, null, null, ModelProblem.Severity.ERROR,
                        "DUPLICATE_MODEL_NAME", "two files define a model named " + model.getName()));
            }
        }
        ProblemLocator compiledLocator = new ProblemLocator(fileOfCompiled);
        for (DMNModel model : models.values()) {
            model.getMessages(DMNMessage.Severity.ERROR).forEach(m -> problems.add(compiledLocator.locate(m)));
        }
        return models;
    }

    /**
     * 5. Across tables: every name one table outputs, the tables that consume it can take; every name a cell uses is
     * one it can see, and every quoted name it tests for or answers one its column's type allows; every literal output
     * cell of the kind the service reads; and every single-hit table the service evaluates has a row for every
     * case (from the analyser's gaps of stage 2, or a catch-all row).
     */
    private static void acrossTables(Map<String, DMNModel> models, ModelLocator locator, List<ModelContract<?>> contracts,
            List<ModelProblem> problems) {
        problems.addAll(new CrossTableChecks(models, locator).run(contracts));
        CellSyntax cells = new CellSyntax(); // each cell parsed once, for both
        problems.addAll(new CellNames(models, locator, cells).run());
        problems.addAll(new CellValues(models, locator, cells).run());
        problems.addAll(new OutputLiteralTypes(models, locator).run(contracts));
        problems.addAll(new TableCoverage(models, locator, contracts).run(List.copyOf(problems)));
    }

    /** Errors and warnings; the analyser's information messages (e.g. "no gaps") are not problems. */
    private static boolean reportable(DMNMessage message) {
        return message.getSeverity() == DMNMessage.Severity.ERROR || message.getSeverity() == DMNMessage.Severity.WARN;
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
