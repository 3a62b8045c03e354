package org.rentrecovery.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.TimelineEntry;
import org.rentrecovery.support.DmnXml;

/** The store's timeline installed into the engine: what decisions use on each day. */
class PolicyEngineBridgeTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    PolicyVersions open(PolicyCompiler compiler, PolicyEngineBridge bridge) {
        PolicyVersions[] holder = new PolicyVersions[1];
        holder[0] = new PolicyVersions(new EmbeddedPolicyStore(directory), compiler, CLOCK, LONDON, 5_000_000,
                state -> bridge.install(holder[0]));
        holder[0].seedIfEmpty("seed", PolicyEngineBridge.seedModels());
        return holder[0];
    }

    @Test
    void decisionsUseTheVersionInForceOnTheirDateFromTheMomentItIsActivated() {
        PolicyModels models = PolicyModels.seeded("packaged");
        PolicyEngineBridge bridge = new PolicyEngineBridge(models);
        PolicyVersions versions = open(bridge.compiler(), bridge);
        bridge.install(versions);
        assertThat(models.forDate(TODAY).versionId()).isEqualTo("seed");
        assertThat(models.forDate(LocalDate.of(1850, 1, 1)).versionId()).isEqualTo("seed");

        PolicyVersion draft = versions.createDraft("seed", "Letter 1 from two weeks", "alice");
        versions.putModel(draft.id(), PolicyFiles.LADDER, PolicyFiles.ladderWithLetter1AtTwoWeeks(), "alice");
        versions.approve(draft.id(), "bob", null);
        versions.activate(draft.id(), TODAY.plusDays(1), "bob", null);

        assertThat(models.forDate(TODAY).versionId()).isEqualTo("seed");
        ModelSet tomorrow = models.forDate(TODAY.plusDays(1));
        assertThat(tomorrow.versionId()).isEqualTo(draft.id());
        assertThat(models.pinned(draft.id())).isSameAs(tomorrow);
        assertThat(tomorrow.files().get(PolicyFiles.LADDER)).isEqualTo(PolicyFiles.ladderWithLetter1AtTwoWeeks());

        versions.rollback(TODAY.plusDays(2), "bob", "undo");
        assertThat(models.timeline()).extracting(TimelineEntry::versionId).containsExactly("seed", draft.id(), "seed");
        assertThat(models.forDate(TODAY.plusDays(1)).versionId()).isEqualTo(draft.id());
        assertThat(models.forDate(TODAY.plusDays(2)).versionId()).isEqualTo("seed");
    }

    @Test
    void aStoredVersionThisReleaseCannotCompileIsLeftOutAndTheOneBeforeItStaysInForce() {
        // Stored by an earlier release that accepted it (here: a compiler that reads the XML only).
        PolicyModels models = PolicyModels.seeded("packaged");
        PolicyEngineBridge bridge = new PolicyEngineBridge(models);
        PolicyCompiler formOnly = (id, files) -> {
            files.forEach(DmnDocument::parse);
            return null;
        };
        PolicyVersions earlier = new PolicyVersions(new EmbeddedPolicyStore(directory), formOnly, CLOCK, LONDON, 5_000_000,
                state -> { });
        earlier.seedIfEmpty("seed", PolicyEngineBridge.seedModels());
        PolicyVersion draft = earlier.createDraft("seed", "an unknown step name", "alice");
        String unknownStep = DmnXml.of(PolicyFiles.ladder()).replaceTexts("\"LETTER_1\"", "\"LETTER_ONE\"").xml();
        earlier.putModel(draft.id(), PolicyFiles.LADDER, unknownStep.getBytes(StandardCharsets.UTF_8), "alice");
        earlier.approve(draft.id(), "bob", null);
        earlier.activate(draft.id(), TODAY, "bob", null);

        PolicyVersions now = new PolicyVersions(new EmbeddedPolicyStore(directory), bridge.compiler(), CLOCK, LONDON,
                5_000_000, state -> { });
        bridge.install(now);
        assertThat(models.timeline()).extracting(TimelineEntry::versionId).containsExactly("seed");
        assertThat(models.forDate(TODAY).versionId()).isEqualTo("seed");
        assertThat(now.timelineModels()).filteredOn(period -> period.versionId().equals(draft.id()))
                .singleElement().satisfies(period -> {
                    assertThat(period.models()).isEmpty();
                    assertThat(period.problems()).anySatisfy(p -> assertThat(p.message()).contains("LETTER_ONE"));
                });
    }
}
