package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.rentrecovery.escalation.EscalationPolicy;

/** A group of inputs is built only for a model that declares one of its inputs; otherwise it is a placeholder. */
class InputGroupsTest {

    record Inner(Long daysSinceVisit, boolean visited) {
    }

    record Payments(BigDecimal paidThisWeek, long missed, int count, Inner inner, List<String> notes) {
    }

    /** A group whose constructor refuses the placeholder's nulls. */
    record Strict(String reason) {
        Strict {
            java.util.Objects.requireNonNull(reason);
        }
    }

    private static final Payments BUILT = new Payments(BigDecimal.TEN, 2, 3, new Inner(4L, true), List.of("x"));

    @Test
    void aGroupIsBuiltWhenTheModelDeclaresAnyOfItsInputsNestedOnesIncluded() {
        assertThat(InputGroups.declaring(Set.of("balance", "missed")).build(Payments.class, () -> BUILT)).isSameAs(BUILT);
        assertThat(InputGroups.declaring(Set.of("visited")).build(Payments.class, () -> BUILT)).isSameAs(BUILT);
        assertThat(InputGroups.ALL.build(Payments.class, () -> BUILT)).isSameAs(BUILT);
    }

    @Test
    void aGroupNoInputOfWhichIsDeclaredIsAPlaceholderOfDefaultsAndIsNotBuilt() {
        AtomicInteger builds = new AtomicInteger();
        InputGroups groups = InputGroups.declaring(Set.of("balance", "weeklyRent"));
        Payments placeholder = groups.build(Payments.class, () -> {
            builds.incrementAndGet();
            return BUILT;
        });
        assertThat(builds).hasValue(0);
        assertThat(placeholder).isEqualTo(new Payments(null, 0, 0, new Inner(null, false), null));
        assertThat(groups.reads(Payments.class)).isFalse();
    }

    @Test
    void aGroupThatRefusesAPlaceholderIsBuilt() {
        Strict built = new Strict("because");
        assertThat(InputGroups.declaring(Set.of("balance")).build(Strict.class, () -> built)).isSameAs(built);
    }

    @Test
    void theSeedLadderReadsNoneOfTheLadderGroupsAndTheNorthfieldLadderReadsThemAll() throws java.io.IOException {
        InputGroups seed = PolicyModels.seeded().forDate(java.time.LocalDate.of(2026, 11, 23)).inputGroups(EscalationPolicy.LADDER);
        List<Class<? extends Record>> groups = List.of(org.rentrecovery.escalation.CaseEvents.class,
                org.rentrecovery.escalation.StepDays.class, org.rentrecovery.escalation.StepHistory.class,
                org.rentrecovery.escalation.BalanceWindows.class);
        assertThat(groups).noneMatch(seed::reads);
        java.nio.file.Path folder = java.nio.file.Path.of(PolicyModels.SEED_FOLDER, PolicyModels.EXAMPLES_FOLDER, "northfield");
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        try (var paths = java.nio.file.Files.walk(folder)) {
            for (java.nio.file.Path path : paths.filter(p -> p.toString().endsWith(".dmn")).toList()) {
                files.put(folder.relativize(path).toString(), java.nio.file.Files.readAllBytes(path));
            }
        }
        InputGroups northfield = ModelSetCompiler.compile("northfield", files).inputGroups(EscalationPolicy.LADDER);
        assertThat(groups).allMatch(northfield::reads);
    }
}
