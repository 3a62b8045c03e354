package org.rentrecovery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.junit.jupiter.api.Test;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.scenarios.Scenario;
import org.rentrecovery.scenarios.ScenarioTargets;
import org.rentrecovery.scenarios.Suite;
import org.rentrecovery.scenarios.SuiteLoader;
import org.rentrecovery.support.Scenarios;
import org.rentrecovery.support.TestCases;

/**
 * Pins the public JSON: every field path of every endpoint's request and answer, as listed in
 * src/test/resources/contract/public-json.txt. Fields may be added, never renamed, moved or removed.
 * Requests and the answers of the stored-decision and scenario endpoints are read from their declared
 * types; the decision endpoints' answers are pinned as they are actually served, over every case of
 * every scenario suite sent to each of them, so an internal record may change but not the JSON.
 * After adding a field on purpose, rewrite the list with {@code -Dcontract.write=true}.
 */
class PublicJsonContractTest {
    private static final Path PINNED = Path.of("src/test/resources/contract/public-json.txt");
    private static final String PRODUCT = "org.rentrecovery.";
    private static final List<String> HEADER = List.of(
            "# The public JSON of every endpoint: request and answer field paths (answers of the decision endpoints as",
            "# served over every scenario case). Fields may be added, never renamed, moved or removed. Rewrite with",
            "# ./mvnw test -Dtest=PublicJsonContractTest -Dcontract.write=true after adding a field on purpose.");

    private final ObjectMapper mapper = Scenarios.mapper();
    private final CaseFactsReader reader = Scenarios.reader();
    private final DecisionService decisions = TestCases.decisions();

    @Test
    void shouldServeEveryPinnedFieldOfEveryEndpoint() throws Exception {
        Set<String> served = servedContract();
        if (Boolean.getBoolean("contract.write")) {
            Files.createDirectories(PINNED.getParent());
            List<String> file = new ArrayList<>(HEADER);
            file.addAll(served);
            Files.write(PINNED, file, StandardCharsets.UTF_8);
        }
        List<String> pinned = Files.readAllLines(PINNED, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<String> missing = pinned.stream().filter(line -> !served.contains(line)).toList();
        assertThat(missing).as("public JSON fields renamed, moved or removed (fields may only be added)").isEmpty();
    }

    @Test
    void shouldPinRequestAndAnswerFieldsOfTheDecisionEndpoints() throws IOException {
        List<String> pinned = Files.readAllLines(PINNED, StandardCharsets.UTF_8);
        assertThat(pinned).contains("POST /api/decisions/next-action request tenancy.rentPerPeriod : BigDecimal",
                "POST /api/decisions/next-action answers escalation.step : string",
                "POST /api/decisions/routing answers routing.team : string",
                "POST /api/decisions/write-off answers writeOff.eligible : boolean",
                "POST /api/decisions/benefit-cap answers benefitCap.capPerWeek : number");
    }

    private Set<String> servedContract() throws Exception {
        Set<String> lines = new TreeSet<>();
        declaredPaths(mapper.constructType(Problem.class), "", new HashSet<>(), true)
                .forEach(p -> lines.add("every error answers " + p));
        List<Scenario> cases = scenarioCases();
        for (JavaClass resource : resources()) {
            Class<?> type = resource.reflect();
            String base = path(type.getAnnotation(jakarta.ws.rs.Path.class));
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                String operation = verb + " " + base + path(method.getAnnotation(jakarta.ws.rs.Path.class));
                Class<?> body = requestType(method);
                if (body != null) {
                    declaredPaths(mapper.constructType(body), "", new HashSet<>(), false)
                            .forEach(p -> lines.add(operation + " request " + p));
                }
                if (answersADecision(method)) {
                    Object instance = resourceOver(type);
                    for (Scenario scenario : cases) {
                        Object answer = answer(instance, method, mapper.writeValueAsBytes(scenario.request()));
                        if (answer != null) {
                            servedPaths(mapper.valueToTree(answer), "", lines, operation + " answers ");
                        }
                    }
                } else {
                    declaredPaths(mapper.constructType(responseType(method)), "", new HashSet<>(), true)
                            .forEach(p -> lines.add(operation + " answers " + p));
                }
            }
        }
        return lines;
    }

    private static List<JavaClass> resources() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PRODUCT + "web").stream().filter(c -> c.isAnnotatedWith(jakarta.ws.rs.Path.class))
                .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
    }

    private List<Scenario> scenarioCases() {
        SuiteLoader loader = new SuiteLoader(ScenarioTargets.of(reader, decisions));
        List<Scenario> cases = new ArrayList<>();
        for (Suite suite : loader.load(Scenarios.SUITES).suites()) {
            cases.addAll(suite.scenarios());
        }
        assertThat(cases).as("scenario cases to serve").hasSizeGreaterThan(400);
        return cases;
    }

    /** The resource as the container builds it, over the reader and decision service of the tests. */
    private Object resourceOver(Class<?> type) throws ReflectiveOperationException {
        var constructor = type.getConstructors()[0];
        Map<Class<?>, Object> beans = Map.of(CaseFactsReader.class, reader, DecisionService.class, decisions,
                RecordedDecisions.class, decidedAtOnce());
        Object[] args = new Object[constructor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = beans.get(constructor.getParameterTypes()[i]);
            assertThat(args[i]).as(type.getSimpleName() + " needs a " + constructor.getParameterTypes()[i]).isNotNull();
        }
        return constructor.newInstance(args);
    }

    /** A decision endpoint: it answers a decision, or a stage of one (the endpoints that record what they decide). */
    private static boolean answersADecision(Method method) {
        return DecisionAnswer.class.isAssignableFrom(method.getReturnType()) || answersADecisionStage(method);
    }

    /** The method answers a {@code CompletionStage} of a decision (RecordedDecisions' endpoints; DecisionBodiesTest too). */
    static boolean answersADecisionStage(Method method) {
        return CompletionStage.class.equals(method.getReturnType())
                && method.getGenericReturnType() instanceof ParameterizedType stage
                && stage.getActualTypeArguments()[0] instanceof Class<?> answer && DecisionAnswer.class.isAssignableFrom(answer);
    }

    /** Decides on the calling thread and records nothing: this test reads the answers' JSON, not the audit. */
    private RecordedDecisions decidedAtOnce() {
        return new RecordedDecisions(null, reader, decisions, 0) {
            @Override
            public <D extends DecisionAnswer> CompletionStage<D> answer(String endpoint, byte[] body,
                    RoutingContext request, Function<CaseFacts, D> decide) {
                return CompletableFuture.completedFuture(decide.apply(reader.read(body)));
            }
        };
    }

    private static Object answer(Object resource, Method method, byte[] body) throws ReflectiveOperationException {
        try {
            Object[] arguments = new Object[method.getParameterCount()];
            arguments[0] = body;
            Object answer = method.invoke(resource, arguments);
            return answer instanceof CompletionStage<?> stage ? stage.toCompletableFuture().join() : answer;
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof InvalidRequestException) {
                return null; // a suite's invalid case: its answer is a problem, pinned by its own tests
            }
            throw e;
        }
    }

    /** Every path of a served answer with its JSON type; array elements as {@code []}. */
    private static void servedPaths(JsonNode node, String path, Set<String> out, String prefix) {
        if (!path.isEmpty() && !node.isNull()) {
            out.add(prefix + path + " : " + node.getNodeType().name().toLowerCase());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                var field = it.next();
                servedPaths(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out, prefix);
            }
        } else if (node.isArray()) {
            node.forEach(element -> servedPaths(element, path + "[]", out, prefix));
        }
    }

    /** Every property path of a declared type, with its Java type; enum constants as {@code path = CONSTANT}. */
    private List<String> declaredPaths(JavaType type, String path, Set<Class<?>> seen, boolean serialized) {
        List<String> out = new ArrayList<>();
        if (type.isContainerType() && !type.isArrayType() || type.isArrayType() && type.getRawClass() != byte[].class) {
            String suffix = type.isMapLikeType() ? "{}" : "[]";
            out.addAll(declaredPaths(type.getContentType(), path + suffix, seen, serialized));
            return out;
        }
        Class<?> raw = type.getRawClass();
        if (raw.isEnum()) {
            for (Object constant : raw.getEnumConstants()) {
                out.add(path + " = " + constant);
            }
            return out;
        }
        if (!raw.getName().startsWith(PRODUCT) || !seen.add(raw)) {
            return out;
        }
        var description = serialized ? mapper.getSerializationConfig().introspect(type)
                : mapper.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            JavaType propertyType = property.getPrimaryType();
            String child = path.isEmpty() ? property.getName() : path + "." + property.getName();
            out.add(child + " : " + propertyType.getRawClass().getSimpleName());
            out.addAll(declaredPaths(propertyType, child, new HashSet<>(seen), serialized));
        }
        return out;
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        return method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    private static String path(jakarta.ws.rs.Path path) {
        return path == null ? "" : path.value().startsWith("/") || path.value().isEmpty() ? path.value() : "/" + path.value();
    }

    /** The body: its declared schema when it is read as bytes, else the parameter's type. */
    private static Class<?> requestType(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean bound = java.util.Arrays.stream(parameter.getAnnotations())
                    .anyMatch(a -> a.annotationType().getPackageName().equals("jakarta.ws.rs")
                            || a.annotationType().getPackageName().startsWith("org.jboss.resteasy"));
            if (bound) {
                continue;
            }
            if (parameter.getType() == byte[].class) {
                RequestBody declared = method.getAnnotation(RequestBody.class);
                return declared == null ? null : declared.content()[0].schema().implementation();
            }
            return parameter.getType();
        }
        return null;
    }

    private static java.lang.reflect.Type responseType(Method method) {
        for (APIResponse response : method.getAnnotationsByType(APIResponse.class)) {
            if (response.responseCode().equals("200") && response.content().length > 0
                    && response.content()[0].schema().implementation() != Void.class) {
                return response.content()[0].schema().implementation();
            }
        }
        return method.getGenericReturnType();
    }
}
