package org.rentrecovery.scenarios;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.benefitcap.BenefitCapDecision;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.decision.Decision;

/**
 * docs/fields.md, the testers' field reference, generated from the contract itself: every request
 * path a {@code given} may set and every response path an {@code expect} may check, with its type,
 * its meaning (the contract's own description, else its name in words), what it may hold (the enum's
 * names, the vocabulary.dmn names, the guards, or the contract's limits) and an example.
 *
 * <p>Everything here is read from types, annotations and the packaged vocabulary, never from a
 * decision, so the page is the same whatever ran before it and changes only when the contract does.
 */
public final class FieldReference {
    private static final int DEEPEST = 6;

    private final ContractPaths request;
    private final ContractPaths response;
    private final ValueVocabulary names;

    public FieldReference(ValueVocabulary names) {
        ObjectMapper introspection = new ObjectMapper().registerModule(new JavaTimeModule());
        this.request = new ContractPaths(introspection, true);
        this.response = new ContractPaths(introspection, false);
        this.names = names;
    }

    /** One documented path. */
    public record Row(String path, String type, String meaning, String allowed, String example) {
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Field reference for scenario suites\n\n")
                .append("Generated from the contract (the request and response records, their validation limits and descriptions,\n")
                .append("the code's enums, the packaged `decision-tables/vocabulary.dmn` and the guards in `rules/`) by\n")
                .append("`FieldReference`; `FieldReferenceTest` fails when this page is out of date. Regenerate with\n")
                .append("`./mvnw test -Dtest=FieldReferenceTest -Dfields.write=true`.\n\n")
                .append("A `given` path sets a request field (`account.balance`, `tenancy.tenants[0].ageYears`); an `expect` path reads\n")
                .append("the response (`nextAction.type`, `blockedActions[*].blockedBy[*].guard`). Where a field names something (an action,\n")
                .append("a step, a team, a guard, a reason), an expected value must be one of its allowed values, or the suite is refused\n")
                .append("with \"did you mean\". See test-scenarios/README.md for matchers and files.\n\n")
                .append("- [Request: the case (`given`)](#request-the-case-given)\n")
                .append("- [Response: next-action, escalation, routing and write-off (`expect`)](#response-next-action-escalation-routing-and-write-off-expect)\n")
                .append("- [Response: benefit-cap (`expect`)](#response-benefit-cap-expect)\n")
                .append("- [Response: a refused case, `status: 400` (`expect`)](#response-a-refused-case-status-400-expect)\n\n");
        section(md, "Request: the case (`given`)", rows(request, CaseFacts.class, "[0]"));
        section(md, "Response: next-action, escalation, routing and write-off (`expect`)", rows(response, Decision.class, "[*]"));
        section(md, "Response: benefit-cap (`expect`)", rows(response, BenefitCapDecision.class, "[*]"));
        section(md, "Response: a refused case, `status: 400` (`expect`)", rows(response, Problem.class, "[*]"));
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<Row> rows) {
        md.append("## ").append(title).append("\n\n| path | type | meaning | allowed values | example |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| `").append(row.path()).append("` | ").append(cell(row.type())).append(" | ").append(cell(row.meaning()))
                    .append(" | ").append(cell(row.allowed())).append(" | ").append(row.example().isEmpty() ? "" : "`" + cell(row.example()) + "`")
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Every path under a root type, depth first in the contract's (alphabetical) property order. */
    List<Row> rows(ContractPaths paths, Class<?> root, String listBracket) {
        List<Row> rows = new ArrayList<>();
        walk(paths, paths.type(root), "", "", listBracket, rows, new LinkedHashSet<>(), 0);
        return rows;
    }

    private void walk(ContractPaths paths, JavaType owner, String prefix, String namePrefix, String listBracket, List<Row> rows,
            Set<Class<?>> seen, int depth) {
        if (depth > DEEPEST || !seen.add(owner.getRawClass())) {
            return;
        }
        for (Map.Entry<String, JavaType> property : paths.propertiesOf(owner).entrySet()) {
            String name = property.getKey();
            JavaType type = property.getValue();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            String namePath = namePrefix.isEmpty() ? name : namePrefix + "." + name;
            Field field = field(owner.getRawClass(), name);
            JavaType element = type;
            boolean list = type.isCollectionLikeType() || type.isArrayType();
            if (list) {
                element = type.getContentType();
            }
            rows.add(new Row(path, typeName(type), meaning(field, name, namePrefix), allowed(namePath, type, field),
                    example(field, element, list, namePath)));
            if (ContractPaths.isObject(element) && !ContractPaths.isOpen(element)) {
                walk(paths, element, list ? path + listBracket : path, namePath, listBracket, rows, seen, depth + 1);
            }
        }
        seen.remove(owner.getRawClass());
    }

    private static Field field(Class<?> owner, String name) {
        try {
            return owner.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    static String typeName(JavaType type) {
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "list of " + typeName(type.getContentType());
        }
        Class<?> raw = type.getRawClass();
        if (raw.isEnum()) {
            return "name";
        }
        if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
            return "number";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return "whole number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true/false";
        }
        if (raw == LocalDate.class) {
            return "date";
        }
        if (raw == OffsetDateTime.class) {
            return "date and time";
        }
        if (raw == String.class) {
            return "text";
        }
        if (ContractPaths.isOpen(type)) {
            return "any JSON";
        }
        return "block";
    }

    /** The contract's description, else the field's name in words and the block it is in ("Type (tenancy)"). */
    private static String meaning(Field field, String name, String owner) {
        Schema schema = field == null ? null : field.getAnnotation(Schema.class);
        if (schema != null && !schema.description().isBlank()) {
            return schema.description();
        }
        String words = words(name);
        String block = owner.isEmpty() ? "" : " (" + words(owner.substring(owner.lastIndexOf('.') + 1)) + ")";
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + block;
    }

    private static String words(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private String allowed(String namePath, JavaType type, Field field) {
        Optional<ValueVocabulary.Known> known = names.at(namePath, type);
        if (known.isPresent()) {
            return String.join(", ", known.get().values()) + " (" + known.get().source() + ")";
        }
        if (field == null) {
            return "";
        }
        List<String> limits = new ArrayList<>();
        for (Annotation annotation : field.getAnnotations()) {
            if (annotation instanceof NotNull || annotation instanceof NotBlank) {
                limits.add("required");
            } else if (annotation instanceof Size size) {
                limits.add(size.max() < Integer.MAX_VALUE ? "at most " + size.max() + (type.isCollectionLikeType() ? " items" : " characters")
                        : "at least " + size.min());
            } else if (annotation instanceof Digits digits) {
                limits.add("at most " + digits.fraction() + " decimals");
            } else if (annotation instanceof DecimalMin min) {
                limits.add((min.inclusive() ? "at least " : "more than ") + min.value());
            } else if (annotation instanceof DecimalMax max) {
                limits.add((max.inclusive() ? "at most " : "less than ") + max.value());
            } else if (annotation instanceof Min min) {
                limits.add("at least " + min.value());
            } else if (annotation instanceof Max max) {
                limits.add("at most " + max.value());
            } else if (annotation instanceof PositiveOrZero) {
                limits.add("not negative");
            } else if (annotation instanceof Positive) {
                limits.add("more than 0");
            }
        }
        return String.join("; ", limits);
    }

    /** The contract's own example, else one made from the type: the same on every run. */
    private String example(Field field, JavaType element, boolean list, String namePath) {
        Schema schema = field == null ? null : field.getAnnotation(Schema.class);
        if (schema != null && !schema.example().isBlank()) {
            return schema.example();
        }
        Optional<ValueVocabulary.Known> known = names.at(namePath, element);
        String one;
        if (known.isPresent()) {
            one = known.get().values().iterator().next();
        } else {
            Class<?> raw = element.getRawClass();
            if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
                one = "100.00";
            } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
                one = "1";
            } else if (raw == Boolean.class || raw == boolean.class) {
                one = "true";
            } else if (raw == LocalDate.class) {
                one = "2026-11-23";
            } else if (raw == OffsetDateTime.class) {
                one = "2026-11-23T09:00:00Z";
            } else {
                return "";
            }
        }
        return list ? "[" + one + "]" : one;
    }
}
