package org.rentrecovery.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.Path;

/**
 * Which methods each /api path takes, read from the resources' own JAX-RS annotations, so that a
 * 405 can say (Allow, RFC 9110 15.5.6) and so that a template does not swallow an action path beside
 * it: {@code GET /api/decisions/next-action} reaches {@code GET /api/decisions/{decisionId}} in the
 * router, but is a wrong method on {@code POST /api/decisions/next-action}, not a bad decision id.
 * Of several routes that match a path, the ones with the most literal characters win, as in JAX-RS.
 */
final class AllowedMethods {
    /** Every resource class with an /api path; {@code HttpDetailsTest} checks that none is left out. */
    static final List<Class<?>> RESOURCES = List.of(DecisionResource.class, BenefitCapResource.class,
            BatchDecisionResource.class, StoredDecisionResource.class, PolicyResource.class, PolicySuiteResource.class,
            ScenarioResource.class,
            SessionResource.class, PortfolioRunResource.class, WorklistResource.class);

    private record Route(Pattern path, int literalCharacters, String method, List<String> consumes) {
    }

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?}");
    private static final List<Route> ROUTES = routes();

    private AllowedMethods() {
    }

    /** The methods the path takes, comma-separated as in an Allow header; empty when no resource has the path. */
    static String allow(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routesOf(path)) {
            methods.add(route.method());
        }
        return String.join(", ", methods);
    }

    /**
     * The media types a body sent to the path with the method may have, as its resource methods declare them (a
     * wildcard left out); empty when the path does not take the method, or takes it without a declared body.
     */
    static List<String> consumes(String method, String path) {
        Set<String> types = new java.util.LinkedHashSet<>();
        for (Route route : routesOf(path)) {
            if (route.method().equals(method)) {
                route.consumes().stream().filter(type -> !type.contains("*")).forEach(types::add);
            }
        }
        return List.copyOf(types);
    }

    /** The routes that match the path with the most literal characters, as JAX-RS picks them. */
    private static List<Route> routesOf(String path) {
        List<Route> best = new ArrayList<>();
        int most = -1;
        for (Route route : ROUTES) {
            if (!route.path().matcher(path).matches() || route.literalCharacters() < most) {
                continue;
            }
            if (route.literalCharacters() > most) {
                most = route.literalCharacters();
                best.clear();
            }
            best.add(route);
        }
        return best;
    }

    /**
     * For a resource method reached through a path template: throws 405 when {@code path} is in fact
     * a literal route of its own (an action path) that does not take {@code method}.
     */
    static void refuseIfAnotherRoute(String method, String path) {
        Set<String> literal = new TreeSet<>();
        for (Route route : ROUTES) {
            if (route.literalCharacters() == path.length() && route.path().matcher(path).matches()) {
                literal.add(route.method());
            }
        }
        if (!literal.isEmpty() && !literal.contains(method)) {
            throw new NotAllowedException(literal.iterator().next(), literal.stream().skip(1).toArray(String[]::new));
        }
    }

    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = sub == null ? base : join(base, sub.value());
                StringBuilder regex = new StringBuilder();
                int literal = 0;
                int at = 0;
                Matcher variable = TEMPLATE.matcher(template);
                while (variable.find()) {
                    regex.append(Pattern.quote(template.substring(at, variable.start())));
                    literal += variable.start() - at;
                    regex.append('(').append(variable.group(1) == null ? "[^/]+" : variable.group(1).strip()).append(')');
                    at = variable.end();
                }
                regex.append(Pattern.quote(template.substring(at)));
                literal += template.length() - at;
                Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class)
                        : resource.getAnnotation(Consumes.class);
                routes.add(new Route(Pattern.compile(regex.toString()), literal, verb,
                        consumes == null ? List.of() : List.of(consumes.value())));
            }
        }
        return List.copyOf(routes);
    }

    private static String join(String base, String sub) {
        String tail = sub.startsWith("/") ? sub : "/" + sub;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + (tail.equals("/") ? "" : tail);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }
}
