package org.rentrecovery.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.assertj.core.api.SoftAssertions;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.rentrecovery.scenarios.Scenario;
import org.rentrecovery.scenarios.ScenarioTargets;
import org.rentrecovery.scenarios.Suite;
import org.rentrecovery.scenarios.SuiteLoader;
import org.rentrecovery.support.Scenarios;
import org.rentrecovery.support.TestCases;

/**
 * The pre-check says "valid" only where Hibernate Validator finds nothing, and does say it for the valid cases the
 * repository holds; at each bound of each constraint the case uses it agrees with Hibernate Validator; what it does not
 * know (another constraint, group or container, a getter) leaves it not sure. The random mutations are in
 * {@link ConstraintPreCheckMutationTest}.
 */
class ConstraintPreCheckTest {
    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    static final ConstraintPreCheck CASE_CHECK = ConstraintPreCheck.of(VALIDATOR, CaseFacts.class);

    @Test
    void everyRepositoryCaseIsCalledValidByThePreCheckExactlyWhenHibernateValidatorFindsNothing() throws IOException {
        Map<String, CaseFacts> cases = repositoryCases();
        int valid = 0;
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, CaseFacts> known : cases.entrySet()) {
            boolean hibernate = VALIDATOR.validate(known.getValue()).isEmpty();
            softly.assertThat(CASE_CHECK.certainlyValid(known.getValue())).as(known.getKey()).isEqualTo(hibernate);
            valid += hibernate ? 1 : 0;
        }
        softly.assertAll();
        assertThat(cases).hasSizeGreaterThan(300);
        assertThat(valid).isGreaterThan(300);
    }

    /** Each bound of each constraint type the case uses, just inside and just outside, on a field that has it. */
    @Test
    void atEachBoundThePreCheckAgreesWithHibernateValidator() {
        String digits64 = "\"" + "A".repeat(64) + "\"";
        String digits65 = "\"" + "A".repeat(65) + "\"";
        Object[][] table = {
                // @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
                {"tenancy.rentPerPeriod", "0.00", false}, {"tenancy.rentPerPeriod", "0.01", true},
                {"tenancy.rentPerPeriod", "-0.01", false}, {"tenancy.rentPerPeriod", "0", false},
                {"tenancy.rentPerPeriod", "9999999.99", true}, {"tenancy.rentPerPeriod", "10000000", true},
                {"tenancy.rentPerPeriod", "10000000.00", true}, {"tenancy.rentPerPeriod", "10000000.01", false},
                {"tenancy.rentPerPeriod", "1E+7", true}, {"tenancy.rentPerPeriod", "1.0E+7", true},
                {"tenancy.rentPerPeriod", "1.000", false}, {"tenancy.rentPerPeriod", "1.001", false},
                {"tenancy.rentPerPeriod", "1.00", true}, {"tenancy.rentPerPeriod", "null", false},
                // @DecimalMin("-10000000") inclusive, @Digits(integer = 8, fraction = 2): digits alone, above the max
                {"account.balance", "-10000000", true}, {"account.balance", "-10000000.01", false},
                {"account.balance", "12345678.99", false}, {"account.balance", "123456789.00", false},
                {"account.balance", "0.00", true}, {"account.balance", "-0.001", false},
                {"tenancy.serviceChargePerPeriod", "12345678.99", false}, {"tenancy.serviceChargePerPeriod", "1E+2", true},
                // @PositiveOrZero on a BigDecimal
                {"account.technicalArrears", "0", true}, {"account.technicalArrears", "-0.00", true},
                {"account.technicalArrears", "-0.01", false}, {"account.technicalArrears", "0.01", true},
                // @NotBlank @Size(max = 64) @Pattern(printable)
                {"caseRef", "\"\"", false}, {"caseRef", "\"  \"", false}, {"caseRef", "\"\\t\"", false},
                {"caseRef", "\"\\u00a0\"", true}, {"caseRef", "null", false}, {"caseRef", "\"A\\u0007B\"", false},
                {"caseRef", "\"A\\u007fB\"", false}, {"caseRef", "\"A B\"", true}, {"caseRef", "\"\\u0085\"", false},
                {"caseRef", digits64, true}, {"caseRef", digits65, false}, {"policyVersion", digits65, false},
                {"officer", "\"\"", true}, {"officer", "\" \"", true}, {"officer", "\"\\ue000\"", false},
                // @Min(0) @Max(120) and @Max(1000) on Integer
                {"tenancy.tenants[0].ageYears", "-1", false}, {"tenancy.tenants[0].ageYears", "0", true},
                {"tenancy.tenants[0].ageYears", "120", true}, {"tenancy.tenants[0].ageYears", "121", false},
                {"arrangement", "{\"status\": \"KEPT\", \"missedPayments\": 1000}", true},
                {"arrangement", "{\"status\": \"KEPT\", \"missedPayments\": 1001}", false},
                {"arrangement", "{\"status\": \"KEPT\", \"previouslyBroken\": -1}", false},
                // @Pattern(CODE) on a list element's field, @NotNull on list elements, @Size on lists
                {"recovery", "{\"actions\": [{\"type\": \"LANDLORD_ACTION\", \"date\": \"2026-11-01\", \"code\": \"A1_\"}]}", true},
                {"recovery", "{\"actions\": [{\"type\": \"LANDLORD_ACTION\", \"date\": \"2026-11-01\", \"code\": \"a1\"}]}", false},
                {"recovery", "{\"actions\": [{\"type\": \"LANDLORD_ACTION\", \"date\": \"2026-11-01\", \"code\": \"1A\"}]}", false},
                {"recovery", "{\"actions\": [null]}", false}, {"recovery", "{\"actions\": []}", true},
                {"recovery", "{\"actions\": " + actions(1000) + "}", true}, {"recovery", "{\"actions\": " + actions(1001) + "}", false},
                {"recovery", notice("[\"GROUND_10\", \"GROUND_11\", \"GROUND_10\", \"GROUND_11\"]"), true},
                {"recovery", notice("[\"GROUND_10\", \"GROUND_11\", \"GROUND_10\", \"GROUND_11\", \"GROUND_10\"]"), false},
                {"recovery", notice("[null]"), false},
                {"tenancy.tenants", "[{\"id\": \"T1\"}, {\"id\": \" \"}]", false}, {"tenancy.tenants", "[{\"id\": \"T1\"}, {}]", false},
                // @NotNull inside an optional block, and on a cascaded required block
                {"pause", "{\"until\": \"2026-12-01\"}", true}, {"pause", "{}", false}, {"account", "null", false},
                {"vulnerability", "{\"flags\": [null]}", false}, {"vulnerability", "{\"flags\": []}", true},
                {"insolvency", "{\"type\": \"DRO\", \"date\": \"2026-01-01\", \"arrearsCovered\": -1}", false},
        };
        SoftAssertions softly = new SoftAssertions();
        for (Object[] row : table) {
            CaseFacts facts = secureWith((String) row[0], (String) row[1]);
            String what = row[0] + " = " + row[1];
            softly.assertThat(VALIDATOR.validate(facts).isEmpty()).as("Hibernate Validator on " + what).isEqualTo(row[2]);
            softly.assertThat(CASE_CHECK.certainlyValid(facts)).as("the pre-check on " + what).isEqualTo(row[2]);
        }
        softly.assertAll();
    }

    record Flagged(@Pattern(regexp = "ab+c", flags = {Pattern.Flag.CASE_INSENSITIVE, Pattern.Flag.COMMENTS}) String code,
            @Min(1) @Max(3) int count, @Size(min = 2, max = 3) @NotBlank String name) {
    }

    @Test
    void aPatternsFlagsAPrimitiveAndASizeMinimumAreHeldAsHibernateValidatorHoldsThem() {
        ConstraintPreCheck check = ConstraintPreCheck.of(VALIDATOR, Flagged.class);
        for (Flagged probe : List.of(new Flagged("ABBC", 1, "ab"), new Flagged("a b c", 3, "abc"), new Flagged("abd", 2, "ab"),
                new Flagged(null, 0, "ab"), new Flagged(null, 4, "ab"), new Flagged(null, 2, "a"), new Flagged(null, 2, "abcd"),
                new Flagged(null, 2, "  "))) {
            assertThat(check.certainlyValid(probe)).as(probe.toString()).isEqualTo(VALIDATOR.validate(probe).isEmpty());
        }
        assertThat(check.certainlyValid(new Flagged("aBbC", 2, "ab"))).isTrue();
    }

    interface Extra {
    }

    record UnknownConstraint(@Email String mail) {
    }

    record OtherGroup(@NotNull(groups = Extra.class) String name) {
    }

    record WithGetter(@NotBlank String name) {
        public String getName() {
            return "always";
        }
    }

    /** Hibernate Validator checks the field; the accessor says otherwise. */
    record OwnAccessor(@NotBlank String name) {
        @Override
        public String name() {
            return "always";
        }
    }

    record OtherContainer(Map<String, @NotNull String> byKey, @Valid Map<String, OtherGroup> cascaded) {
    }

    record Holder(@Valid UnknownConstraint unknown, List<@NotNull String> names) {
    }

    @Test
    void whatThePreCheckDoesNotKnowLeavesItNotSureWhereverItIsPresent() {
        assertThat(ConstraintPreCheck.of(VALIDATOR, UnknownConstraint.class).certainlyValid(new UnknownConstraint("a@b.c"))).isFalse();
        assertThat(ConstraintPreCheck.of(VALIDATOR, OtherGroup.class).certainlyValid(new OtherGroup("x"))).isFalse();
        assertThat(ConstraintPreCheck.of(VALIDATOR, WithGetter.class).certainlyValid(new WithGetter("x"))).isFalse();
        assertThat(ConstraintPreCheck.of(VALIDATOR, OtherContainer.class).certainlyValid(new OtherContainer(Map.of(), null))).isFalse();
        assertThat(ConstraintPreCheck.of(VALIDATOR, OtherContainer.class).certainlyValid(new OtherContainer(null, Map.of()))).isFalse();

        OwnAccessor blank = new OwnAccessor(" ");
        assertThat(VALIDATOR.validate(blank)).hasSize(1);
        assertThat(ConstraintPreCheck.of(VALIDATOR, OwnAccessor.class).certainlyValid(blank)).isFalse();
        assertThat(ConstraintPreCheck.of(VALIDATOR, OwnAccessor.class).certainlyValid(new OwnAccessor("x"))).isTrue();

        ConstraintPreCheck holder = ConstraintPreCheck.of(VALIDATOR, Holder.class);
        assertThat(holder.certainlyValid(new Holder(null, List.of("a")))).as("the unknown record absent").isTrue();
        assertThat(holder.certainlyValid(new Holder(new UnknownConstraint("a@b.c"), List.of("a")))).isFalse();
        assertThat(holder.certainlyValid(new Holder(null, new java.util.LinkedList<>(List.of("a"))))).isFalse();
    }

    /** Every case the repository holds that reads as one: the scenario suites' requests, the test and bench cases. */
    static Map<String, CaseFacts> repositoryCases() throws IOException {
        Map<String, CaseFacts> cases = new LinkedHashMap<>();
        SuiteLoader loader = new SuiteLoader(ScenarioTargets.of(Scenarios.reader(), null));
        for (Suite suite : loader.load(Scenarios.SUITES).suites()) {
            for (Scenario scenario : suite.scenarios()) {
                readable(scenario.request()).ifPresent(facts -> cases.put(scenario.location(), facts));
            }
        }
        cases.put("TestCases.secure", TestCases.secure().facts());
        cases.put("TestCases.assured", TestCases.assured().facts());
        List<Path> files = new ArrayList<>(List.of(Path.of("bench/secure-notice-case.json")));
        try (Stream<Path> examples = Files.list(Path.of("docs/benefit-cap-examples"))) {
            examples.sorted().forEach(files::add);
        }
        for (Path file : files) {
            cases.put(file.toString(), TestCases.MAPPER.readValue(file.toFile(), CaseFacts.class));
        }
        return cases;
    }

    static java.util.Optional<CaseFacts> readable(JsonNode request) {
        try {
            return java.util.Optional.ofNullable(TestCases.MAPPER.treeToValue(request, CaseFacts.class));
        } catch (JsonProcessingException | IllegalArgumentException notACase) {
            return java.util.Optional.empty(); // a scenario about a request Jackson refuses
        }
    }

    /** The secure test case with the JSON text at a path, numbers read exactly as written (scale and exponent). */
    private static CaseFacts secureWith(String path, String json) {
        String placeholder = "@@value@@";
        TestCases base = TestCases.secure();
        if (path.startsWith("tenancy.tenants[0].")) {
            base.set("tenancy.tenants", List.of(Map.of("id", "T1", path.substring("tenancy.tenants[0].".length()), placeholder)));
        } else {
            base.set(path, placeholder);
        }
        try {
            return TestCases.MAPPER.readValue(base.json().replace("\"" + placeholder + "\"", json), CaseFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + " = " + json + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String actions(int count) {
        return "[" + String.join(",", java.util.Collections.nCopies(count, "{\"type\": \"SEND_SMS_REMINDER\", \"date\": \"2026-11-01\"}")) + "]";
    }

    private static String notice(String grounds) {
        return "{\"notice\": {\"type\": \"SECTION_8\", \"servedOn\": \"2026-10-01\", \"grounds\": " + grounds + "}}";
    }
}
