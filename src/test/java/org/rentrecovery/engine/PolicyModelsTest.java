package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The policy timeline: the version in force on a date, a pinned version, an atomic swap. */
class PolicyModelsTest {
    private static final ModelSet SEED = PolicyModels.classpathSeed("seed");

    @Test
    void withoutAStoreTheSeedIsInForceOnAnyDate() {
        PolicyModels models = PolicyModels.seeded("2026.11.0");
        assertThat(models.forDate(LocalDate.of(1990, 1, 1)).versionId()).isEqualTo("2026.11.0");
        assertThat(models.forDate(LocalDate.of(2040, 1, 1)).versionId()).isEqualTo("2026.11.0");
        assertThat(models.pinned("2026.11.0").versionId()).isEqualTo("2026.11.0");
    }

    @Test
    void theVersionInForceIsTheLatestThatTookEffectOnOrBeforeTheDate() {
        PolicyModels models = PolicyModels.seeded("seed");
        ModelSet v1 = PolicyModels.classpathSeed("v1");
        ModelSet v2 = PolicyModels.classpathSeed("v2");
        models.install(List.of(new TimelineEntry("v2", LocalDate.of(2027, 4, 1), v2),
                new TimelineEntry("v1", LocalDate.of(2026, 4, 1), v1)));
        assertThat(models.forDate(LocalDate.of(2026, 4, 1)).versionId()).isEqualTo("v1");
        assertThat(models.forDate(LocalDate.of(2027, 3, 31)).versionId()).isEqualTo("v1");
        assertThat(models.forDate(LocalDate.of(2027, 4, 1)).versionId()).isEqualTo("v2");
        assertThat(models.pinned("v1")).isSameAs(v1);
        assertThat(models.timeline()).extracting(TimelineEntry::versionId).containsExactly("v1", "v2");
        assertThatThrownBy(() -> models.forDate(LocalDate.of(2026, 3, 31)))
                .isInstanceOf(UnknownPolicyVersionException.class).hasMessageContaining("2026-04-01");
        assertThatThrownBy(() -> models.pinned("seed")).isInstanceOf(UnknownPolicyVersionException.class)
                .hasMessageContaining("v1");
    }

    @Test
    void aTimelineWithTwoVersionsOnOneDayOrOneVersionTwiceWithOtherModelsIsRefusedAndTheOldOneStays() {
        PolicyModels models = PolicyModels.seeded("seed");
        LocalDate day = LocalDate.of(2026, 4, 1);
        assertThatThrownBy(() -> models.install(List.of(new TimelineEntry("a", day, SEED), new TimelineEntry("b", day, SEED))))
                .isInstanceOf(IllegalArgumentException.class);
        ModelSet otherA = PolicyModels.classpathSeed("a");
        assertThatThrownBy(() -> models.install(List.of(new TimelineEntry("a", day, SEED),
                new TimelineEntry("a", day.plusDays(1), otherA)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> models.install(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(models.forDate(day).versionId()).isEqualTo("seed");
    }

    @Test
    void aRolledBackVersionComesBackOnTheTimelineWithTheSameModels() {
        PolicyModels models = PolicyModels.seeded("seed");
        ModelSet a = PolicyModels.classpathSeed("a");
        ModelSet b = PolicyModels.classpathSeed("b");
        models.install(List.of(new TimelineEntry("a", LocalDate.MIN, a), new TimelineEntry("b", LocalDate.of(2026, 5, 1), b),
                new TimelineEntry("a", LocalDate.of(2026, 6, 1), a)));
        assertThat(models.forDate(LocalDate.of(2026, 5, 31)).versionId()).isEqualTo("b");
        assertThat(models.forDate(LocalDate.of(2026, 6, 1))).isSameAs(a);
        assertThat(models.forDate(LocalDate.of(1800, 1, 1))).isSameAs(a);
    }
}
